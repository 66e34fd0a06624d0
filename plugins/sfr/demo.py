"""SFR demo tenant "Toine Immo", from guide 004 §2.2, §4.3, §4.8, §5.1 and §6.17: its site
and the lines the guide shows. The guide gives the e-mail of Stéphane Biel and of
Alain Coste only; the others follow the same pattern. Stéphane Biel's line blocks the
four numbers of §6.13.2 and rejects anonymous calls (§6.6).

Forwarding (§4.2, §6.7, §6.9, §6.14): the calendar "JOURS OUVRES" of the guide's list with
the example of §6.14 (09:00-19:00 Monday to Friday, public holidays closed) drives Stéphane
Biel's scheduled forwarding; Camille Dumoulin's mobile rings with her line; Antoine Pinson
has call waiting, and his greeting (§6.10) is on: "Accueil par défaut", non-interruptible,
during the hours of "JOURS OUVRES". The other lines keep the guide's defaults (no row is
written for them).

Voicemail (§6.15): Stéphane Biel gets his messages by e-mail with the recording attached;
Valérie Diaz's mailbox holds 4 hours of messages, so it is full; Alain Coste's fixed number
shares his mobile line's mailbox ("messagerie convergente"). The offer counts the plans
and options subscribed (§2.2.1); Stéphane Biel has the Collaboration option (§3.6, §5.1.1).

Groups (§4.3, §7): the hunt group "Accueil ToineImmo" distributes linearly to Stéphane Biel,
Camille Dumoulin and Antoine Pinson with the settings of §7.2's example (5 rings, 20 calls,
10 s of waiting, overflow to 01 47 50 58 69); the pickup group "Interception RCT" of §4.3
joins Camille Dumoulin and Antoine Pinson.

IVR (§3.5, §8.1.1): "Accueil Vocal Marketing" with the guide's screenshot: greeting "AVI
MP3", key 1 to +33684343813, key 2 to "Sous-menu 2" (keys 1 and 2 to Stéphane Biel and
Valérie Diaz), and, with the calendar "JOURS OUVRES", a closed-hours greeting whose key 1
goes to Alain Coste's mobile.

Private numbering (§4.8): two external contacts in the company directory."""

import io
import wave

from sqlalchemy import select

from backoffice.plugin import (
    ANONYMOUS_FLAG,
    Line,
    add_blocked,
    add_contact,
    calendars_of,
    create_calendar,
    db,
    forwarding_of,
    list_blocked,
    offer_of,
    read_anonymous_rejection,
    set_anonymous_rejection,
    store_audio,
)
from plugins.sfr import (
    call_waiting,
    calling_options,
    collaboration,
    devices,
    forwarding,
    groups,
    ivr,
    line_announcements,
    multi_line_ring,
    offer,
    private_numbering,
    voicemail,
)

BLOCKED = ["0145834778", "0790346812", "+334786950", "00442346950434"]  # as typed, §6.13.2


def load(factory) -> None:
    tenant = factory.tenant("Toine Immo", "sfr")
    site = factory.site(tenant, "Toine Immo", street="0 PLACE SAINT ANTOINE",
                        postal_code="06520", city="GRASSE", country="FR")
    factory.line(tenant, plan="groupement", number="04 83 05 01 75", site_id=site.id,
                 first_name="Accueil ToineImmo")
    lines = {}
    for number, first, last, email in [
        ("04 83 05 01 73", "Stéphane", "Biel", "toineimmo-stephane@gmail.com"),
        ("04 83 05 01 88", "Camille", "Dumoulin", "toineimmo+camille@gmail.com"),
        ("04 83 05 01 72", "Antoine", "Pinson", "toineimmo+antoine@gmail.com"),
        ("04 83 05 01 74", "Valérie", "Diaz", "toineimmo+valerie@gmail.com"),
    ]:
        lines[last] = factory.line(tenant, plan="fixe", number=number, site_id=site.id,
                                   first_name=first, last_name=last, email=email)
    setup_forwarding(factory, tenant)
    factory.line(tenant, plan="mobile", number="06 17 30 64 73", first_name="Alain",
                 last_name="Coste", associated_number="04 83 05 01 90")
    factory.line(tenant, plan="fixe_mobile", number="04 83 05 01 90", site_id=site.id,
                 first_name="Alain", last_name="Coste", email="toineimmo+alain@gmail.com",
                 associated_number="06 17 30 64 73")
    _screening(factory, tenant, lines["Biel"])
    _external_contacts(factory, tenant)
    calling_options.load_demo(factory, tenant)
    voicemail.setup(factory, tenant)
    setup_groups(factory, tenant)
    setup_ivr(factory, tenant, site)
    setup_offer(factory, tenant, lines["Biel"])
    setup_phone(factory, tenant)


