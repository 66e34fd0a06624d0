"""SFR interactive voice response (guide 004 §3.5, §5.2.1, §8) and site announcements (§4.5)."""

import pytest

from backoffice.testing import (
    AuditRecord,
    ProvisioningOrder,
    block,
    call,
    create_line,
    create_site,
    create_tenant,
    db,
    rejected,
    row_counts,
    shown,
)


@pytest.fixture
def avi(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    site = create_site(tenant, {"name": "Grasse", "country": "FR"})
    other = create_site(tenant, {"name": "Nice", "country": "FR"})
    line = create_line(tenant, {"plan": "avi", "number": "04 83 05 01 76", "site_id": site.id,
                                "first_name": "Accueil vocal"})
    announcements = block(tenant, "announcements")
    made = {name: announcements.add(tenant, None, {"name": name, "site_id": where.id})
            for name, where in (("Bienvenue", site), ("Nuit", site), ("Support", site),
                                ("Ailleurs", other))}
    calendar = block(tenant, "calendars").add(tenant, None, {"name": "JOURS OUVRES",
                                                          "hours": "mon-fri 09:00-19:00"})
    return tenant, line, made, calendar


def settings(tenant, line, **data):
    return block(tenant, "ivr").write(tenant, line, data)


def key(tenant, line, **data):
    return block(tenant, "ivr-keys").add(tenant, line, data)


def walk(tenant, line, when, digits):
    return [(step.action, step.code, step.target)
            for step in call(tenant, line, when, digits=digits)]


def test_the_menu_cannot_be_switched_on_without_a_greeting(avi):
    tenant, line, made, calendar = avi
    assert rejected(settings, tenant, line, enabled=True) == {
        "open_greeting_id": "ivr.open_greeting_id.required"}
    assert rejected(settings, tenant, line, enabled=True,
                    open_greeting_id=made["Bienvenue"].id, calendar_id=calendar.id) == {
        "closed_greeting_id": "ivr.closed_greeting_id.required"}
    settings(tenant, line, enabled=True, open_greeting_id=made["Bienvenue"].id,
             internal_number="7600")
    assert shown(tenant, "ivr", line)["internal_number"] == "7600"


def test_a_greeting_of_another_site_is_refused(avi):
    tenant, line, made, _ = avi
    assert rejected(settings, tenant, line, enabled=True,
                    open_greeting_id=made["Ailleurs"].id) == {
        "open_greeting_id": "ivr.open_greeting_id.other_site"}


def test_two_levels_keys_one_to_nine_and_a_sub_menu_needs_its_greeting(avi):
    tenant, line, made, _ = avi
    key(tenant, line, path="1", destination="06 12 34 56 78", label="Ventes")
    assert rejected(key, tenant, line, path="1", destination="06 12 34 56 79") == {
        "path": "ivr_key.path.duplicate"}
    assert rejected(key, tenant, line, path="0", destination="06 12 34 56 79") == {
        "path": "ivr_key.path.invalid"}
    assert rejected(key, tenant, line, path="21", destination="06 12 34 56 79") == {
        "path": "ivr_key.path.no_sub_menu"}
    assert rejected(key, tenant, line, path="2", kind="menu") == {
        "greeting_id": "ivr_key.greeting_id.required"}
    key(tenant, line, path="2", kind="menu", greeting_id=made["Support"].id)
    key(tenant, line, path="21", destination="0483050173")
    assert rejected(key, tenant, line, path="22", kind="menu",
                    greeting_id=made["Support"].id) == {"kind": "ivr_key.kind.too_deep"}
    assert rejected(key, tenant, line, path="213", destination="0483050173") == {
        "path": "ivr_key.path.invalid"}
    assert rejected(key, tenant, line, path="3") == {
        "destination": "ivr_key.destination.required"}
    assert rejected(key, tenant, line, path="3", destination="voicemail") == {
        "destination": "ivr_key.destination.kind"}


@pytest.mark.parametrize(("destination", "code"), [
    ("08 99 12 34 56", "ivr.destination.not_allowed"),
    ("+1 212 555 1234", "ivr.destination.outside_zone"),
    ("112", "ivr.destination.emergency_number"),
])
def test_key_destinations_follow_the_forwarding_table(avi, destination, code):
    tenant, line, _, _ = avi
    before = row_counts()
    assert rejected(key, tenant, line, path="1", destination=destination) == {
        "destination": code}
    assert row_counts() == before


def test_a_sub_menu_with_keys_cannot_be_removed(avi):
    tenant, line, made, _ = avi
    keys = block(tenant, "ivr-keys")
    menu = key(tenant, line, path="2", kind="menu", greeting_id=made["Support"].id)
    sub = key(tenant, line, path="21", destination="0483050173")
    assert "21" in keys.removable(menu)
    assert rejected(keys.remove, menu) == {"path": "ivr_key.path.has_keys"}
    keys.remove(sub)
    assert keys.removable(menu) is None
    keys.remove(menu)
    assert keys.items(tenant, line) == []


def test_the_explainer_follows_the_keys(avi):
    tenant, line, made, calendar = avi
    settings(tenant, line, enabled=True, open_greeting_id=made["Bienvenue"].id,
             closed_greeting_id=made["Nuit"].id, calendar_id=calendar.id)
    key(tenant, line, path="1", destination="06 12 34 56 78", label="Ventes")
    key(tenant, line, path="2", kind="menu", greeting_id=made["Support"].id)
    key(tenant, line, path="21", destination="0483050173")
    key(tenant, line, hours="closed", path="1", destination="06 99 88 77 66")
    monday = "2026-11-23 10:00"
    assert walk(tenant, line, monday, "1") == [
        ("greeting", "ivr.greeting", ""), ("forward", "ivr.key", "+33612345678")]
    assert walk(tenant, line, monday, "21")[-2:] == [
        ("menu", "ivr.sub_menu", ""), ("forward", "ivr.key", "+33483050173")]
    assert walk(tenant, line, monday, "2")[-1][:2] == ("no_input", "ivr.no_input")
    assert walk(tenant, line, monday, "")[-1][:2] == ("no_input", "ivr.no_input")
    assert walk(tenant, line, monday, "5")[-1][:2] == ("no_input", "ivr.unassigned_key")
    assert walk(tenant, line, "2026-11-23 21:00", "1") == [
        ("closed", "ivr.closed", ""), ("greeting", "ivr.greeting", ""),
        ("forward", "ivr.key", "+33699887766")]
    settings(tenant, line, enabled=False, open_greeting_id=made["Bienvenue"].id)
    assert walk(tenant, line, monday, "1") == [("menu_off", "ivr.off", "")]


def test_a_calendar_used_by_a_menu_cannot_be_deleted_and_the_refusal_names_it(avi):
    tenant, line, made, calendar = avi
    settings(tenant, line, enabled=True, open_greeting_id=made["Bienvenue"].id,
             closed_greeting_id=made["Nuit"].id, calendar_id=calendar.id)
    calendars = block(tenant, "calendars")
    assert "04 83 05 01 76 (Accueil vocal)" in calendars.removable(calendar)
    assert rejected(calendars.remove, calendar) == {"name": "calendar.name.in_use"}
    settings(tenant, line, enabled=True, open_greeting_id=made["Bienvenue"].id)
    calendars.remove(calendar)


def test_site_announcements(avi):
    tenant, line, made, _ = avi
    announcements = block(tenant, "announcements")
    site_id = made["Bienvenue"].site_id
    for name in ("Accueil", "attente", "Dissuasion"):
        assert rejected(announcements.add, tenant, None, {"name": name, "site_id": site_id}) \
            == {"name": "announcement.name.reserved"}
    assert rejected(announcements.add, tenant, None, {"name": "Sans site"}) == {
        "site_id": "announcement.site_id.required"}
    assert rejected(announcements.add, tenant, None, {"name": "Bienvenue",
                                                      "site_id": site_id}) == {
        "name": "announcement.name.duplicate"}
    assert "Accueil" in announcements.summary(tenant, None)
    key(tenant, line, path="2", kind="menu", greeting_id=made["Support"].id)
    assert "04 83 05 01 76" in announcements.removable(made["Support"])
    assert rejected(announcements.remove, made["Support"]) == {
        "name": "announcement.name.in_use"}
    announcements.change(made["Support"], {"name": "Support technique"})
    assert db.session.get(type(made["Support"]), made["Support"].id).name == "Support technique"
    announcements.remove(made["Ailleurs"])


def test_each_change_is_audited_and_provisioned(avi):
    tenant, line, made, _ = avi
    settings(tenant, line, enabled=True, open_greeting_id=made["Bienvenue"].id)
    key(tenant, line, path="1", destination="06 12 34 56 78")
    kinds = [record.object_type for record in db.session.query(AuditRecord).order_by(
        AuditRecord.id)]
    assert kinds[-2:] == ["ivr", "ivr_key"]
    orders = [order.object_type for order in db.session.query(ProvisioningOrder)]
    assert {"ivr", "ivr_key", "announcement"} <= set(orders)


def test_an_announcement_plays_its_recording_and_replacing_it_changes_every_menu(avi):
    from backoffice.plugin import offer_of, store_audio
    from backoffice.testing.audio import mp3_bytes, wav_bytes

    tenant, line, made, _ = avi
    limits = offer_of(tenant, "announcements").limits.audio

    def upload(data):
        return store_audio(tenant, data, "annonce.mp3", limits, object_type="announcement",
                           field="audio_id")

    announcements = block(tenant, "announcements")
    first = upload(mp3_bytes(3))
    announcements.change(made["Bienvenue"], {"audio_id": first.id})
    settings(tenant, line, enabled=True, open_greeting_id=made["Bienvenue"].id)
    second = upload(wav_bytes(120, rate=800))
    announcements.change(made["Bienvenue"], {"audio_id": second.id})
    assert db.session.get(type(made["Bienvenue"]), made["Bienvenue"].id).audio_id == second.id
    assert rejected(upload, wav_bytes(121, rate=800)) == {
        "audio_id": "announcement.audio_id.too_long"}
    assert rejected(announcements.change, made["Bienvenue"], {"audio_id": 424242}) == {
        "audio_id": "announcement.audio_id.unknown"}

