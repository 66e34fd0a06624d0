"""Weekly opening hours (day types with a lunch break) and closures, as plain values.

Agents write them as short lines, one per day type or closure::

    mon-fri 09:00-19:00 lunch 12:00-14:00     (French: lun-ven 9h00-19h00 pause 12h00-14h00)
    sat 09:00-12:00
    2026-12-25                                 a closure day
    2026-12-24..2026-12-31                     a closure period (24/12/2026 works as well)
    2026-12-24 12:00-18:00                     closed for those hours only

The API may send the same values as mappings (see ``as_dict``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import gettext

from backoffice.core.calendars.wording import hours_text, moment_text, period_text, weekdays_text

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_TOKENS = {**{name: n for n, name in enumerate(DAY_NAMES)},
              **{name: n for n, name in enumerate(("lun", "mar", "mer", "jeu", "ven", "sam",
                                                   "dim"))}}
_TIME = r"\d{1,2}[:h]\d{2}"
_DATE = r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"
_DAY_TYPE = re.compile(
    rf"^(?P<days>[^\d]+?)\s+(?P<opens>{_TIME})\s*-\s*(?P<closes>{_TIME})"
    rf"(?:\s+(?:lunch|pause)\s+(?P<lunch_start>{_TIME})\s*-\s*(?P<lunch_end>{_TIME}))?$",
    re.IGNORECASE)
_CLOSURE = re.compile(
    rf"^(?P<first>{_DATE})(?:\s*\.\.\s*(?P<last>{_DATE}))?"
    rf"(?:\s+(?P<start>{_TIME})\s*-\s*(?P<end>{_TIME}))?$")


def parse_time(text: str | time) -> time:
    """``09:00``, ``9:00`` or ``9h00``."""
    if isinstance(text, time):
        return text
    hours, minutes = re.split(r"[:h]", text.strip().lower())
    return time(int(hours), int(minutes))


def parse_date(text: str | date) -> date:
    """ISO ``2026-12-25`` or French ``25/12/2026``."""
    if isinstance(text, date):
        return text
    text = text.strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return date.fromisoformat(text)
    french = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", text)
    if french is None:
        raise ValueError(text)
    day, month, year = (int(part) for part in french.groups())
    return date(year, month, day)


def parse_days(text: str | Iterable[Any]) -> tuple[int, ...]:
    """``mon-fri``, ``lun,mer,ven``, or a list of names or ISO weekday numbers (1 = Monday)."""
    parts = re.split(r"[,\s]+", text.strip().lower()) if isinstance(text, str) else list(text)
    days: set[int] = set()
    for part in parts:
        if isinstance(part, int):
            if not 1 <= part <= 7:
                raise ValueError(part)
            days.add(part - 1)
            continue
        if not part:
            continue
        first, _, last = part.partition("-")
        start = DAY_TOKENS[first]
        end = DAY_TOKENS[last] if last else start
        days.update((start + n) % 7 for n in range((end - start) % 7 + 1))
    if not days:
        raise ValueError(text)
    return tuple(sorted(days))


def days_text(days: Iterable[int]) -> str:
    """Consecutive days as ranges: ``mon-fri,sun``."""
    ordered = sorted(days)
    groups: list[list[int]] = []
    for day in ordered:
        if groups and day == groups[-1][-1] + 1:
            groups[-1].append(day)
        else:
            groups.append([day])
    return ",".join(DAY_NAMES[g[0]] if len(g) == 1 else f"{DAY_NAMES[g[0]]}-{DAY_NAMES[g[-1]]}"
                    for g in groups)


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


@dataclass(frozen=True)
class DayType:
    """Opening hours that apply to some days of the week, with an optional lunch break."""

    days: tuple[int, ...]  # 0 = Monday
    opens: time
    closes: time
    lunch: tuple[time, time] | None = None

    @classmethod
    def parse(cls, raw: Any) -> DayType:
        if isinstance(raw, DayType):
            return raw
        if isinstance(raw, dict):
            lunch = raw.get("lunch")
            if isinstance(lunch, str):
                lunch = lunch.split("-")
            if not lunch and raw.get("lunch_start"):
                lunch = (raw["lunch_start"], raw["lunch_end"])
            return cls(parse_days(raw["days"]), parse_time(raw["opens"]),
                       parse_time(raw["closes"]),
                       (parse_time(lunch[0]), parse_time(lunch[1])) if lunch else None)
        match = _DAY_TYPE.match(str(raw).strip())
        if match is None:
            raise ValueError(raw)
        lunch = ((parse_time(match["lunch_start"]), parse_time(match["lunch_end"]))
                 if match["lunch_start"] else None)
        return cls(parse_days(match["days"]), parse_time(match["opens"]),
                   parse_time(match["closes"]), lunch)

    def problem(self) -> str | None:
        """Why these hours make no sense, or ``None``."""
        if self.opens >= self.closes:
            return "order"
        if self.lunch and not (self.opens < self.lunch[0] < self.lunch[1] < self.closes):
            return "lunch"
        return None

    def is_open_at(self, moment: time) -> bool:
        if not self.opens <= moment < self.closes:
            return False
        return not (self.lunch and self.lunch[0] <= moment < self.lunch[1])

    @property
    def text(self) -> str:
        lunch = f" lunch {_hhmm(self.lunch[0])}-{_hhmm(self.lunch[1])}" if self.lunch else ""
        return f"{days_text(self.days)} {_hhmm(self.opens)}-{_hhmm(self.closes)}{lunch}"

    def describe(self) -> str:
        """The hours in the agent's language: « lun.–ven. 09:00 – 19:00 »."""
        hours = f"{weekdays_text(self.days)} {hours_text(self.opens, self.closes)}"
        if not self.lunch:
            return hours
        return gettext("%(hours)s, lunch break %(lunch)s", hours=hours,
                       lunch=hours_text(*self.lunch))

    def as_dict(self) -> dict[str, Any]:
        return {"days": [DAY_NAMES[d] for d in self.days], "opens": _hhmm(self.opens),
                "closes": _hhmm(self.closes),
                "lunch": f"{_hhmm(self.lunch[0])}-{_hhmm(self.lunch[1])}" if self.lunch else None}


