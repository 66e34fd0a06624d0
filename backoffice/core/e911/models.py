"""Emergency-address models: a line's saved addresses and which one is current."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

TEXT_MAX = 100
SHORT_MAX = 20


class E911Address(TenantOwned, Versioned, db.Model):
    """One saved address of a line, where emergency services would be sent."""

    __tablename__ = "e911_address"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), index=True)
    province: Mapped[str] = mapped_column(String(SHORT_MAX))  # ISO 3166-2: "CA-QC"
    municipality: Mapped[str] = mapped_column(String(TEXT_MAX))
    building_number: Mapped[str] = mapped_column(String(SHORT_MAX))
    street_name: Mapped[str] = mapped_column(String(TEXT_MAX))
    street_suffix: Mapped[str | None] = mapped_column(String(SHORT_MAX))
    street_direction: Mapped[str | None] = mapped_column(String(SHORT_MAX))
    apartment: Mapped[str | None] = mapped_column(String(SHORT_MAX))
    longitude: Mapped[float | None] = mapped_column(Float)
    latitude: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    line: Mapped[Line] = relationship()

    current = False
    """Whether it is the line's current address: set by the service when it lists them."""

    def audit_state(self) -> dict[str, Any]:
        """The address and whether it is the line's current one (what the network needs)."""
        from backoffice.core.changes import plain_columns
        from backoffice.core.e911.service import current_address_id

        return {**plain_columns(self), "current": current_address_id(self.line) == self.id}


class E911Selection(TenantOwned, Versioned, db.Model):
    """The line's current location: one of its addresses, or outside the country."""

    __tablename__ = "e911_selection"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    address_id: Mapped[int | None] = mapped_column(
        ForeignKey("e911_address.id", ondelete="SET NULL"))
    outside: Mapped[bool] = mapped_column(default=False)

    tenant: Mapped[Tenant] = relationship()
    line: Mapped[Line] = relationship()
    address: Mapped[E911Address | None] = relationship()
