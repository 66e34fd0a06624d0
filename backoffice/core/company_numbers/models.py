"""The company number model: one of the customer's numbers and what it is routed to."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

UNASSIGNED = "none"
ROUTES = (UNASSIGNED, "ivr", "extension")


class CompanyNumber(TenantOwned, Versioned, db.Model):
    """A number of the customer's: unassigned (route ``none``), or routed to the
    auto-receptionist (``ivr``) or to an extension (``extension``)."""

    __tablename__ = "company_number"
    __table_args__ = (UniqueConstraint("tenant_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))  # E.164
    route: Mapped[str] = mapped_column(String(20), default=UNASSIGNED)
    extension: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()

    @property
    def assigned(self) -> bool:
        return self.route != UNASSIGNED
