"""Push-to-talk models: external contacts, sub-lists and talk groups with their members,
each device's scanning switch, scan list and messaging options."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

NAME_MAX = 60
KINDS = ("sub_list", "talk_group")


class PttContact(TenantOwned, Versioned, db.Model):
    """An external contact of the master list: a name and a phone number."""

    __tablename__ = "ptt_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    number: Mapped[str] = mapped_column(String(24))  # E.164
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()


class PttList(TenantOwned, Versioned, db.Model):
    """A sub-list or a talk group: a name and members of the master list."""

    __tablename__ = "ptt_list"
    __table_args__ = (UniqueConstraint("tenant_id", "kind", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "sub_list" or "talk_group"
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    members: Mapped[list[PttMember]] = relationship(
        cascade="all, delete-orphan", order_by="PttMember.id")

    def audit_state(self) -> dict[str, Any]:
        """The list with its members (what the devices need)."""
        from backoffice.core.changes import plain_columns

        return {**plain_columns(self), "members": self.member_keys}

    @property
    def member_keys(self) -> list[str]:
        """The members as ``line:<id>`` (a device) or ``contact:<id>`` (an external one)."""
        return [member.key for member in self.members]

    @property
    def member_count(self) -> int:
        return len(self.members)


class PttMember(TenantOwned, db.Model):
    """One member of a sub-list or talk group: a device (a line) or an external contact."""

    __tablename__ = "ptt_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("ptt_list.id", ondelete="CASCADE"),
                                         index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("line.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("ptt_contact.id", ondelete="CASCADE"), index=True)

    @property
    def key(self) -> str:
        return f"line:{self.line_id}" if self.line_id is not None else f"contact:{self.contact_id}"


class PttDevice(TenantOwned, Versioned, db.Model):
    """A device's own settings: talk-group scanning, integrated messaging and its
    voice-message fallback. No row: scanning off, messaging and fallback on."""

    __tablename__ = "ptt_device"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    scanning: Mapped[bool] = mapped_column(default=False)
    messaging: Mapped[bool] = mapped_column(default=True)
    voice_fallback: Mapped[bool] = mapped_column(default=True)

    line: Mapped[Line] = relationship()


class PttScanEntry(TenantOwned, Versioned, db.Model):
    """A talk group on a device's scan list, with its priority (1 is the highest)."""

    __tablename__ = "ptt_scan_entry"
    __table_args__ = (UniqueConstraint("line_id", "group_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("ptt_list.id", ondelete="CASCADE"))
    priority: Mapped[int] = mapped_column(default=1)

    tenant: Mapped[Tenant] = relationship()
    line: Mapped[Line] = relationship()
    group: Mapped[PttList] = relationship()
