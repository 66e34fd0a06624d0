"""A tenant's uploaded audio: where its bytes are kept and what inspection found."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.models import TenantOwned, utcnow
from backoffice.extensions import db


class AudioFile(TenantOwned, db.Model):
    """One uploaded audio file of a tenant; features refer to it by id. Never edited."""

    __tablename__ = "audio_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)  # in the media storage
    filename: Mapped[str] = mapped_column(String(200))  # as uploaded, for display only
    format: Mapped[str] = mapped_column(String(10))  # "mp3" or "wav", read from the content
    duration_ms: Mapped[int]
    size: Mapped[int]
    uploaded_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def seconds(self) -> float:
        return self.duration_ms / 1000
