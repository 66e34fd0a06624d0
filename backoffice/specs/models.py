"""The last results of the specs: one row per import of a cucumber report, one per
scenario it ran. Not tenant data: every agent reads them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import utcnow
from backoffice.extensions import db


class SpecRun(db.Model):
    """One imported report: when the run wrote it, at which commit, and the feature files
    as they were then (their SHA-256), to tell when the specs on disk changed since."""

    __tablename__ = "spec_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    reported_at: Mapped[datetime]
    commit: Mapped[str] = mapped_column(String(64))
    digests: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    results: Mapped[list[SpecResult]] = relationship(back_populates="run",
                                                     cascade="all, delete-orphan")


class SpecResult(db.Model):
    """A scenario's result in a run (an outline's: every example row's, in order)."""

    __tablename__ = "spec_result"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("spec_run.id", ondelete="CASCADE"),
                                        index=True)
    uri: Mapped[str] = mapped_column(String(255))
    line: Mapped[int]
    status: Mapped[str] = mapped_column(String(16))  # passed, failed, not_run
    failed_step: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[str] = mapped_column(Text, default="")
    examples: Mapped[list[Any]] = mapped_column(JSON, default=list)  # statuses, per row

    run: Mapped[SpecRun] = relationship(back_populates="results")
