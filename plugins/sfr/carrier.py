"""SFR's declarations and hooks."""

from __future__ import annotations

from backoffice.core.calendars.service import calendar_block
from backoffice.core.carrier_plugin import CarrierPlugin
from backoffice.core.declarations import Carrier, FeatureOffer, Plan
from backoffice.core.errors import N_
from backoffice.core.hookspecs import hookimpl
from plugins.sfr import blacklist, call_waiting, demo, forwarding, lines, multi_line_ring
from plugins.sfr.destinations import DESTINATION_POLICY
from plugins.sfr.network import SfrSandbox

GUIDE = "004_1c65287363dc7b18.txt"
USER_PLANS = ("fixe", "fixe_mobile", "mobile")
LINE_DEFAULTS = {trigger: {"enabled": True, "destination": "voicemail"}
                 for trigger in ("busy", "no_answer", "unreachable")}  # §6.14 defaults


class Sfr(CarrierPlugin):
    """SFR: declarations from its guide, rules and call stages per feature."""

    network = SfrSandbox
    demo = staticmethod(demo.load)

    blocks = (
        *blacklist.BLOCKS, forwarding.BLOCK, multi_line_ring.BLOCK, call_waiting.BLOCK,
        calendar_block(id="calendars", feature="calendars", title=N_("Calendars"),
                       guide_section=f"{GUIDE} §4.2"),
    )
    rules = {"lines": lines.validate_line, "forwarding": forwarding.validate_forwarding,
             "multi_line_ring": multi_line_ring.validate_multi_line_ring}
    call_stages = (blacklist.screening_steps, forwarding.forwarding_stage)  # screening first

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
            FeatureOffer("forwarding", "line", ("fixe", "fixe_mobile", "mobile", "analogique"), {
                "triggers": ["always", "busy", "no_answer", "unreachable", "scheduled"],
                # §5.2.1's table; §6.14 marks scheduled "na" for fixe_mobile (see renvoi.feature)
                "triggers_per_plan": {"fixe_mobile": ["always", "scheduled"],
                                      "analogique": ["always"]},
                "destinations": ["voicemail", "number", "extension"],
                "destination_policy": DESTINATION_POLICY,
                "rings": {"no_answer": {"min": 1, "max": 10, "default": 3}},
                "scheduled_by": {"scheduled": "calendar"},
                "calendar_on_the_fly": True, "calendar_feature": "calendars",  # §4.2
                "exclusive": [["scheduled", "always"]],
                "defaults_per_plan": {
                    "fixe": LINE_DEFAULTS, "mobile": LINE_DEFAULTS,
                    "fixe_mobile": {"always": {"enabled": True,
                                               "destination": "line:associated_number"}},
                },
            }, f"{GUIDE} §6.14"),
            FeatureOffer("multi_line_ring", "line", ("fixe", "mobile"), {
                "max_numbers": 5, "modes": ["simultaneous", "sequential"],
                "number_format": "international", "destination_policy": DESTINATION_POLICY,
            }, f"{GUIDE} §6.9"),
            FeatureOffer("call_waiting", "line", ("fixe", "mobile"), {"default": False},
                         f"{GUIDE} §6.7"),
            FeatureOffer("voicemail", "line", USER_PLANS, {
                "greeting_max_seconds": 120, "message_max_seconds": 900,
                "new_messages_kept_days": 60, "archived_messages_kept_days": 14,
                "box_max_hours": 4, "manager_settings": ["email_notification"],
            }, f"{GUIDE} §6.15"),
            FeatureOffer("blacklist", "line", (*USER_PLANS, "analogique"), {
                "max_numbers": 36, "number_format": "any",
            }, f"{GUIDE} §6.13"),
            FeatureOffer("anonymous_call_rejection", "line", (*USER_PLANS, "analogique"), {
                "default": False,
            }, f"{GUIDE} §6.6"),
            FeatureOffer("ivr", "line", ("avi",), {
                "levels": 2, "keys": list(range(1, 10)), "greeting_required": True,
                "default_greeting": None, "announcement_formats": ["mp3", "wav"],
                "announcement_max_seconds": 120, "announcement_max_bytes": 3_145_728,
            }, f"{GUIDE} §3.5, §5.2, §8"),
            FeatureOffer("hunt_groups", "line", ("groupement",), {
                "distribution": ["linear", "longest_idle", "cyclic", "parallel"],
                "rings": {"min": 1, "max": 10}, "wrap_up_max_seconds": 3600,
                "queue_max_calls": 50, "queue_default_calls": 20,
                "wait_max_seconds": 3600, "wait_default_seconds": 300,
                "overflow": ["none", "deterrent", "number"],
            }, f"{GUIDE} §3.4, §7"),
            FeatureOffer("sites", "tenant", (), {
                "editable_fields": ["name"], "delete_only_without_lines": True,
            }, f"{GUIDE} §4.1"),
            FeatureOffer("calendars", "tenant", (), {
                "delete_only_when_unused": True, "closures_repeat_yearly": False,
            }, f"{GUIDE} §4.2"),
            FeatureOffer("programmable_keys", "line", ("fixe",), {
                "busy_lamp_max": 45, "pickup_key": "*98",
            }, f"{GUIDE} §6.17"),
        ]



plugin = Sfr()
