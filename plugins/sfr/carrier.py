"""SFR's declarations and hooks."""

from __future__ import annotations

from pathlib import Path

from backoffice.plugin import (
    N_,
    AnnouncementLimits,
    AudioLimits,
    BlacklistLimits,
    Bounds,
    CalendarLimits,
    CallerIdLimits,
    CallPermissionLimits,
    Carrier,
    CarrierPlugin,
    DefaultRule,
    FeatureOffer,
    ForwardingLimits,
    HuntGroupLimits,
    IvrLimits,
    LineLimits,
    PickupGroupLimits,
    Plan,
    RingBounds,
    SiteLimits,
    SwitchLimits,
    calendar_block,
    hookimpl,
)
from plugins.sfr import (
    blacklist,
    call_waiting,
    calling_options,
    collaboration,
    demo,
    devices,
    forwarding,
    groups,
    ivr,
    line_announcements,
    lines,
    multi_line_ring,
    offer,
    private_numbering,
    voicemail,
)
from plugins.sfr.network import SfrSandbox

GUIDE = "004_1c65287363dc7b18.txt"
MOBILE_SITE = "VOS LIGNES MOBILES AVEC OPTION PABX"
"""§4.1.1: "n'est pas un site physique et c'est le seul. Il est créé automatiquement"."""
USER_PLANS = ("fixe", "fixe_mobile", "mobile")
SERVICE_PLANS = ("fixe", "analogique", "mobile")  # §6.2 to §6.4 "Forfaits concernés"
LINE_DEFAULTS = {trigger: DefaultRule(enabled=True, destination="voicemail")
                 for trigger in ("busy", "no_answer", "unreachable")}  # §6.14 defaults


