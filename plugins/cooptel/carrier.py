"""Cooptel's declarations and hooks."""

from __future__ import annotations

from backoffice.core.carrier_plugin import CarrierPlugin
from backoffice.core.declarations import Carrier, FeatureOffer, Plan
from backoffice.core.hookspecs import hookimpl
from plugins.cooptel import blacklist, business_hours, demo, extensions, forwarding
from plugins.cooptel.network import CooptelSandbox

GUIDE = "003_1f8630d8cbff8d99.txt"


class Cooptel(CarrierPlugin):
    """Cooptel: declarations from its guide, rules and call stages per feature."""

    network = CooptelSandbox
    demo = staticmethod(demo.load)

    blocks = (*blacklist.BLOCKS, forwarding.BLOCK, business_hours.BLOCK)
    rules = {"lines": extensions.validate_line, "forwarding": forwarding.validate_forwarding}
    # screening comes first, then the closing message, then the extension's forwarding
    call_stages = (blacklist.screening_steps, business_hours.closed_stage,
                   forwarding.forwarding_stage)

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="cooptel", name="Cooptel", country="CA", default_locale="fr",
                       timezone="America/Toronto", guides=(GUIDE,))

    @hookimpl
    def carrier_plans(self) -> list[Plan]:
        return [
            Plan("extension", {"fr": "Poste téléphonique", "en": "Extension"},
                 requires=("extension",), guide_section=f"{GUIDE} §11", set_once=("email",)),
            Plan("efax", {"fr": "Numéro de fax (Efax)", "en": "E-fax number"},
                 requires=("number",), guide_section=f"{GUIDE} §6", answered_by="fax"),
        ]

    @hookimpl
    def carrier_features(self) -> list[FeatureOffer]:
        return [
            FeatureOffer("forwarding", "line", ("extension",), {
                "triggers": ["always", "no_answer", "ring_together", "caller_confirms",
                             "find_me"],
                "destinations": ["number", "extension"],
                "extensions_of_tenant": True,
                "find_me_destinations": ["number"],
                "ring_duration_zero_means": "forever",
                "find_me_follow_me": "only_while_forwarding_off",
            }, f"{GUIDE} §2, §9.1"),
            FeatureOffer("voicemail", "line", ("extension",), {
                "max_messages": 100, "key_destinations": ["0", "*"],
            }, f"{GUIDE} §3"),
            FeatureOffer("blacklist", "tenant", (), {
                "modes": ["block", "allow_only"],
                "match": ["equals", "starts_with", "ends_with", "contains"],
                "recommended_match": "equals", "digits_only": True,
                "applies_to_anonymous": False,
            }, f"{GUIDE} §8"),
            FeatureOffer("business_hours", "tenant", (), {
                "closures_repeat_yearly": True, "holidays": {"country": "CA", "subdiv": "QC"},
            }, f"{GUIDE} §4, §5"),
            FeatureOffer("efax", "line", ("efax",), {
                "formats": ["pdf"], "max_bytes": 1_572_864, "page_sizes": ["letter", "a4"],
                "orientation": "portrait",
            }, f"{GUIDE} §6"),
            FeatureOffer("extensions", "tenant", (), {
                "reserved": extensions.RESERVED, "caller_id_name_max_length": 15,
                "mac_hex_digits": 12,
            }, f"{GUIDE} §9, §11"),
            FeatureOffer("conferences", "tenant", (), {
                "max_duration_hours": 3, "kinds": ["permanent", "one_time"],
            }, f"{GUIDE} §16"),
        ]



plugin = Cooptel()
