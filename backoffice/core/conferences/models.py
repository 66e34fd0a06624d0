"""Conference models: the room and its invited participants."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.core.models import Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

KINDS = ("permanent", "one_time")
ROLES = ("administrator", "participant")


class Conference(TenantOwned, Versioned, db.Model):
    """A conference room. A one-time one has a start (date, time, time zone) and a length."""

    __tablename__ = "conference"
    __table_args__ = (UniqueConstraint("tenant_id", "room"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(120))
    language: Mapped[str] = mapped_column(String(10))
    room: Mapped[str] = mapped_column(String(4))
    access_code: Mapped[str | None] = mapped_column(String(4))
    start_date: Mapped[date | None]
    start_time: Mapped[time | None]
    timezone: Mapped[str | None] = mapped_column(String(64))
    duration_minutes: Mapped[int | None]
    recording: Mapped[bool] = mapped_column(default=False)
    email_report: Mapped[bool] = mapped_column(default=False)
    announce_participants: Mapped[bool] = mapped_column(default=False)
    web_broadcast: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tenant: Mapped[Tenant] = relationship()
    participants: Mapped[list[ConferenceParticipant]] = relationship(
        back_populates="conference", order_by="ConferenceParticipant.id",
        cascade="all, delete-orphan")
    sessions: Mapped[list[ConferenceSession]] = relationship(
        back_populates="conference", cascade="all, delete-orphan")


class ConferenceParticipant(TenantOwned, Versioned, db.Model):
    """Someone invited to a conference, by e-mail, as administrator or participant."""

    __tablename__ = "conference_participant"
    __table_args__ = (UniqueConstraint("conference_id", "email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(20))

    tenant: Mapped[Tenant] = relationship()
    conference: Mapped[Conference] = relationship(back_populates="participants")


class ConferenceSession(TenantOwned, db.Model):
    """One time a conference was held, as the network reports it: when it started and
    ended, and its audio recording while it is kept (``recording_seconds``, ``None`` when
    not recorded or gone)."""

    __tablename__ = "conference_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conference.id"), index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime] = mapped_column(index=True)
    recording_seconds: Mapped[int | None]

    conference: Mapped[Conference] = relationship(back_populates="sessions")
    attendances: Mapped[list[ConferenceAttendance]] = relationship(
        back_populates="session", order_by="ConferenceAttendance.joined_at",
        cascade="all, delete-orphan")


class ConferenceAttendance(TenantOwned, db.Model):
    """Someone connected to a held conference, from when to when."""

    __tablename__ = "conference_attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("conference_session.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    joined_at: Mapped[datetime]
    left_at: Mapped[datetime]

    session: Mapped[ConferenceSession] = relationship(back_populates="attendances")
