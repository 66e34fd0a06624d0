"""Cooptel demo tenant, after guide 003: extensions 101 and 102 (§12, §14), the main number
514 907-3400 of the blacklist example (§8) and the fax number 514 907-3401 (§6.3), and
two blacklist rules from the examples of §8.2. The company is made up. Forwarding after
§9.1: Sophie's extension forwards to Luc's when she does not answer within 20 seconds;
Luc uses find-me/follow-me to his cell phone. Voicemail after §3.1: Sophie's mailbox holds
100 messages, so it is full; Luc's sends his messages by e-mail only. Conferences after §16:
the guide's example "Meeting ventes" as a one-time conference, and a permanent room for the
team, recorded, which the network held on the last three Mondays (§16.4). Call pickup
(§9.2) is on for Luc's extension: he can answer Sophie's calls from his phone. Address books
after §7.2–§7.4: a shared book of suppliers seen by both users, and Luc's own "Mes
contacts"; Luc's phone shows Sophie's extension as a favourite (§7.5). Extensions and users
after §11.1: Sophie and Luc are users holding 101 and 102; extension 103 was added "Gérée
par l'administrateur", with a voicemail box, not listed in the company directory; Luc also
holds extension 104, added to him as an existing user. E-fax after §6: the fax number
514 907-3401 e-mails its sending confirmations to Sophie (the option the technical team
turns on), and two faxes were sent from it. Softphones after §13: Luc's extension 102 has
one, on his laptop. The state of the extensions (§15): 101 and 102 have a phone, so they
are "Disponible"; 103 and 104 have none, so they are "Déconnecté"."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from pypdf import PdfWriter
from sqlalchemy import select

from backoffice.plugin import (
    Line,
    add_book,
    add_book_contact,
    add_conference,
    add_participant,
    add_rule,
    db,
    faxes_page,
    forwarding_of,
    list_rules,
    network_for,
    purge_recordings,
    send_fax,
)
from plugins.cooptel import (
    address_books,
    call_pickup,
    conferences,
    extension_creation,
    extension_settings,
    fax,
    forwarding,
    phones,
    softphones,
    voicemail,
)

BLACKLIST = [("block", "equals", "5149073400"), ("block", "contains", "5555")]


def load(factory) -> None:
    tenant = factory.tenant("Fromagerie du Lac", "cooptel")
    factory.line(tenant, plan="extension", extension="101", number="514 907-3400",
                 first_name="Sophie", last_name="Bergeron", email="sophie@fromageriedulac.ca")
    luc = factory.line(tenant, plan="extension", extension="102", first_name="Luc",
                       last_name="Paquette", email="luc@fromageriedulac.ca")
    setup_forwarding(factory, tenant)
    extension_settings.load_demo(factory, tenant)
    voicemail.setup(factory, tenant)
    if call_pickup.BLOCK.read(tenant, luc)["version"] is None:
        call_pickup.BLOCK.write(tenant, luc, {"call_pickup": True})
        factory.created += 1
    fax_line = factory.line(tenant, plan="efax", number="514 907-3401",
                            first_name="Télécopieur")
    existing = {(r.mode, r.match, r.digits) for r in list_rules(tenant)}
    for mode, match, digits in BLACKLIST:
        if (mode, match, digits) not in existing:
            add_rule(tenant, None, {"mode": mode, "match": match, "digits": digits})
    setup_conferences(factory, tenant)
    setup_address_books(factory, tenant, luc)
    setup_conference_history(factory, tenant)
    setup_users(factory, tenant)
    setup_faxes(factory, tenant, fax_line)
    setup_softphones(factory, tenant, luc)


def setup_users(factory, tenant) -> None:
    """Sophie and Luc as users of 101 and 102; 103 for the administrator, 104 to Luc."""
    users = extension_creation.USERS_BLOCK
    if users.items(tenant, None):
        return
    users.add(tenant, None, {"first_name": "Sophie", "last_name": "Bergeron",
                             "email": "sophie@fromageriedulac.ca", "extension": "101"})
    luc = users.add(tenant, None, {"first_name": "Luc", "last_name": "Paquette",
                                   "email": "luc@fromageriedulac.ca", "extension": "102"})
    extensions = extension_creation.EXTENSIONS_BLOCK
    extensions.add(tenant, None, {"extension": "103", "assignment": "administrator",
                                  "voicemail": True, "directory": False})
    extensions.add(tenant, None, {"extension": "104", "assignment": "existing_user",
                                  "user_id": luc.id, "directory": True})
    factory.created += 4
    setup_phones(factory, tenant)


def setup_forwarding(factory, tenant) -> None:
    """Extension 101 forwards on no answer to 102; 102 follows Luc to his cell phone."""
    extensions = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    settings = {
        "101": {"ring_seconds": 20, "enabled": True, "rule": "no_answer", "destination": "102"},
        "102": {"ring_seconds": 25, "find_me_enabled": True,
                "find_me_destination": "514 555-0188", "find_me_ring_seconds": 15,
                "find_me_screening": True},
    }
    for extension, data in settings.items():
        if forwarding_of(extensions[extension]) is None:
            forwarding.BLOCK.write(tenant, extensions[extension], data)
            factory.created += 1


def setup_conferences(factory, tenant) -> None:
    """A permanent team room and the guide's one-time "Meeting ventes", with invitations."""
    if conferences.BLOCKS[0].items(tenant, None):
        return
    team = add_conference(tenant, None, {
        "kind": "permanent", "title": "Réunion d'équipe", "language": "fr",
        "access_code": "2468", "announce_participants": True, "recording": True})
    sales = add_conference(tenant, None, {
        "kind": "one_time", "title": "Meeting ventes", "language": "fr",
        "start_date": "2027-01-14", "start_time": "10:00", "duration_minutes": 60,
        "recording": True, "email_report": True})
    for conference, name, email, role in [
        (team, "Sophie Bergeron", "sophie@fromageriedulac.ca", "administrator"),
        (team, "Luc Paquette", "luc@fromageriedulac.ca", "participant"),
        (sales, "Sophie Bergeron", "sophie@fromageriedulac.ca", "administrator"),
        (sales, "Marc Tremblay", "marc.tremblay@distributionquebec.ca", "participant"),
    ]:
        add_participant(tenant, None, {"conference_id": conference.id, "name": name,
                                       "email": email, "role": role})
    factory.created += 6


