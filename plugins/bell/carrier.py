"""Bell Canada's declarations and hooks."""

from __future__ import annotations

from backoffice.plugin import (
    Carrier,
    CarrierPlugin,
    FeatureOffer,
    ForwardingLimits,
    Plan,
    hookimpl,
)
from plugins.bell import demo, e911, forwarding, ptt
from plugins.bell.network import BellSandbox

SIP = "000_9e38ee5fe306c767.txt"
PTT = "001_bd78f33463b5f0c1.txt"


class Bell(CarrierPlugin):
    """Bell: declarations from its guide, rules and call stages per feature."""

    network = BellSandbox
    demo = staticmethod(demo.load)
    # Liaisons SIP users are applied at once: the sandbox takes a whole import as one order.
    bulk_orders = "batched"

    blocks = (forwarding.BLOCK, forwarding.NUMBERS_BLOCK, e911.LOCATION_BLOCK,
              e911.ADDRESSES_BLOCK, *ptt.BLOCKS)
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
            FeatureOffer("forwarding", "line", ("liaisons_sip",), ForwardingLimits(
                triggers=("always", "scheduled", "out_of_service"),
                destinations=("number",),
                destination_from_list=True,
                ring_reminder=("always", "scheduled"),
                scheduled_by={"scheduled": "schedule"},
                priority=("always", "scheduled", "out_of_service"),
                optional=True,
            ), f"{SIP} §4"),
            FeatureOffer("e911_addresses", "line", ("liaisons_sip",), e911.LIMITS,
                         f"{SIP} §3"),
            FeatureOffer("ptt_groups", "tenant", (), ptt.LIMITS, PTT),
            FeatureOffer("ptt_scanning", "line", ("ptt",), ptt.SCAN_LIMITS, PTT),
            FeatureOffer("ptt_messaging", "line", ("ptt",), None, PTT),
        ]


plugin = Bell()
