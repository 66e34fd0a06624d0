"""Group models: a hunt group (or call queue) kept on its own line, its members, and
pickup groups with theirs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, Site, Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db


class HuntGroup(TenantOwned, Versioned, db.Model):
    """The settings of the group whose number is ``line``: distribution, waiting, overflow.

    ``wrap_up`` and ``max_wait`` are seconds; ``wrap_up`` is ``None`` when turned off.
    ``options`` holds the settings a carrier adds to its variant (a queue's manager e-mail,
    notifications...).
    """

    __tablename__ = "hunt_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    distribution: Mapped[str] = mapped_column(String(20))
    rings: Mapped[int | None]
    wrap_up: Mapped[int | None]
    max_calls: Mapped[int]
    max_wait: Mapped[int | None]
    overflow: Mapped[str] = mapped_column(String(20))
    overflow_number: Mapped[str | None] = mapped_column(String(24))
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    tenant: Mapped[Tenant] = relationship()
    line: Mapped[Line] = relationship()
    members: Mapped[list[HuntGroupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan",
        order_by="HuntGroupMember.position")


class HuntGroupMember(TenantOwned, Versioned, db.Model):
    """A line that takes the group's calls, at ``position``, present or away."""

    __tablename__ = "hunt_group_member"
    __table_args__ = (UniqueConstraint("group_id", "line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("hunt_group.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), index=True)
    position: Mapped[int]
    present: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    group: Mapped[HuntGroup] = relationship(back_populates="members")
    line: Mapped[Line] = relationship()
    tenant: Mapped[Tenant] = relationship()

    @property
    def group_line_id(self) -> int:
        """The group's own line (what a member's line page names the group by)."""
        return self.group.line_id

    def audit_state(self) -> dict[str, Any]:
        line = self.line
        return {"id": self.id, "number": (line.number or line.extension) if line else None,
                "name": line.display_name if line else "", "position": self.position,
                "present": self.present}


class PickupGroup(TenantOwned, Versioned, db.Model):
    """Lines that can answer each other's ringing calls with the carrier's code."""

    __tablename__ = "pickup_group"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    site: Mapped[Site | None] = relationship()
    members: Mapped[list[PickupMember]] = relationship(
        back_populates="group", cascade="all, delete-orphan", order_by="PickupMember.id")

    @property
    def numbers(self) -> list[str]:
        return [member.line.number or member.line.extension or "" for member in self.members]

    def audit_state(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "site_id": self.site_id,
                "numbers": self.numbers}


class PickupMember(TenantOwned, db.Model):
    """A line of a pickup group."""

    __tablename__ = "pickup_group_member"
    __table_args__ = (UniqueConstraint("group_id", "line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("pickup_group.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), index=True)

    group: Mapped[PickupGroup] = relationship(back_populates="members")
    line: Mapped[Line] = relationship()
