"""Cooptel's sandbox: a change to an extension reaches the phone only after a restart."""

from __future__ import annotations

from backoffice.plugin import N_, Outcome, ProvisioningOrder, SandboxNetwork


class CooptelSandbox(SandboxNetwork):
    def accept(self, order: ProvisioningOrder) -> Outcome:
        if order.object_type == "line" and order.payload.get("plan") == "extension":
            # guide 003 §9, §14: "redémarrer l'appareil pour que les changements soient pris
            # en compte"; up to 5 minutes.
            return Outcome(True, N_("Saved; the phone applies it after a restart "
                                    "(up to 5 minutes)."))
        if order.object_type in ("address_book", "address_book_contact", "phone_contact"):
            # guide 003 §7.5: the phone applies its address book "après ... redémarrer"
            return Outcome(True, N_("Saved; the phone applies it after a restart "
                                    "(up to 5 minutes)."))
        if order.object_type == "conference_participant" and order.action == "create":
            # guide 003 §16.1: "un courriel d'invitation ... sera alors automatiquement envoyé"
            return Outcome(True, N_("Applied; the invitation e-mail was sent."))
        return Outcome(True, N_("Applied at once."))
