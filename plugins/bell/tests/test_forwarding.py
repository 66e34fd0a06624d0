"""Bell long-distance automatic call forwarding (guide 000 §4) and its phone-number list."""

import pytest
from flask_babel import force_locale

from backoffice.testing import block, call, create_line, create_tenant, path, rejected, shown

SCHEDULE = {"scheduled_days": "mon", "scheduled_start": "09:00", "scheduled_end": "17:00",
            "scheduled_starts_on": "2026-11-02"}


@pytest.fixture
def julie(app):
    tenant = create_tenant({"name": "Transports Laurentides", "carrier_id": "bell"})
    line = create_line(tenant, {"plan": "liaisons_sip", "number": "514 555-0142"})
    cell = block(tenant, "phone-numbers").add(tenant, line, {"number": "514 555-0199",
                                                             "label": "Cellulaire"})
    return tenant, line, cell


def write(tenant, line, **data):
    return block(tenant, "forwarding").write(tenant, line, {"subscribed": True, **data})


def test_the_option_is_off_until_the_line_has_it(julie):
    tenant, line, _ = julie
    assert shown(tenant, "forwarding", line)["subscribed"] is False
    assert rejected(block(tenant, "forwarding").write, tenant, line,
                    {"always_enabled": True, "always_destination": "514 555-0199"}) == {
        "subscribed": "forwarding.subscribed.required"}


def test_all_calls_go_to_a_number_of_the_list_with_a_ring_reminder(julie):
    tenant, line, _ = julie
    write(tenant, line, always_enabled="on", always_destination="514 555-0199",
          always_ring_reminder="on")
    read = shown(tenant, "forwarding", line)
    assert (read["always_destination"], read["always_ring_reminder"]) == ("+15145550199", True)
    with force_locale("en"):
        steps = call(tenant, line, "2026-11-23 10:00")
    assert path(steps) == [("forward", "+15145550199")]
    assert steps[0].code == "bell.forwarding.always"
    assert steps[0].rule.endswith(" The line rings briefly as a reminder.")
    assert steps[0].guide_section.endswith("§4.3")


def test_a_number_outside_the_list_and_a_ring_reminder_out_of_service_are_refused(julie):
    tenant, line, _ = julie
    assert rejected(write, tenant, line, always_enabled=True,
                    always_destination="514 555-0100") == {
        "always_destination": "forwarding.always_destination.not_in_list"}
    assert rejected(write, tenant, line, out_of_service_enabled=True,
                    out_of_service_destination="514 555-0199",
                    out_of_service_ring_reminder=True) == {
        "out_of_service_ring_reminder": "forwarding.out_of_service_ring_reminder.invalid"}
    assert rejected(write, tenant, line, always_enabled=True, always_destination="voicemail") == {
        "always_destination": "forwarding.always_destination.not_offered"}


def test_a_number_in_use_cannot_be_deleted_but_can_be_changed(julie):
    tenant, line, cell = julie
    numbers = block(tenant, "phone-numbers")
    write(tenant, line, out_of_service_enabled=True, out_of_service_destination="514 555-0199")
    assert numbers.schema(tenant).dump(cell)["in_use"] is True
    assert "514" in numbers.removable(cell)
    assert rejected(numbers.remove, cell) == {"number": "forwarding_number.number.in_use"}
    numbers.change(cell, {"number": "514 555-0198"})
    assert shown(tenant, "forwarding", line)["out_of_service_destination"] == \
        "+15145550198"
    assert path(call(tenant, line, "2026-11-23 10:00", "unreachable")) == [
        ("forward", "+15145550198")]
    write(tenant, line)
    assert numbers.removable(cell) is None
    numbers.remove(cell)
    assert numbers.items(tenant, line) == []


def test_an_option_switched_off_frees_its_number(julie):
    tenant, line, cell = julie
    numbers = block(tenant, "phone-numbers")
    write(tenant, line, out_of_service_enabled=True, out_of_service_destination="514 555-0199")
    write(tenant, line, out_of_service_destination="514 555-0199")
    assert numbers.schema(tenant).dump(cell)["in_use"] is False
    assert numbers.removable(cell) is None
    numbers.remove(cell)
    assert numbers.items(tenant, line) == []
    assert shown(tenant, "forwarding", line)["out_of_service_destination"] is None


