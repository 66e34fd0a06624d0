"""SFR forwarding (guide 004 §6.14), multi-line ring (§6.9), call waiting (§6.7), calendars."""

import pytest
from sqlalchemy import select

from backoffice.testing import (
    AuditRecord,
    ChangeRejected,
    NotOffered,
    ProvisioningOrder,
    block,
    call,
    create_line,
    create_site,
    create_tenant,
    db,
    path,
    rejected,
    row_counts,
    shown,
)


@pytest.fixture
def toine(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    site = create_site(tenant, {"name": "Toine Immo", "country": "FR"})
    person = {"site_id": site.id, "first_name": "Stéphane", "last_name": "Biel"}
    create_line(tenant, {"plan": "mobile", "number": "06 17 30 64 73"})
    lines = {
        "fixe": create_line(tenant, {"plan": "fixe", "number": "04 83 05 01 73",
                                     "email": "stephane@example.com", **person}),
        "fixe_mobile": create_line(tenant, {"plan": "fixe_mobile", "number": "04 83 05 01 90",
                                            "email": "alain@example.com",
                                            "associated_number": "06 17 30 64 73", **person}),
        "analogique": create_line(tenant, {"plan": "analogique", "number": "04 83 05 01 79",
                                           "site_id": site.id}),
    }
    calendar = block(tenant, "calendars").add(tenant, None, {"name": "JOURS OUVRES",
                                                          "hours": "mon-fri 09:00-19:00"})
    return tenant, lines, calendar


def write(tenant, line, **data):
    return block(tenant, "forwarding").write(tenant, line, data)


def test_defaults_per_plan_show_until_something_is_saved(toine):
    tenant, lines, _ = toine
    fixe = shown(tenant, "forwarding", lines["fixe"])
    assert (fixe["always_enabled"], fixe["scheduled_enabled"]) == (False, False)
    assert all(fixe[f"{t}_enabled"] and fixe[f"{t}_destination"] == "voicemail"
               for t in ("busy", "no_answer", "unreachable"))
    assert fixe["no_answer_rings"] == 3
    mobile = shown(tenant, "forwarding", lines["fixe_mobile"])
    assert (mobile["always_enabled"], mobile["always_destination"]) == (True, "+33617306473")
    assert path(call(tenant, lines["fixe_mobile"], "2026-11-23 10:00")) == [
        ("forward", "+33617306473")]


def test_a_save_is_one_audited_change_with_one_provisioning_order(toine):
    tenant, lines, calendar = toine
    forwarding = write(tenant, lines["fixe"], scheduled_enabled="on",
                       scheduled_destination="06 12 34 56 78", scheduled_calendar=str(calendar.id),
                       busy_enabled="on", busy_destination="messagerie", no_answer_rings="4")
    audit = db.session.scalars(select(AuditRecord).where(
        AuditRecord.object_type == "forwarding")).one()
    rules = {rule["trigger"]: rule for rule in audit.after["rules"]}
    assert rules["scheduled"]["destination"] == {"kind": "number", "value": "+33612345678"}
    assert rules["no_answer"]["enabled"] is False  # an unticked box is off
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.audit_id == audit.id)).one()
    assert order.payload["rules"] == audit.after["rules"]
    write(tenant, lines["fixe"], always_enabled=True, always_destination="0612345678")
    assert forwarding.version == 2
    assert shown(tenant, "forwarding", lines["fixe"])["always_destination"] == \
        "+33612345678"


