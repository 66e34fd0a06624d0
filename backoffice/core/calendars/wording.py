"""Days, hours, dates and moments written in the agent's language, for explanations.

The form values (``mon-fri 09:00-19:00``) stay as they are: agents type them. What the
explainer tells an agent is written with Babel in the current locale (the request's, the
default one outside a request): « samedi 28 novembre 2026 » in French, "Saturday,
November 28, 2026" in English.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, format_time, get_day_names
from babel.lists import format_list
from flask_babel import get_locale, gettext


def current_locale() -> Locale:
    """The locale texts are written in; English outside an application, as gettext is."""
    return get_locale() or Locale.parse("en")


def _hour_skeleton(locale: Locale) -> str:
    """``Hm`` where the locale writes 24-hour times, ``hm`` where it writes AM/PM."""
    return "hm" if "h" in locale.time_formats["short"].pattern else "Hm"


def clock_text(value: time) -> str:
    """``09:00`` in French, ``9:00 AM`` in English."""
    return format_time(value, "short", locale=current_locale())


def hours_text(start: time, end: time) -> str:
    """A span of the day: ``12:00 – 18:00``, ``12:00 – 6:00 PM``."""
    locale = current_locale()
    return format_interval(start, end, _hour_skeleton(locale), locale=locale)


def weekdays_text(days: Iterable[int]) -> str:
    """Days of the week (0 = Monday), consecutive ones as ranges: « lun.–ven. et dim. »."""
    locale = current_locale()
    names = get_day_names("abbreviated", locale=locale)
    groups: list[list[int]] = []
    for day in sorted(days):
        if groups and day == groups[-1][-1] + 1:
            groups[-1].append(day)
        else:
            groups.append([day])
    return format_list([names[g[0]] if len(g) == 1 else f"{names[g[0]]}–{names[g[-1]]}"
                        for g in groups], locale=locale)


def date_text(value: date, *, yearly: bool = False) -> str:
    """``28 novembre 2026``, ``November 28, 2026``; without the year when it repeats."""
    locale = current_locale()
    if yearly:
        return format_skeleton("MMMMd", value, locale=locale)
    return format_date(value, "long", locale=locale)


def period_text(first: date, last: date, *, yearly: bool = False) -> str:
    """One day or a period of days: ``24–31 déc. 2026``, ``Dec 24 – 31`` (yearly)."""
    if first == last:
        return date_text(first, yearly=yearly)
    return format_interval(first, last, "MMMMd" if yearly else "yMMMMd",
                           locale=current_locale())


def moment_text(moment: datetime, timezone: str) -> str:
    """A local moment with its day: « samedi 28 novembre 2026 à 10:00 (Europe/Paris) »."""
    locale = current_locale()
    return gettext("%(date)s at %(time)s (%(timezone)s)",
                   date=format_date(moment.date(), "full", locale=locale),
                   time=clock_text(moment.time().replace(tzinfo=None)), timezone=timezone)
