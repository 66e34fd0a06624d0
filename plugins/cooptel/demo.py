"""Cooptel demo tenant, after guide 003: extensions 101 and 102 (§12, §14), the main number
514 907-3400 of the blacklist example (§8) and the fax number 514 907-3401 (§6.3).
The company is made up."""


def load(factory) -> None:
    tenant = factory.tenant("Fromagerie du Lac", "cooptel")
    factory.line(tenant, plan="extension", extension="101", number="514 907-3400",
                 first_name="Sophie", last_name="Bergeron", email="sophie@fromageriedulac.ca")
    factory.line(tenant, plan="extension", extension="102", first_name="Luc",
                 last_name="Paquette", email="luc@fromageriedulac.ca")
    factory.line(tenant, plan="efax", number="514 907-3401", first_name="Télécopieur")
