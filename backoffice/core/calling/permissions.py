"""Outgoing-call permissions: restriction profiles, a policy per category of call, or
international calls per destination country.

One model for every carrier (``calling_option`` rows of feature ``call_permissions``, per
line or for the whole tenant, as the offer's scope says), narrowed by
``CallPermissionLimits``: the profiles a line may be given, the categories (long distance,
international) and their policies (disabled, with an access code, unlimited), or a global
switch with a switch per country (countries from babel, names in the agent's language).
"""

from __future__ import annotations

from typing import Any

from babel import Locale
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import fields, post_load, validate
from phonenumbers import SUPPORTED_REGIONS

from backoffice.core.calling import store
from backoffice.core.calling.outgoing import Reach, domestic_regions, reach
from backoffice.core.carriers import carrier_country, offer_of, offers
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.errors import N_, Violation
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.limits import CallPermissionLimits, RestrictionProfile
from backoffice.core.models import Line, Tenant
from backoffice.i18n import current_language

CHOOSE = _l("Choose one of: {choices}.")
FEATURE = "call_permissions"
POLICY_LABELS = {"disabled": N_("Disabled"), "code": N_("With code"),
                 "unlimited": N_("Unlimited")}
CATEGORY_LABELS = {"long_distance": N_("Long-distance calls"),
                   "international": N_("International calls")}
MAX_CODE_DIGITS = 15
_SCHEMAS: dict[str, type[SettingsSchema]] = {}


def limits_of(tenant: Tenant) -> CallPermissionLimits:
    return offer_of(tenant, FEATURE).limits


def countries(country: str, language: str | None = None) -> list[tuple[str, str]]:
    """The countries an international call can reach from ``country``, named in the
    agent's language, by name: babel's territories that phonenumbers dials."""
    names = Locale.parse(language or current_language()).territories
    home = set(domestic_regions(country))
    found = [(code, names[code]) for code in SUPPORTED_REGIONS
             if code in names and code not in home]
    return sorted(found, key=lambda item: item[1])


def _country_choices(tenant: Tenant) -> list[tuple[str, str]]:
    return countries(carrier_country(tenant))


