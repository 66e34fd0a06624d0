"""Bell demo tenant. The guides give no customer example: the company is made up,
the lines follow guide 000 (Liaisons SIP users) and 001 (Push-to-Talk devices), Julie
Tremblay's forwarding guide 000 §4 (a number of her list, a schedule, out of service), her
two 9-1-1 addresses guide 000 §3 (work, current, and home), and the trucks' Push-to-Talk
contacts, sub-list, talk group and scanning guide 001."""

from sqlalchemy import select

from backoffice.plugin import Line, add_number, db, forwarding_of
from plugins.bell import e911, forwarding, ptt


def load(factory) -> None:
    tenant = factory.tenant("Transports Laurentides", "bell")
    factory.line(tenant, plan="liaisons_sip", number="514 555-0142", first_name="Julie",
                 last_name="Tremblay", email="julie.tremblay@transports-laurentides.ca")
    factory.line(tenant, plan="liaisons_sip", number="514 555-0143", first_name="Marc",
                 last_name="Gagnon", email="marc.gagnon@transports-laurentides.ca")
    setup_forwarding(factory, tenant)
    factory.line(tenant, plan="ptt", number="438 555-0117", first_name="Camion",
                 last_name="12")
    factory.line(tenant, plan="ptt", number="438 555-0118", first_name="Camion",
                 last_name="14")
    setup_e911(factory, tenant)
    setup_ptt(factory, tenant)


def _line(tenant, number: str) -> Line:
    return db.session.scalar(select(Line).where(Line.tenant_id == tenant.id,
                                                Line.number == number))


def setup_e911(factory, tenant) -> None:
    """Julie Tremblay works at the office (her current address) and sometimes from home."""
    julie = _line(tenant, "+15145550142")
    if e911.ADDRESSES_BLOCK.items(tenant, julie):
        return
    e911.ADDRESSES_BLOCK.add(tenant, julie, {
        "province": "CA-QC", "municipality": "Montréal", "building_number": "1050",
        "street_name": "Beaver Hall", "street_suffix": "Côte", "apartment": "400",
        "latitude": "45.5017", "longitude": "-73.5673"})
    e911.ADDRESSES_BLOCK.add(tenant, julie, {
        "province": "CA-QC", "municipality": "Laval", "building_number": "2250",
        "street_name": "des Laurentides", "street_suffix": "boulevard"})
    factory.created += 2


def setup_ptt(factory, tenant) -> None:
    """The two trucks, the dispatcher and a mechanic: a sub-list, a talk group, scanning."""
    contacts, sub_lists, talk_groups, scanning, scan_list = (
        block_of(block_id) for block_id in ("ptt-contacts", "ptt-sub-lists", "ptt-talk-groups",
                                            "ptt-scanning", "ptt-scan-list"))
    if contacts.items(tenant, None):
        return
    truck12, truck14 = _line(tenant, "+14385550117"), _line(tenant, "+14385550118")
    dispatch = contacts.add(tenant, None, {"name": "Répartition Laurentides",
                                           "number": "450 555-0100"})
    mechanic = contacts.add(tenant, None, {"name": "Garage Lachute", "number": "450 555-0163"})
    sub_lists.add(tenant, None, {"name": "Équipe de jour", "members": [
        f"line:{truck12.id}", f"line:{truck14.id}", f"contact:{dispatch.id}"]})
    north = talk_groups.add(tenant, None, {"name": "Secteur nord", "members": [
        f"line:{truck12.id}", f"line:{truck14.id}", f"contact:{mechanic.id}"]})
    scanning.write(tenant, truck12, {"scanning": True})
    scan_list.add(tenant, truck12, {"group_id": north.id, "priority": 1})
    factory.created += 6


def block_of(block_id: str):
    return next(block for block in ptt.BLOCKS if block.id == block_id)


def setup_forwarding(factory, tenant) -> None:
    """Julie Tremblay forwards to her cell phone after hours and when her phone is offline."""
    julie = db.session.scalar(select(Line).where(Line.tenant_id == tenant.id,
                                                 Line.number == "+15145550142"))
    if forwarding_of(julie) is not None:
        return
    add_number(tenant, julie, {"number": "514 555-0199", "label": "Cellulaire"})
    forwarding.BLOCK.write(tenant, julie, {
        "subscribed": True,
        "scheduled_enabled": True, "scheduled_destination": "514 555-0199",
        "scheduled_ring_reminder": True, "scheduled_days": "mon-fri",
        "scheduled_start": "17:00", "scheduled_end": "21:00", "scheduled_ends": "never",
        "out_of_service_enabled": True, "out_of_service_destination": "514 555-0199"})
    factory.created += 2
