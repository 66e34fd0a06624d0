"""TELUS's sandbox: the portal applies each saved setting at once."""

from __future__ import annotations

from backoffice.plugin import N_, Outcome, ProvisioningOrder, SandboxNetwork


class TelusSandbox(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        return Outcome(True, N_("Applied at once."))