class _PermissionsSchema(SettingsSchema):
    categories: tuple[str, ...] = ()

    @post_load
    def _drop_unused_codes(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        for category in self.categories:
            if data.get(category) != "code":
                data[f"{category}_code"] = None
        if "blocked_countries" in data:
            data["blocked_countries"] = sorted({code.upper() for code in
                                                data["blocked_countries"]})
        return data


def schema(tenant: Tenant) -> SettingsSchema:
    """The block's schema for the tenant's carrier, from its ``CallPermissionLimits``."""
    if tenant.carrier_id not in _SCHEMAS:
        limits = limits_of(tenant)
        attributes: dict[str, Any] = {"categories": limits.categories}
        if limits.profiles:
            attributes["profile"] = fields.String(
                load_default=limits.default_profile,
                validate=validate.OneOf([profile.id for profile in limits.profiles],
                                        error=CHOOSE),
                metadata={"label": N_("Call restriction"), "choice_labels": {
                    profile.id: profile.label for profile in limits.profiles}})
        for category in limits.categories:
            attributes[category] = fields.String(
                load_default=limits.default_policy,
                validate=validate.OneOf(limits.policies, error=CHOOSE),
                metadata={"label": CATEGORY_LABELS[category], "choice_labels": {
                    policy: POLICY_LABELS[policy] for policy in limits.policies}})
            if "code" in limits.policies:
                attributes[f"{category}_code"] = fields.String(
                    load_default=None, allow_none=True, metadata={
                        "label": N_("Access code"),
                        "help": N_("Digits the user keys in before the number, required "
                                   "“With code”.")})
        if limits.countries:
            attributes["enabled"] = fields.Boolean(
                load_default=limits.default_enabled,
                metadata={"label": N_("International calls")})
            attributes["blocked_countries"] = fields.List(
                fields.String(), load_default=list, metadata={
                    "label": N_("Countries turned off"), "choices": _country_choices,
                    "help": N_("One country code a line (ISO, such as FR or MX); every "
                               "other country is on while international calls are on.")})
        attributes["version"] = fields.Integer(dump_only=True)
        name = "".join(part.capitalize() for part in tenant.carrier_id.split("_"))
        _SCHEMAS[tenant.carrier_id] = type(f"{name}CallPermissionsSchema",
                                           (_PermissionsSchema,), attributes)
    return _SCHEMAS[tenant.carrier_id](region=carrier_country(tenant))


def checks(tenant: Tenant, line: Line | None) -> list[store.Check]:
    limits = limits_of(tenant)

    def check(clean: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        for category in limits.categories:
            code = clean.get(f"{category}_code")
            if clean.get(category) == "code" and not code:
                found.append(Violation(
                    code=f"call_permissions.{category}_code.required",
                    field=f"{category}_code",
                    message=N_("“With code” needs the access code the user keys in.")))
            elif code and not (code.isdigit() and len(code) <= MAX_CODE_DIGITS):
                found.append(Violation(
                    code=f"call_permissions.{category}_code.invalid",
                    field=f"{category}_code", limit=MAX_CODE_DIGITS,
                    params={"max": MAX_CODE_DIGITS},
                    message=N_("An access code is digits only, at most %(max)s.")))
        if limits.countries:
            known = {code for code, _ in countries(carrier_country(tenant), "en")}
            unknown = [code for code in clean.get("blocked_countries", []) if code not in known]
            if unknown:
                found.append(Violation(
                    code="call_permissions.blocked_countries.unknown",
                    field="blocked_countries", params={"values": ", ".join(unknown)},
                    message=N_("Not a country international calls reach: %(values)s.")))
        return found

    return [check]


def _owner(tenant: Tenant, line: Line | None) -> Line | None:
    return line if offer_of(tenant, FEATURE).scope == "line" else None


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    return store.read_options(store.option_row(tenant, _owner(tenant, line), FEATURE),
                              store.schema_defaults(schema(tenant)))


def call_permissions_block(*, guide_section: str, title: str = N_("Call permissions"),
                           block_id: str = "call-permissions") -> store.OptionsBlock:
    """The line's (or the tenant's) outgoing-call permissions, within the carrier's limits."""
    return store.options_block(
        id=block_id, feature=FEATURE, title=title, schema=schema, checks=checks,
        guide_section=guide_section,
        tenant_wide=lambda tenant: offer_of(tenant, FEATURE).scope == "tenant")


def profile_of(tenant: Tenant, line: Line) -> RestrictionProfile | None:
    """The line's restriction profile: its saved one, or the offer's default."""
    limits = limits_of(tenant)
    wanted = read(tenant, line).get("profile")
    return next((profile for profile in limits.profiles if profile.id == wanted), None)


def permission_steps(*, call: CallContext, tenant: Tenant, line: Line,
                     guide_section: str) -> list[CallStep]:
    """The policy of the dialled number's category, and the country switches: a refused
    call ends; an allowed one goes on. No step where the feature is not offered."""
    if call.direction != "outgoing" or not call.dialled or not offers(tenant, FEATURE) \
            or not offers(tenant, FEATURE, _owner(tenant, line)):
        return []
    limits = limits_of(tenant)
    values = read(tenant, line)
    where = reach(tenant, line, call.dialled)
    steps: list[CallStep] = []
    if where.kind in limits.categories:
        steps.extend(_policy_steps(call, where, values, guide_section))
    if limits.countries and where.kind == "international" and not _final(steps):
        steps.extend(_country_steps(where, values, guide_section))
    return steps


def _final(steps: list[CallStep]) -> bool:
    return any(step.final for step in steps)


def _policy_steps(call: CallContext, where: Reach, values: dict[str, Any],
                  section: str) -> list[CallStep]:
    category = where.kind
    policy = values.get(category)
    words = gettext(CATEGORY_LABELS[category])
    code = f"call_permissions.{category}.{policy}"
    if policy == "disabled":
        return [CallStep("reject", gettext(
            "%(category)s are disabled for this line: the call does not go out.",
            category=words), section, final=True, code=code)]
    if policy == "code":
        if call.digits and call.digits == values.get(f"{category}_code"):
            return [CallStep("allow", gettext(
                "%(category)s need an access code, and the user keyed in the right one.",
                category=words), section, code=code)]
        return [CallStep("reject", gettext(
            "%(category)s need an access code, and the user keyed in none or a wrong one: "
            "the call does not go out.", category=words), section, final=True, code=code)]
    return [CallStep("allow", gettext("%(category)s are unlimited for this line.",
                                      category=words), section, code=code)]


def _country_steps(where: Reach, values: dict[str, Any], section: str) -> list[CallStep]:
    name = Locale.parse(current_language()).territories.get(where.region or "", where.region)
    if not values.get("enabled"):
        return [CallStep("reject", gettext(
            "International calls are turned off for the customer: the call to %(country)s "
            "does not go out.", country=name), section, final=True,
            code="call_permissions.international.disabled")]
    if where.region in values.get("blocked_countries", []):
        return [CallStep("reject", gettext(
            "International calls to %(country)s are turned off: the call does not go out.",
            country=name), section, final=True, code="call_permissions.country.disabled")]
    return [CallStep("allow", gettext(
        "International calls are on, and so are calls to %(country)s.", country=name),
        section, code="call_permissions.country.enabled")]