class Sfr(CarrierPlugin):
    """SFR: declarations from its guide, rules and call stages per feature."""

    network = SfrSandbox
    demo = staticmethod(demo.load)
    migrations = str(Path(__file__).parent / "migrations" / "versions")

    blocks = (
        *blacklist.BLOCKS, forwarding.BLOCK, multi_line_ring.BLOCK, call_waiting.BLOCK,
        *calling_options.BLOCKS,
        voicemail.BLOCK,
        *groups.BLOCKS,
        calendar_block(id="calendars", feature="calendars", title=N_("Calendars"),
                       guide_section=f"{GUIDE} §4.2"),
        *ivr.BLOCKS, line_announcements.BLOCK,
        private_numbering.BLOCK,
        offer.BLOCK, collaboration.BLOCK,
        *devices.BLOCKS,
    )
    sections = (offer.SECTION,)
    rules = {"lines": lines.validate_line, "forwarding": forwarding.validate_forwarding,
             "multi_line_ring": multi_line_ring.validate_multi_line_ring,
             "hunt_groups": groups.validate_hunt_group, "ivr": ivr.validate_ivr,
             "collaboration": collaboration.validate_collaboration}
    # screening first; a group's members and precedence before do not disturb, the line's
    # greeting and forwarding; an "avi" line has neither, only its menu
    call_stages = (blacklist.screening_steps, groups.hunt_group_stage,
                   groups.membership_stage, groups.pickup_stage,
                   calling_options.do_not_disturb_stage, line_announcements.greeting_stage,
                   forwarding.forwarding_stage, ivr.menu_stage)
    outgoing_stages = (calling_options.restriction_stage,)

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="sfr", name="SFR", country="FR", default_locale="fr",
                       timezone="Europe/Paris", guides=(GUIDE,))

    @hookimpl
    def carrier_plans(self) -> list[Plan]:
        return [
            Plan("fixe", {"fr": "Forfait Fixe", "en": "Fixed line plan"},
                 requires=("number", "site_id", "first_name", "last_name", "email"),
                 guide_section=f"{GUIDE} §3.1"),
            Plan("fixe_mobile", {"fr": "Forfait numéro fixe pour ligne mobile",
                                 "en": "Fixed number for mobile line"},
                 requires=("number", "site_id", "first_name", "last_name", "email"),
                 guide_section=f"{GUIDE} §3.2"),
            Plan("mobile", {"fr": "Ligne mobile avec option PABX",
                            "en": "Mobile line with PBX option"},
                 requires=("number",), guide_section=f"{GUIDE} §5.2.1"),
            Plan("analogique", {"fr": "Forfait analogique", "en": "Analogue line plan"},
                 requires=("number", "site_id"), guide_section=f"{GUIDE} §3.3"),
            Plan("groupement", {"fr": "Groupement d'appels", "en": "Hunt group"},
                 requires=("number", "site_id"), guide_section=f"{GUIDE} §3.4",
                 answered_by="distribution"),
            Plan("avi", {"fr": "Accueil Vocal Interactif", "en": "Interactive voice response"},
                 requires=("number", "site_id"), guide_section=f"{GUIDE} §3.5",
                 answered_by="menu"),
        ]

    @hookimpl
    def carrier_features(self) -> list[FeatureOffer]:
        return [
            FeatureOffer("forwarding", "line", ("fixe", "fixe_mobile", "mobile", "analogique"),
                         ForwardingLimits(
                triggers=("always", "busy", "no_answer", "unreachable", "scheduled"),
                # §5.2.1's table; §6.14 marks scheduled "na" for fixe_mobile (renvoi.feature)
                triggers_per_plan={"fixe_mobile": ("always", "scheduled"),
                                   "analogique": ("always",)},
                destinations=("voicemail", "number", "extension"),
                rings={"no_answer": RingBounds(min=1, max=10, default=3)},
                scheduled_by={"scheduled": "calendar"},
                calendar_feature="calendars",  # §4.2: a calendar may be made on the fly
                exclusive=(("scheduled", "always"),),
                defaults_per_plan={
                    "fixe": LINE_DEFAULTS, "mobile": LINE_DEFAULTS,
                    "fixe_mobile": {"always": DefaultRule(
                        enabled=True, destination="line:associated_number")},
                },
            ), f"{GUIDE} §6.14"),
            FeatureOffer("multi_line_ring", "line", ("fixe", "mobile"),
                         multi_line_ring.MultiLineRingLimits(max_numbers=5), f"{GUIDE} §6.9"),
            FeatureOffer("call_waiting", "line", ("fixe", "mobile"), SwitchLimits(default=False),
                         f"{GUIDE} §6.7"),
            FeatureOffer("blacklist", "line", (*USER_PLANS, "analogique"),
                         BlacklistLimits(max_numbers=36), f"{GUIDE} §6.13"),
            FeatureOffer("anonymous_call_rejection", "line", (*USER_PLANS, "analogique"),
                         SwitchLimits(default=False), f"{GUIDE} §6.6"),
            FeatureOffer("lines", "tenant", (), LineLimits(
                # §9.1.2: "La modification de l'adresse mail entraîne la réinitialisation de
                # l'Espace Client client de votre collaborateur"
                email_change_resets=True,
                # §9.4.2: "L'association de la ligne sera effective dans un délai maximum
                # d'1h" (§3.2.2 says "peut prendre plus d'une heure": §9.4's hour is kept)
                association_within_minutes=60,
                # §3.2.2, §9.4: "Associer à une ligne mobile", among the company's mobiles
                associated_plans=lines.ASSOCIATED_PLAN,
            ), f"{GUIDE} §9.1, §9.4"),
            FeatureOffer("sites", "tenant", (), SiteLimits(
                address_fixed=True,  # §4.1.2: "Seul le nom d'un site peut être modifié."
                virtual_site=MOBILE_SITE, virtual_site_plans=("mobile",),
            ), f"{GUIDE} §2.2.1, §4.1"),
            FeatureOffer("plan_inventory", "tenant", (), offer.PlanInventoryLimits(
                plans=("fixe", "analogique", "groupement", "fixe_mobile", "avi"),
                options=("collaboration", "collaboration_premium"),
            ), offer.GUIDE_SECTION),
            FeatureOffer("collaboration", "line", ("fixe",), collaboration.CollaborationLimits(
                participants={"collaboration": 25, "collaboration_premium": 1000},
            ), collaboration.GUIDE_SECTION),
            FeatureOffer("calendars", "tenant", (), CalendarLimits(), f"{GUIDE} §4.2"),
            private_numbering.OFFER,
            FeatureOffer("caller_id", "line", SERVICE_PLANS, CallerIdLimits(
                modes=("line", "hidden", "alternate"), default="line"), f"{GUIDE} §6.2"),
            FeatureOffer("busy_callback", "line", SERVICE_PLANS, SwitchLimits(default=True),
                         f"{GUIDE} §6.3"),
            FeatureOffer("call_permissions", "line", SERVICE_PLANS, CallPermissionLimits(
                profiles=calling_options.PROFILES,
                default_profile=calling_options.DEFAULT_PROFILE), f"{GUIDE} §6.4"),
            FeatureOffer("do_not_disturb", "line", ("fixe", "mobile"),
                         SwitchLimits(default=False), f"{GUIDE} §6.5"),
            FeatureOffer("distinctive_ring", "line", ("fixe",), SwitchLimits(default=False),
                         f"{GUIDE} §6.8"),
            FeatureOffer("voicemail", "line", voicemail.PLANS, voicemail.LIMITS,
                         voicemail.GUIDE_SECTION),
            FeatureOffer("hunt_groups", "line", ("groupement",), HuntGroupLimits(
                member_plans=("fixe", "mobile"),  # §7.1.1: fixed lines and mobile lines
                distributions=("linear", "longest_idle", "cyclic", "parallel"),
                default_distribution="longest_idle", rings=Bounds(1, 10, 5),
                wrap_up=Bounds(1, 3600, 1), max_calls=Bounds(1, 50, 20),
                max_wait=Bounds(1, 3600, 300), overflows=("none", "deterrent", "number"),
                default_overflow="deterrent", presence=True, prevails_over_forwarding=True,
            ), f"{GUIDE} §3.4, §7.1-§7.4"),
            # §6.1.2, bloc « GROUPES D'APPELS » of the line: its groups, "CONNECTÉ" each
            FeatureOffer("hunt_group_presence", "line", ("fixe", "mobile"), None,
                         f"{GUIDE} §6.1"),
            FeatureOffer("pickup_groups", "tenant", (), PickupGroupLimits(
                member_plans=("fixe",), code="*98", same_site=True, one_group_per_line=True,
                plain_name=True), f"{GUIDE} §4.3"),
            FeatureOffer("ivr", "line", ("avi",), IvrLimits(
                levels=2, closed_menu=True, internal_number=True,
            ), f"{GUIDE} §3.5, §5.2.1, §8"),
            FeatureOffer("line_announcements", "line", ("fixe", "mobile"),
                         line_announcements.LineAnnouncementLimits(
                audio=AudioLimits(max_seconds=120, max_bytes=3_000_000),
            ), f"{GUIDE} §6.10, §6.11, §6.12"),
            devices.DEVICES, devices.KEYS,
            FeatureOffer("announcements", "tenant", (), AnnouncementLimits(
                per_site=True, predefined=ivr.PREDEFINED,
                audio=AudioLimits(max_seconds=120, max_bytes=3_000_000),  # §4.4, §6.11
            ), f"{GUIDE} §4.4, §4.5"),
        ]



plugin = Sfr()
