"""Bell's sandbox: Liaisons SIP changes apply at once, PTT changes reach the devices."""

from __future__ import annotations

from backoffice.plugin import N_, Outcome, ProvisioningOrder, SandboxNetwork


class BellSandbox(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        if order.object_type.startswith("ptt"):
            # guide 001: "les mises à jour sont automatiquement effectuées sur vos appareils"
            return Outcome(True, N_("Sent to the Push-to-Talk devices automatically."))
        return Outcome(True, N_("Applied at once."))
