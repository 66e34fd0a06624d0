"""TELUS's sandbox: the portal applies each saved setting at once."""

from __future__ import annotations

from backoffice.core.errors import N_
from backoffice.core.models import ProvisioningOrder
from backoffice.core.network import Outcome, SandboxNetwork


class TelusSandbox(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        return Outcome(True, N_("Applied at once."))