def test_a_schedule_may_cross_midnight(julie):
    tenant, line, _ = julie
    write(tenant, line, scheduled_enabled=True, scheduled_destination="514 555-0199",
          **{**SCHEDULE, "scheduled_start": "18:00", "scheduled_end": "08:00"})
    forwarded = [("forward", "+15145550199")]
    assert path(call(tenant, line, "2026-11-23 19:00")) == forwarded
    assert path(call(tenant, line, "2026-11-24 07:59")) == forwarded
    assert path(call(tenant, line, "2026-11-24 08:00")) == [("ring", "")]
    assert path(call(tenant, line, "2026-11-23 07:00")) == [("ring", "")]


def test_a_number_is_listed_once(julie):
    tenant, line, _ = julie
    assert rejected(block(tenant, "phone-numbers").add, tenant, line,
                    {"number": "+1 514 555 0199"}) == {
        "number": "forwarding_number.number.duplicate"}


def test_a_schedule_that_ends_after_3_occurrences_stops_in_the_4th_week(julie):
    tenant, line, _ = julie
    write(tenant, line, scheduled_enabled=True, scheduled_destination="514 555-0199",
          scheduled_ends="after_occurrences", scheduled_occurrences="3", **SCHEDULE)
    read = shown(tenant, "forwarding", line)
    assert (read["scheduled_days"], read["scheduled_start"], read["scheduled_occurrences"]) == (
        "mon", "09:00", 3)
    mondays = [path(call(tenant, line, f"2026-11-{day} 10:00")) for day in ("02", "09", "16",
                                                                          "23")]
    assert mondays == [[("forward", "+15145550199")]] * 3 + [[("ring", "")]]


def test_a_schedule_ending_on_a_date_stops_after_it(julie):
    tenant, line, _ = julie
    write(tenant, line, scheduled_enabled=True, scheduled_destination="514 555-0199",
          scheduled_ends="on_date", scheduled_until="2026-11-10", **SCHEDULE)
    assert path(call(tenant, line, "2026-11-09 16:59")) == [("forward", "+15145550199")]
    assert path(call(tenant, line, "2026-11-16 10:00")) == [("ring", "")]


@pytest.mark.parametrize(("data", "expected"), [
    ({"scheduled_days": None}, {"scheduled_days": "forwarding.scheduled_days.required"}),
    ({"scheduled_end": "09:00"}, {"scheduled_end": "forwarding.scheduled_end.same_as_start"}),
    ({"scheduled_ends": "on_date"}, {"scheduled_until": "forwarding.scheduled_until.required"}),
    ({"scheduled_ends": "after_occurrences", "scheduled_occurrences": "0"},
     {"scheduled_occurrences": "forwarding.scheduled_occurrences.required"}),
    ({"scheduled_ends": "someday"}, {"scheduled_ends": "forwarding.scheduled_ends.invalid"}),
    ({"scheduled_days": "funday"}, {"scheduled_days": "forwarding.scheduled_days.invalid"}),
])
def test_bad_schedules_are_refused(julie, data, expected):
    tenant, line, _ = julie
    assert rejected(write, tenant, line, scheduled_enabled=True,
                    scheduled_destination="514 555-0199", **{**SCHEDULE, **data}) == expected


def test_all_calls_prevail_over_the_schedule(julie):
    tenant, line, _ = julie
    block(tenant, "phone-numbers").add(tenant, line, {"number": "514 555-0100"})
    write(tenant, line, always_enabled=True, always_destination="514 555-0100",
          scheduled_enabled=True, scheduled_destination="514 555-0199", **SCHEDULE)
    assert path(call(tenant, line, "2026-11-09 10:00")) == [("forward", "+15145550100")]


def test_what_the_block_shows_posts_back_unchanged(julie):
    tenant, line, _ = julie
    write(tenant, line, always_enabled=True, always_destination="514 555-0199",
          scheduled_enabled=True, scheduled_destination="514 555-0199",
          scheduled_ends="on_date", scheduled_until="2026-12-31", **SCHEDULE)
    before = shown(tenant, "forwarding", line)
    schema = block(tenant, "forwarding").schema(tenant)
    posted = {name: value for name, value in before.items()
              if value is not None and not schema.fields[name].dump_only}
    block(tenant, "forwarding").write(tenant, line, posted)
    after = shown(tenant, "forwarding", line)
    assert {**after, "version": None} == {**before, "version": None}
    assert (before["scheduled_until"], before["scheduled_start"]) == ("2026-12-31", "09:00")
