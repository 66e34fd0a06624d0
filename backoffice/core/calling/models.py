"""The calling options of a line (or of a whole tenant): one row per feature.

Each feature's values are typed by its schema (built from the carrier's limits) before they
are saved; the row keeps them as a mapping, so one model serves caller ID, do not disturb,
call permissions and a carrier's own small settings alike, and a quick-edit grid can save
many lines' options in one change.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.models import TenantOwned, Versioned
from backoffice.extensions import db


class CallingOption(TenantOwned, Versioned, db.Model):
    """The saved values of one feature for a line (``line_id``) or a tenant (no line)."""

    __tablename__ = "calling_option"
    __table_args__ = (UniqueConstraint("tenant_id", "line_id", "feature"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int | None] = mapped_column(ForeignKey("line.id"), index=True)
    feature: Mapped[str] = mapped_column(String(60))
    values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    def audit_state(self) -> dict[str, Any]:
        """The values as fields of their own, so that history reads them one by one."""
        return {"id": self.id, "line_id": self.line_id, **(self.values or {}),
                "version": self.version}
