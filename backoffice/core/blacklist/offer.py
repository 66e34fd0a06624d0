"""Which shape of the blacklist a tenant's carrier offers.

A tenant-scoped offer is a set of account-wide match rules; a line-scoped one is a list
of blocked numbers per line. Asking for the other shape is answered as "not offered".
"""

from __future__ import annotations

from backoffice.core.carriers import registry
from backoffice.core.declarations import FeatureOffer
from backoffice.core.errors import NotOffered
from backoffice.core.models import Line, Tenant


def feature_offer(tenant: Tenant, line: Line | None, feature: str) -> FeatureOffer:
    """The offer of ``feature`` for this tenant (and line); :class:`NotOffered` otherwise."""
    entry = registry()[tenant.carrier_id]
    offer = entry.offer(feature)
    if offer is None or (offer.scope == "line") != (line is not None) or not entry.offers(
            feature, line.plan if line is not None else None):
        raise NotOffered(entry.carrier.name, feature)
    return offer


def region(tenant: Tenant) -> str:
    """The region national numbers of this tenant are read in."""
    return registry()[tenant.carrier_id].carrier.country


def offered(tenant: Tenant, line: Line | None, feature: str) -> bool:
    """Whether :func:`feature_offer` would answer rather than raise."""
    try:
        feature_offer(tenant, line, feature)
    except NotOffered:
        return False
    return True
