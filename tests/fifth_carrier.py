"""A fifth carrier that exists only in the test suite, written against the public contract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask
from flask.views import MethodView
from flask_smorest import Blueprint as ApiBlueprint
from marshmallow import Schema, fields, validate

from backoffice.plugin import (
    N_,
    AccountSection,
    CallContext,
    CallStep,
    Carrier,
    FeatureOffer,
    ForwardingLimits,
    LimitError,
    Line,
    Outcome,
    PageLink,
    Plan,
    ProvisioningOrder,
    SandboxNetwork,
    SettingsBlock,
    Tenant,
    TriggerForm,
    Violation,
    hookimpl,
    line_or_404,
    offer_of,
    register_codes,
    tenant_or_404,
)


@dataclass(frozen=True)
class NightServiceLimits:
    """NordTel's own limits of its night service."""

    max_hours: int

    def check(self, plans: tuple[str, ...]) -> None:
        if not 0 < self.max_hours <= 24:
            raise LimitError("max_hours", f"{self.max_hours} is not 1..24")


def night_service_schema(tenant: Tenant | None) -> Schema:
    maximum = offer_of(tenant, "night_service").limits.max_hours if tenant else 24
    return Schema.from_dict({
        "hours": fields.Integer(required=True, validate=validate.Range(min=0, max=maximum)),
        "version": fields.Integer(dump_only=True),
    })()


def write_night_service(tenant: Tenant | None, line: Line | None, data: dict) -> None:
    """Keep the night service in memory; the version an API write carries is not stored."""
    clean = night_service_schema(tenant).load({k: v for k, v in data.items() if k != "version"})
    NIGHT_SERVICE.update(clean)


NIGHT_SERVICE = {"hours": 8}
#: NordTel's own refusal codes (a test-only carrier: not in docs/errors.md).
CODES = {"line.<field>.too_long": N_("The text is longer than `limit` characters.")}
register_codes(CODES)
NIGHT_SERVICE_BLOCK = SettingsBlock(
    id="night-service", feature="night_service", title="Night service",
    schema=night_service_schema,
    read=lambda tenant, line: dict(NIGHT_SERVICE, version=0),
    write=lambda tenant, line, data: write_night_service(tenant, line, data),
)
FORWARDING_BLOCK = TriggerForm("forwarding", {"always": "Forward every call"}).block(
    id="forwarding", title="Call forwarding")


class NordTelNetwork(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        return Outcome(True, N_("NordTel switch updated."))


class NordTel:
    """Offers forwarding with a 20-character name limit and a night service of its own."""

    pages = Blueprint("nordtel", __name__, url_prefix="/nordtel")
    resources = ApiBlueprint("nordtel_api", __name__, url_prefix="/api/v1/nordtel")

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="nordtel", name="NordTel", country="NO", default_locale="en",
                       timezone="Europe/Oslo")

    @hookimpl
    def carrier_plans(self) -> list[Plan]:
        return [Plan("basic", {"fr": "Ligne de base", "en": "Basic line"}, requires=("number",))]

    @hookimpl
    def carrier_features(self) -> list[FeatureOffer]:
        return [FeatureOffer("forwarding", "line", ("basic",),
                             ForwardingLimits(triggers=("always",), destinations=("number",))),
                FeatureOffer("night_service", "tenant", (), NightServiceLimits(max_hours=12))]

    @hookimpl
    def feature_blocks(self) -> list[SettingsBlock]:
        return [NIGHT_SERVICE_BLOCK, FORWARDING_BLOCK]

    @hookimpl
    def validate_change(self, feature: str, tenant: Tenant, line: Line | None,
                        data: dict[str, Any]) -> list[Violation]:
        if feature == "lines" and len(data.get("first_name") or "") > 20:
            return [Violation(code="line.first_name.too_long", field="first_name",
                              message=N_("At most %(max)s characters."), params={"max": 20},
                              limit=20)]
        return []

    @hookimpl
    def call_steps(self, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
        if call.moment.hour < 6:
            return [CallStep("forward", "NordTel night service", "NordTel guide §1",
                             target="+4722000000", final=True)]
        return []

    @hookimpl
    def carrier_network(self, app: Flask) -> NordTelNetwork:
        return NordTelNetwork(app)

    @hookimpl
    def demo_data(self, tenant_factory) -> None:
        tenant = tenant_factory.tenant("Fjord AS", "nordtel")
        tenant_factory.line(tenant, plan="basic", number="+47 22 12 34 56")

    @hookimpl
    def web_blueprints(self) -> list[Blueprint]:
        return [self.pages]

    @hookimpl
    def page_links(self) -> list[PageLink]:
        return [PageLink("nordtel.night_service_page", {"en": "Night service"}, "global"),
                PageLink("nordtel.switch_log", {"en": "Switch log", "fr": "Journal du commutateur"},
                         "tenant"),
                PageLink("nordtel.line_trace", {"en": "Line trace"}, "line", plans=("basic",))]

    @hookimpl
    def account_sections(self) -> list[AccountSection]:
        return [AccountSection("night_service", N_("Night service hours"),
                               lambda tenant: NIGHT_SERVICE["hours"],
                               lambda tenant: f"/nordtel/tenants/{tenant.id}/switch-log", 90)]

    @hookimpl
    def api_blueprints(self) -> list[ApiBlueprint]:
        return [self.resources]


@NordTel.pages.get("/night-service")
def night_service_page() -> str:
    return "NordTel night service"


@NordTel.pages.get("/tenants/<int:tenant_id>/switch-log")
def switch_log(tenant_id: int) -> str:
    return f"NordTel switch log of {tenant_or_404(tenant_id).name}"


@NordTel.pages.get("/tenants/<int:tenant_id>/lines/<int:line_id>/trace")
def line_trace(tenant_id: int, line_id: int) -> str:
    return f"NordTel trace of {line_or_404(tenant_or_404(tenant_id), line_id).number}"


@NordTel.resources.route("/night-service")
class NightService(MethodView):
    @NordTel.resources.response(200)
    def get(self):
        return {"max_hours": 12}
