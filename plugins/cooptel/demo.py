"""Cooptel demo tenant, after guide 003: extensions 101 and 102 (§12, §14), the main number
514 907-3400 of the blacklist example (§8) and the fax number 514 907-3401 (§6.3), and
two blacklist rules from the examples of §8.2. The company is made up. Forwarding after
§9.1: Sophie's extension forwards to Luc's when she does not answer within 20 seconds;
Luc uses find-me/follow-me to his cell phone. Voicemail after §3.1: Sophie's mailbox holds
100 messages, so it is full; Luc's sends his messages by e-mail only. Conferences after §16:
the guide's example "Meeting ventes" as a one-time conference, and a permanent room for the
team. Call pickup (§9.2) is on for Luc's extension: he can answer Sophie's calls from his
phone."""

from sqlalchemy import select

from backoffice.plugin import (
    Line,
    add_conference,
    add_participant,
    add_rule,
    db,
    forwarding_of,
    list_rules,
)
from plugins.cooptel import (
    call_pickup,
    conferences,
    extension_settings,
    forwarding,
    phones,
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
    factory.line(tenant, plan="efax", number="514 907-3401", first_name="Télécopieur")
    existing = {(r.mode, r.match, r.digits) for r in list_rules(tenant)}
    for mode, match, digits in BLACKLIST:
        if (mode, match, digits) not in existing:
            add_rule(tenant, None, {"mode": mode, "match": match, "digits": digits})
    setup_conferences(factory, tenant)
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
