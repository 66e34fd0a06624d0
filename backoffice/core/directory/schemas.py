"""The directory's schemas, for the web form and the API alike: an external contact of the
company directory, an address book and an address book's contact."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate

from backoffice.core.directory.models import MAX_NAME_LENGTH
from backoffice.core.errors import N_
from backoffice.core.schemas import BaseSchema, Email, PhoneNumber, RegionalSchema


def _present(value: str | None) -> None:
    if value is None:
        raise ValidationError(str(_l("This field is required.")))


def _name(label: str, *, required: bool = True, **metadata: Any) -> fields.String:
    optional: dict[str, Any] = {} if required else {"load_default": None, "allow_none": True}
    return fields.String(required=required, validate=validate.Length(
        min=1, max=MAX_NAME_LENGTH, error=_l("Between {min} and {max} characters.")),
        metadata={"label": label, **metadata}, **optional)


class ExternalContactSchema(RegionalSchema):
    """A contact's name and number; a national number is read in the carrier's country."""

    id = fields.Integer(dump_only=True)
    name = _name(N_("Name"))
    number = PhoneNumber(required=True, validate=_present, metadata={
        "label": N_("Number"),
        "help": N_("A national number, or an international one starting with +.")})
    version = fields.Integer(dump_only=True)


class AddressBookSchema(BaseSchema):
    """An address book: a shared one (its name and who sees it) or a user's personal one."""

    id = fields.Integer(dump_only=True)
    name = _name(N_("Name"), required=False, help=N_(
        "The name of a shared book. A personal book is named “My contacts”."))
    owner_line_id = fields.Integer(load_default=None, allow_none=True, strict=False, metadata={
        "label": N_("Personal book of"),
        "help": N_("Leave empty for a shared book. Each user has one personal book at most, "
                   "which only they see.")})
    visible_to = fields.List(fields.Integer(strict=False), load_default=list, metadata={
        "label": N_("Visible to"), "widget": "checkboxes",
        "help": N_("Tick the users who must see the book. A user created after the book "
                   "does not see it until given access here.")})
    contact_count = fields.Integer(dump_only=True, metadata={"label": N_("Contacts")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, users: Any = None, personal: bool = True, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name in ("owner_line_id", "visible_to"):
            field = self.fields[name]
            field.metadata = {**field.metadata, "choices": users}
        if not personal:
            self.fields.pop("owner_line_id")
            self.load_fields.pop("owner_line_id", None)
            self.dump_fields.pop("owner_line_id", None)


class AddressBookContactSchema(RegionalSchema):
    """A contact of an address book: its number, first and last name, and an optional
    e-mail address."""

    id = fields.Integer(dump_only=True)
    book_id = fields.Integer(required=True, strict=False, metadata={"label": N_("Address book")})
    number = PhoneNumber(required=True, validate=_present, metadata={"label": N_("Phone number")})
    first_name = _name(N_("First name"))
    last_name = _name(N_("Last name"))
    email = fields.String(load_default=None, allow_none=True, validate=[
        validate.Length(max=254, error=_l("At most {max} characters.")),
        Email(error=_l("Enter a valid e-mail address."))],
        metadata={"label": N_("E-mail"), "help": N_("Optional.")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, books: Any = None, plain_digits: bool = False,
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        book = self.fields["book_id"]
        book.metadata = {**book.metadata, "choices": books}
        if plain_digits:
            number = self.fields["number"]
            number.metadata = {**number.metadata, "typed_digits": True, "help": N_(
                "Without spaces or dashes, e.g. 5149073400.")}
