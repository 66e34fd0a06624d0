"""Device models: a phone (or other hardware) and its programmed keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

KEY_KINDS = ("supervision", "speed_dial", "pickup", "line")


class Device(TenantOwned, Versioned, db.Model):
    """A device of the customer's: the hardware of one line (``line_id``), a phone of the
    customer's bank (no line; extensions reach it through line keys), or a softphone of
    one line with its own SIP account (a line may have several softphones)."""

    __tablename__ = "device"
    __table_args__ = (Index("uq_device_line_hardware", "line_id", unique=True,
                            postgresql_where=text("kind IS DISTINCT FROM 'softphone'")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("line.id"), index=True)
    kind: Mapped[str | None] = mapped_column(String(20))
    model: Mapped[str | None] = mapped_column(String(60))
    mac: Mapped[str | None] = mapped_column(String(12), index=True)
    name: Mapped[str | None] = mapped_column(String(120))
    timezone: Mapped[str | None] = mapped_column(String(64))
    sip_username: Mapped[str | None] = mapped_column(String(64), unique=True, index=True)
    sip_password: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    line: Mapped[Line | None] = relationship()
    keys: Mapped[list[DeviceKey]] = relationship(
        back_populates="device", order_by="DeviceKey.position", cascade="all, delete-orphan")

    @property
    def programmed(self) -> str:
        """“4/47”: keys programmed out of the model's programmable keys."""
        from backoffice.core.devices.service import programmed

        return programmed(self)

    @property
    def extensions(self) -> str:
        """The extensions a phone of the bank serves, by line key."""
        return ", ".join(f"{key.position}: {key.line.extension or key.line.number}"
                         for key in self.keys if key.kind == "line" and key.line is not None)

    def audit_state(self) -> dict[str, Any]:
        """The device and its keys, as the trail and the network read them."""
        from backoffice.core.changes import plain_columns

        state = {name: value for name, value in plain_columns(self).items()
                 if name != "sip_password"}  # a secret: never in the trail nor the orders
        return {**state, "keys": [
            {"position": key.position, "kind": key.kind, "line_id": key.line_id,
             "number": key.number, "label": key.label} for key in self.keys]}


class DeviceKey(TenantOwned, db.Model):
    """One programmed key of a device, at ``position`` (from 1, no gap): it watches or
    calls a line, dials a number, or carries an extension (a line key)."""

    __tablename__ = "device_key"
    __table_args__ = (UniqueConstraint("device_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("device.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    line_id: Mapped[int | None] = mapped_column(ForeignKey("line.id"), index=True)
    number: Mapped[str | None] = mapped_column(String(32))
    label: Mapped[str | None] = mapped_column(String(60))

    tenant: Mapped[Tenant] = relationship()
    device: Mapped[Device] = relationship(back_populates="keys")
    line: Mapped[Line | None] = relationship()
