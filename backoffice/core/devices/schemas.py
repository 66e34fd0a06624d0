"""Schemas of the device blocks, for the web form and the API alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import EXCLUDE, Schema, fields, validate
from sqlalchemy import select

from backoffice.core.errors import N_
from backoffice.core.limits import DeviceModel
from backoffice.core.models import Line
from backoffice.core.phone import for_display
from backoffice.core.schemas import BaseSchema, MacAddress
from backoffice.extensions import db

KIND_LABELS = {"ip_phone": N_("IP phone"), "dect": N_("DECT phone"),
               "conference_phone": N_("Conference phone"), "sim": N_("SIM card"),
               "ata": N_("Analogue adapter (ATA)")}
KEY_KIND_LABELS = {"supervision": N_("Supervision"), "speed_dial": N_("Speed dial"),
                   "pickup": N_("Pickup"), "line": N_("Line")}
REQUIRED = {"required": _l("This field is required."),
            "null": _l("This field cannot be empty.")}
DIALLED = validate.Regexp(r"^\+?[0-9*#]{1,32}$", error=_l(
    "A number of 1 to 32 digits, * or #, with an optional + first."))


def _one_of(options: Sequence[str]) -> validate.OneOf:
    return validate.OneOf(list(options), error=_l("Choose one of: {choices}."))


def line_name(line: Line, country: str = "") -> str:
    """A line as a key shows it: its number (or extension) and its user."""
    who = " ".join(part for part in (line.first_name, line.last_name) if part)
    number = for_display(line.number, country) if line.number and country else (
        line.number or line.extension or "")
    return f"{number} {who}".strip()


def internal_lines(tenant: Any) -> list[tuple[int, str]]:
    """The customer's lines, for a key that watches or calls one (one query)."""
    if not getattr(tenant, "id", None):
        return []
    from backoffice.core.carriers import carrier_country

    country = carrier_country(tenant)
    return [(line.id, line_name(line, country)) for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id).order_by(
            Line.last_name, Line.first_name, Line.number, Line.id))]


