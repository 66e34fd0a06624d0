"""TELUS users and company numbers (guide 002, "Utilisateurs", "Info sur l'utilisateur",
"Super administrateur"; "Numéros de l'entreprise", "Postes directs").

Users: "Pour attribuer un poste à un utilisateur : [...] Cliquez sur l'onglet Postes non
attribués [...] Inscrivez les coordonnées d'un utilisateur : prénom, nom, service et
adresse courriel [...] Sauvegarder et activer. Le numéro migrera vers l'onglet Utilisateurs
ayant un poste." A user holds one "Utilisateur avec poste" extension. The user of the
super administrator's extension (101) "ne peut être supprimé" and keeps that extension.

Numbers: "Cliquez sur Attribués [...] Non attribués"; an assigned number is routed,
"acheminés à l'Auto-réception ou à Sélectionnez un poste".
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext

from backoffice.plugin import (
    N_,
    FeatureOffer,
    Line,
    NumberLimits,
    Tenant,
    TenantUser,
    UserLimits,
    Violation,
    company_numbers_block,
    register_codes,
    users_block,
)
from plugins.telus.roles import KEPT, super_admin_extension

GUIDE = "002_6093346da80557bc.txt"
USERS_SECTION = f"{GUIDE} Utilisateurs > Info sur l'utilisateur"
NUMBERS_SECTION = f"{GUIDE} Numéros de l'entreprise > Postes directs"

register_codes({
    "user.<field>.locked": N_("The super administrator stays the user of their extension "
                              "and is not deleted."),
})

USERS_OFFER = FeatureOffer("users", "tenant", (), UserLimits(
    department=True,  # "prénom, nom, service et adresse courriel"
    line_plans=("user",),  # "Utilisateurs ayant un poste"
), USERS_SECTION)
NUMBERS_OFFER = FeatureOffer("company_numbers", "tenant", (), NumberLimits(
    routes=("ivr", "extension"),  # "acheminés à l'Auto-réception ou à Sélectionnez un poste"
), NUMBERS_SECTION)
def kept(user: TenantUser) -> str | None:
    """Why the super administrator's user cannot be deleted (the page disables Delete)."""
    extension = super_admin_extension(user.tenant)
    if user.extension != extension:
        return None
    return gettext(KEPT, extension=extension)


USERS_BLOCK = users_block(guide_section=USERS_SECTION, removable=kept)
NUMBERS_BLOCK = company_numbers_block(guide_section=NUMBERS_SECTION,
                                      title=N_("Company numbers"))
BLOCKS = (USERS_BLOCK, NUMBERS_BLOCK)


def validate_user(*, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> list[Violation]:
    """The super administrator keeps extension 101 (``line`` is the one the user holds)."""
    extension = super_admin_extension(tenant)
    if line is None or line.extension != extension or "extension" not in data:
        return []
    if data["extension"] != extension:
        return [Violation(code="user.extension.locked", field="extension", message=KEPT,
                          params={"extension": extension})]
    return []


def validate_user_removal(*, tenant: Tenant, line: Line | None,
                          data: dict[str, Any]) -> list[Violation]:
    """The super administrator cannot be deleted."""
    extension = super_admin_extension(tenant)
    if line is None or line.extension != extension:
        return []
    return [Violation(code="user.item.locked", field="", message=KEPT,
                      params={"extension": extension})]
