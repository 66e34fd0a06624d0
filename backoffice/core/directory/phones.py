"""The contacts shown on a phone: entries of the phone's address book, each a contact of a
book its user sees or an extension of the company, at a position, maybe a favourite.

Carriers offer it as the ``phone_contacts`` feature (scope line) with
:class:`~backoffice.core.limits.PhoneContactsLimits`, and show it with
:func:`phone_contacts_block`. Two entries never share a position on one phone; a contact is
on a phone once; with ``favourites_extensions_only``, only the company's extensions can be
favourites (the phone shows their state).
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from marshmallow import Schema, fields, validate
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change, delete_all
from backoffice.core.declarations import FeatureOffer
from backoffice.core.directory.books import books_visible_to, user_label
from backoffice.core.directory.models import AddressBook, AddressBookContact, PhoneContact
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.core.numbers import row_id
from backoffice.core.schemas import BaseSchema
from backoffice.extensions import db

FEATURE = "phone_contacts"
OBJECT_TYPE = "phone_contact"


def _offer(tenant: Tenant, line: Line | None = None) -> FeatureOffer:
    return offer_of(tenant, FEATURE, line)


def entry_choices(tenant: Any) -> list[tuple[str, str]]:
    """The company's extensions, then the contacts of the customer's books."""
    if not getattr(tenant, "id", None):
        return []
    extensions = [(f"extension:{line.id}", user_label(line)) for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id, Line.extension.is_not(None))
        .order_by(Line.extension))]
    contacts = [(f"contact:{contact.id}",
                 f"{contact.first_name} {contact.last_name} ({contact.book.name})")
                for contact in db.session.scalars(
                    select(AddressBookContact).join(AddressBook)
                    .where(AddressBookContact.tenant_id == tenant.id)
                    .options(joinedload(AddressBookContact.book))
                    .order_by(AddressBook.name, AddressBookContact.last_name))]
    return extensions + contacts


class PhoneContactSchema(BaseSchema):
    """An entry of a phone's address book: who, where, and whether it is a favourite."""

    id = fields.Integer(dump_only=True)
    position = fields.Integer(required=True, strict=False, validate=validate.Range(
        min=1, max=999, error=_l("Between {min} and {max}.")), metadata={"label": N_("Position")})
    entry = fields.String(required=True, metadata={
        "label": N_("Contact"), "choices": entry_choices,
        "help": N_("An extension of the company, or a contact of a book the phone's user "
                   "sees.")})
    favourite = fields.Boolean(load_default=False, metadata={
        "label": N_("Favourite"), "help": N_("The phone shows whether the contact is on "
                                             "the phone.")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, extensions_only: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if extensions_only:
            field = self.fields["favourite"]
            field.metadata = {**field.metadata, "help": N_(
                "The phone shows whether the extension is on the phone: extensions of the "
                "company only.")}


def phone_schema(tenant: Tenant) -> PhoneContactSchema:
    """The schema of an entry, telling what the carrier allows as favourites."""
    offer = offer_of(tenant, FEATURE)
    return PhoneContactSchema(extensions_only=offer.limits.favourites_extensions_only)


def list_entries(tenant: Tenant, line: Line | None) -> list[PhoneContact]:
    """The phone's entries, by position."""
    _offer(tenant, line)
    return list(db.session.scalars(
        select(PhoneContact).where(PhoneContact.line_id == line.id)
        .options(joinedload(PhoneContact.extension_line), joinedload(PhoneContact.contact))
        .order_by(PhoneContact.position)))


def find_entry(tenant: Tenant, line: Line | None, item_id: int) -> PhoneContact | None:
    """One entry of the phone, or ``None``."""
    _offer(tenant, line)
    return db.session.scalar(select(PhoneContact).where(
        PhoneContact.id == item_id, PhoneContact.line_id == line.id))


def _resolve(tenant: Tenant, line: Line, entry: str) -> tuple[int | None, int | None]:
    """(extension line id, contact id) of ``entry``, or (None, None) if the phone's user
    cannot have it."""
    kind, _, value = entry.partition(":")
    item_id = row_id(value) if value.isdigit() else None
    if item_id is None:
        return None, None
    if kind == "extension":
        found = db.session.scalar(select(Line.id).where(
            Line.id == item_id, Line.tenant_id == tenant.id, Line.extension.is_not(None)))
        return found, None
    if kind == "contact":
        seen = [book.id for book in books_visible_to(line)]
        found = db.session.scalar(select(AddressBookContact.id).where(
            AddressBookContact.id == item_id, AddressBookContact.book_id.in_(seen)))
        return None, found
    return None, None


def _checks(tenant: Tenant, line: Line, entry_row: PhoneContact | None):
    limits = _offer(tenant, line).limits

    def check(data: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        others = select(PhoneContact).where(PhoneContact.line_id == line.id)
        if entry_row is not None:
            others = others.where(PhoneContact.id != entry_row.id)
        entry = data.get("entry", entry_row.entry if entry_row else "")
        extension_id, contact_id = _resolve(tenant, line, entry)
        if extension_id is None and contact_id is None:
            found.append(Violation(
                code="phone_contact.entry.unknown", field="entry",
                message=N_("Choose an extension of the company or a contact of a book the "
                           "phone's user sees.")))
        elif db.session.scalar(others.where(
                PhoneContact.extension_line_id == extension_id if extension_id
                else PhoneContact.contact_id == contact_id)) is not None:
            found.append(Violation(
                code="phone_contact.entry.duplicate", field="entry",
                message=N_("This contact is already on the phone.")))
        position = data.get("position")
        if position is not None and db.session.scalar(
                others.where(PhoneContact.position == position)) is not None:
            found.append(Violation(
                code="phone_contact.position.duplicate", field="position",
                message=N_("Position %(value)s is already taken on this phone: no two "
                           "contacts share a position."), params={"value": position}))
        if data.get("favourite") and limits.favourites_extensions_only and contact_id:
            found.append(Violation(
                code="phone_contact.favourite.not_extension", field="favourite",
                message=N_("Only the company's extensions can be favourites: the phone "
                           "shows the state of your company's extensions only.")))
        data["_resolved"] = (extension_id, contact_id)
        return found
    return check


def _assign(row: PhoneContact):
    def persist(clean: dict[str, Any]) -> PhoneContact:
        extension_id, contact_id = clean.pop("_resolved")
        clean.pop("entry", None)
        row.extension_line_id, row.contact_id = extension_id, contact_id
        for name, value in clean.items():
            setattr(row, name, value)
        return row
    return persist


def add_entry(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> PhoneContact:
    """Put a contact or an extension on the phone, at a free position."""
    _offer(tenant, line)
    row = PhoneContact(tenant_id=tenant.id, line_id=line.id)

    def persist(clean: dict[str, Any]) -> PhoneContact:
        db.session.add(row)
        return _assign(row)(clean)

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data, line=line,
        schema=phone_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_checks(tenant, line, None)]))


def change_entry(row: PhoneContact, data: dict[str, Any]) -> PhoneContact:
    """Move an entry, change who it is, or make it a favourite."""
    return apply_change(Change(
        tenant=row.tenant, object_type=OBJECT_TYPE, action="update", data=data, line=row.line,
        schema=phone_schema(row.tenant), persist=_assign(row), target=row, feature=FEATURE,
        checks=[_checks(row.tenant, row.line, row)]))


def remove_entry(row: PhoneContact) -> PhoneContact:
    """Take an entry off the phone."""
    return apply_change(Change(
        tenant=row.tenant, object_type=OBJECT_TYPE, action="delete", data={}, line=row.line,
        schema=Schema(), persist=delete_all(row), target=row, feature=FEATURE))


def describe_entry(row: PhoneContact) -> str:
    """The entry in words, to confirm its removal."""
    if row.extension_line is not None:
        return f"{row.position}. {user_label(row.extension_line)}"
    return f"{row.position}. {row.contact.first_name} {row.contact.last_name}"


def entries_summary(tenant: Tenant, line: Line | None) -> str:
    """How many entries the phone holds, and when it shows them."""
    count = db.session.scalar(select(func.count()).select_from(PhoneContact).where(
        PhoneContact.line_id == line.id)) or 0
    return ngettext("%(num)d contact on this phone. The phone applies the list after a "
                    "restart.",
                    "%(num)d contacts on this phone. The phone applies the list after a "
                    "restart.", count)


def phone_contacts_block(*, guide_section: str, title: str = N_("Contacts on the phone"),
                         block_id: str = "phone-contacts") -> CollectionBlock:
    """The contacts of a line's phone: add, move, make favourite, remove."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=phone_schema,
        guide_section=guide_section, items=list_entries, find=find_entry, add=add_entry,
        change=change_entry, remove=remove_entry, describe=describe_entry,
        summary=entries_summary)
