"""TELUS's declarations and hooks."""

from __future__ import annotations

from backoffice.core.carrier_plugin import CarrierPlugin
from backoffice.core.declarations import Carrier, FeatureOffer, Plan
from backoffice.core.hookspecs import hookimpl
from plugins.telus import blacklist, demo, forwarding, roles
from plugins.telus.network import TelusSandbox

GUIDE = "002_6093346da80557bc.txt"
ROLES = ["super_admin", "phone_system_admin", "billing_admin", "user_admin", "manager",
         "standard_international", "standard"]


class Telus(CarrierPlugin):
    """TELUS: declarations from its guide, rules and call stages per feature."""

    network = TelusSandbox
    demo = staticmethod(demo.load)

    blocks = (*blacklist.BLOCKS, forwarding.BLOCK, roles.BLOCK)
    rules = {"lines": roles.validate_line, "roles": roles.validate_role}
    removal_rules = {"lines": roles.validate_removal}
    call_stages = (blacklist.screening_steps, forwarding.forwarding_stage)  # screening first

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="telus", name="TELUS", country="CA", default_locale="fr",
                       timezone="America/Toronto", guides=(GUIDE,))

    @hookimpl
    def carrier_plans(self) -> list[Plan]:
        section = f"{GUIDE} Système téléphonique > Groupes"
        return [
            Plan("user", {"fr": "Utilisateur avec poste", "en": "User with extension"},
                 requires=("extension",), guide_section=f"{GUIDE} Utilisateurs"),
            Plan("queue", {"fr": "File d'attente", "en": "Call queue"},
                 requires=("extension",), guide_section=section, answered_by="distribution"),
            Plan("voicemail_only", {"fr": "Poste de messagerie seulement",
                                    "en": "Voicemail-only extension"},
                 requires=("extension",), guide_section=section, answered_by="voicemail"),
            Plan("announcement_only", {"fr": "Poste réservé aux annonces",
                                       "en": "Announcement-only extension"},
                 requires=("extension",), guide_section=section, answered_by="announcement"),
        ]

    @hookimpl
    def carrier_features(self) -> list[FeatureOffer]:
        return [
            FeatureOffer("forwarding", "line", ("user",), {
                "triggers": ["do_not_disturb", "always", "no_answer"],
                "fixed_destinations": {"do_not_disturb": "voicemail"},
                "destinations": ["number", "extension"],
                "extensions_of_tenant": True,
                "priority": ["do_not_disturb", "always", "no_answer"],
            }, f"{GUIDE} Utilisateurs > Gestion et renvoi des appels"),
            FeatureOffer("voicemail", "line", ("user", "queue", "voicemail_only"), {
                "greeting": ["default", "custom"], "greeting_formats": ["wav", "mp3"],
            }, f"{GUIDE} Groupes > Postes de messagerie seulement"),
            FeatureOffer("blacklist", "line", ("user",), {"number_format": "any"},
                         f"{GUIDE} Utilisateurs > Filtrage, message d'accueil et attente "
                         "musicale"),
            FeatureOffer("ivr", "tenant", (), {
                "company_caller_name_max_length": 15,
                "business_hours": ["24_hours", "per_day"],
                "when_caller_does_nothing": ["operator", "disconnect"],
                "greeting": ["default", "custom"], "greeting_formats": ["wav", "mp3"],
            }, f"{GUIDE} Paramètres de l'Auto-réception"),
            FeatureOffer("queues", "line", ("queue",), {
                "max_calls_waiting": 25, "ring_order": ["rotation", "simultaneous", "fixed"],
            }, f"{GUIDE} Files d'attente"),
            FeatureOffer("roles", "line", ("user",), {
                "predefined": ROLES, "editable": False, "super_admin_extension": "101",
            }, f"{GUIDE} Gérer les rôles et les autorisations"),
        ]



plugin = Telus()
