"""SFR's sandbox: the fixed/mobile association is acknowledged at once but takes effect later."""

from __future__ import annotations

from backoffice.plugin import N_, Outcome, ProvisioningOrder, SandboxNetwork


class SfrSandbox(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        if order.object_type == "line" and order.payload.get("associated_number"):
            # guide 004 §3.2.2: "l'association des deux lignes peut prendre plus d'une heure"
            return Outcome(True, N_("Acknowledged; the fixed/mobile association can take more "
                                 "than an hour to take effect."))
        if order.object_type == "device_keys" and order.payload.get("restart"):
            # guide 004 §6.17: "La validation entraîne alors un redémarrage automatique"
            return Outcome(True, N_("Applied; the phone restarts automatically to take its "
                                    "keys."))
        if order.object_type == "device" and order.action == "delete":
            # guide 004 §9.3: "le poste IP peut être remis en configuration usine"
            return Outcome(True, N_("Applied; the phone is no longer associated with the "
                                    "line and can be reset to its factory settings."))
        return Outcome(True, N_("Applied at once."))
