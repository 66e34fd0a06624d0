"""Core domain models: tenants, sites, lines, the audit trail and provisioning orders."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, func, text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from backoffice.core.searchkeys import DERIVED, default_from, fold, keep_in_sync, reversed_digits
from backoffice.extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class Versioned:
    """Optimistic locking: an UPDATE carrying a stale version changes nothing and fails."""

    @declared_attr
    def version(cls) -> Mapped[int]:
        return mapped_column(nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


class TenantOwned:
    """Rows that belong to one tenant: tenant isolation filters them (see ``tenancy``).

    Each model declares its own ``tenant_id`` (with its index and deletion rule); the
    mixin's is what the tenant scope's one criterion on ``TenantOwned`` is written against.
    """

    @declared_attr
    def tenant_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("tenant.id"))


class Tenant(Versioned, db.Model):
    """One business customer of one carrier."""

    __tablename__ = "tenant"
    __table_args__ = (
        UniqueConstraint("carrier_id", "name"),
        Index("ix_tenant_name_key", "name_key", postgresql_ops={"name_key": "text_pattern_ops"}),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    carrier_id: Mapped[str] = mapped_column(String(40), index=True)
    locale: Mapped[str] = mapped_column(String(10))
    timezone: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The name folded for the search (``searchkeys``): "Érablière" is found as "erabliere".
    name_key: Mapped[str | None] = mapped_column(String(120), default=default_from("name", fold),
                                                 info=DERIVED)

    sites: Mapped[list[Site]] = relationship(back_populates="tenant", order_by="Site.name")
    lines: Mapped[list[Line]] = relationship(back_populates="tenant", order_by="Line.id")


#: A line's site is one of its tenant's: joined by the tenant too, a query of one tenant's
#: lines reads that tenant's sites through their index (by the site's id alone, PostgreSQL
#: read every site of the agent's scope to join them).
SITE_OF_LINE = "and_(Site.id == foreign(Line.site_id), Site.tenant_id == Line.tenant_id)"


class Site(TenantOwned, Versioned, db.Model):
    """A place of the tenant's, with the normalized address emergency calls are routed to."""

    __tablename__ = "site"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    street: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    # False for the one site a carrier creates automatically that is not a place (its
    # ``SiteLimits.virtual_site``): it holds the lines of some plans, is never renamed or
    # deleted.
    physical: Mapped[bool] = mapped_column(default=True, server_default=text("true"))

    tenant: Mapped[Tenant] = relationship(back_populates="sites")
    lines: Mapped[list[Line]] = relationship(back_populates="site", primaryjoin=SITE_OF_LINE)

    @property
    def address(self) -> str:
        return " ".join(part for part in (self.street, self.postal_code, self.city) if part)


class Line(TenantOwned, Versioned, db.Model):
    """A line of a tenant: its plan (line type), number, extension and user."""

    __tablename__ = "line"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number"),
        UniqueConstraint("tenant_id", "extension"),
        Index("ix_line_number", "number"),
        Index("ix_line_associated_number", "associated_number"),
        Index("ix_line_extension", "extension"),
        Index("ix_line_mac", "mac"),
        Index("ix_line_email_lower", func.lower(text("email")),
              postgresql_ops={"lower(email)": "text_pattern_ops"}),
        Index("ix_line_number_tail", "number_tail",
              postgresql_ops={"number_tail": "text_pattern_ops"}),
        Index("ix_line_last_name_key", "last_name_key",
              postgresql_ops={"last_name_key": "text_pattern_ops"}),
        Index("ix_line_first_name_key", "first_name_key",
              postgresql_ops={"first_name_key": "text_pattern_ops"}),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"), index=True)
    plan: Mapped[str] = mapped_column(String(40))
    number: Mapped[str | None] = mapped_column(String(20))  # E.164
    extension: Mapped[str | None] = mapped_column(String(10))
    first_name: Mapped[str] = mapped_column(String(80), default="")
    last_name: Mapped[str] = mapped_column(String(80), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    associated_number: Mapped[str | None] = mapped_column(String(20))  # E.164
    mac: Mapped[str | None] = mapped_column(String(12))  # the device's @MAC, 12 hex digits
    # The user's role in the customer's own portal, among those its carrier declares.
    role: Mapped[str | None] = mapped_column(String(40))
    # The customer's user who holds the line (``users``); none: the administrator's.
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("tenant_user.id", ondelete="SET NULL"), index=True)
    # Search keys (``searchkeys``): the number's digits reversed, so its last digits are a
    # prefix; the names folded, so "stephane" finds "Stéphane".
    number_tail: Mapped[str | None] = mapped_column(
        String(20), default=default_from("number", reversed_digits), info=DERIVED)
    first_name_key: Mapped[str | None] = mapped_column(
        String(80), default=default_from("first_name", fold), info=DERIVED)
    last_name_key: Mapped[str | None] = mapped_column(
        String(80), default=default_from("last_name", fold), info=DERIVED)

    tenant: Mapped[Tenant] = relationship(back_populates="lines")
    site: Mapped[Site | None] = relationship(back_populates="lines", primaryjoin=SITE_OF_LINE)

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)


keep_in_sync(Tenant.name, "name_key", fold)
keep_in_sync(Line.number, "number_tail", reversed_digits)
keep_in_sync(Line.first_name, "first_name_key", fold)
keep_in_sync(Line.last_name, "last_name_key", fold)


class AuditRecord(TenantOwned, db.Model):
    """Who changed what, when, with the state before and after. Written, never edited."""

    __tablename__ = "audit_record"
    __table_args__ = (Index("ix_audit_record_tenant_id_at", "tenant_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(254))
    tenant_id: Mapped[int | None] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(index=True)  # no FK: history outlives the line
    object_type: Mapped[str] = mapped_column(String(60))
    object_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(20))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    request_id: Mapped[str | None] = mapped_column(String(64))


class ProvisioningOrder(TenantOwned, db.Model):
    """A change to push to the carrier's network, and how far it got."""

    __tablename__ = "provisioning_order"

    PENDING, APPLIED, FAILED, RETRIED = "pending", "applied", "failed", "retried"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit_record.id"))
    line_id: Mapped[int | None] = mapped_column(index=True)
    object_type: Mapped[str] = mapped_column(String(60))
    object_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    detail: Mapped[str] = mapped_column(String(500), default="")
    # When the network said the order takes effect (still pending until then), if later.
    expected_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
