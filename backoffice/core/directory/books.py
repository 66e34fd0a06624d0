"""Address books: shared books seen by the users they are granted to, each user's
personal book ("My contacts"), and the company book computed from the lines.

Carriers offer it as the ``address_books`` feature (scope tenant) with
:class:`~backoffice.core.limits.AddressBookLimits` and show it with
:func:`address_books_block` and :func:`address_book_contacts_block`. The users are the
customer's lines that have a user (an e-mail address, their login); a user sees the
shared books granted to them and their own personal book, and nothing else: a user
created after a book does not see it until granted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask_babel import force_locale, gettext, ngettext
from marshmallow import Schema
from sqlalchemy import func, or_, select
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import flag_modified

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, apply_change, assign_to, delete_all
from backoffice.core.declarations import FeatureOffer
from backoffice.core.directory.models import AddressBook, AddressBookAccess, AddressBookContact
from backoffice.core.directory.schemas import AddressBookContactSchema, AddressBookSchema
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import for_display
from backoffice.extensions import db

FEATURE = "address_books"
PERSONAL_NAME = N_("My contacts")
SEPARATORS = re.compile(r"[^0-9+]|(?<!^)\+")


def _offer(tenant: Tenant, line: Line | None = None) -> FeatureOffer:
    return offer_of(tenant, FEATURE, line, scope="tenant")


# Users and the company book ------------------------------------------------------------


def users(tenant: Tenant) -> list[Line]:
    """The customer's users: its lines that have a user (an e-mail address, their login)."""
    return list(db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.email.is_not(None), Line.email != "")
        .order_by(Line.extension, Line.last_name, Line.first_name, Line.id)))


def user_label(line: Line) -> str:
    """A user as agents name them: "101 Sophie Bergeron"."""
    return " ".join(part for part in (line.extension, line.display_name or line.email) if part)


def user_choices(tenant: Any) -> list[tuple[int, str]]:
    """The users a book may be granted to (none for a carrier without a tenant)."""
    if not getattr(tenant, "id", None):
        return []
    return [(line.id, user_label(line)) for line in users(tenant)]


@dataclass(frozen=True)
class CompanyEntry:
    """One extension of the company book."""

    extension: str
    name: str
    number: str | None


def company_book(tenant: Tenant) -> list[CompanyEntry]:
    """The company book, named after the customer: every extension, computed from the
    lines each time (nothing stored, so it cannot be edited)."""
    return [CompanyEntry(line.extension or "", line.display_name, line.number)
            for line in db.session.scalars(select(Line).where(
                Line.tenant_id == tenant.id, Line.extension.is_not(None))
                .order_by(Line.extension))]


def books_visible_to(line: Line) -> list[AddressBook]:
    """The books a user sees: the shared ones granted to them and their personal book."""
    return list(db.session.scalars(select(AddressBook).join(AddressBookAccess).where(
        AddressBookAccess.line_id == line.id).order_by(AddressBook.name, AddressBook.id)))


# Books ----------------------------------------------------------------------------------


def book_schema(tenant: Tenant) -> AddressBookSchema:
    """The schema of a book; the users to grant it to are the customer's."""
    return AddressBookSchema(users=user_choices, personal=_offer(tenant).limits.personal_book)


def book_label(book: AddressBook) -> str:
    """A book as agents name it: its name, and whose it is for a personal one."""
    if book.owner is None:
        return book.name
    return f"{book.name} ({user_label(book.owner)})"


def list_books(tenant: Tenant, line: Line | None = None) -> list[AddressBook]:
    """The customer's stored books by name (shared and personal), with who sees them."""
    _offer(tenant, line)
    books = list(db.session.scalars(select(AddressBook).where(
        AddressBook.tenant_id == tenant.id)
        .options(selectinload(AddressBook.access), joinedload(AddressBook.owner))
        .order_by(AddressBook.owner_line_id.is_not(None), AddressBook.name, AddressBook.id)))
    counts = {book_id: count for book_id, count in db.session.execute(
        select(AddressBookContact.book_id, func.count(AddressBookContact.id))
        .where(AddressBookContact.tenant_id == tenant.id)
        .group_by(AddressBookContact.book_id))}
    for book in books:
        book.__dict__["counted_contacts"] = counts.get(book.id, 0)
    return books