@dataclass(frozen=True)
class Closure:
    """Closed from ``first`` to ``last`` (one day when equal), all day or for ``hours``."""

    first: date
    last: date
    hours: tuple[time, time] | None = None

    @classmethod
    def parse(cls, raw: Any) -> Closure:
        if isinstance(raw, Closure):
            return raw
        if isinstance(raw, dict):
            first = parse_date(raw["first"])
            hours = raw.get("hours")
            if isinstance(hours, str):
                hours = hours.split("-")
            return cls(first, parse_date(raw.get("last") or first),
                       (parse_time(hours[0]), parse_time(hours[1])) if hours else None)
        match = _CLOSURE.match(str(raw).strip())
        if match is None:
            raise ValueError(raw)
        first = parse_date(match["first"])
        hours = (parse_time(match["start"]), parse_time(match["end"])) if match["start"] else None
        return cls(first, parse_date(match["last"]) if match["last"] else first, hours)

    def problem(self) -> str | None:
        if self.last < self.first:
            return "order"
        if self.hours and self.hours[0] >= self.hours[1]:
            return "hours"
        return None

    def covers(self, day: date, moment: time, *, yearly: bool) -> bool:
        """Whether the closure applies at ``moment`` of ``day`` (same date every year if yearly)."""
        if self.hours and not self.hours[0] <= moment < self.hours[1]:
            return False
        if not yearly:
            return self.first <= day <= self.last
        start, end = (self.first.month, self.first.day), (self.last.month, self.last.day)
        current = (day.month, day.day)
        if (self.last - self.first).days >= 365:
            return True
        if start <= end:
            return start <= current <= end
        return current >= start or current <= end  # a period over the new year

    @property
    def text(self) -> str:
        period = (self.first.isoformat() if self.first == self.last
                  else f"{self.first.isoformat()}..{self.last.isoformat()}")
        return period + (f" {_hhmm(self.hours[0])}-{_hhmm(self.hours[1])}" if self.hours else "")

    def describe(self, *, yearly: bool = False) -> str:
        """The closure in the agent's language: « 24–31 déc. 2026, 14:00 – 19:00 »."""
        period = period_text(self.first, self.last, yearly=yearly)
        return f"{period}, {hours_text(*self.hours)}" if self.hours else period

    def as_dict(self) -> dict[str, Any]:
        return {"first": self.first.isoformat(), "last": self.last.isoformat(),
                "hours": (f"{_hhmm(self.hours[0])}-{_hhmm(self.hours[1])}"
                          if self.hours else None)}


def without_repeated_days(day_types: list[DayType]) -> list[DayType]:
    """A day ticked in a later day type is unticked in the earlier ones; empty ones go."""
    kept: list[DayType] = []
    for index, day_type in enumerate(day_types):
        later = {d for other in day_types[index + 1:] for d in other.days}
        days = tuple(d for d in day_type.days if d not in later)
        if days:
            kept.append(DayType(days, day_type.opens, day_type.closes, day_type.lunch))
    return kept


@dataclass(frozen=True)
class OpeningStatus:
    """Whether a calendar is open at a moment, and the reason, for the explainer.

    ``reason`` is written in the agent's language when the status is made.
    """

    open: bool
    reason: str


def opening_status(day_types: Iterable[DayType], closures: Iterable[Closure], *, yearly: bool,
                   timezone: str, moment: datetime) -> OpeningStatus:
    """Open or closed at ``moment``, read in the calendar's own time zone."""
    local = moment.astimezone(ZoneInfo(timezone))
    day, clock = local.date(), local.time().replace(tzinfo=None)
    stamp = moment_text(local, timezone)
    for closure in closures:
        if closure.covers(day, clock, yearly=yearly):
            if yearly:
                return OpeningStatus(False, gettext(
                    "%(moment)s falls in a closure that comes back every year (%(closure)s)",
                    moment=stamp, closure=closure.describe(yearly=True)))
            return OpeningStatus(False, gettext(
                "%(moment)s falls in a closure (%(closure)s)", moment=stamp,
                closure=closure.describe()))
    for day_type in day_types:
        if local.weekday() in day_type.days:
            if day_type.is_open_at(clock):
                return OpeningStatus(True, gettext(
                    "%(moment)s is within the opening hours (%(hours)s)", moment=stamp,
                    hours=day_type.describe()))
            return OpeningStatus(False, gettext(
                "%(moment)s is outside the opening hours (%(hours)s)", moment=stamp,
                hours=day_type.describe()))
    return OpeningStatus(False, gettext("%(moment)s: no opening hours on that day",
                                        moment=stamp))
