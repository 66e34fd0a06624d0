"""Bell demo tenant. The guides give no customer example: the company is made up,
the lines follow guide 000 (Liaisons SIP users) and 001 (Push-to-Talk devices)."""


def load(factory) -> None:
    tenant = factory.tenant("Transports Laurentides", "bell")
    factory.line(tenant, plan="liaisons_sip", number="514 555-0142", first_name="Julie",
                 last_name="Tremblay", email="julie.tremblay@transports-laurentides.ca")
    factory.line(tenant, plan="liaisons_sip", number="514 555-0143", first_name="Marc",
                 last_name="Gagnon", email="marc.gagnon@transports-laurentides.ca")
    factory.line(tenant, plan="ptt", number="438 555-0117", first_name="Camion",
                 last_name="12")
    factory.line(tenant, plan="ptt", number="438 555-0118", first_name="Camion",
                 last_name="14")
