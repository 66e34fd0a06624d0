"""TELUS demo tenant, after guide 002: the super administrator on extension 101 and the
queue "Soutien de la clientèle" the guide uses as its example. The company is made up."""


def load(factory) -> None:
    tenant = factory.tenant("Clinique Horizon", "telus")
    factory.line(tenant, plan="user", extension="101", number="604 555-0101",
                 first_name="Nadia", last_name="Roy", email="nadia.roy@cliniquehorizon.ca")
    factory.line(tenant, plan="user", extension="102", number="604 555-0102",
                 first_name="Olivier", last_name="Chen", email="olivier.chen@cliniquehorizon.ca")
    factory.line(tenant, plan="queue", extension="200", number="604 555-0200",
                 first_name="Soutien de la clientèle")
    factory.line(tenant, plan="voicemail_only", extension="300",
                 first_name="Messagerie après les heures")
    factory.line(tenant, plan="announcement_only", extension="400",
                 first_name="Heures d'ouverture")
