"""Calendars: opening hours per day type, lunch break, closures, time zones, schedules."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from flask_babel import force_locale

from backoffice.core.calendars.hours import Closure, DayType, opening_status, parse_days
from backoffice.core.calendars.schedules import Schedule
from backoffice.core.calendars.schemas import CalendarSchema
from backoffice.core.calendars.service import create_calendar, update_calendar
from backoffice.core.tenants import create_tenant
from backoffice.testing import block, rejected

PARIS = ZoneInfo("Europe/Paris")
WEEKDAYS = DayType.parse("mon-fri 09:00-19:00 lunch 12:00-14:00")


def at(text: str, zone: ZoneInfo = PARIS) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def is_open(moment: datetime, closures=(), yearly=False, timezone="Europe/Paris") -> bool:
    return opening_status([WEEKDAYS, DayType.parse("sat 09:00-12:00")], closures,
                          yearly=yearly, timezone=timezone, moment=moment).open


@pytest.mark.parametrize(("text", "days"), [
    ("mon-fri", (0, 1, 2, 3, 4)), ("lun,mer,ven", (0, 2, 4)), ("sat-mon", (0, 5, 6)),
    ([1, 7], (0, 6)), (["sat", "sun"], (5, 6)),
])
def test_days_are_read_in_english_french_ranges_and_iso_numbers(text, days):
    assert parse_days(text) == days


def test_day_types_and_closures_read_and_write_the_same_text():
    assert WEEKDAYS.text == "mon-fri 09:00-19:00 lunch 12:00-14:00"
    assert DayType.parse("lun-ven 9h00-19h00 pause 12h00-14h00") == WEEKDAYS
    assert DayType.parse(WEEKDAYS.as_dict()) == WEEKDAYS
    closure = Closure.parse("24/12/2026..2026-12-26 08:00-12:00")
    assert closure.text == "2026-12-24..2026-12-26 08:00-12:00"
    assert Closure.parse(closure.as_dict()) == closure


@pytest.mark.parametrize(("moment", "expected"), [
    ("2026-11-23 08:59", False), ("2026-11-23 09:00", True), ("2026-11-23 12:30", False),
    ("2026-11-23 14:00", True), ("2026-11-23 19:00", False), ("2026-11-28 10:00", True),
    ("2026-11-28 12:00", False), ("2026-11-29 10:00", False),
])
def test_opening_hours_with_lunch_break_and_a_second_day_type(moment, expected):
    assert is_open(at(moment)) is expected


def test_a_moment_is_read_in_the_calendars_time_zone():
    montreal = at("2026-11-23 03:30", ZoneInfo("America/Toronto"))  # 09:30 in Paris
    assert is_open(montreal)
    assert not is_open(montreal, timezone="America/Toronto")


def test_closure_days_periods_and_hours():
    closures = [Closure.parse("2026-12-25"), Closure.parse("2026-12-28..2026-12-31"),
                Closure.parse("2026-12-24 14:00-19:00")]
    assert not is_open(at("2026-12-25 10:00"), closures)
    assert not is_open(at("2026-12-30 10:00"), closures)
    assert is_open(at("2026-12-24 10:00"), closures)
    assert not is_open(at("2026-12-24 15:00"), closures)
    assert is_open(at("2027-12-27 10:00"), closures)


def test_yearly_closures_come_back_on_the_same_date_even_over_new_year():
    closures = [Closure.parse("2026-10-10"), Closure.parse("2026-12-31..2027-01-02")]
    assert not is_open(at("2029-10-10 10:00"), closures, yearly=True)  # a Wednesday
    assert is_open(at("2029-10-10 10:00"), closures, yearly=False)
    assert not is_open(at("2031-01-02 10:00"), closures, yearly=True)
    assert is_open(at("2031-01-03 10:00"), closures, yearly=True)


def test_a_schedule_ends_after_n_occurrences_or_on_a_date():
    mondays = Schedule((0,), time(9), time(17), date(2026, 11, 2), "after_occurrences",
                       occurrences=3)
    zone = "Europe/Paris"
    assert [mondays.is_active(at(f"2026-11-{d} 10:00"), zone) for d in ("02", "09", "16", "23")] \
        == [True, True, True, False]
    assert not mondays.is_active(at("2026-11-02 17:00"), zone)
    assert not mondays.is_active(at("2026-11-03 10:00"), zone)
    until = Schedule((0, 1, 2, 3, 4), time(18), time(22), date(2026, 11, 2), "on_date",
                     until=date(2026, 11, 13))
    assert until.is_active(at("2026-11-13 21:59"), zone)
    assert not until.is_active(at("2026-11-16 19:00"), zone)
    never = Schedule.from_dict({**until.as_dict(), "ends": "never", "until": None})
    assert never.is_active(at("2030-01-07 19:00"), zone)


def test_the_schema_takes_form_text_and_api_lists_and_unticks_repeated_days():
    schema = CalendarSchema()
    form = schema.load({"name": "Lycée", "hours": "mon-sat 08:00-17:00\nwed,sat 08:00-12:00",
                        "closures": "2026-12-25\n"})
    api = schema.load({"name": "Lycée", "hours": [{"days": ["mon", "tue", "wed", "thu", "fri",
                                                            "sat"],
                                                   "opens": "08:00", "closes": "17:00"},
                                                  "wed,sat 08:00-12:00"],
                       "closures": [{"first": "2026-12-25"}]})
    assert form == api
    assert [d.text for d in form["hours"]] == ["mon-tue,thu-fri 08:00-17:00",
                                               "wed,sat 08:00-12:00"]


@pytest.fixture
def toine(app):
    return create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})


def test_a_calendar_is_created_in_the_tenants_time_zone_with_public_holidays(toine):
    calendar = create_calendar(toine, {"name": "JOURS OUVRES", "hours": "mon-fri 09:00-19:00",
                                       "prefill_holidays": "on"}, feature="calendars")
    assert calendar.timezone == "Europe/Paris" and not calendar.closures_yearly
    days = [c.first for c in calendar.closure_list]
    assert days and all(c.first == c.last for c in calendar.closure_list)
    assert any((d.month, d.day) == (7, 14) for d in days)  # the French national day
    dumped = block(toine, "calendars").schema(toine).dump(calendar)
    assert dumped["hours"] == ["mon-fri 09:00-19:00"] and dumped["note"] == ""


def test_a_calendar_can_be_renamed_and_its_hours_changed(toine):
    calendar = create_calendar(toine, {"name": "Marketing", "hours": ["mon-fri 09:00-18:00"]},
                               feature="calendars")
    update_calendar(calendar, {"name": "6h00_12h00", "hours": "mon-sat 06:00-12:00"},
                    feature="calendars")
    assert (calendar.name, calendar.day_types[0].days, calendar.version) == (
        "6h00_12h00", (0, 1, 2, 3, 4, 5), 2)


@pytest.mark.parametrize(("data", "expected"), [
    ({"name": "X", "hours": "mon-fri 19:00-09:00"}, {"hours": "calendar.hours.invalid"}),
    ({"name": "X", "hours": "mon-fri 09:00-19:00 lunch 20:00-21:00"},
     {"hours": "calendar.hours.invalid"}),
    ({"name": "X", "hours": "someday 09:00-19:00"}, {"hours": "calendar.hours.invalid"}),
    ({"name": "X", "hours": ""}, {"hours": "calendar.hours.invalid"}),
    ({"name": "X", "hours": "mon 09:00-10:00", "closures": "2026-12-31..2026-12-01"},
     {"closures": "calendar.closures.invalid"}),
    ({"name": "X", "hours": "mon 09:00-10:00", "timezone": "Europe/Grasse"},
     {"timezone": "calendar.timezone.invalid"}),
    ({"hours": "mon 09:00-10:00"}, {"name": "calendar.name.invalid"}),
])
def test_bad_calendars_are_refused_and_nothing_is_saved(toine, data, expected):
    assert rejected(lambda: create_calendar(toine, data, feature="calendars")) == expected


def test_two_calendars_of_a_tenant_cannot_share_a_name(toine):
    create_calendar(toine, {"name": "Marketing", "hours": "mon 09:00-10:00"},
                    feature="calendars")
    assert rejected(lambda: create_calendar(
        toine, {"name": "Marketing", "hours": "tue 09:00-10:00"}, feature="calendars")) == {
        "name": "calendar.name.duplicate"}


def reason(moment: datetime, closures=(), yearly=False) -> str:
    return opening_status([WEEKDAYS], closures, yearly=yearly, timezone="Europe/Paris",
                          moment=moment).reason


def test_opening_reasons_are_written_in_the_agents_language(app):
    closures = [Closure.parse("2026-12-24..2026-12-31 14:00-19:00")]
    with force_locale("en"):
        assert reason(at("2026-11-23 12:30")) == (
            "Monday, November 23, 2026 at 12:30\u202fPM (Europe/Paris) is outside the opening "
            "hours (Mon–Fri 9:00\u202fAM\u2009–\u20097:00\u202fPM, lunch break "
            "12:00\u2009–\u20092:00\u202fPM)")
        assert reason(at("2029-12-24 15:00"), closures, yearly=True) == (
            "Monday, December 24, 2029 at 3:00\u202fPM (Europe/Paris) falls in a closure that "
            "comes back every year (Dec 24\u2009–\u200931, 2:00\u2009–\u20097:00\u202fPM)")
    with force_locale("fr"):
        assert reason(at("2026-11-23 10:00")) == (
            "lundi 23 novembre 2026 à 10:00 (Europe/Paris) est dans les horaires d'ouverture "
            "(lun.–ven. 09:00\u2009–\u200919:00, pause déjeuner 12:00\u2009–\u200914:00)")
        assert reason(at("2026-12-24 15:00"), closures) == (
            "jeudi 24 décembre 2026 à 15:00 (Europe/Paris) tombe pendant une fermeture "
            "(24–31 déc. 2026, 14:00\u2009–\u200919:00)")
        assert reason(at("2026-11-28 10:00")).endswith(
            "(Europe/Paris) : aucun horaire d'ouverture ce jour-là")


def test_a_schedule_is_described_in_the_agents_language(app):
    mondays = Schedule((0, 2, 3, 4), time(9), time(17), date(2026, 11, 2), "after_occurrences",
                       occurrences=3)
    with force_locale("en"):
        assert mondays.describe() == (
            "Mon and Wed–Fri 9:00\u202fAM\u2009–\u20095:00\u202fPM, from November 2, 2026, "
            "ends after 3 "
            "occurrences")
    with force_locale("fr"):
        assert mondays.describe() == (
            "lun. et mer.–ven. 09:00\u2009–\u200917:00, à partir du 2 novembre 2026, prend fin "
            "après 3 occurrences")
        until = Schedule((5, 6), time(9), time(12), date(2026, 11, 2), "on_date",
                         until=date(2026, 12, 31))
        assert until.describe().endswith("prend fin le 31 décembre 2026")
        assert Schedule((5,), time(9), time(12), date(2026, 11, 2)).describe().endswith(
            "ne prend jamais fin")
