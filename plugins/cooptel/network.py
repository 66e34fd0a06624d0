"""Cooptel's sandbox: a change to an extension reaches the phone only after a restart; a fax
is sent, and its confirmation e-mailed only when its fax number's option is on."""

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
        if order.object_type == "phone_assignment" and order.payload.get("restart_minutes"):
            # guide 003 §14: "Il faudra alors redémarrer l'appareil"; §7.5: "jusqu'à 5 minutes"
            return Outcome(True, N_("Saved; restart the phone to apply it: it can take up to 5 "
                                    "minutes."))
        if order.object_type == "conference_participant" and order.action == "create":
            # guide 003 §16.1: "un courriel d'invitation ... sera alors automatiquement envoyé"
            return Outcome(True, N_("Applied; the invitation e-mail was sent."))
        if order.object_type == "fax":
            # guide 003 §6.4: "Vous recevrez alors une confirmation d'envoi par courriel
            # uniquement", if the option is on "pour le numéro de fax sélectionné"
            if order.payload.get("confirmation_to"):
                return Outcome(True, N_("Fax sent; the sending confirmation was e-mailed."))
            return Outcome(True, N_("Fax sent; no e-mail confirmation: the option is not "
                                    "enabled for this fax number."))
        return Outcome(True, N_("Applied at once."))
