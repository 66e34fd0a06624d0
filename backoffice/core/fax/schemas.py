"""The schemas of a fax (its cover page and options, for the web form and the API alike)
and of a fax number's settings."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.core import messages
from backoffice.core.errors import N_
from backoffice.core.fax.models import LANGUAGES
from backoffice.core.models import Line
from backoffice.core.phone import for_display
from backoffice.core.schemas import BaseSchema, Email, PhoneNumber, RegionalSchema
from backoffice.extensions import db

# The API's modules import this one before the app installs marshmallow's translated
# messages, and a field keeps the messages it was made with: install them first.
messages.install()

LANGUAGE_LABELS = {"fr": N_("French"), "en": N_("English")}
COVER = N_("Cover page")
OPTIONS = N_("Fax options")
STATUSES = ("queued", "sent", "failed")
STATUS_LABELS = {"queued": N_("queued"), "sent": N_("sent"), "failed": N_("failed")}


def _text(label: str, maximum: int, group: str = COVER, **metadata: Any) -> fields.String:
    return fields.String(required=True, validate=validate.Length(
        min=1, max=maximum, error=_l("Between {min} and {max} characters.")),
        metadata={"label": label, "group": group, **metadata})


def sender_fax_choices(tenant: Any) -> list[tuple[str, str]]:
    """The customer's fax numbers: its numbered lines of the plans faxes are sent from."""
    from backoffice.core.fax.service import sender_lines

    if tenant is None or not getattr(tenant, "id", None):
        return []
    return [(line.number, _line_label(line, tenant)) for line in sender_lines(tenant)]


def sender_phone_choices(tenant: Any) -> list[tuple[str, str]]:
    """The customer's phone numbers (every numbered line)."""
    if tenant is None or not getattr(tenant, "id", None):
        return []
    lines = db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.number.is_not(None)).order_by(Line.number))
    return [(line.number, _line_label(line, tenant)) for line in lines]


def _line_label(line: Line, tenant: Any) -> str:
    from backoffice.core.carriers import carrier_country

    number = for_display(line.number, carrier_country(tenant))
    return f"{number} ({line.display_name})" if line.display_name else number


class FaxSchema(RegionalSchema):
    """A fax: its cover page (guide 003 §6.3, every field required) and its options (§6.2).
    The date, the time and the number of pages of the cover page are the sending's own."""

    id = fields.Integer(dump_only=True)
    subject = _text(N_("Subject"), 200)
    recipient_name = _text(N_("To"), 120)
    recipient_company = _text(N_("Company"), 120)
    recipient_fax = PhoneNumber(required=True, metadata={
        "label": N_("Recipient's fax number"), "group": COVER,
        "help": N_("Where the fax is sent.")})
    recipient_phone = PhoneNumber(required=True, metadata={
        "label": N_("Recipient's phone number"), "group": COVER})
    sender_name = _text(N_("From"), 120)
    sender_company = _text(N_("Sender's company"), 120)
    sender_fax = PhoneNumber(required=True, metadata={
        "label": N_("Sending fax number"), "group": COVER, "choices": sender_fax_choices,
        "help": N_("One of the customer's fax numbers.")})
    sender_phone = PhoneNumber(required=True, metadata={
        "label": N_("Sending phone number"), "group": COVER, "choices": sender_phone_choices})
    comments = fields.String(required=True, validate=validate.Length(
        min=1, max=2000, error=_l("Between {min} and {max} characters.")), metadata={
        "label": N_("Comments"), "group": COVER, "widget": "textarea"})
    language = fields.String(required=True, validate=validate.OneOf(
        list(LANGUAGES), error=_l("Choose one of: {choices}.")), metadata={
        "label": N_("Language of the fax"), "group": OPTIONS, "choice_labels": LANGUAGE_LABELS})
    remember_subject = fields.Boolean(load_default=False, metadata={
        "label": N_("Remember the subject for the next fax"), "group": OPTIONS})
    remember_company = fields.Boolean(load_default=False, metadata={
        "label": N_("Remember the company name for the next fax"), "group": OPTIONS})
    hide_recipient_phone = fields.Boolean(load_default=False, metadata={
        "label": N_("Hide the recipient's phone number"), "group": OPTIONS})
    hide_sender_phone = fields.Boolean(load_default=False, metadata={
        "label": N_("Hide the sending phone number"), "group": OPTIONS})
    hide_sender_fax = fields.Boolean(load_default=False, metadata={
        "label": N_("Hide the sending fax number"), "group": OPTIONS})
    # what the sending gives it
    pages = fields.Integer(dump_only=True, metadata={
        "description": "Pages sent, the cover page included"})
    document_name = fields.String(dump_only=True, metadata={"description": "As uploaded"})
    document_bytes = fields.Integer(dump_only=True)
    document_pages = fields.Integer(dump_only=True)
    confirmation_to = fields.String(dump_only=True, allow_none=True, metadata={
        "description": "Where the sending confirmation is e-mailed; null when the fax "
                       "number's option is off"})
    sent_by = fields.String(dump_only=True)
    created_at = fields.DateTime(dump_only=True)
    status = fields.String(dump_only=True, metadata={
        "description": "queued, sent or failed: as the carrier's network answers"})
    status_detail = fields.String(dump_only=True, metadata={
        "description": "The network's answer, in the request's language"})


REQUIRED_NUMBERS = ("recipient_fax", "recipient_phone", "sender_fax", "sender_phone")


class FaxNumberSchema(BaseSchema):
    """A fax number's settings: the sending confirmation by e-mail, which only the
    carrier's technical team turns on (guide 003 §6.4, "Attention!")."""

    confirmation_email = fields.Boolean(load_default=False, metadata={
        "label": N_("E-mail a sending confirmation"),
        "help": N_("Turned on by the technical team, for this fax number only.")})
    confirmation_address = fields.String(load_default=None, allow_none=True, validate=[
        validate.Length(max=254, error=_l("At most {max} characters.")),
        Email(error=_l("Enter a valid e-mail address."))], metadata={
        "label": N_("Confirmation e-mail address")})
    version = fields.Integer(dump_only=True)