@pytest.mark.parametrize(("data", "expected"), [
    ({"always_enabled": True, "always_destination": "08 99 12 34 56"},
     {"always_destination": "forwarding.always_destination.not_allowed"}),
    ({"always_enabled": True, "always_destination": "0800 12 34 56"},
     {"always_destination": "forwarding.always_destination.not_allowed"}),
    ({"busy_enabled": True, "busy_destination": "03949"},
     {"busy_destination": "forwarding.busy_destination.not_allowed"}),
    ({"busy_enabled": True, "busy_destination": "0118712"},
     {"busy_destination": "forwarding.busy_destination.not_allowed"}),
    ({"busy_enabled": True, "busy_destination": "01014"},
     {"busy_destination": "forwarding.busy_destination.not_allowed"}),
    ({"busy_enabled": True, "busy_destination": "112"},
     {"busy_destination": "forwarding.busy_destination.emergency_number"}),
    ({"busy_enabled": True, "busy_destination": "0112"},
     {"busy_destination": "forwarding.busy_destination.emergency_number"}),
    ({"busy_enabled": True, "busy_destination": "012345"},
     {"busy_destination": "forwarding.busy_destination.prefixed_short_number"}),
    ({"busy_enabled": True, "busy_destination": "42"},
     {"busy_destination": "forwarding.busy_destination.out_of_range"}),
    ({"always_enabled": True, "always_destination": "+351 21 123 4567"},
     {"always_destination": "forwarding.always_destination.outside_zone"}),
    ({"always_enabled": True, "always_destination": "+1 212 555 1234"},
     {"always_destination": "forwarding.always_destination.outside_zone"}),
    ({"no_answer_enabled": True, "no_answer_destination": "voicemail", "no_answer_rings": 11},
     {"no_answer_rings": "forwarding.no_answer_rings.out_of_range"}),
    ({"no_answer_rings": 0}, {"no_answer_rings": "forwarding.no_answer_rings.out_of_range"}),
    ({"always_enabled": True}, {"always_destination": "forwarding.always_destination.required"}),
    ({"always_enabled": True, "always_destination": "04 83 05 01 73"},
     {"always_destination": "forwarding.always_destination.own_line"}),
    ({"scheduled_enabled": True, "scheduled_destination": "voicemail"},
     {"scheduled_calendar": "forwarding.scheduled_calendar.required"}),
    ({"always_enabled": True, "always_destination": "pas un numéro"},
     {"always_destination": "forwarding.always_destination.invalid"}),
])
def test_bad_forwarding_is_refused_with_the_rule_and_nothing_is_saved(toine, data, expected):
    tenant, lines, _ = toine
    assert rejected(write, tenant, lines["fixe"], **data) == expected


def test_scheduled_and_immediate_forwarding_are_exclusive(toine):
    tenant, lines, calendar = toine
    assert rejected(write, tenant, lines["fixe"], always_enabled=True,
                    always_destination="voicemail", scheduled_enabled=True,
                    scheduled_destination="voicemail", scheduled_calendar=calendar.id) == {
        "always_enabled": "forwarding.always_enabled.exclusive"}


def test_numbers_of_the_allowed_european_zone_and_internal_numbers_are_accepted(toine):
    tenant, lines, _ = toine
    for number in ("+32 2 555 12 34", "+41 44 555 12 34", "+48 22 123 45 67",
                   "+31 20 123 4567", "09 12 34 56 78", "06 12 34 56 78", "1234", "3949",
                   "60096", "123456789", "0590 20 12 34", "0262 16 12 34", "0694 20 12 34",
                   "+596 596 30 12 34"):
        write(tenant, lines["fixe"], always_enabled=True, always_destination=number)


@pytest.mark.parametrize(("typed", "kind", "value"), [
    ("123456789", "extension", "123456789"),
    ("612345678", "extension", "612345678"),
    ("0612345678", "number", "+33612345678"),
    ("0596 30 12 34", "number", "+596596301234"),
])
def test_internal_short_numbers_are_never_read_as_national_numbers(toine, typed, kind, value):
    tenant, lines, _ = toine
    write(tenant, lines["fixe"], always_enabled=True, always_destination=typed)
    destination = block(tenant, "forwarding").read(tenant, lines["fixe"])["always_destination"]
    assert (destination.kind, destination.value) == (kind, value)


@pytest.mark.parametrize("destination", [{"kind": "extension", "value": "612345678"},
                                         "123456789", "0590 20 12 34", "voicemail"])
def test_saving_what_was_read_changes_no_destination(toine, client, destination):
    tenant, lines, _ = toine
    write(tenant, lines["fixe"], always_enabled=True, always_destination=destination)
    settings = block(tenant, "forwarding")
    before = settings.read(tenant, lines["fixe"])["always_destination"]
    settings.write(tenant, lines["fixe"], shown(tenant, "forwarding", lines["fixe"]))
    assert settings.read(tenant, lines["fixe"])["always_destination"] == before