def _screening(factory, tenant, line) -> None:
    if not list_blocked(tenant, line):
        for number in BLOCKED:
            add_blocked(tenant, line, {"number": number})
            factory.created += 1
    if not read_anonymous_rejection(tenant, line)[ANONYMOUS_FLAG]:
        set_anonymous_rejection(tenant, line, {ANONYMOUS_FLAG: True})
        factory.created += 1


def setup_forwarding(factory, tenant) -> None:
    """Forwarding of three lines, through the services; skipped when already there."""
    lines = {line.number: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    calendar = next((c for c in calendars_of(tenant) if c.name == "JOURS OUVRES"), None)
    if calendar is None:
        calendar = create_calendar(tenant, {"name": "JOURS OUVRES",
                                            "hours": ["mon-fri 09:00-19:00"],
                                            "prefill_holidays": True}, feature="calendars")
        factory.created += 1
    biel, dumoulin, pinson = (lines[n] for n in ("+33483050173", "+33483050188",
                                                 "+33483050172"))
    if forwarding_of(biel) is None:
        forwarding.BLOCK.write(tenant, biel, {
            "scheduled_enabled": True, "scheduled_destination": "voicemail",
            "scheduled_calendar": calendar.id, "busy_enabled": True,
            "busy_destination": "voicemail", "no_answer_enabled": True,
            "no_answer_destination": "voicemail", "no_answer_rings": 4,
            "unreachable_enabled": True, "unreachable_destination": "06 17 30 64 73"})
        factory.created += 1
    if forwarding_of(dumoulin) is None:
        multi_line_ring.BLOCK.write(tenant, dumoulin, {
            "enabled": True, "mode": "sequential", "numbers": ["+33 6 12 34 56 78"]})
        factory.created += 1
    if not call_waiting.call_waiting_on(tenant, pinson):
        call_waiting.BLOCK.write(tenant, pinson, {"enabled": True})
        factory.created += 1
    if not line_announcements.announcements_of(pinson)["greeting_enabled"]:
        line_announcements.BLOCK.write(tenant, pinson, {
            "greeting_enabled": True, "greeting_calendar_id": calendar.id,
            "hold_enabled": True, "double_call_enabled": True})
        factory.created += 1


EXTERNAL_CONTACTS = [("Cabinet Lemoine, notaire", "04 93 36 12 40"),
                     ("Agence Riviera Travaux", "06 12 45 78 90")]
"""Two partners of the agency in its directory (§4.8; the guide names none)."""


def _external_contacts(factory, tenant) -> None:
    if private_numbering.BLOCK.items(tenant, None):
        return
    for name, number in EXTERNAL_CONTACTS:
        add_contact(tenant, None, {"name": name, "number": number})
        factory.created += 1


def setup_phone(factory, tenant) -> None:
    """Stéphane Biel's Polycom VVX 450 and its keys, as §6.17.1's example programs them:
    three colleagues supervised, then speed dials, the reception line and the pickup key."""
    hardware, keys = devices.BLOCKS
    lines = {line.number: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    biel = lines["+33483050173"]
    if hardware.items(tenant, biel):
        return
    hardware.add(tenant, biel, {"model": "polycom_vvx_450", "mac": "64:16:7F:B2:69:D6"})
    keys.write(tenant, biel, {"keys": [
        {"kind": "supervision", "line_id": lines["+33483050188"].id},
        {"kind": "supervision", "line_id": lines["+33483050174"].id},
        {"kind": "supervision", "line_id": lines["+33483050172"].id},
        {"kind": "speed_dial", "number": "0613456782", "label": "Pierre Durand"},
        {"kind": "speed_dial", "line_id": lines["+33483050175"].id, "label": "Accueil"},
        {"kind": "pickup"},
        {"kind": "speed_dial", "number": "3899", "label": "Services de la ville"},
    ]})
    factory.created += 2


def setup_groups(factory, tenant) -> None:
    """The hunt group's settings and members and the pickup group; skipped when there."""
    lines = {line.number: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    group = lines["+33483050175"]
    settings, members, pickup, _ = groups.BLOCKS
    if settings.read(tenant, group)["version"] is None:
        settings.write(tenant, group, {
            "distribution": "linear", "rings": 5, "max_calls": 20, "max_wait": 10,
            "overflow": "number", "overflow_number": "01 47 50 58 69"})
        factory.created += 1
    if not members.items(tenant, group):
        for number in ("+33483050173", "+33483050188", "+33483050172"):
            members.add(tenant, group, {"line_id": lines[number].id})
            factory.created += 1
    if not pickup.items(tenant, None):
        pickup.add(tenant, None, {"name": "Interception RCT", "site_id": group.site_id,
                                  "members": ["04 83 05 01 88", "04 83 05 01 72"]})
        factory.created += 1


def setup_ivr(factory, tenant, site) -> None:
    """The IVR line, its site's announcements, its menu and keys; skipped when there."""
    lines = {line.number: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    line = lines.get("+33483050170") or factory.line(
        tenant, plan="avi", number="04 83 05 01 70", site_id=site.id,
        first_name="Accueil Vocal Marketing")
    settings, keys, announcements = ivr.BLOCKS
    if keys.items(tenant, line):
        return
    made = {}
    limits = offer_of(tenant, "announcements").limits.audio
    for name in ("AVI MP3", "Fermeture", "Sous-menu 2"):
        audio = store_audio(tenant, _silence(3), f"{name}.wav", limits,
                            object_type="announcement", field="audio_id")
        made[name] = announcements.add(tenant, None, {"name": name, "site_id": site.id,
                                                      "audio_id": audio.id}).id
        factory.created += 1
    calendar = next(c for c in calendars_of(tenant) if c.name == "JOURS OUVRES")
    settings.write(tenant, line, {
        "enabled": True, "internal_number": "7600", "calendar_id": calendar.id,
        "open_greeting_id": made["AVI MP3"], "closed_greeting_id": made["Fermeture"]})
    for data in ({"path": "1", "destination": "+33684343813", "label": "Commercial"},
                 {"path": "2", "kind": "menu", "greeting_id": made["Sous-menu 2"],
                  "label": "Gestion locative"},
                 {"path": "21", "destination": "04 83 05 01 73", "label": "Stéphane Biel"},
                 {"path": "22", "destination": "04 83 05 01 74", "label": "Valérie Diaz"},
                 {"hours": "closed", "path": "1", "destination": "06 17 30 64 73",
                  "label": "Astreinte"}):
        keys.add(tenant, line, data)
        factory.created += 1


SUBSCRIBED = {"fixe": 70, "analogique": 28, "groupement": 28, "fixe_mobile": 28, "avi": 28,
              "collaboration": 47, "collaboration_premium": 10}
"""What the customer subscribed: §2.2.1's example, "182 forfaits" (each plan's attributed
plus available, Forfait Fixe the rest) and "57 options" (31 + 16, 8 + 2)."""


def setup_offer(factory, tenant, biel) -> None:
    """The subscribed plans and options, and Stéphane Biel's "Forfait fixe Collaboration"
    (§5.1.1's example line); skipped when there."""
    if offer.BLOCK.read(tenant, None)["version"] is None:
        offer.BLOCK.write(tenant, None, dict(SUBSCRIBED))
        factory.created += 1
    if collaboration.BLOCK.read(tenant, biel)["version"] is None:
        collaboration.BLOCK.write(tenant, biel, {"option": "collaboration"})
        factory.created += 1


def _silence(seconds: int) -> bytes:
    """A short silent WAV, standing for the customer's recording in the demo."""
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(8000)
        writer.writeframes(bytes([128]) * 8000 * seconds)
    return out.getvalue()
