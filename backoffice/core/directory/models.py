"""The external contact model: a name and a number in the customer's company directory."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Tenant, TenantOwned, Versioned, utcnow
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
