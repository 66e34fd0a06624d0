"""The user model: a person of the customer's company, who may hold lines."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

MAX_NAME_LENGTH = 80


class TenantUser(TenantOwned, Versioned, db.Model):
    """A user of the customer's telephony portal. An e-mail is one user's only."""

    __tablename__ = "tenant_user"
    __table_args__ = (
        Index("uq_tenant_user_tenant_id_email", "tenant_id", func.lower(text("email")),
              unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    last_name: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH))
    email: Mapped[str] = mapped_column(String(254))
    department: Mapped[str] = mapped_column(String(MAX_NAME_LENGTH), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    lines: Mapped[list[Line]] = relationship(order_by=Line.extension, viewonly=True)

    @property
    def extension(self) -> str | None:
        """The extension the user holds (the first, for a user holding several)."""
        return next((line.extension for line in self.lines if line.extension), None)

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
