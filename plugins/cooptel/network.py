"""Cooptel's sandbox: a change to an extension reaches the phone only after a restart; a fax
is sent, and its confirmation e-mailed only when its fax number's option is on.

It also reports the state of the extensions (guide 003 §15 "Visualiser l'état des postes
téléphoniques": "Disponible", "En appel", "Déconnecté"), by this rule:

- an extension with no phone (no phone of the bank on one of its line keys, no softphone)
  is "Déconnecté": "Le poste n'est pas connecté";
- an extension with a phone is "Disponible", "connecté et libre de recevoir des appels";
- while a call is in progress on it, it is "En appel", "connecté et occupé": a call begins
  with :meth:`CooptelSandbox.begin_call` and ends with :meth:`CooptelSandbox.end_call` (in
  this process), or lasts as long as the app runs for the extensions listed in
  ``COOPTEL_CALLS_IN_PROGRESS`` (app config: extension numbers, for demos).

A line that is not an extension (a fax number) has no state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flask import Flask

from backoffice.plugin import (
    N_,
    Line,
    Outcome,
    ProvisioningOrder,
    SandboxNetwork,
    Tenant,
    lines_with_phones,
)


class CooptelSandbox(SandboxNetwork):
    def __init__(self, app: Flask):
        super().__init__(app)
        self.calls: set[int] = set()
        self.demo_calls: set[str] = {str(extension) for extension in
                                     app.config.get("COOPTEL_CALLS_IN_PROGRESS", ())}

    def begin_call(self, line: Line) -> None:
        """A call is now in progress on the extension."""
        self.calls.add(line.id)

    def end_call(self, line: Line) -> None:
        """The extension's call is over."""
        self.calls.discard(line.id)

    def line_statuses(self, tenant: Tenant, lines: Sequence[Line]) -> Mapping[int, str]:
        extensions = [line for line in lines if line.plan == "extension"]
        connected = lines_with_phones(tenant, [line.id for line in extensions])
        return {line.id: "disconnected" if line.id not in connected
                else "on_call" if line.id in self.calls or line.extension in self.demo_calls
                else "available" for line in extensions}

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
        if order.object_type == "softphone" and order.action == "create":
            # guide 003 §13: "Vous y trouverez les informations à entrer dans les paramètres
            # de compte SIP du téléphone logiciel"
            return Outcome(True, N_("SIP account created: enter its user name, server and "
                                    "password in the softphone's SIP account settings."))
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
