"""Caller-ID presentation: what the callee of a line's outgoing call sees.

One model for every carrier (``calling_option`` rows of feature ``caller_id``), narrowed by
``CallerIdLimits``: the presentations offered (the line's number, hidden, an alternate
number), the default, a caller-ID name and its length, whether an alternate presentation
needs a name and a number, whether the number is one of the customer's own lines.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import fields, post_load, validate
from sqlalchemy import select

from backoffice.core.calling import store
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.errors import N_, Violation
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.limits import CallerIdLimits
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import national
from backoffice.core.schemas import PhoneNumber
from backoffice.extensions import db

CHOOSE = _l("Choose one of: {choices}.")
FEATURE = "caller_id"
MODE_LABELS = {"line": N_("Show the line's number"), "hidden": N_("Hide the number"),
               "alternate": N_("Show an alternate number")}
_SCHEMAS: dict[str, type[SettingsSchema]] = {}


def limits_of(tenant: Tenant) -> CallerIdLimits:
    return offer_of(tenant, FEATURE).limits


def tenant_numbers(tenant: Tenant) -> list[tuple[str, str]]:
    """The customer's line numbers, with who uses each: the alternate numbers to pick."""
    rows = db.session.execute(select(Line.number, Line.first_name, Line.last_name).where(
        Line.tenant_id == tenant.id, Line.number.is_not(None)).order_by(Line.number))
    return [(number, " ".join(filter(None, (national(number), first, last))))
            for number, first, last in rows]


class _CallerIdSchema(SettingsSchema):
    @post_load
    def _picked_number(self, data: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        """A number picked among the customer's is the alternate number, unless one is
        typed; a typed number that is not the picked one clears the pick."""
        if "company_number" not in self.fields:
            return data
        if data.get("number") is None:
            data["number"] = data.get("company_number")
        elif data.get("company_number") != data["number"]:
            data["company_number"] = None
        return data


def schema(tenant: Tenant) -> SettingsSchema:
    """The block's schema for the tenant's carrier, from its ``CallerIdLimits``."""
    if tenant.carrier_id not in _SCHEMAS:
        limits = limits_of(tenant)
        name = "".join(part.capitalize() for part in tenant.carrier_id.split("_"))
        attributes: dict[str, Any] = {
            "mode": fields.String(load_default=limits.default, validate=validate.OneOf(
                limits.modes, error=CHOOSE), metadata={
                "label": N_("Number shown"),
                "choice_labels": {mode: MODE_LABELS[mode] for mode in limits.modes}}),
            "number": PhoneNumber(load_default=None, allow_none=True, metadata={
                "label": N_("Alternate number"),
                "help": N_("One of the customer's line numbers.") if limits.numbers_of_tenant
                else N_("Type any number, or select one of the customer's lines below."),
                **({"choices": tenant_numbers} if limits.numbers_of_tenant else {})}),
            "version": fields.Integer(dump_only=True),
        }
        if not limits.numbers_of_tenant and "alternate" in limits.modes:
            attributes["company_number"] = PhoneNumber(
                load_default=None, allow_none=True, metadata={
                    "label": N_("Or select one of the customer's numbers"),
                    "choices": tenant_numbers,
                    "help": N_("Used when no number is typed above.")})
        if limits.name_max_length is not None:
            attributes["name"] = fields.String(load_default=None, allow_none=True, metadata={
                "label": N_("Caller ID name"),
                "help": N_("Accents and special characters do not show on many phones: "
                           "better avoid them.")})
        _SCHEMAS[tenant.carrier_id] = type(f"{name}CallerIdSchema", (_CallerIdSchema,),
                                           attributes)
    return _SCHEMAS[tenant.carrier_id](region=carrier_country(tenant))


def checks(tenant: Tenant, line: Line | None) -> list[store.Check]:
    limits = limits_of(tenant)

    def check(clean: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        name = clean.get("name")
        if name is not None and limits.name_max_length is not None \
                and len(name) > limits.name_max_length:
            found.append(Violation(
                code="caller_id.name.too_long", field="name", limit=limits.name_max_length,
                params={"max": limits.name_max_length, "length": len(name)},
                message=N_("The caller ID name has %(length)s characters: at most %(max)s.")))
        if clean["mode"] != "alternate":
            return found
        if clean.get("number") is None:
            found.append(Violation(
                code="caller_id.number.required", field="number",
                message=N_("Give the alternate number the callee sees.")))
        elif limits.numbers_of_tenant and clean["number"] not in dict(tenant_numbers(tenant)):
            found.append(Violation(
                code="caller_id.number.not_of_tenant", field="number",
                params={"value": national(clean["number"])},
                message=N_("%(value)s is not one of the customer's line numbers.")))
        if limits.name_and_number and not name:
            found.append(Violation(
                code="caller_id.name.required", field="name",
                message=N_("A caller ID needs a name and a number: without a name the "
                           "system does not use it (put the number as the name if there "
                           "is no name).")))
        return found

    return [check]


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    return store.read_options(store.option_row(tenant, line, FEATURE),
                              store.schema_defaults(schema(tenant)))


def caller_id_block(*, guide_section: str, title: str = N_("Caller ID"),
                    block_id: str = "caller-id") -> store.OptionsBlock:
    """The line's caller-ID presentation, within the carrier's ``CallerIdLimits``."""
    return store.options_block(id=block_id, feature=FEATURE, title=title, schema=schema,
                               checks=checks, guide_section=guide_section)


def presentation(tenant: Tenant, line: Line) -> tuple[str, str]:
    """What the callee sees (``target``) and why, in the agent's language."""
    values = read(tenant, line)
    if values["mode"] == "hidden":
        return "anonymous", gettext("The line hides its number: the callee sees an "
                                    "anonymous call.")
    if values["mode"] == "alternate" and values.get("number"):
        shown = national(values["number"])
        if values.get("name"):
            return values["number"], gettext(
                "The callee sees the alternate caller ID “%(name)s” %(number)s, and calls "
                "it back, not the line.", name=values["name"], number=shown)
        return values["number"], gettext(
            "The callee sees the alternate number %(number)s, and calls it back, not the "
            "line.", number=shown)
    if line.number:
        return line.number, gettext("The callee sees the line's number %(number)s.",
                                    number=national(line.number))
    return "", gettext("The line has no number of its own: the callee sees the customer's "
                       "default caller ID.")
