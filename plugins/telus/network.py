"""TELUS's sandbox: the portal applies each saved setting at once."""

from __future__ import annotations

from backoffice.plugin import N_, Outcome, ProvisioningOrder, SandboxNetwork


class TelusSandbox(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        if order.object_type == "user" and order.action == "create":
            # "Cliquez sur Sauvegarder et activer": the user is active once saved
            return Outcome(True, N_("Saved and activated."))
        return Outcome(True, N_("Applied at once."))
