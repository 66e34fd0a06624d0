"""The schema of an external contact, for the web form and the API alike."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate

from backoffice.core.directory.models import MAX_NAME_LENGTH
from backoffice.core.errors import N_
from backoffice.core.schemas import PhoneNumber, RegionalSchema


def _present(value: str | None) -> None:
    if value is None:
        raise ValidationError(str(_l("This field is required.")))


class ExternalContactSchema(RegionalSchema):
    """A contact's name and number; a national number is read in the carrier's country."""

    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(
        min=1, max=MAX_NAME_LENGTH, error=_l("Between {min} and {max} characters.")),
        metadata={"label": N_("Name")})
    number = PhoneNumber(required=True, validate=_present, metadata={
        "label": N_("Number"),
        "help": N_("A national number, or an international one starting with +.")})
    version = fields.Integer(dump_only=True)
