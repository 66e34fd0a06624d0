"""Marshmallow schemas of the core objects. One schema serves the form and the API."""

from __future__ import annotations

import re
from typing import Any
from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, pre_load, validate

from backoffice.core.errors import N_
from backoffice.core.phone import InvalidNumber, to_e164


class PhoneNumber(fields.String):
    """A phone number in any common format, loaded as E.164 for the schema's region."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str | None:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        if not text:
            return None
        region = getattr(self.root, "region", None) or "ZZ"
        try:
            return to_e164(text, region)
        except InvalidNumber as exc:
            raise ValidationError(
                _l("“%(value)s” is not a valid phone number for %(region)s.",
                   value=text, region=region)
            ) from exc


class MacAddress(fields.String):
    """A MAC address typed with any separator, loaded as 12 upper-case hex digits."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str | None:
        text = super()._deserialize(value, attr, data, **kwargs)
        digits = re.sub(r"[\s:.\-]", "", text).upper()
        if not digits:
            if self.required:
                raise self.make_error("required")
            return None
        if not re.fullmatch(r"[0-9A-F]{12}", digits):
            raise ValidationError(_l("A MAC address has 12 hexadecimal digits (0-9, A-F)."))
        return digits


class Email(validate.Email):
    """marshmallow's e-mail check, whose (translated) message is built only for an address
    it refuses: marshmallow formats it before each check, a bulk import's hot spot."""

    def _format_error(self, value: str) -> str:
        return ""

    def __call__(self, value: str) -> str:
        try:
            return super().__call__(value)
        except ValidationError:
            raise ValidationError(self.error.format(input=value)) from None


class BaseSchema(Schema):
    """Trims text and reads an empty optional field as "not given"."""

    @pre_load
    def _clean_blanks(self, data: Any, **kwargs: Any) -> Any:
        if not isinstance(data, dict):
            return data
        cleaned = dict(data)
        for name, value in data.items():
            if isinstance(value, str):
                value = value.strip()
                field = self.fields.get(name)
                cleaned[name] = None if value == "" and field and field.allow_none else value
        return cleaned


class RegionalSchema(BaseSchema):
    """A schema that parses national phone numbers for the tenant's country."""

    def __init__(self, *args: Any, region: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.region = region


def known_timezone(value: str) -> None:
    """A validator: an IANA time zone name."""
    if value not in available_timezones():
        raise ValidationError(_l("“%(value)s” is not a known time zone.", value=value))


class TenantSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(
        min=1, max=120, error=_l("Between {min} and {max} characters.")))
    carrier_id = fields.String(required=True)
    locale = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(
        ["fr", "en"], error=_l("Choose one of: {choices}.")))
    timezone = fields.String(load_default=None, allow_none=True, validate=known_timezone)
    version = fields.Integer(dump_only=True)


class SiteSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(
        min=1, max=120, error=_l("Between {min} and {max} characters.")),
        metadata={"label": N_("Site name")})
    street = fields.String(load_default="", validate=validate.Length(
        max=200, error=_l("At most {max} characters.")), metadata={"label": N_("Street")})
    postal_code = fields.String(load_default="", validate=validate.Length(
        max=20, error=_l("At most {max} characters.")), metadata={"label": N_("Postal code")})
    city = fields.String(load_default="", validate=validate.Length(
        max=120, error=_l("At most {max} characters.")), metadata={"label": N_("City")})
    country = fields.String(load_default="", validate=validate.Length(
        max=2, error=_l("At most {max} characters.")), metadata={"label": N_("Country")})
    physical = fields.Boolean(dump_only=True, metadata={
        "description": "False for the site the carrier creates automatically, which is not "
                       "a place (it holds the lines of some plans; never renamed or deleted)."})
    version = fields.Integer(dump_only=True)


def plan_choices(tenant: Any) -> list[tuple[str, str]]:
    """The plans of the tenant's carrier, labelled in the agent's language."""
    from backoffice.core.carriers import registry
    from backoffice.i18n import current_language

    if tenant is None:
        return []
    return [(plan.id, plan.label_for(current_language()))
            for plan in registry()[tenant.carrier_id].plans]


def site_choices(tenant: Any) -> list[tuple[int, str]]:
    """The tenant's sites, by name: its ``sites`` relationship, which the tenant page
    loads anyway to list them, so the page reads them once."""
    if tenant is None:
        return []
    return [(site.id, site.name) for site in tenant.sites]


def associated_line_choices(tenant: Any) -> list[tuple[str, str]]:
    """The customer's lines a line may be associated with: those of the plans its carrier
    associates lines with (``LineLimits.associated_plans``), by number and user; none
    (a number typed freely) when the carrier declares no association."""
    from sqlalchemy import select

    from backoffice.core.carriers import registry
    from backoffice.core.models import Line
    from backoffice.core.phone import for_display
    from backoffice.extensions import db

    if tenant is None or getattr(tenant, "id", None) is None:
        return []
    entry = registry()[tenant.carrier_id]
    offer = entry.offer("lines")
    plans = sorted(set(offer.limits.associated_plans.values())) if offer is not None else []
    if not plans:
        return []
    lines = db.session.execute(select(Line.number, Line.first_name, Line.last_name).where(
        Line.tenant_id == tenant.id, Line.plan.in_(plans), Line.number.is_not(None))
        .order_by(Line.number))
    return [(row.number, " — ".join(part for part in (
        for_display(row.number, entry.carrier.country),
        f"{row.first_name} {row.last_name}".strip()) if part)) for row in lines]


class LineSchema(RegionalSchema):
    id = fields.Integer(dump_only=True)
    plan = fields.String(required=True, metadata={"label": N_("Plan"), "choices": plan_choices})
    number = PhoneNumber(load_default=None, allow_none=True, metadata={"label": N_("Number")})
    extension = fields.String(load_default=None, allow_none=True, validate=validate.Regexp(
        r"^[0-9]{2,10}$", error=_l("Digits only, 2 to 10 of them.")),
        metadata={"label": N_("Extension")})
    first_name = fields.String(load_default="", validate=validate.Length(
        max=80, error=_l("At most {max} characters.")), metadata={"label": N_("First name")})
    last_name = fields.String(load_default="", validate=validate.Length(
        max=80, error=_l("At most {max} characters.")), metadata={"label": N_("Last name")})
    email = fields.String(load_default=None, allow_none=True, validate=[
        validate.Length(max=254, error=_l("At most {max} characters.")),
        Email(error=_l("Enter a valid e-mail address."))],
        metadata={"label": N_("E-mail")})
    site_id = fields.Integer(load_default=None, allow_none=True,
                             metadata={"label": N_("Site"), "choices": site_choices})
    associated_number = PhoneNumber(load_default=None, allow_none=True, metadata={
        "label": N_("Associated number"), "choices": associated_line_choices,
        "description": "The number of the customer's line this line is associated with. "
                       "When the carrier's `lines` limits declare `associated_plans`, a line "
                       "of a plan listed there must name one of the customer's lines of the "
                       "associated plan (a fixed line's mobile line, among the customer's "
                       "mobile lines); the carrier refuses another number. The form lists "
                       "those lines."})
    mac = MacAddress(load_default=None, allow_none=True, metadata={"label": N_("MAC address")})
    version = fields.Integer(dump_only=True)
