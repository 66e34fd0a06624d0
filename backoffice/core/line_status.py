"""The state of the lines now (connected and free, on a call, not connected), as the
carrier's network reports it through :meth:`~backoffice.core.network.SandboxNetwork.line_statuses`.

A network that reports none leaves the state out of the pages and of the API.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from flask_babel import gettext

from backoffice.core.errors import N_
from backoffice.core.models import Line, Tenant
from backoffice.core.network import LINE_STATUSES

STATUS_LABELS = {"available": N_("Available for calls"), "on_call": N_("On a call"),
                 "disconnected": N_("Disconnected")}
"""Each state in the agent's words."""

log = logging.getLogger(__name__)


def statuses_of(tenant: Tenant, lines: Sequence[Line]) -> dict[int, str]:
    """Line id -> its state, for the lines the carrier's network reports (one call)."""
    from backoffice.core.provisioning import network_for

    if not lines:
        return {}
    network = network_for(tenant.carrier_id)
    report = getattr(network, "line_statuses", None)
    if report is None:
        return {}
    try:
        answer = report(tenant, list(lines))
    except Exception:  # a network that cannot answer leaves the state unknown, not the page
        log.exception("line statuses of tenant %s", tenant.id)
        return {}
    return {line_id: status for line_id, status in dict(answer).items()
            if status in LINE_STATUSES}


def status_label(status: str | None) -> str:
    """The state in the agent's language ("" when unknown)."""
    return gettext(STATUS_LABELS[status]) if status in STATUS_LABELS else ""
