"""The application's mail outlet: an outbox table that a mail relay (or a test) reads.

The backoffice has no SMTP of its own; what it "sends" (a scheduled call log, 002 Liste
d'appels) is a row of :class:`OutgoingMail`, with its attachment, written by the job that
sends it. A deployment relays the rows; tests and the demo read them.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.models import TenantOwned, utcnow
from backoffice.extensions import db


class OutgoingMail(TenantOwned, db.Model):
    """One e-mail sent for a tenant, with at most one text attachment (a CSV)."""

    __tablename__ = "outgoing_mail"
    __table_args__ = (UniqueConstraint("tenant_id", "reference"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    attachment_name: Mapped[str | None] = mapped_column(String(120))
    attachment: Mapped[str | None] = mapped_column(Text)
    #: What the mail is, so that a job run twice sends it once ("call_log:2026-11-30").
    reference: Mapped[str | None] = mapped_column(String(80))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)


def sent(tenant_id: int, reference: str) -> OutgoingMail | None:
    """The mail of ``reference`` already in the outbox, if any."""
    return db.session.scalar(select(OutgoingMail).where(
        OutgoingMail.tenant_id == tenant_id, OutgoingMail.reference == reference))


def send_mail(tenant_id: int, recipient: str, subject: str, body: str, *,
              attachment_name: str | None = None, attachment: str | None = None,
              reference: str | None = None) -> OutgoingMail:
    """Put one e-mail in the outbox (the caller commits)."""
    mail = OutgoingMail(tenant_id=tenant_id, recipient=recipient, subject=subject[:200],
                        body=body, attachment_name=attachment_name, attachment=attachment,
                        reference=reference)
    db.session.add(mail)
    return mail
