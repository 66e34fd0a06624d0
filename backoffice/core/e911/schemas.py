"""Schemas of the emergency-address blocks: a saved address and the current location."""

from __future__ import annotations

import gettext as stdlib_gettext
from functools import cache
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate, validates_schema

from backoffice.core.e911.models import SHORT_MAX, TEXT_MAX
from backoffice.core.errors import N_
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.schemas import BaseSchema
from backoffice.i18n import current_language

OUTSIDE = "outside"


@cache
def _subdivision_names(language: str) -> Any:
    import pycountry

    try:
        return stdlib_gettext.translation("iso3166-2", pycountry.LOCALES_DIR,
                                          languages=[language])
    except OSError:
        return stdlib_gettext.NullTranslations()


def province_label(code: str) -> str:
    """The name of an ISO 3166-2 subdivision in the agent's language (pycountry's names)."""
    import pycountry

    found = pycountry.subdivisions.get(code=code)
    if found is None:
        return code
    return _subdivision_names(current_language()).gettext(found.name)


def _text(label: str, maximum: int, *, required: bool = False) -> fields.String:
    length = validate.Length(min=1, max=maximum, error=_l("Between {min} and {max} characters."))
    if required:
        return fields.String(required=True, validate=length, metadata={"label": label})
    return fields.String(load_default=None, allow_none=True, validate=length,
                         metadata={"label": label})


def _coordinate(label: str, bound: int, help_text: str) -> fields.Float:
    bounds = validate.Range(min=-bound, max=bound, error=_l("Between {min} and {max} degrees."))
    return fields.Float(load_default=None, allow_none=True, allow_nan=False, validate=bounds,
                        metadata={"label": label, "help": help_text})


class E911AddressSchema(BaseSchema):
    """A saved address: province, municipality, building number and street name required."""

    id = fields.Integer(dump_only=True)
    province = fields.String(required=True, metadata={"label": N_("Province")})
    municipality = _text(N_("Municipality"), TEXT_MAX, required=True)
    building_number = _text(N_("Building number"), SHORT_MAX, required=True)
    street_name = _text(N_("Street name"), TEXT_MAX, required=True)
    street_suffix = _text(N_("Street suffix"), SHORT_MAX)
    street_direction = _text(N_("Street direction"), SHORT_MAX)
    apartment = _text(N_("Apartment"), SHORT_MAX)
    latitude = _coordinate(N_("Latitude"), 90, N_("In degrees, from -90 (south) to 90 "
                                                   "(north)."))
    longitude = _coordinate(N_("Longitude"), 180, N_("In degrees, from -180 (west) to 180 "
                                                      "(east)."))
    current = fields.Boolean(load_default=False, metadata={
        "label": N_("Current address"),
        "help": N_("The address emergency services receive with a 9-1-1 call from this "
                   "line.")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, provinces: tuple[str, ...] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["province"]
        field.validators = [validate.OneOf(list(provinces), error=_l(
            "Choose one of: {choices}."))] if provinces else []
        field.metadata = {**field.metadata,
                          "choices": lambda tenant, codes=tuple(provinces): [
                              (code, province_label(code)) for code in codes]}

    @validates_schema
    def _both_coordinates(self, data: dict[str, Any], **kwargs: Any) -> None:
        given = [name for name in ("latitude", "longitude") if data.get(name) is not None]
        if len(given) == 1:
            missing = "longitude" if given == ["latitude"] else "latitude"
            raise ValidationError(_l("Give the latitude and the longitude together."), missing)


class E911LocationSchema(SettingsSchema):
    """The current location: outside the country (the carrier's option) or the current
    saved address, shown beside it."""

    outside = fields.Boolean(load_default=False, metadata={"label": N_("Outside the country")})
    address = fields.String(dump_only=True, metadata={"label": N_("Address sent with a "
                                                                   "9-1-1 call")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, outside_label: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if outside_label:
            field = self.fields["outside"]
            field.metadata = {**field.metadata, "label": outside_label}
