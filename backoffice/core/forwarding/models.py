"""Forwarding models: a line's forwarding (the aggregate), its rules, its saved numbers.

One :class:`ForwardingRule` per trigger and line. A trigger is what starts the rule:

``always``, ``busy``, ``no_answer``, ``unreachable``, ``scheduled``, ``out_of_service``,
``ring_together`` (the line and other numbers ring), ``caller_confirms`` (forwarded only when
the caller presses 1), ``find_me`` (follow-me to a number after a ring time, with screening),
``do_not_disturb`` (every caller goes to the fixed destination, voicemail).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from backoffice.core.calendars.models import Calendar
from backoffice.core.calendars.schedules import Schedule
from backoffice.core.destinations import Destination
from backoffice.core.models import Line, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

TRIGGERS = ("always", "busy", "no_answer", "unreachable", "scheduled", "out_of_service",
            "ring_together", "caller_confirms", "find_me", "do_not_disturb")
RING_MODES = ("simultaneous", "sequential")


@dataclass(frozen=True)
class RuleState:
    """What one rule says, saved or defaulted; what the read views and the explainer use."""

    trigger: str
    enabled: bool = False
    destination: Destination | None = None
    ring_count: int | None = None
    ring_seconds: int | None = None
    ring_reminder: bool = False
    ring_mode: str = ""
    numbers: tuple[str, ...] = ()
    calendar: Calendar | None = None
    schedule: Schedule | None = None
    hold_music: bool = False
    screening: bool = False


class ForwardingNumber(TenantOwned, Versioned, db.Model):
    """A number of a line's own list, which its forwarding options choose from."""

    __tablename__ = "forwarding_number"
    __table_args__ = (UniqueConstraint("line_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), index=True)
    number: Mapped[str] = mapped_column(String(20))  # E.164
    label: Mapped[str] = mapped_column(String(60), default="")


class Forwarding(TenantOwned, Versioned, db.Model):
    """A line's forwarding settings: its rules, and the options of the line as a whole."""

    __tablename__ = "forwarding"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    subscribed: Mapped[bool] = mapped_column(default=True)  # the line has the option at all
    ring_seconds: Mapped[int | None]  # how long the line rings before no-answer handling
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    rules: Mapped[list[ForwardingRule]] = relationship(
        back_populates="forwarding", cascade="all, delete-orphan",
        order_by="ForwardingRule.id", lazy="selectin")
    # ``line.forwarding`` loads once per session: the pages read it from several blocks.
    line: Mapped[Line] = relationship(backref=backref("forwarding", uselist=False))

    def rule(self, trigger: str) -> ForwardingRule:
        """The rule for ``trigger``, added when missing."""
        for rule in self.rules:
            if rule.trigger == trigger:
                return rule
        rule = ForwardingRule(trigger=trigger, enabled=False, numbers=[])
        self.rules.append(rule)
        return rule

    def touch(self) -> None:
        """Mark the aggregate changed, so its version moves when only its rules changed."""
        self.updated_at = utcnow()

    def audit_state(self) -> dict[str, Any]:
        """The whole forwarding, rules included, for the audit trail and the network."""
        return {"id": self.id, "line_id": self.line_id, "subscribed": self.subscribed,
                "ring_seconds": self.ring_seconds, "version": self.version,
                "rules": [rule.audit_state() for rule in self.rules]}


class ForwardingRule(db.Model):
    """One trigger of a line's forwarding, its destination and its options."""

    __tablename__ = "forwarding_rule"
    __table_args__ = (UniqueConstraint("forwarding_id", "trigger"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    forwarding_id: Mapped[int] = mapped_column(ForeignKey("forwarding.id"), index=True)
    trigger: Mapped[str] = mapped_column(String(20))
    enabled: Mapped[bool] = mapped_column(default=False)
    destination_kind: Mapped[str] = mapped_column(String(12), default="")
    destination_value: Mapped[str] = mapped_column(String(32), default="")
    saved_number_id: Mapped[int | None] = mapped_column(
        ForeignKey("forwarding_number.id"), index=True)
    ring_count: Mapped[int | None]
    ring_seconds: Mapped[int | None]
    ring_reminder: Mapped[bool] = mapped_column(default=False)
    ring_mode: Mapped[str] = mapped_column(String(12), default="")
    numbers: Mapped[list[str]] = mapped_column(JSON, default=list)
    calendar_id: Mapped[int | None] = mapped_column(ForeignKey("calendar.id"), index=True)
    schedule: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    hold_music: Mapped[bool] = mapped_column(default=False)
    screening: Mapped[bool] = mapped_column(default=False)

    forwarding: Mapped[Forwarding] = relationship(back_populates="rules")
    calendar: Mapped[Calendar | None] = relationship()
    saved_number: Mapped[ForwardingNumber | None] = relationship()

    @property
    def destination(self) -> Destination | None:
        if self.saved_number is not None:
            return Destination("number", self.saved_number.number)
        if not self.destination_kind:
            return None
        return Destination(self.destination_kind, self.destination_value)  # type: ignore[arg-type]

    @destination.setter
    def destination(self, value: Destination | None) -> None:
        self.destination_kind = value.kind if value else ""
        self.destination_value = value.value if value else ""

    def state(self) -> RuleState:
        return RuleState(
            trigger=self.trigger, enabled=self.enabled, destination=self.destination,
            ring_count=self.ring_count, ring_seconds=self.ring_seconds,
            ring_reminder=self.ring_reminder, ring_mode=self.ring_mode,
            numbers=tuple(self.numbers or ()), calendar=self.calendar,
            schedule=Schedule.from_dict(self.schedule) if self.schedule else None,
            hold_music=self.hold_music, screening=self.screening)

    def audit_state(self) -> dict[str, Any]:
        destination = self.destination
        return {"trigger": self.trigger, "enabled": self.enabled,
                "destination": destination.as_dict() if destination else None,
                "ring_count": self.ring_count, "ring_seconds": self.ring_seconds,
                "ring_reminder": self.ring_reminder, "ring_mode": self.ring_mode,
                "numbers": list(self.numbers or ()), "calendar_id": self.calendar_id,
                "schedule": self.schedule, "hold_music": self.hold_music,
                "screening": self.screening}
