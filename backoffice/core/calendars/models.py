"""The calendar model: a tenant's named opening hours and closures, in one time zone."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.calendars.hours import Closure, DayType, OpeningStatus, opening_status
from backoffice.core.models import TenantOwned, Versioned
from backoffice.extensions import db


class Calendar(TenantOwned, Versioned, db.Model):
    """Opening hours per day type and closures. ``line_id`` set: the hours of that number only.

    Day types and closures have no identity of their own: they are stored as JSON values
    (see :mod:`backoffice.core.calendars.hours`), so an audit record holds the whole calendar.
    """

    __tablename__ = "calendar"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("line.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    timezone: Mapped[str] = mapped_column(String(64))
    hours: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    closures: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    closures_yearly: Mapped[bool] = mapped_column(default=False)

    @property
    def day_types(self) -> list[DayType]:
        return [DayType.parse(item) for item in self.hours or []]

    @property
    def closure_list(self) -> list[Closure]:
        return [Closure.parse(item) for item in self.closures or []]

    def status(self, moment: datetime) -> OpeningStatus:
        """Open or closed at ``moment``, and why."""
        return opening_status(self.day_types, self.closure_list, yearly=self.closures_yearly,
                              timezone=self.timezone, moment=moment)

    def is_open(self, moment: datetime) -> bool:
        return self.status(moment).open
