"""Schedules: days of the week and hours, repeating weekly, ending never, on a date or
after a number of occurrences (one occurrence = one day the schedule applies), with dateutil.

Hours whose end comes before their start cross midnight: ``mon 18:00-08:00`` runs from
Monday 18:00 to Tuesday 08:00, an occurrence of Monday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from dateutil.rrule import WEEKLY, rrule
from flask_babel import gettext, ngettext

from backoffice.core.calendars.hours import (
    DAY_NAMES,
    parse_date,
    parse_days,
    parse_time,
)
from backoffice.core.calendars.wording import date_text, hours_text, weekdays_text

Ends = Literal["never", "on_date", "after_occurrences"]
ENDS: tuple[Ends, ...] = ("never", "on_date", "after_occurrences")


@dataclass(frozen=True)
class Schedule:
    """When a scheduled option is active: ``days`` from ``start`` to ``end``, from ``starts_on``."""

    days: tuple[int, ...]
    start: time
    end: time
    starts_on: date
    ends: Ends = "never"
    until: date | None = None
    occurrences: int | None = None

    def problem(self) -> str | None:
        """Why the schedule cannot be used, or ``None``."""
        if self.start == self.end:
            return "hours"
        if self.ends == "on_date" and (self.until is None or self.until < self.starts_on):
            return "until"
        if self.ends == "after_occurrences" and not (self.occurrences or 0) >= 1:
            return "occurrences"
        return None

    def recurrence(self) -> rrule:
        return rrule(
            WEEKLY, byweekday=self.days, dtstart=datetime.combine(self.starts_on, self.start),
            until=(datetime.combine(self.until, time.max) if self.ends == "on_date" else None),
            count=self.occurrences if self.ends == "after_occurrences" else None,
        )

    @property
    def crosses_midnight(self) -> bool:
        """Whether each occurrence ends the next day (``18:00-08:00``)."""
        return self.end < self.start

    @property
    def duration(self) -> timedelta:
        """How long one occurrence lasts, past midnight when it crosses it."""
        span = datetime.combine(date.min, self.end) - datetime.combine(date.min, self.start)
        return span + timedelta(days=1) if self.crosses_midnight else span

    def is_active(self, moment: datetime, timezone: str) -> bool:
        """Whether ``moment`` falls in one of the schedule's occurrences (in ``timezone``);
        an occurrence that crosses midnight goes on the next morning."""
        local = moment.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
        last = self.recurrence().before(local, inc=True)
        return last is not None and local < last + self.duration

    def describe(self) -> str:
        """The schedule in the agent's language: days, hours, first day and its end."""
        hours = hours_text(self.start, self.end)
        if self.crosses_midnight:
            hours = gettext("%(hours)s the next day", hours=hours)
        when = f"{weekdays_text(self.days)} {hours}"
        starts_on = date_text(self.starts_on)
        if self.ends == "on_date" and self.until is not None:
            return gettext("%(when)s, from %(starts_on)s, ends on %(until)s", when=when,
                           starts_on=starts_on, until=date_text(self.until))
        if self.ends == "after_occurrences" and self.occurrences:
            return ngettext("%(when)s, from %(starts_on)s, ends after %(num)s occurrence",
                            "%(when)s, from %(starts_on)s, ends after %(num)s occurrences",
                            self.occurrences, when=when, starts_on=starts_on)
        return gettext("%(when)s, from %(starts_on)s, never ends", when=when,
                       starts_on=starts_on)

    def as_dict(self) -> dict[str, Any]:
        return {"days": [DAY_NAMES[d] for d in self.days], "start": f"{self.start:%H:%M}",
                "end": f"{self.end:%H:%M}", "starts_on": self.starts_on.isoformat(),
                "ends": self.ends, "until": self.until.isoformat() if self.until else None,
                "occurrences": self.occurrences}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Schedule:
        return cls(parse_days(data["days"]), parse_time(data["start"]), parse_time(data["end"]),
                   parse_date(data["starts_on"]), data.get("ends") or "never",
                   parse_date(data["until"]) if data.get("until") else None,
                   data.get("occurrences"))