def find_book(tenant: Tenant, line: Line | None, item_id: int) -> AddressBook | None:
    """One book of the customer's, or ``None``."""
    _offer(tenant, line)
    return db.session.scalar(select(AddressBook).where(
        AddressBook.id == item_id, AddressBook.tenant_id == tenant.id))


def _book_checks(tenant: Tenant, book: AddressBook | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        known = {line.id: line for line in users(tenant)}
        owner_id = data.get("owner_line_id", book.owner_line_id if book else None)
        if book is not None and owner_id != book.owner_line_id:
            found.append(Violation(
                code="address_book.owner_line_id.locked", field="owner_line_id",
                message=N_("A book stays shared or personal, and a personal book stays its "
                           "user's: create another book instead.")))
        elif owner_id is not None:
            owner = known.get(owner_id)
            if owner is None:
                found.append(Violation(
                    code="address_book.owner_line_id.unknown", field="owner_line_id",
                    message=N_("Choose one of the customer's users.")))
            elif book is None and db.session.scalar(select(AddressBook.id).where(
                    AddressBook.owner_line_id == owner_id)) is not None:
                found.append(Violation(
                    code="address_book.owner_line_id.duplicate", field="owner_line_id",
                    message=N_("%(user)s already has a personal book, “My contacts”: each "
                               "user has only one."), params={"user": user_label(owner)}))
            if set(data.get("visible_to") or ()) - {owner_id}:
                found.append(Violation(
                    code="address_book.visible_to.personal", field="visible_to",
                    message=N_("A personal book, “My contacts”, is seen by its user only.")))
        elif book is None or "name" in data:
            name = data.get("name")
            if not name:
                found.append(Violation(
                    code="address_book.name.required", field="name",
                    message=N_("A shared book needs a name.")))
            else:
                same = select(AddressBook.id).where(
                    AddressBook.tenant_id == tenant.id, AddressBook.owner_line_id.is_(None),
                    func.lower(AddressBook.name) == name.lower())
                if book is not None:
                    same = same.where(AddressBook.id != book.id)
                if db.session.scalar(same) is not None:
                    found.append(Violation(
                        code="address_book.name.duplicate", field="name",
                        message=N_("Another shared book is named “%(value)s”."),
                        params={"value": name}))
        for line_id in dict.fromkeys(data.get("visible_to") or ()):
            if line_id not in known:
                found.append(Violation(
                    code="address_book.visible_to.unknown", field="visible_to",
                    message=N_("%(value)s is not one of the customer's users."),
                    params={"value": line_id}))
        return found
    return check


def _personal_name(tenant: Tenant) -> str:
    """"My contacts" in the customer's language, as its users read it."""
    with force_locale(tenant.locale or "en"):
        return gettext(PERSONAL_NAME)


def _apply_book(tenant: Tenant, book: AddressBook, clean: dict[str, Any]) -> AddressBook:
    if "owner_line_id" in clean:
        book.owner_line_id = clean["owner_line_id"]
    if book.owner_line_id is not None:
        book.name = _personal_name(tenant)
        wanted = [book.owner_line_id]
    else:
        if clean.get("name"):
            book.name = clean["name"]
        if "visible_to" not in clean:
            return book
        wanted = list(dict.fromkeys(clean["visible_to"] or ()))
    if book.visible_to != wanted:
        kept = [grant for grant in book.access if grant.line_id in wanted]
        book.access = kept + [AddressBookAccess(tenant_id=tenant.id, line_id=line_id)
                              for line_id in wanted if line_id not in book.visible_to]
        flag_modified(book, "name")  # a change of users is a new version of the book
    return book


def add_book(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> AddressBook:
    """Create a shared book (its name, who sees it) or a user's personal book."""
    _offer(tenant, line)

    def persist(clean: dict[str, Any]) -> AddressBook:
        book = AddressBook(tenant_id=tenant.id, name="", access=[])
        db.session.add(book)
        return _apply_book(tenant, book, clean)

    return apply_change(Change(
        tenant=tenant, object_type="address_book", action="create", data=data,
        schema=book_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_book_checks(tenant, None)]))


def change_book(book: AddressBook, data: dict[str, Any]) -> AddressBook:
    """Rename a shared book or change who sees it."""
    tenant = book.tenant
    return apply_change(Change(
        tenant=tenant, object_type="address_book", action="update", data=data,
        schema=book_schema(tenant), target=book, feature=FEATURE,
        persist=lambda clean: _apply_book(tenant, book, clean),
        checks=[_book_checks(tenant, book)]))


def remove_book(book: AddressBook) -> AddressBook:
    """Delete a book for good, with its contacts."""
    return apply_change(Change(
        tenant=book.tenant, object_type="address_book", action="delete", data={},
        schema=Schema(), persist=delete_all(book), target=book, feature=FEATURE))


def describe_book(book: AddressBook) -> str:
    """The book in words, to confirm its deletion: its contacts go with it."""
    return ngettext("%(name)s and its %(num)d contact", "%(name)s and its %(num)d contacts",
                    book.contact_count or 0, name=book_label(book))


def books_summary(tenant: Tenant, line: Line | None = None) -> str:
    """The company book, read-only: the customer's extensions, computed from the lines."""
    _offer(tenant, line)
    entries = company_book(tenant)
    listed = ", ".join(f"{entry.extension} {entry.name}".strip() for entry in entries)
    return ngettext(
        "The book “%(name)s” holds your %(num)d extension: %(entries)s. It is created and "
        "updated automatically from the lines and cannot be changed here.",
        "The book “%(name)s” holds your %(num)d extensions: %(entries)s. It is created and "
        "updated automatically from the lines and cannot be changed here.",
        len(entries), name=tenant.name, entries=listed or "—")


# Contacts -------------------------------------------------------------------------------


def book_choices(tenant: Any) -> list[tuple[int, str]]:
    """The customer's stored books, for a contact's book field."""
    if not getattr(tenant, "id", None):
        return []
    return [(book.id, book_label(book)) for book in db.session.scalars(
        select(AddressBook).where(AddressBook.tenant_id == tenant.id)
        .options(joinedload(AddressBook.owner))
        .order_by(AddressBook.owner_line_id.is_not(None), AddressBook.name))]


def contact_schema(tenant: Tenant) -> AddressBookContactSchema:
    """The schema of a contact; numbers are read in the carrier's country."""
    return AddressBookContactSchema(region=carrier_country(tenant), books=book_choices,
                                    plain_digits=_offer(tenant).limits.plain_digits)


def _contacts(tenant: Tenant):
    return (select(AddressBookContact).join(AddressBook)
            .where(AddressBookContact.tenant_id == tenant.id)
            .options(joinedload(AddressBookContact.book).joinedload(AddressBook.owner))
            .order_by(AddressBook.owner_line_id.is_not(None), AddressBook.name,
                      AddressBookContact.last_name, AddressBookContact.first_name,
                      AddressBookContact.id))


def list_contacts(tenant: Tenant, line: Line | None = None) -> list[AddressBookContact]:
    """Every contact of the customer's books ("All contacts"), by book then name."""
    _offer(tenant, line)
    return list(db.session.scalars(_contacts(tenant)))


def search_contacts(tenant: Tenant, line: Line | None, query: str) -> list[AddressBookContact]:
    """The contacts with ``query`` in any field: names, e-mail, number or book name."""
    _offer(tenant, line)
    text = query.strip().lower()
    digits = "".join(ch for ch in text if ch.isdigit())
    matches = [func.lower(column).contains(text, autoescape=True) for column in (
        AddressBookContact.first_name, AddressBookContact.last_name,
        AddressBookContact.email, AddressBook.name)]
    if digits:
        matches.append(AddressBookContact.number.contains(digits, autoescape=True))
    return list(db.session.scalars(_contacts(tenant).where(or_(*matches))))


def find_contact(tenant: Tenant, line: Line | None, item_id: int) -> AddressBookContact | None:
    """One contact of the customer's books, or ``None``."""
    _offer(tenant, line)
    return db.session.scalar(select(AddressBookContact).where(
        AddressBookContact.id == item_id, AddressBookContact.tenant_id == tenant.id))


def _contact_checks(tenant: Tenant, raw: dict[str, Any]):
    limits = _offer(tenant).limits

    def check(data: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        if "book_id" in data:
            book = db.session.get(AddressBook, data["book_id"])
            if book is None or book.tenant_id != tenant.id:
                found.append(Violation(
                    code="address_book_contact.book_id.unknown", field="book_id",
                    message=N_("Choose one of the customer's address books.")))
        typed = str(raw.get("number") or "").strip()
        if limits.plain_digits and SEPARATORS.search(typed):
            found.append(Violation(
                code="address_book_contact.number.separators", field="number",
                message=N_("Phone number: type it without spaces or dashes, e.g. "
                           "%(digits)s."),
                params={"digits": re.sub(r"[^0-9+]", "", typed)}))
        return found
    return check


def add_contact(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> AddressBookContact:
    """Add a contact to one of the customer's books."""
    _offer(tenant, line)

    def persist(clean: dict[str, Any]) -> AddressBookContact:
        contact = AddressBookContact(**clean, tenant_id=tenant.id)
        db.session.add(contact)
        return contact

    return apply_change(Change(
        tenant=tenant, object_type="address_book_contact", action="create", data=data,
        schema=contact_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_contact_checks(tenant, data)]))


def change_contact(contact: AddressBookContact, data: dict[str, Any]) -> AddressBookContact:
    """Change a contact's number, names, e-mail or book."""
    tenant = contact.tenant
    return apply_change(Change(
        tenant=tenant, object_type="address_book_contact", action="update", data=data,
        schema=contact_schema(tenant), persist=assign_to(contact), target=contact,
        feature=FEATURE, checks=[_contact_checks(tenant, data)]))


def remove_contact(contact: AddressBookContact) -> AddressBookContact:
    """Delete a contact from its book."""
    return apply_change(Change(
        tenant=contact.tenant, object_type="address_book_contact", action="delete", data={},
        schema=Schema(), persist=delete_all(contact), target=contact, feature=FEATURE))


def describe_contact(contact: AddressBookContact) -> str:
    """The contact in words, to confirm its deletion."""
    number = for_display(contact.number, carrier_country(contact.tenant))
    return f"{contact.first_name} {contact.last_name} ({number}), {book_label(contact.book)}"


def contacts_summary(tenant: Tenant, line: Line | None = None) -> str:
    """How many contacts the books hold, all books together ("All contacts")."""
    _offer(tenant, line)
    count = db.session.scalar(select(func.count()).select_from(AddressBookContact).where(
        AddressBookContact.tenant_id == tenant.id)) or 0
    return ngettext("All contacts: %(num)d contact in your address books.",
                    "All contacts: %(num)d contacts in your address books.", count)


# Blocks ---------------------------------------------------------------------------------


def address_books_block(*, guide_section: str, title: str = N_("Address books"),
                        block_id: str = "address-books") -> CollectionBlock:
    """The customer's address books: create, rename, grant to users, delete; the company
    book, read-only, in its summary."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=book_schema,
        guide_section=guide_section, items=list_books, find=find_book, add=add_book,
        change=change_book, remove=remove_book, describe=describe_book,
        summary=books_summary)


def address_book_contacts_block(*, guide_section: str,
                                title: str = N_("Address book contacts"),
                                block_id: str = "address-book-contacts") -> CollectionBlock:
    """The contacts of the customer's books: add, edit, delete, search in every field."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=contact_schema,
        guide_section=guide_section, items=list_contacts, find=find_contact,
        add=add_contact, change=change_contact, remove=remove_contact,
        search=search_contacts, describe=describe_contact, summary=contacts_summary)
