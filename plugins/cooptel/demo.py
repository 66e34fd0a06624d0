"""Cooptel demo tenant, after guide 003: extensions 101 and 102 (§12, §14), the main number
514 907-3400 of the blacklist example (§8) and the fax number 514 907-3401 (§6.3), and
two blacklist rules from the examples of §8.2. The company is made up."""

from backoffice.core.blacklist import rules

BLACKLIST = [("block", "equals", "5149073400"), ("block", "contains", "5555")]


def load(factory) -> None:
    tenant = factory.tenant("Fromagerie du Lac", "cooptel")
    factory.line(tenant, plan="extension", extension="101", number="514 907-3400",
                 first_name="Sophie", last_name="Bergeron", email="sophie@fromageriedulac.ca")
    factory.line(tenant, plan="extension", extension="102", first_name="Luc",
                 last_name="Paquette", email="luc@fromageriedulac.ca")
    factory.line(tenant, plan="efax", number="514 907-3401", first_name="Télécopieur")
    existing = {(r.mode, r.match, r.digits) for r in rules.list_rules(tenant)}
    for mode, match, digits in BLACKLIST:
        if (mode, match, digits) not in existing:
            rules.add_rule(tenant, None, {"mode": mode, "match": match, "digits": digits})
            factory.created += 1
