"""Cooptel: creating and deleting an extension (guide 003 §11.1 "Créer un nouveau poste
téléphonique", §11.2 "Supprimer un poste téléphonique"), and the company's users.

§11.1: "Entrer un numéro de poste [...] ou cliquer sur un numéro de poste proposé par le
système" (the form proposes free extensions; the reserved ones are refused, "Poste
invalide"); "vous pouvez décider d'attribuer une boîte vocale au poste et/ou de le lister
dans l'annuaire de l'entreprise"; then "Créer un nouvel utilisateur" (prénom, nom,
courriel, which "ne pourra être modifiée ultérieurement"), "Attribuer à un utilisateur
existant" ("Les informations de l'utilisateur sélectionné [...] seront utilisées pour le
nouveau poste") or "Gérée par l'administrateur".
§11.2: "Le message «Êtes-vous sûr de vouloir supprimer le poste XX» apparaitra [...]
Oui, supprimer".

Readings chosen: the two options are unticked until the agent ticks them ("vous devez
sélectionner l'option désirée"); the system proposes the first five free extensions.
"""

from __future__ import annotations

from typing import Any

from marshmallow import fields

from backoffice.plugin import (
    N_,
    FeatureOffer,
    Line,
    Tenant,
    UserLimits,
    assigned_lines_block,
    users_block,
)
from plugins.cooptel import extension_settings, voicemail

GUIDE = "003_1f8630d8cbff8d99.txt"
CREATE = f"{GUIDE} §11.1"
DELETE = f"{GUIDE} §11.2"

OFFER = FeatureOffer("users", "tenant", (), UserLimits(
    email_set_once=True,  # "ne pourra être modifiée ultérieurement"
    line_plans=("extension",),
    proposed_extensions=5,  # "un numéro de poste proposé par le système"
), CREATE)


def options() -> dict[str, fields.Field]:
    """"attribuer une boîte vocale au poste et/ou de le lister dans l'annuaire"."""
    return {
        "voicemail": fields.Boolean(load_default=False, load_only=True, metadata={
            "label": N_("Give the extension a voicemail box")}),
        "directory": fields.Boolean(load_default=False, load_only=True, metadata={
            "label": N_("List it in the company directory")}),
    }


def apply_options(tenant: Tenant, line: Line, chosen: dict[str, Any]) -> None:
    """The mailbox (§3.1) and the directory listing (§9.2) as chosen, each its own change."""
    if chosen.get("voicemail"):
        voicemail.BLOCK.write(tenant, line, {"enabled": True})
    extension_settings.ADMIN_BLOCK.write(tenant, line,
                                         {"directory": bool(chosen.get("directory"))})


EXTENSIONS_BLOCK = assigned_lines_block(
    plan="extension", guide_section=CREATE, block_id="extensions",
    title=N_("Create or delete an extension"), options=options,
    apply_options=apply_options,
    removal_question=N_("Are you sure you want to delete extension %(item)s?"))
USERS_BLOCK = users_block(guide_section=CREATE)
BLOCKS = (EXTENSIONS_BLOCK, USERS_BLOCK)
