"""Cooptel demo tenant, after guide 003: extensions 101 and 102 (§12, §14), the main number
514 907-3400 of the blacklist example (§8) and the fax number 514 907-3401 (§6.3), and
two blacklist rules from the examples of §8.2. The company is made up. Forwarding after
§9.1: Sophie's extension forwards to Luc's when she does not answer within 20 seconds;
Luc uses find-me/follow-me to his cell phone. Voicemail after §3.1: Sophie's mailbox holds
100 messages, so it is full; Luc's sends his messages by e-mail only. Conferences after §16:
the guide's example "Meeting ventes" as a one-time conference, and a permanent room for the
team. Call pickup (§9.2) is on for Luc's extension: he can answer Sophie's calls from his
phone. E-fax after §6: the fax number 514 907-3401 e-mails its sending confirmations to
Sophie (the option the technical team turns on), and two faxes were sent from it."""

import io

from pypdf import PdfWriter
from sqlalchemy import select

from backoffice.plugin import (
    Line,
    add_conference,
    add_participant,
    add_rule,
    db,
    faxes_page,
    forwarding_of,
    list_rules,
    send_fax,
)
from plugins.cooptel import (
    call_pickup,
    conferences,
    extension_settings,
    fax,
    forwarding,
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
    setup_faxes(factory, tenant, fax_line)


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
        "access_code": "2468", "announce_participants": True})
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
