"""Cooptel's declarations and hooks."""

from __future__ import annotations

from typing import Any

from flask import Flask

from backoffice.core.declarations import Carrier, FeatureOffer, Plan
from backoffice.core.errors import N_, Violation
from backoffice.core.hookspecs import hookimpl
from backoffice.core.models import Line, Tenant
from backoffice.core.network import Network
from plugins.cooptel import demo
from plugins.cooptel.network import CooptelSandbox

GUIDE = "003_1f8630d8cbff8d99.txt"
# §11.1 names "311, 511, 911..." (the N11 service codes); §2.1 uses 700 to park calls on
# the virtual lines 701 to 709, so those cannot be extensions either.
RESERVED_EXTENSIONS = [f"{n}11" for n in range(2, 10)] + [str(n) for n in range(700, 710)]


@hookimpl
def carrier_identity() -> Carrier:
    return Carrier(id="cooptel", name="Cooptel", country="CA", default_locale="fr",
                   timezone="America/Toronto", guides=(GUIDE,))


@hookimpl
def carrier_plans() -> list[Plan]:
    return [
        Plan("extension", {"fr": "Poste téléphonique", "en": "Extension"},
             requires=("extension",), guide_section=f"{GUIDE} §11"),
        Plan("efax", {"fr": "Numéro de fax (Efax)", "en": "E-fax number"},
             requires=("number",), guide_section=f"{GUIDE} §6"),
    ]


@hookimpl
def carrier_features() -> list[FeatureOffer]:
    return [
        FeatureOffer("forwarding", "line", ("extension",), {
            "rules": ["always", "no_answer", "ring_together", "caller_confirms"],
            "destinations": ["number", "extension"],
            "ring_duration_zero_means": "forever",
            "find_me_follow_me": "only_while_forwarding_off",
        }, f"{GUIDE} §2, §9.1"),
        FeatureOffer("voicemail", "line", ("extension",), {
            "max_messages": 100, "key_destinations": ["0", "*"],
        }, f"{GUIDE} §3"),
        FeatureOffer("blacklist", "tenant", (), {
            "modes": ["block", "allow_only"],
            "match": ["equals", "starts_with", "ends_with", "contains"],
            "digits_only": True, "applies_to_anonymous": False,
        }, f"{GUIDE} §8"),
        FeatureOffer("business_hours", "tenant", (), {
            "closures_repeat_yearly": True,
        }, f"{GUIDE} §4, §5"),
        FeatureOffer("efax", "line", ("efax",), {
            "formats": ["pdf"], "max_bytes": 1_572_864, "page_sizes": ["letter", "a4"],
            "orientation": "portrait",
        }, f"{GUIDE} §6"),
        FeatureOffer("extensions", "tenant", (), {
            "reserved": RESERVED_EXTENSIONS, "caller_id_name_max_length": 15,
            "mac_hex_digits": 12,
        }, f"{GUIDE} §9, §11"),
        FeatureOffer("conferences", "tenant", (), {
            "max_duration_hours": 3, "kinds": ["permanent", "one_time"],
        }, f"{GUIDE} §16"),
    ]


@hookimpl
def validate_change(feature: str, tenant: Tenant, line: Line | None,
                    data: dict[str, Any]) -> list[Violation]:
    if feature == "lines" and data.get("extension") in RESERVED_EXTENSIONS:
        return [Violation(
            code="cooptel.extension.reserved", field="extension",
            message=N_("Invalid extension: %(value)s is reserved for other services "
                    "(%(reserved)s)."),
            params={"value": data["extension"], "reserved": ", ".join(RESERVED_EXTENSIONS)},
            limit=RESERVED_EXTENSIONS,
        )]
    return []


@hookimpl
def carrier_network(app: Flask) -> Network:
    return CooptelSandbox(app)


@hookimpl
def demo_data(tenant_factory) -> None:
    demo.load(tenant_factory)
