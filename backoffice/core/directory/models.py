"""The directory models: the company directory's external contacts (a name and a number),
and the address books (shared or personal) with their contacts and who sees them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

MAX_NAME_LENGTH = 80


class ExternalContact(TenantOwned, Versioned, db.Model):
    """Someone outside the company listed in its directory. A number is listed once."""

    __tablename__ = "external_contact"
    __table_args__ = (UniqueConstraint("tenant_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    number: Mapped[str] = mapped_column(String(20))  # E.164
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()


class AddressBook(TenantOwned, Versioned, db.Model):
    """A shared address book, seen by the users it is granted to, or one user's personal
    book ("Mes contacts", ``owner_line_id`` set), seen by that user only. The company book
    is not stored: it is computed from the lines (:func:`~backoffice.core.directory.books.
    company_book`)."""

    __tablename__ = "address_book"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    # The user (a line with an e-mail) whose personal book it is; None: a shared book.
    owner_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("line.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    owner: Mapped[Line | None] = relationship()
    access: Mapped[list[AddressBookAccess]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AddressBookAccess.id")

    def audit_state(self) -> dict[str, Any]:
        """The book with the users who see it (what the phones need)."""
        from backoffice.core.changes import plain_columns

        return {**plain_columns(self), "visible_to": self.visible_to}

    @property
    def contact_count(self) -> int:
        """How many contacts the book holds (counted for a whole list by ``list_books``)."""
        counted = self.__dict__.get("counted_contacts")
        if counted is None:
            counted = db.session.scalar(select(func.count(AddressBookContact.id)).where(
                AddressBookContact.book_id == self.id)) or 0
        return counted

    @property
    def visible_to(self) -> list[int]:
        """The lines (users) who see the book."""
        return [grant.line_id for grant in self.access]


class AddressBookAccess(TenantOwned, db.Model):
    """One user (a line) who sees a shared book; the owner of a personal one."""

    __tablename__ = "address_book_access"
    __table_args__ = (UniqueConstraint("book_id", "line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("address_book.id", ondelete="CASCADE"),
                                         index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id", ondelete="CASCADE"),
                                         index=True)


class AddressBookContact(TenantOwned, Versioned, db.Model):
    """A contact of an address book: a number, a first and last name, and an optional
    e-mail address."""

    __tablename__ = "address_book_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("address_book.id", ondelete="CASCADE"),
                                         index=True)
    first_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    last_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    number: Mapped[str] = mapped_column(String(20))  # E.164
    email: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    book: Mapped[AddressBook] = relationship()



class PhoneContact(TenantOwned, Versioned, db.Model):
    """One entry of a phone's address book (the phone of an extension's line): a contact
    of a book or an extension of the company, at a position, maybe a favourite."""

    __tablename__ = "phone_contact"
    __table_args__ = (UniqueConstraint("line_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("address_book_contact.id", ondelete="CASCADE"), index=True)
    extension_line_id: Mapped[int | None] = mapped_column(
        ForeignKey("line.id", ondelete="CASCADE"), index=True)
    favourite: Mapped[bool] = mapped_column(default=False)

    tenant: Mapped[Tenant] = relationship()
    line: Mapped[Line] = relationship(foreign_keys=[line_id])
    contact: Mapped[AddressBookContact | None] = relationship()
    extension_line: Mapped[Line | None] = relationship(foreign_keys=[extension_line_id])

    @property
    def entry(self) -> str:
        """``extension:<line id>`` (a company extension) or ``contact:<id>`` (a book's)."""
        if self.extension_line_id is not None:
            return f"extension:{self.extension_line_id}"
        return f"contact:{self.contact_id}"
