"""SFR's sandbox: the fixed/mobile association is acknowledged at once but takes effect later."""

from __future__ import annotations

from backoffice.plugin import N_, Outcome, ProvisioningOrder, SandboxNetwork


class SfrSandbox(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        if order.object_type == "line" and order.payload.get("associated_number"):
            # guide 004 §3.2.2: "l'association des deux lignes peut prendre plus d'une heure"
            return Outcome(True, N_("Acknowledged; the fixed/mobile association can take more "
                                 "than an hour to take effect."))
        return Outcome(True, N_("Applied at once."))