def setup_address_books(factory, tenant, luc) -> None:
    """Address books after §7.2–§7.4: a shared book of suppliers that both users see, and
    Luc's personal book, "Mes contacts", with his own contact."""
    if address_books.BLOCKS[0].items(tenant, None):
        return
    users = {line.extension: line.id for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id, Line.email.is_not(None)))}
    suppliers = add_book(tenant, None, {"name": "Fournisseurs",
                                        "visible_to": [users["101"], users["102"]]})
    mine = add_book(tenant, None, {"owner_line_id": luc.id})
    for book, first, last, number, email in [
        (suppliers, "Marc", "Tremblay", "4185550142", "marc.tremblay@distributionquebec.ca"),
        (suppliers, "Laiterie", "Chagnon", "8195550177", None),
        (mine, "Julie", "Gagnon", "5145550123", None),
    ]:
        add_book_contact(tenant, None, {"book_id": book.id, "first_name": first,
                                        "last_name": last, "number": number, "email": email})
    factory.created += 5
    # §7.5: Luc's phone shows Sophie's extension as a favourite, then two contacts
    contacts = {f"{c.first_name} {c.last_name}": c.id
                for c in address_books.BLOCKS[1].items(tenant, None)}
    phone = address_books.BLOCKS[2]
    for position, entry, favourite in [
        (1, f"extension:{users['101']}", True),
        (2, f"contact:{contacts['Marc Tremblay']}", False),
        (3, f"contact:{contacts['Julie Gagnon']}", False),
    ]:
        phone.add(tenant, luc, {"position": position, "entry": entry, "favourite": favourite})
    factory.created += 3


