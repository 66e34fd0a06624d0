"""Call log models: the calls the network carried, and the customer's e-mail schedule."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.models import TenantOwned, Versioned
from backoffice.extensions import db

CALL_TYPES = ("incoming", "outgoing", "missed")
KINDS = ("call", "fax")
FREQUENCIES = ("daily", "weekly", "monthly")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class CallRecord(TenantOwned, db.Model):
    """One call (or fax) the network carried for the tenant; never changed once written.

    ``started_at`` is naive UTC. The log is read by tenant and period: the index on
    (tenant_id, started_at) serves every page, newest first, whatever the table's size.
    """

    __tablename__ = "call_record"
    __table_args__ = (Index("ix_call_record_tenant_id_started_at", "tenant_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"))
    started_at: Mapped[datetime]
    call_type: Mapped[str] = mapped_column(String(10))  # incoming, outgoing, missed
    kind: Mapped[str] = mapped_column(String(10), default="call")  # call or fax
    caller: Mapped[str] = mapped_column(String(32), default="")  # E.164, or "" (anonymous)
    called: Mapped[str] = mapped_column(String(32), default="")
    extension: Mapped[str | None] = mapped_column(String(20))
    seconds: Mapped[int] = mapped_column(default=0)
    blocked: Mapped[bool] = mapped_column(default=False)
    recorded: Mapped[bool] = mapped_column(default=False)


class CallLogSchedule(TenantOwned, Versioned, db.Model):
    """When the customer's call log is e-mailed, and to whom (one per tenant)."""

    __tablename__ = "call_log_schedule"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), unique=True)
    frequency: Mapped[str] = mapped_column(String(10), default="off")
    weekday: Mapped[str | None] = mapped_column(String(10))  # "monday"..., weekly e-mail
    month_day: Mapped[int | None]  # 1..31, for a monthly one (the last day in a short month)
    email: Mapped[str | None] = mapped_column(String(254))
