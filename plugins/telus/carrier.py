"""TELUS's declarations and hooks."""

from __future__ import annotations

from pathlib import Path

from backoffice.plugin import (
    AnnouncementLimits,
    BlacklistLimits,
    CalendarLimits,
    Carrier,
    CarrierPlugin,
    FeatureOffer,
    ForwardingLimits,
    IvrLimits,
    Plan,
    PlannedFeature,
    hookimpl,
)
from plugins.telus import blacklist, company, demo, forwarding, ivr, roles
from plugins.telus.network import TelusSandbox

GUIDE = "002_6093346da80557bc.txt"


class Telus(CarrierPlugin):
    """TELUS: declarations from its guide, rules and call stages per feature."""

    network = TelusSandbox
    demo = staticmethod(demo.load)
    # The sandbox takes a whole import as one order, as its portal's user upload does.
    bulk_orders = "batched"

    migrations = str(Path(__file__).parent / "migrations" / "versions")

    blocks = (*blacklist.BLOCKS, forwarding.BLOCK, roles.BLOCK, *ivr.BLOCKS, company.BLOCK)
    rules = {"lines": roles.validate_line, "roles": roles.validate_role,
             "ivr": ivr.validate_ivr}
    removal_rules = {"lines": roles.validate_removal}
    # the auto-receptionist's number meets the menu first; then screening, then forwarding
    call_stages = (ivr.menu_stage, blacklist.screening_steps, forwarding.forwarding_stage)
    planned = (
        PlannedFeature("voicemail", "line", ("user", "queue", "voicemail_only"),
                       f"{GUIDE} Groupes > Postes de messagerie seulement"),
        PlannedFeature("queues", "line", ("queue",), f"{GUIDE} Files d'attente"),
    )

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
            FeatureOffer("forwarding", "line", ("user",), ForwardingLimits(
                triggers=("do_not_disturb", "always", "no_answer"),
                fixed_destinations={"do_not_disturb": "voicemail"},
                destinations=("number", "extension"),
                extensions_of_tenant=True,
                priority=("do_not_disturb", "always", "no_answer"),
            ), f"{GUIDE} Utilisateurs > Gestion et renvoi des appels"),
            FeatureOffer("blacklist", "line", ("user",), BlacklistLimits(),
                         f"{GUIDE} Utilisateurs > Filtrage, message d'accueil et attente "
                         "musicale"),
            FeatureOffer("roles", "line", ("user",), roles.RolesLimits(
                predefined=tuple(roles.LABELS), super_admin_extension="101",
            ), f"{GUIDE} Gérer les rôles et les autorisations"),
            FeatureOffer("ivr", "tenant", (), IvrLimits(
                closed_menu=True, default_greeting=True, no_input=("operator", "disconnect"),
            ), f"{GUIDE} Paramètres de l'Auto-réception"),
            FeatureOffer("announcements", "tenant", (), AnnouncementLimits(),
                         f"{GUIDE} Message d'accueil et menu de l'entreprise"),
            FeatureOffer("business_hours", "tenant", (), CalendarLimits(),
                         f"{GUIDE} Heures ouvrables de l'entreprise"),
            FeatureOffer("company_caller_name", "tenant", (),
                         company.CallerNameLimits(max_length=15),
                         f"{GUIDE} Nom d'appelant de l'entreprise"),
        ]



plugin = Telus()
