"""SFR user-line announcements (guide 004 §6.10-§6.12) and what a caller hears (§6.7)."""

import pytest

from backoffice.testing import (
    block,
    call,
    create_line,
    create_site,
    create_tenant,
    rejected,
    shown,
)
from backoffice.testing.audio import fake_mp3_bytes, mp3_bytes, wav_bytes


@pytest.fixture
def line(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    site = create_site(tenant, {"name": "Grasse", "country": "FR"})
    made = create_line(tenant, {"plan": "fixe", "number": "04 83 05 01 72", "site_id": site.id,
                                "first_name": "Antoine", "last_name": "Pinson",
                                "email": "antoine@example.com"})
    return tenant, made


def upload(tenant, data, name="greeting.mp3"):
    from backoffice.plugin import offer_of, store_audio

    limits = offer_of(tenant, "line_announcements").limits.audio
    return store_audio(tenant, data, name, limits, object_type="line_announcements",
                       field="greeting_audio_id")


def test_defaults_greeting_off_hold_and_double_call_on(line):
    tenant, fixe = line
    values = shown(tenant, "announcements-line", fixe)
    assert (values["greeting_enabled"], values["hold_enabled"],
            values["double_call_enabled"]) == (False, True, True)
    assert values["greeting_interruptible"] is False and values["greeting_calendar_id"] is None


def test_recordings_are_checked_against_the_limits(line):
    tenant, fixe = line
    assert upload(tenant, mp3_bytes(3)).format == "mp3"
    assert upload(tenant, wav_bytes(120, rate=800), "a.wav").seconds == 120
    assert rejected(upload, tenant, wav_bytes(121, rate=800), "b.wav") == {
        "greeting_audio_id": "line_announcements.greeting_audio_id.too_long"}
    assert rejected(upload, tenant, fake_mp3_bytes()) == {
        "greeting_audio_id": "line_announcements.greeting_audio_id.unreadable"}
    assert rejected(upload, tenant, wav_bytes(94, rate=32000), "c.wav") == {
        "greeting_audio_id": "line_announcements.greeting_audio_id.too_big"}


def test_a_new_recording_replaces_the_previous_one(line):
    tenant, fixe = line
    settings = block(tenant, "announcements-line")
    first, second = upload(tenant, mp3_bytes(2)), upload(tenant, mp3_bytes(3))
    settings.write(tenant, fixe, {"greeting_enabled": True, "greeting_audio_id": first.id,
                                  "hold_enabled": True, "double_call_enabled": True})
    settings.write(tenant, fixe, {"greeting_enabled": True, "greeting_audio_id": second.id,
                                  "hold_enabled": True, "double_call_enabled": True})
    assert shown(tenant, "announcements-line", fixe)["greeting_audio_id"] == second.id


def test_the_greeting_plays_before_the_line_rings_and_only_in_open_hours(line):
    tenant, fixe = line
    calendar = block(tenant, "calendars").add(tenant, None, {"name": "JOURS OUVRES",
                                                          "hours": "mon-fri 09:00-19:00"})
    settings = block(tenant, "announcements-line")
    settings.write(tenant, fixe, {"greeting_enabled": True, "greeting_calendar_id": calendar.id,
                                  "hold_enabled": True, "double_call_enabled": True})
    steps = call(tenant, fixe, "2026-11-23 10:00")
    assert [s.action for s in steps] == ["greeting", "ring"]
    assert "Accueil par défaut" in steps[0].rule
    assert [s.action for s in call(tenant, fixe, "2026-11-23 21:00")] == ["ring"]
    assert "04 83 05 01 72 (Antoine Pinson)" in block(tenant, "calendars").removable(calendar)


@pytest.mark.parametrize(("greeting", "interruptible", "double_call", "heard"), [
    (True, False, True, "greeting once, then the double-call announcement in a loop"),
    (True, True, True, "double-call announcement in a loop"),
    (False, False, True, "double-call announcement in a loop"),
    (True, False, False, "greeting once, then the usual ringback"),
    (True, True, False, "greeting in a loop"),
    (False, False, False, "usual ringback"),
])
def test_call_waiting_table_of_6_7(line, in_english, greeting, interruptible, double_call,
                                   heard):
    tenant, fixe = line
    block(tenant, "call-waiting").write(tenant, fixe, {"enabled": True})
    block(tenant, "announcements-line").write(tenant, fixe, {
        "greeting_enabled": greeting, "greeting_interruptible": interruptible,
        "hold_enabled": True, "double_call_enabled": double_call})
    last = call(tenant, fixe, "2026-11-23 10:00", state="busy")[-1]
    assert last.action == "call_waiting" and heard in last.rule, last.rule


def test_an_unknown_audio_id_is_refused(line):
    tenant, fixe = line
    assert rejected(block(tenant, "announcements-line").write, tenant, fixe,
                    {"greeting_enabled": True, "greeting_audio_id": 999999}) == {
        "greeting_audio_id": "line_announcements.greeting_audio_id.unknown"}
