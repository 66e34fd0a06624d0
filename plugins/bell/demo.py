"""Bell demo tenant. The guides give no customer example: the company is made up,
the lines follow guide 000 (Liaisons SIP users) and 001 (Push-to-Talk devices), and Julie
Tremblay's forwarding guide 000 §4 (a number of her list, a schedule, out of service)."""

from sqlalchemy import select

from backoffice.plugin import Line, add_number, db, forwarding_of
from plugins.bell import forwarding


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
