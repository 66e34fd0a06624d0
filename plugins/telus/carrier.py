"""TELUS's declarations and hooks."""

from __future__ import annotations

from pathlib import Path

from backoffice.plugin import (
    AnnouncementLimits,
    AudioLimits,
    BlacklistLimits,
    Bounds,
    CalendarLimits,
    CallerIdLimits,
    CallPermissionLimits,
    Carrier,
    CarrierPlugin,
    FeatureOffer,
    ForwardingLimits,
    HuntGroupLimits,
    IvrLimits,
    Plan,
    hookimpl,
)
from plugins.telus import (
    blacklist,
    call_log,
    calling_options,
    company,
    demo,
    forwarding,
    ivr,
    queues,
    roles,
    users,
    voicemail,
)
from plugins.telus.network import TelusSandbox

GUIDE = "002_6093346da80557bc.txt"


class Telus(CarrierPlugin):
    """TELUS: declarations from its guide, rules and call stages per feature."""

    network = TelusSandbox
    demo = staticmethod(demo.load)
    # The sandbox takes a whole import as one order, as its portal's user upload does.
    bulk_orders = "batched"

    migrations = str(Path(__file__).parent / "migrations" / "versions")

    blocks = (*blacklist.BLOCKS, forwarding.BLOCK, roles.BLOCK, *calling_options.BLOCKS,
              voicemail.BLOCK, *queues.BLOCKS, *ivr.BLOCKS, company.BLOCK,
              *call_log.BLOCKS, *users.BLOCKS)
    rules = {"lines": roles.validate_line, "roles": roles.validate_role,
             "voicemail": voicemail.validate_voicemail, "hunt_groups": queues.validate_queue,
             "ivr": ivr.validate_ivr, "users": users.validate_user}
    removal_rules = {"lines": roles.validate_removal, "users": users.validate_user_removal}
    # the auto-receptionist's number meets the menu first; then screening, a queue's
    # distribution, then forwarding
    call_stages = (ivr.menu_stage, blacklist.screening_steps, queues.queue_stage,
                   forwarding.forwarding_stage)
    outgoing_stages = (calling_options.international_stage,)

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
            # "Remplissez les champs Numéro de poste, Nom du poste et Courriel gestionnaire"
            Plan("queue", {"fr": "File d'attente", "en": "Call queue"},
                 requires=("extension", "first_name", "email"), guide_section=section,
                 answered_by="distribution"),
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
            FeatureOffer("call_permissions", "tenant", (), CallPermissionLimits(
                countries=True, default_enabled=False), calling_options.INTERNATIONAL),
            FeatureOffer("caller_id", "line", ("user",), CallerIdLimits(
                modes=("line", "alternate"), numbers_of_tenant=True),
                calling_options.CALLER_ID),
            FeatureOffer("voicemail", "line", voicemail.PLANS, voicemail.LIMITS,
                         voicemail.SECTION),
            FeatureOffer("hunt_groups", "line", ("queue",), HuntGroupLimits(
                member_plans=("user",),
                distributions=("cyclic", "parallel", "linear"), default_distribution="cyclic",
                cyclic_order="extension",  # "en ordre croissant des numéros de poste"
                max_calls=Bounds(25, 25, 25),  # "peuvent prendre jusqu'à 25 appels"
                overflows=("voicemail",), default_overflow="voicemail",
                # "Par défaut" or "Personnaliser": "le fichier .WAV ou .MP3"
                greeting=AudioLimits(formats=("wav", "mp3")),
                # "Configurer l'attente musicale": the default music or the queue's own file
                hold_music=AudioLimits(formats=("wav", "mp3")),
                # "Heures ouvrables de la file d'attente"; "Après les heures": voicemail
                after_hours="voicemail",
            ), f"{GUIDE} Files d'attente"),
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
            call_log.OFFER,
            users.USERS_OFFER,
            users.NUMBERS_OFFER,
            call_log.APPEARANCE,
        ]



plugin = Telus()
