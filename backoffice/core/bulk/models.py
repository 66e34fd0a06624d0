"""A bulk import: the rows of the file, how far the job got, and its per-row report."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.models import TenantOwned, utcnow
from backoffice.extensions import db


class LineImport(TenantOwned, db.Model):
    """One import of lines into one tenant, from its dry run to its outcome."""

    __tablename__ = "line_import"

    CHECKED, QUEUED, RUNNING, DONE, REJECTED, FAILED = (
        "checked", "queued", "running", "done", "rejected", "failed")
    FINISHED = (DONE, REJECTED, FAILED)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    actor: Mapped[str] = mapped_column(String(254))
    request_id: Mapped[str | None] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), default=CHECKED)
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    #: The file's rows (megabytes for a large file): read only by the job, when it runs.
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list, deferred=True)
    #: ``[{"row": n, "errors": [{"field", "code", "message", "params"}]}]``, failed rows only.
    report: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    audit_id: Mapped[int | None] = mapped_column(ForeignKey("audit_record.id"))
    detail: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def percent(self) -> int:
        return 100 if self.status == self.DONE else (
            int(self.done * 100 / self.total) if self.total else 0)