def test_a_calendar_of_another_tenant_and_a_kind_the_plan_lacks_are_refused(toine):
    tenant, lines, _ = toine
    other = create_tenant({"name": "Autre", "carrier_id": "sfr"})
    foreign = block(other, "calendars").add(other, None, {"name": "X", "hours": "mon 09:00-10:00"})
    assert rejected(write, tenant, lines["fixe"], scheduled_enabled=True,
                    scheduled_destination="voicemail", scheduled_calendar=foreign.id) == {
        "scheduled_calendar": "forwarding.scheduled_calendar.unknown"}
    assert rejected(write, tenant, lines["analogique"], busy_enabled=True,
                    busy_destination="06 12 34 56 78") == {
        "busy_enabled": "forwarding.busy_enabled.not_offered"}


def test_refusals_speak_the_agents_language(toine, app):
    tenant, lines, _ = toine
    with pytest.raises(ChangeRejected) as refused:
        write(tenant, lines["fixe"], always_enabled=True, always_destination="0899123456")
    with app.test_request_context(headers={"Accept-Language": "fr"}):
        messages = refused.value.by_field()
    assert messages["always_destination"] == [
        "0 899 12 34 56 est un numéro surtaxé (08AB) : il n'est pas possible de renvoyer "
        "des appels vers des numéros spéciaux."]


def test_a_calendar_in_use_cannot_be_deleted_and_the_refusal_says_where(toine):
    tenant, lines, calendar = toine
    write(tenant, lines["fixe"], scheduled_enabled=True, scheduled_destination="voicemail",
          scheduled_calendar=calendar.id)
    calendars = block(tenant, "calendars")
    assert "04 83 05 01 73 (Stéphane Biel)" in calendars.removable(calendar)
    assert rejected(calendars.remove, calendar) == {"name": "calendar.name.in_use"}
    write(tenant, lines["fixe"])
    assert calendars.removable(calendar) is None
    calendars.remove(calendar)
    assert calendars.items(tenant, None) == []


def test_multi_line_ring_keeps_its_numbers_in_international_format(toine):
    tenant, lines, _ = toine
    ring = block(tenant, "multi-line-ring")
    ring.write(tenant, lines["fixe"], {"enabled": "on", "mode": "sequential",
                                       "numbers": "+33 6 12 34 56 78\n+32 2 555 12 34"})
    assert shown(tenant, "multi-line-ring", lines["fixe"]) == {
        "enabled": True, "mode": "sequential", "numbers": ["+33612345678", "+3225551234"],
        "version": 1}
    steps = call(tenant, lines["fixe"], "2026-11-23 10:00", state="no_answer")
    assert path(steps) == [("ring_together", "+33612345678, +3225551234"),
                           ("voicemail", "voicemail")]


@pytest.mark.parametrize(("numbers", "expected"), [
    ([f"+3361234567{n}" for n in range(6)], "multi_line_ring.numbers.too_many"),
    (["06 12 34 56 78"], "multi_line_ring.numbers.invalid_format"),
    (["+33 8 99 12 34 56"], "multi_line_ring.numbers.not_allowed"),
    (["+1 212 555 1234"], "multi_line_ring.numbers.outside_zone"),
    (["+33 1"], "multi_line_ring.numbers.invalid"),
    ([], "multi_line_ring.numbers.required"),
])
def test_bad_multi_line_ring_is_refused(toine, numbers, expected):
    tenant, lines, _ = toine
    ring = block(tenant, "multi-line-ring")
    assert rejected(ring.write, tenant, lines["fixe"], {"enabled": True, "numbers": numbers}) \
        == {"numbers": expected}


def test_call_waiting_prevails_over_forwarding_on_busy_but_not_over_immediate(toine):
    tenant, lines, _ = toine
    assert path(call(tenant, lines["fixe"], "2026-11-23 10:00", "busy")) == [
        ("voicemail", "voicemail")]
    block(tenant, "call-waiting").write(tenant, lines["fixe"], {"enabled": "on"})
    assert shown(tenant, "call-waiting", lines["fixe"])["enabled"] is True
    steps = call(tenant, lines["fixe"], "2026-11-23 10:00", "busy")
    assert [(s.action, s.code) for s in steps] == [("call_waiting", "sfr.call_waiting")]
    write(tenant, lines["fixe"], always_enabled=True, always_destination="06 12 34 56 78")
    assert path(call(tenant, lines["fixe"], "2026-11-23 10:00", "busy")) == [
        ("forward", "+33612345678")]


