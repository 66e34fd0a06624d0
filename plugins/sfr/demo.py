"""SFR demo tenant "Toine Immo", from guide 004 §2.2, §4.3, §5.1 and §6.17: its site
and the lines the guide shows. The guide gives the e-mail of Stéphane Biel and of
Alain Coste only; the others follow the same pattern. Stéphane Biel's line blocks the
four numbers of §6.13.2 and rejects anonymous calls (§6.6)."""

from backoffice.core.blacklist import anonymous, blocked_numbers

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
    factory.line(tenant, plan="fixe_mobile", number="04 83 05 01 90", site_id=site.id,
                 first_name="Alain", last_name="Coste", email="toineimmo+alain@gmail.com",
                 associated_number="06 17 30 64 73")
    factory.line(tenant, plan="mobile", number="06 17 30 64 73", first_name="Alain",
                 last_name="Coste", associated_number="04 83 05 01 90")
    _screening(factory, tenant, lines["Biel"])


def _screening(factory, tenant, line) -> None:
    if not blocked_numbers.list_blocked(tenant, line):
        for number in BLOCKED:
            blocked_numbers.add_blocked(tenant, line, {"number": number})
            factory.created += 1
    if not anonymous.read_anonymous_rejection(tenant, line)[anonymous.FLAG]:
        anonymous.set_anonymous_rejection(tenant, line, {anonymous.FLAG: True})
        factory.created += 1
