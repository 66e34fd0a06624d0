"""The schema of a company number, for the web form and the API alike."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate
from sqlalchemy import select

from backoffice.core.company_numbers.models import UNASSIGNED
from backoffice.core.errors import N_
from backoffice.core.models import Line
from backoffice.core.schemas import PhoneNumber, RegionalSchema
from backoffice.extensions import db

ROUTE_LABELS = {UNASSIGNED: N_("Unassigned"), "ivr": N_("The auto-receptionist"),
                "extension": N_("An extension")}


def extension_choices(tenant: Any) -> list[tuple[str, str]]:
    """The customer's extensions, each with its line's name."""
    if tenant is None:
        return []
    lines = db.session.execute(select(Line.extension, Line.first_name, Line.last_name).where(
        Line.tenant_id == tenant.id, Line.extension.is_not(None)).order_by(Line.extension))
    return [("", "—")] + [
        (extension, f"{extension} — {first} {last}".rstrip(" —") if (first or last)
         else extension) for extension, first, last in lines]


def _present(value: str | None) -> None:
    if value is None:
        raise ValidationError(str(_l("This field is required.")))


class CompanyNumberSchema(RegionalSchema):
    """A number, and where its calls go; a national number is read in the carrier's
    country."""

    id = fields.Integer(dump_only=True)
    number = PhoneNumber(required=True, validate=_present, metadata={
        "label": N_("Number"),
        "help": N_("A national number, or an international one starting with +.")})
    route = fields.String(load_default=UNASSIGNED, metadata={
        "label": N_("Calls to this number go to"), "choice_labels": ROUTE_LABELS})
    extension = fields.String(load_default=None, allow_none=True, validate=validate.Regexp(
        r"^[0-9]{2,10}$", error=_l("Digits only, 2 to 10 of them.")), metadata={
            "label": N_("Extension"), "choices": extension_choices,
            "help": N_("For a number routed to an extension.")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, routes: tuple[str, ...] = ("ivr", "extension"),
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = [UNASSIGNED, *routes]
        self.fields["route"].validators = [validate.OneOf(
            choices, error=_l("Choose one of: {choices}."))]
        self.fields["route"].metadata = {
            **self.fields["route"].metadata,
            "choice_labels": {key: ROUTE_LABELS[key] for key in choices}}