def test_scheduled_forwarding_acts_while_the_calendar_is_closed(toine):
    tenant, lines, calendar = toine
    write(tenant, lines["fixe"], scheduled_enabled=True, scheduled_destination="06 12 34 56 78",
          scheduled_calendar=calendar.id, busy_enabled=True, busy_destination="voicemail")
    saturday = call(tenant, lines["fixe"], "2026-11-28 10:00", "busy")
    assert path(saturday) == [("forward", "+33612345678")]
    assert saturday[0].code == "sfr.forwarding.scheduled"
    assert "JOURS OUVRES" in saturday[0].rule
    assert path(call(tenant, lines["fixe"], "2026-11-23 10:00", "busy")) == [
        ("voicemail", "voicemail")]
    assert path(call(tenant, lines["fixe"], "2026-11-23 10:00")) == [("ring", "")]


def test_forwarding_is_not_offered_on_hunt_group_lines(toine):
    tenant, _, _ = toine
    hunt_group = create_line(tenant, {"plan": "groupement", "number": "04 83 05 01 75",
                                      "site_id": tenant.sites[0].id})
    before = row_counts()
    with pytest.raises(NotOffered):
        write(tenant, hunt_group, always_enabled=True, always_destination="voicemail")
    assert row_counts() == before


def test_a_calendar_created_on_the_fly_joins_the_tenants_calendars(toine):
    tenant, lines, _ = toine
    write(tenant, lines["fixe"], scheduled_enabled=True, scheduled_destination="voicemail",
          scheduled_new_calendar="Lycée avec mercredi et samedi matin",
          scheduled_new_calendar_hours="mon,tue,thu,fri 08:00-17:00\nwed,sat 08:00-12:00")
    names = [c.name for c in block(tenant, "calendars").items(tenant, None)]
    assert names == ["JOURS OUVRES", "Lycée avec mercredi et samedi matin"]
    read = shown(tenant, "forwarding", lines["fixe"])
    assert read["scheduled_calendar"] == block(tenant, "calendars").items(tenant, None)[1].id
    assert path(call(tenant, lines["fixe"], "2026-11-25 14:00")) == [("voicemail", "voicemail")]


@pytest.mark.parametrize(("data", "expected"), [
    ({"scheduled_new_calendar": "JOURS OUVRES", "scheduled_new_calendar_hours": "mon 09:00-10:00"},
     {"scheduled_new_calendar": "forwarding.scheduled_new_calendar.duplicate"}),
    ({"scheduled_new_calendar": "Soirée"},
     {"scheduled_new_calendar_hours": "forwarding.scheduled_new_calendar_hours.required"}),
    ({"scheduled_new_calendar": "Soirée", "scheduled_new_calendar_hours": "mon 09:00-10:00",
      "always_enabled": True, "always_destination": "voicemail"},
     {"always_enabled": "forwarding.always_enabled.exclusive"}),
])
def test_a_refused_forwarding_creates_no_calendar_on_the_fly(toine, data, expected):
    tenant, lines, _ = toine
    assert rejected(write, tenant, lines["fixe"], scheduled_enabled=True,
                    scheduled_destination="voicemail", **data) == expected


def test_the_fixed_number_for_mobile_default_waits_for_its_associated_mobile(toine):
    tenant, lines, _ = toine
    site_id = lines["fixe"].site_id
    lonely = create_line(tenant, {"plan": "fixe_mobile", "number": "04 83 05 01 91",
                                  "site_id": site_id, "first_name": "Paul",
                                  "last_name": "Martin", "email": "paul@example.com"})
    assert shown(tenant, "forwarding", lonely)["always_enabled"] is False
    assert path(call(tenant, lonely, "2026-11-23 10:00")) == [("ring", "")]
