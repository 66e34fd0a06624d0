"""A line's mailbox and the messages it holds (guides 002 voicemail, 003 §3, 004 §6.15)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Line, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

GREETINGS = ("default", "custom")
NOTIFICATIONS = ("none", "notify", "attach")


class Mailbox(TenantOwned, Versioned, db.Model):
    """A line's mailbox. No row until its settings are first saved: the carrier's defaults
    apply until then. ``options`` holds the carrier's own settings (a PIN, key
    destinations...), validated by the carrier's schema and rules."""

    __tablename__ = "voicemail_box"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    enabled: Mapped[bool] = mapped_column(default=True)
    greeting: Mapped[str] = mapped_column(String(10), default="default")
    greeting_audio_id: Mapped[int | None] = mapped_column(ForeignKey("audio_file.id"))
    notification: Mapped[str] = mapped_column(String(10), default="none")
    email: Mapped[str | None] = mapped_column(String(254))
    email_only: Mapped[bool] = mapped_column(default=False)
    max_message_seconds: Mapped[int | None]
    recorded_greeting_seconds: Mapped[int | None]  # a greeting recorded at the phone
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    line: Mapped[Line] = relationship()
    messages: Mapped[list[VoicemailMessage]] = relationship(
        cascade="all, delete-orphan", passive_deletes=False)  # a deleted line loses them

    secret_options = ()  # names of options never shown (a PIN...), set by the service

    def audit_state(self) -> dict[str, Any]:
        """The columns, with the secret options (a PIN...) masked."""
        state = {column.key: getattr(self, column.key)
                 for column in self.__table__.columns if column.key != "options"}
        state["options"] = {key: ("••••" if key in self.secret_options and value else value)
                            for key, value in (self.options or {}).items()}
        return state


class VoicemailMessage(TenantOwned, db.Model):
    """A message left in a mailbox, as the carrier's (sandbox) network holds it: the count
    "(n message / 100)", a full box and the retention periods are read from these rows."""

    __tablename__ = "voicemail_message"
    __table_args__ = (Index("ix_voicemail_message_mailbox_id_left_at", "mailbox_id",
                            "left_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    mailbox_id: Mapped[int] = mapped_column(ForeignKey("voicemail_box.id"))
    seconds: Mapped[int]
    left_at: Mapped[datetime] = mapped_column(default=utcnow)
    archived: Mapped[bool] = mapped_column(default=False)
    caller: Mapped[str | None] = mapped_column(String(20))