def setup_conference_history(factory, tenant) -> None:
    """The network held the team room on the last three Mondays at 9:00 that have ended
    (the oldest recording past its 7 days is gone), and once with nobody connected, which
    the history does not show (§16.4)."""
    team = next(c for c in conferences.BLOCKS[0].items(tenant, None)
                if c.title == "Réunion d'équipe")
    if team.sessions:
        return
    network = network_for(tenant.carrier_id)
    zone = ZoneInfo(tenant.timezone)
    now = datetime.now(zone)
    monday = now.replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(
        days=now.weekday())
    if monday + timedelta(minutes=45) > now:  # today's meeting has not ended yet
        monday -= timedelta(weeks=1)
    for weeks in (2, 1, 0):
        start = monday - timedelta(weeks=weeks)
        end = start + timedelta(minutes=45)
        network.hold_conference(team, start, end, [
            ("Sophie Bergeron", start, end),
            ("Luc Paquette", start + timedelta(minutes=3), end - timedelta(minutes=10))],
            recording_seconds=45 * 60)
    empty = monday - timedelta(days=5)  # the Wednesday before
    network.hold_conference(team, empty, empty + timedelta(minutes=5), [])
    db.session.commit()
    purge_recordings(tenant.id, datetime.now(zone).isoformat())
    factory.created += 4


def blank_pdf(*sizes: tuple[float, float]) -> bytes:
    """A PDF document of blank pages of the given sizes, in points."""
    writer = PdfWriter()
    for width, height in sizes:
        writer.add_blank_page(width=width, height=height)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


FAXES = [
    ({"subject": "Bon de commande", "recipient_name": "Marc Tremblay",
      "recipient_company": "Distribution Québec", "recipient_fax": "418 555-0142",
      "recipient_phone": "418 555-0140", "comments": "Commande de fromages d'hiver.",
      "remember_company": True}, (612, 792), "bon-de-commande.pdf"),
    ({"subject": "Facture 2026-118", "recipient_name": "John Doe",
      "recipient_company": "Acme inc.", "recipient_fax": "514 555-0000",
      "recipient_phone": "514 555-0001", "comments": "Merci de votre confiance.",
      "remember_company": True}, (595.28, 841.89), "facture-2026-118.pdf"),
]


def setup_faxes(factory, tenant, line) -> None:
    """Sophie gets the sending confirmations of 514 907-3401; two faxes sent from it (§6)."""
    settings = fax.BLOCKS[0]
    if settings.read(tenant, line)["version"] is None:
        settings.write(tenant, line, {"confirmation_email": True,
                                      "confirmation_address": "sophie@fromageriedulac.ca"})
        factory.created += 1
    if faxes_page(tenant, 1, 1)[1]:
        return
    for cover, size, filename in FAXES:
        send_fax(tenant, {**cover, "sender_name": "Sophie Bergeron",
                          "sender_company": "Fromagerie du Lac", "sender_fax": line.number,
                          "sender_phone": "514 907-3400", "language": "fr"},
                 blank_pdf(size, size), filename)
        factory.created += 1


PHONES = [("64167FB20101", "Polycom 450 Extension 101"),
          ("64167FB20311", "WX311 - ext 132")]
"""The bank (§12): the guide's own naming advice and its example "WX311 - ext 132"."""


def setup_phones(factory, tenant) -> None:
    """The bank of two phones; the Polycom 450 serves 101 on line key 1 and 102 on line
    key 2, as §14.2's example does."""
    bank, assignments = phones.BLOCKS
    if bank.items(tenant, None):
        return
    added = [bank.add(tenant, None, {"mac": mac, "name": name}) for mac, name in PHONES]
    extensions = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    for key, extension in ((1, "101"), (2, "102")):
        assignments.add(tenant, extensions[extension], {
            "device_id": added[0].id, "model": "polycom_vvx_450",
            "timezone": "America/Toronto", "line_keys": [key]})
    factory.created += 4


def setup_softphones(factory, tenant, luc) -> None:
    """§13: Luc's extension 102 has a softphone on his laptop, with its own SIP account."""
    if softphones.BLOCK.items(tenant, luc):
        return
    softphones.BLOCK.add(tenant, luc, {"name": "UC Desktop, portable de Luc"})
    factory.created += 1
