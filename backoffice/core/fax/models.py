"""The fax model: one fax sent, its cover page, its document and its confirmation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.models import TenantOwned, utcnow
from backoffice.extensions import db

LANGUAGES = ("fr", "en")


class Fax(TenantOwned, db.Model):
    """A fax sent from one of the customer's fax numbers. Never edited: its status is that
    of its provisioning order."""

    __tablename__ = "fax"
    __table_args__ = (Index("ix_fax_tenant_id_created_at", "tenant_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    sender_line_id: Mapped[int | None] = mapped_column(index=True)  # no FK: history stays
    # the cover page (guide's order)
    subject: Mapped[str] = mapped_column(String(200))
    recipient_name: Mapped[str] = mapped_column(String(120))
    recipient_company: Mapped[str] = mapped_column(String(120))
    recipient_fax: Mapped[str] = mapped_column(String(20))  # E.164: where the fax goes
    recipient_phone: Mapped[str] = mapped_column(String(20))
    sender_name: Mapped[str] = mapped_column(String(120))
    sender_company: Mapped[str] = mapped_column(String(120))
    sender_fax: Mapped[str] = mapped_column(String(20))
    sender_phone: Mapped[str] = mapped_column(String(20))
    comments: Mapped[str] = mapped_column(Text)
    # the fax options
    language: Mapped[str] = mapped_column(String(10))
    remember_subject: Mapped[bool] = mapped_column(default=False)
    remember_company: Mapped[bool] = mapped_column(default=False)
    hide_recipient_phone: Mapped[bool] = mapped_column(default=False)
    hide_sender_phone: Mapped[bool] = mapped_column(default=False)
    hide_sender_fax: Mapped[bool] = mapped_column(default=False)
    # the document, in the media storage
    document_key: Mapped[str] = mapped_column(String(200), unique=True)
    document_name: Mapped[str] = mapped_column(String(200))
    document_bytes: Mapped[int]
    document_pages: Mapped[int]
    # whom the sending confirmation is e-mailed to (None: the number's option is off)
    confirmation_to: Mapped[str | None] = mapped_column(String(254))
    sent_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def pages(self) -> int:
        """The pages sent, the cover page included (the cover page's "Nombre de pages")."""
        return self.document_pages + 1
