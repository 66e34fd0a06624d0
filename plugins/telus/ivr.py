"""TELUS auto-receptionist, "Auto-réception" (guide 002, Système téléphonique >
Paramètres de l'Auto-réception).

The company's one voice menu, on the number chosen as the auto-receptionist's number.
Company hours ("Heures ouvrables de l'entreprise": 24 hours, or open and close per day)
are a calendar: with one, the business-hours and after-hours menus each have their
greeting and keys. The greeting is the default one, spoken with the company's name, or a
custom WAV/MP3 announcement; when the caller does nothing, the call is connected to the
operator or disconnected. A key connects to an extension of the company or to a number.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    Violation,
    announcements_block,
    calendar_block,
    db,
    ivr_block,
    ivr_keys_block,
    menu_steps,
)

GUIDE = "002_6093346da80557bc.txt"
SECTION = f"{GUIDE} Gestion des appels de l'entreprise (paramètres IVR)"

BLOCKS = (
    ivr_block(guide_section=SECTION, title=N_("Auto-receptionist")),
    ivr_keys_block(guide_section=SECTION, title=N_("Company greeting and menu")),
    announcements_block(guide_section=f"{GUIDE} Message d'accueil et menu de l'entreprise",
                        title=N_("Custom greetings")),
    calendar_block(id="business-hours", feature="business_hours",
                   title=N_("Company business hours"),
                   guide_section=f"{GUIDE} Heures ouvrables de l'entreprise"),
)


def validate_ivr(*, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> list[Violation]:
    """A key's extension is one of the company's ("établir la connexion avec un poste")."""
    destination = data.get("destination")
    if destination is None or destination.kind != "extension":
        return []
    if db.session.scalar(select(Line.id).where(Line.tenant_id == tenant.id,
                                               Line.extension == destination.value)) is None:
        return [Violation(code="ivr_key.destination.unknown_extension", field="destination",
                          params={"value": destination.value},
                          message=N_("Extension %(value)s is not one of the company's."))]
    return []


def menu_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A call to the auto-receptionist's number meets the menu before anyone's phone."""
    return menu_steps(call, tenant, line, section=SECTION)