class LineDeviceSchema(BaseSchema):
    """The hardware associated with a line: its model and MAC address."""

    id = fields.Integer(dump_only=True)
    kind = fields.String(dump_only=True, metadata={"label": N_("Type of hardware"),
                                                   "choice_labels": KIND_LABELS})
    model = fields.String(required=True, error_messages=REQUIRED,
                          metadata={"label": N_("Brand and model")})
    mac = MacAddress(load_default=None, allow_none=True, metadata={
        "label": N_("MAC address"), "help": N_("12 hexadecimal digits, on the back of the "
                                               "phone.")})
    programmed = fields.String(dump_only=True, metadata={"label": N_("Programmable keys")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, models: Sequence[DeviceModel] = (),
                 model_required: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        model = self.fields["model"]
        model.required, model.allow_none = model_required, not model_required
        model.load_default = None if not model_required else model.load_default
        model.validators = [_one_of([m.id for m in models])]
        model.metadata = {**model.metadata, "choice_labels": {m.id: m.label for m in models}}


class PhoneSchema(BaseSchema):
    """A phone of the customer's bank: its MAC address and its name."""

    id = fields.Integer(dump_only=True)
    mac = MacAddress(required=True, error_messages=REQUIRED, metadata={
        "label": N_("MAC address"), "help": N_("12 hexadecimal digits, on the back of the "
                                               "phone, above the barcode.")})
    name = fields.String(required=True, error_messages=REQUIRED, validate=validate.Length(
        min=1, max=120, error=_l("Between {min} and {max} characters.")), metadata={
        "label": N_("Name"), "help": N_("For instance “Polycom 450 Extension 102”.")})
    model = fields.String(dump_only=True, allow_none=True,
                          metadata={"label": N_("Brand and model")})
    extensions = fields.String(dump_only=True, metadata={"label": N_("Extensions")})
    version = fields.Integer(dump_only=True)


class KeySchema(Schema):
    """One programmed key; its position is its place in the list."""

    class Meta:
        unknown = EXCLUDE  # a key read back (position, target) is written as it was read

    position = fields.Integer(dump_only=True)
    kind = fields.String(required=True, error_messages=REQUIRED,
                         metadata={"label": N_("Kind of key")})
    line_id = fields.Integer(load_default=None, allow_none=True, strict=False, metadata={
        "label": N_("Line")})
    number = fields.String(load_default=None, allow_none=True, validate=DIALLED, metadata={
        "label": N_("Number")})
    label = fields.String(load_default=None, allow_none=True, validate=validate.Length(
        max=60, error=_l("At most {max} characters.")), metadata={"label": N_("Label")})
    target = fields.String(dump_only=True, metadata={"label": N_("Shows")})

    def __init__(self, *args: Any, kinds: Sequence[str] = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["kind"].validators = [_one_of(kinds)]


class KeysSchema(BaseSchema):
    """A device's key layout, saved whole: the keys in the order they sit on the phone."""

    class Meta:
        unknown = EXCLUDE  # what was read (model, capacity) is written back as it was read

    model = fields.String(dump_only=True, metadata={"label": N_("Brand and model")})
    capacity = fields.Integer(dump_only=True, metadata={"label": N_("Programmable keys")})
    keys = fields.List(fields.Nested(KeySchema), required=True, error_messages=REQUIRED, metadata={
        "label": N_("Keys"), "widget": "keys", "choices": internal_lines,
        "choice_labels": KEY_KIND_LABELS})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, categories: dict[str, Sequence[str]] | None = None,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        kinds = [kind for members in (categories or {}).values() for kind in members]
        self.fields["keys"].inner.schema.fields["kind"].validators = [_one_of(kinds)]
        self.fields["keys"].metadata = {
            **self.fields["keys"].metadata, "kinds": tuple(kinds),
            "categories": {kind: index for index, members in enumerate(
                (categories or {}).values()) for kind in members}}


def phone_choices(tenant: Any) -> list[tuple[int, str]]:
    """The customer's bank, as “MAC (name)”."""
    from backoffice.core.devices.models import Device

    if not getattr(tenant, "id", None):
        return []
    return [(device.id, f"{device.mac} ({device.name})") for device in db.session.scalars(
        select(Device).where(Device.tenant_id == tenant.id, Device.line_id.is_(None))
        .order_by(Device.name, Device.id))]


class AssignmentSchema(BaseSchema):
    """A phone of the bank assigned to an extension: its model, time zone and line keys."""

    id = fields.Integer(dump_only=True)
    device_id = fields.Integer(required=True, strict=False, error_messages=REQUIRED, metadata={
        "label": N_("Phone"), "choices": phone_choices})
    model = fields.String(required=True, error_messages=REQUIRED,
                          metadata={"label": N_("Phone model")})
    timezone = fields.String(load_default=None, allow_none=True, metadata={
        "label": N_("Phone time zone")})
    line_keys = fields.List(fields.Integer(strict=False), required=True, error_messages=REQUIRED,
                            metadata={
        "label": N_("Line keys of this extension"), "widget": "checkboxes",
        "help": N_("No empty line key at the start or between extensions; the other keys "
                   "can hold favourites.")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, models: Sequence[DeviceModel] = (),
                 timezones: dict[str, str] | None = None, default_timezone: str | None = None,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        model = self.fields["model"]
        model.validators = [_one_of([m.id for m in models])]
        model.metadata = {**model.metadata, "choice_labels": {m.id: m.label for m in models}}
        zone = self.fields["timezone"]
        zone.validators = [_one_of(list(timezones or {}))]
        zone.load_default = default_timezone
        zone.metadata = {**zone.metadata, "choice_labels": dict(timezones or {}),
                         "help": N_("The factory default is Eastern time (HNE).")}
        most = max((m.keys for m in models), default=0)
        keys = self.fields["line_keys"]
        keys.inner.validators = [_one_of(list(range(1, most + 1)))]
        keys.metadata = {**keys.metadata, "choice_labels": {
            n: str(n) for n in range(1, most + 1)}}


class SoftphoneSchema(BaseSchema):
    """A softphone of an extension: its name, and the SIP account it is given (read-only)."""

    id = fields.Integer(dump_only=True)
    name = fields.String(load_default=None, allow_none=True, validate=validate.Length(
        max=120, error=_l("At most {max} characters.")), metadata={
        "label": N_("Name"), "help": N_("To tell the softphones apart, for instance “UC "
                                        "Desktop, Luc's laptop”.")})
    sip_username = fields.String(dump_only=True, metadata={"label": N_("SIP user name")})
    server = fields.String(dump_only=True, metadata={"label": N_("Server (domain)")})
    sip_password = fields.String(dump_only=True, metadata={
        "label": N_("Password"), "help": N_("Each softphone has its own SIP account: never "
                                            "use the same details on two softphones.")})
    version = fields.Integer(dump_only=True)
