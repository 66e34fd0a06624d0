"""Announcements, voice menus and their keys (guide 004 §3.5, §4.5, §8; guide 002
"Paramètres de l'Auto-réception").

An :class:`Announcement` is a recording of the tenant's, kept per site where the carrier
says so; menus refer to it, so replacing its audio changes it on every menu that uses it.
An :class:`Ivr` answers the calls of one line: a greeting and a menu while open, another
greeting and menu while its calendar is closed. An :class:`IvrKey` is one key of a menu:
``path`` is the key of the main menu (``"2"``) or, in a sub-menu, the sub-menu's key and
its own (``"21"``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.destinations import Destination
from backoffice.core.models import TenantOwned, Versioned
from backoffice.extensions import db

HOURS = ("open", "closed")
KEY_KINDS = ("number", "menu")


class Announcement(TenantOwned, Versioned, db.Model):
    """A named recording: ``audio_id``, the tenant's uploaded audio file it plays."""

    __tablename__ = "announcement"
    __table_args__ = (UniqueConstraint("tenant_id", "site_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    audio_id: Mapped[int | None] = mapped_column(ForeignKey("audio_file.id"))


class Ivr(TenantOwned, Versioned, db.Model):
    """The voice menu answering ``line_id``'s calls, and its switches.

    ``calendar_id`` unset: the same menu 24/7. ``open_greeting_id`` unset: the carrier's
    default greeting, where it has one.
    """

    __tablename__ = "ivr"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("line.id"), unique=True)
    enabled: Mapped[bool] = mapped_column(default=False)
    internal_number: Mapped[str | None] = mapped_column(String(10))
    calendar_id: Mapped[int | None] = mapped_column(ForeignKey("calendar.id"), index=True)
    open_greeting_id: Mapped[int | None] = mapped_column(ForeignKey("announcement.id"))
    closed_greeting_id: Mapped[int | None] = mapped_column(ForeignKey("announcement.id"))
    no_input: Mapped[str | None] = mapped_column(String(20))

    # Deleting the menu (with its line) deletes its keys.
    keys: Mapped[list[IvrKey]] = relationship(cascade="all, delete-orphan")


class IvrKey(TenantOwned, Versioned, db.Model):
    """One key of a menu: to a number, or (main menu only) to a sub-menu and its greeting."""

    __tablename__ = "ivr_key"
    __table_args__ = (UniqueConstraint("ivr_id", "hours", "path"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    ivr_id: Mapped[int] = mapped_column(ForeignKey("ivr.id"), index=True)
    hours: Mapped[str] = mapped_column(String(10), default="open")
    path: Mapped[str] = mapped_column(String(2))
    kind: Mapped[str] = mapped_column(String(10), default="number")
    destination: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    label: Mapped[str] = mapped_column(String(60), default="")
    greeting_id: Mapped[int | None] = mapped_column(ForeignKey("announcement.id"))

    @property
    def target(self) -> Destination | None:
        if not self.destination:
            return None
        return Destination(self.destination["kind"], self.destination.get("value", ""))
