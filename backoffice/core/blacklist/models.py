"""Blacklist models: account-wide match rules, per-line blocked numbers, per-line flags."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

MAX_RULE_DIGITS = 15  # an E.164 number has at most 15 digits


class BlacklistRule(TenantOwned, Versioned, db.Model):
    """One account-wide rule: block (or allow only) the callers whose digits match.

    ``match`` is how ``digits`` is compared with the caller's digits: ``equals``,
    ``starts_with``, ``ends_with`` or ``contains``. Matching looks the caller's
    substrings up in the ``(tenant_id, digits)`` index, so it does not scan the rules.
    """

    __tablename__ = "blacklist_rule"
    __table_args__ = (
        UniqueConstraint("tenant_id", "mode", "match", "digits"),
        Index("ix_blacklist_rule_tenant_id_digits", "tenant_id", "digits"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"))
    mode: Mapped[str] = mapped_column(String(20))  # "block" or "allow_only"
    match: Mapped[str] = mapped_column(String(20))
    digits: Mapped[str] = mapped_column(String(MAX_RULE_DIGITS))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()


class BlockedNumber(TenantOwned, db.Model):
    """A number a line refuses calls from. Added and removed, never edited."""

    __tablename__ = "blocked_number"
    __table_args__ = (UniqueConstraint("line_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    number: Mapped[str] = mapped_column(String(24))  # E.164 when recognised, else as typed
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    line: Mapped[Line] = relationship()


class LineFlag(TenantOwned, Versioned, db.Model):
    """An on/off setting of a line (``reject_anonymous``...). No row: the offer's default."""

    __tablename__ = "line_flag"
    __table_args__ = (UniqueConstraint("line_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"))
    name: Mapped[str] = mapped_column(String(60))
    enabled: Mapped[bool] = mapped_column(default=False)

    line: Mapped[Line] = relationship()
