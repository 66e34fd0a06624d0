"""Bell Canada's declarations and hooks."""

from __future__ import annotations

from backoffice.core.carrier_plugin import CarrierPlugin
from backoffice.core.declarations import Carrier, FeatureOffer, Plan
from backoffice.core.hookspecs import hookimpl
from plugins.bell import demo, forwarding
from plugins.bell.network import BellSandbox

SIP = "000_9e38ee5fe306c767.txt"
PTT = "001_bd78f33463b5f0c1.txt"


class Bell(CarrierPlugin):
    """Bell: declarations from its guide, rules and call stages per feature."""

    network = BellSandbox
    demo = staticmethod(demo.load)

    blocks = (forwarding.BLOCK, forwarding.NUMBERS_BLOCK)
    call_stages = (forwarding.forwarding_stage,)

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="bell", name="Bell Canada", country="CA", default_locale="fr",
                       timezone="America/Toronto", guides=(SIP, PTT))

    @hookimpl
    def carrier_plans(self) -> list[Plan]:
        return [
            Plan("liaisons_sip", {"fr": "Utilisateur Liaisons SIP", "en": "SIP Trunking user"},
                 requires=("number",), guide_section=f"{SIP} §2.1"),
            Plan("ptt", {"fr": "Appareil Appuyer-pour-Parler", "en": "Push-to-Talk device"},
                 requires=("number",), guide_section=PTT, answered_by="push_to_talk"),
        ]

    @hookimpl
    def carrier_features(self) -> list[FeatureOffer]:
        return [
            FeatureOffer("forwarding", "line", ("liaisons_sip",), {
                "triggers": ["always", "scheduled", "out_of_service"],
                "destinations": ["number"],
                "destination_from_list": True,
                "ring_reminder": ["always", "scheduled"],
                "scheduled_by": {"scheduled": "schedule"},
                "schedule_ends": ["never", "on_date", "after_occurrences"],
                "priority": ["always", "scheduled", "out_of_service"],
                "optional": True,
            }, f"{SIP} §4"),
            FeatureOffer("e911_addresses", "line", ("liaisons_sip",), {
                "required": ["province", "municipality", "building_number", "street_name"],
                "optional": ["street_suffix", "street_direction", "apartment", "longitude",
                             "latitude"],
                "default_address": None,
                "outside_canada": True,
            }, f"{SIP} §3"),
            FeatureOffer("ptt_groups", "tenant", (), {
                "external_contact_name_max_length": 30,
                "external_contact_number_digits": 10,
                "location_services_can_be_disabled": False,
            }, PTT),
        ]



plugin = Bell()
