"""What a carrier's network answers to a provisioning order, and the sandbox base."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from flask import Flask

from backoffice.core.errors import N_
from backoffice.core.models import Line, ProvisioningOrder, Tenant

if TYPE_CHECKING:
    from backoffice.core.call_log.models import CallRecord
    from backoffice.core.conferences.models import Conference, ConferenceSession


LINE_STATUSES = ("available", "on_call", "disconnected")
"""What a network may say of a line now: connected and free, connected and busy, or not
connected (:meth:`SandboxNetwork.line_statuses`)."""


@dataclass(frozen=True)
class Outcome:
    """The network's answer: applied or not, and what the agent should know."""

    applied: bool
    detail: str = ""
    # Not applied yet but accepted: the network makes it effective by then. The order stays
    # pending with this time, and is pushed again once it is past (``sweep_stalled``).
    expected_at: datetime | None = None


class Network(Protocol):
    def apply(self, order: ProvisioningOrder) -> Outcome:
        """Push one order to the network."""


class SandboxNetwork:
    """A network that accepts every order, for development, demos and tests.

    ``SANDBOX_FAULTS`` in the app config (object type -> count) makes the next
    orders of that type fail, to rehearse failures and retries; ``SANDBOX_DELAY``
    (seconds) makes every order take that long. Applying an order twice is harmless.
    """

    def __init__(self, app: Flask):
        self.faults: dict[str, int] = dict(app.config.get("SANDBOX_FAULTS", {}))
        self.delay: float = float(app.config.get("SANDBOX_DELAY", 0))

    def apply(self, order: ProvisioningOrder) -> Outcome:
        if self.delay:
            time.sleep(self.delay)
        if self.faults.get(order.object_type, 0) > 0:
            self.faults[order.object_type] -= 1
            return Outcome(False, N_("Sandbox fault: the network did not answer."))
        return self.accept(order)

    def accept(self, order: ProvisioningOrder) -> Outcome:
        """How the carrier applies an order it accepts. Carriers override this."""
        return Outcome(True)

    def carry_call(self, tenant: Tenant, **call: Any) -> CallRecord:
        """Report a call (or fax) the network carried for ``tenant``: it joins the call
        log (fields of :func:`~backoffice.core.call_log.records.record_call`; the caller
        commits). Carriers may override it to say what their network keeps."""
        from backoffice.core.call_log.records import record_call

        return record_call(tenant, **call)

    def hold_conference(self, conference: Conference, started_at: datetime,
                        ended_at: datetime,
                        attendees: Iterable[tuple[str, datetime, datetime]],
                        recording_seconds: int | None = None) -> ConferenceSession:
        """Report a conference the network held: who connected (name, joined, left) and
        its recording (the caller commits)."""
        from backoffice.core.conferences.history import record_session

        return record_session(conference, started_at, ended_at, attendees, recording_seconds)

    def line_statuses(self, tenant: Tenant, lines: Sequence[Line]) -> Mapping[int, str]:
        """The state of each of ``lines`` now, as the network sees it: line id -> one of
        :data:`LINE_STATUSES`. A line the network says nothing of is left out; by default
        it reports none, and no state is shown."""
        return {}
