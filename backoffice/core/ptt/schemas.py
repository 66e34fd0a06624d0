"""Schemas of the push-to-talk blocks, for the web form and the API alike."""

from __future__ import annotations

from typing import Any

import phonenumbers
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate

from backoffice.core.errors import N_
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.phone import SEPARATORS
from backoffice.core.ptt.models import NAME_MAX
from backoffice.core.schemas import BaseSchema, RegionalSchema


class TenDigits(fields.String):
    """A phone number typed as its national digits; spaces, dashes, dots and parentheses are
    removed, and the international form of a number of the schema's ``region`` (as it is
    read back) gives its national digits. The schema's ``digits`` says how many it has."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = "".join(ch for ch in super()._deserialize(value, attr, data, **kwargs)
                       if ch not in SEPARATORS)
        region = getattr(self.root, "region", None)
        if text.startswith("+") and region:
            try:
                parsed = phonenumbers.parse(text, region)
            except phonenumbers.NumberParseException:
                parsed = None
            if parsed is not None and parsed.country_code == \
                    phonenumbers.country_code_for_region(region):
                text = phonenumbers.national_significant_number(parsed)
        other = next((ch for ch in text if not ch.isdigit()), None)
        if other is not None:
            raise ValidationError(_l("Digits only: “%(char)s” is not a digit.", char=other))
        digits = getattr(self.root, "digits", None)
        if digits and len(text) != digits:
            raise ValidationError(_l("Exactly %(digits)s digits.", digits=digits))
        return text


class PttContactSchema(RegionalSchema):
    """An external contact: a name and a phone number."""

    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, metadata={"label": N_("Contact name")})
    number = TenDigits(required=True, metadata={"label": N_("Phone number")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, name_max: int = NAME_MAX, digits: int | None = None,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["name"].validators = [validate.Length(
            min=1, max=name_max, error=_l("Between {min} and {max} characters."))]
        self.fields["name"].metadata = {**self.fields["name"].metadata, "help": _l(
            "At most %(max)s characters.", max=name_max)}
        self.digits = digits
        if digits:
            self.fields["number"].metadata = {**self.fields["number"].metadata, "help": _l(
                "%(digits)s digits.", digits=digits)}


class PttListSchema(BaseSchema):
    """A sub-list or a talk group: its name and its members (devices and contacts)."""

    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(
        min=1, max=NAME_MAX, error=_l("Between {min} and {max} characters.")),
        metadata={"label": N_("Name")})
    members = fields.List(fields.String(), attribute="member_keys", load_default=list,
                          metadata={"label": N_("Members"), "widget": "checkboxes"})
    member_count = fields.Integer(dump_only=True, metadata={"label": N_("Number of members")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, choices: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if choices is not None:
            field = self.fields["members"]
            field.metadata = {**field.metadata, "choices": choices}


class PttScanningSchema(SettingsSchema):
    """A device's talk-group scanning switch."""

    scanning = fields.Boolean(load_default=False, metadata={
        "label": N_("Enable talk group scanning")})
    version = fields.Integer(dump_only=True)


class PttScanEntrySchema(BaseSchema):
    """A talk group on the device's scan list and its priority."""

    id = fields.Integer(dump_only=True)
    group_id = fields.Integer(required=True, strict=False, validate=validate.Range(
        min=1, max=2**31 - 1, error=_l("Choose one of the customer's talk groups.")),
        metadata={"label": N_("Talk group")})
    priority = fields.Integer(required=True, metadata={"label": N_("Priority"), "help": N_(
        "1 is the highest priority.")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, priorities: int | None = None, groups: Any = None,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        if priorities:
            self.fields["priority"].validators = [validate.Range(
                min=1, max=priorities, error=_l("Between {min} and {max}."))]
        if groups is not None:
            field = self.fields["group_id"]
            field.metadata = {**field.metadata, "choices": groups}


class PttMessagingSchema(SettingsSchema):
    """A device's integrated secure messaging, its voice-message fallback, and location
    services (which cannot be removed)."""

    messaging = fields.Boolean(load_default=False, metadata={
        "label": N_("Integrated secure messaging")})
    voice_fallback = fields.Boolean(load_default=False, metadata={
        "label": N_("Voice message fallback"),
        "help": N_("Uses the messaging to deliver the voice message: turning the messaging "
                   "off turns it off too.")})
    location_services = fields.Boolean(load_default=False, metadata={
        "label": N_("Location services"), "help": N_("Location services cannot be removed.")})
    version = fields.Integer(dump_only=True)
