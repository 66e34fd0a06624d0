"""TELUS international calling and outbound caller ID (guide 002, "Appels internationaux",
"Utilisateurs > Affichage des appels sortants", "Rôles prédéfinis").

International calls are switched for the whole company (off until activated), then per
country (every country on once activated); a user's role also says whether they dial
internationally (Standard: "sans composition internationale"). The outbound caller ID of a
user shows the line's number or another of the company's numbers.

Readings chosen: the roles that name "la composition internationale" (super administrator,
billing and user administrators, manager, standard international) may dial abroad; the
phone system administrator's role does not name it, so it may not; calls to the United
States are long distance, not international.
"""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import select

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    Tenant,
    call_permissions_block,
    caller_id_block,
    db,
    offers,
    permission_steps,
    reach,
)
from plugins.telus import roles

GUIDE = "002_6093346da80557bc.txt"
INTERNATIONAL = f"{GUIDE} Appels internationaux"
CALLER_ID = f"{GUIDE} Utilisateurs > Affichage des appels sortants"
INTERNATIONAL_ROLES = ("super_admin", "billing_admin", "user_admin", "manager",
                       "standard_international")

BLOCKS = (
    call_permissions_block(guide_section=INTERNATIONAL, title=N_("International calls"),
                           block_id="international-calls"),
    caller_id_block(guide_section=CALLER_ID, title=N_("Outbound caller ID")),
)


def international_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """The user's role, then the company's switches: global, then the country's."""
    if not call.dialled or reach(tenant, line, call.dialled).kind != "international":
        return []
    if offers(tenant, "roles", line):
        role = roles.read_role(tenant, line)["role"]
        if role not in INTERNATIONAL_ROLES:
            return [CallStep("reject", gettext(
                "The user's role “%(role)s” has no international dialling: the call does "
                "not go out.", role=gettext(roles.LABELS[role])),
                roles.GUIDE_SECTION, final=True, code="telus.roles.international")]
    return permission_steps(call=call, tenant=tenant, line=line, guide_section=INTERNATIONAL)


def load_demo(factory, tenant: Tenant) -> None:
    """International calls activated, except to Mexico; Olivier's outgoing calls show the
    customer-support queue's number. Skipped once set."""
    lines = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    international, caller_id = BLOCKS
    olivier, queue = lines.get("102"), lines.get("200")
    if olivier is None or queue is None:
        return
    if international.read(tenant, olivier)["version"] is None:
        international.write(tenant, olivier, {"enabled": True, "blocked_countries": ["MX"]})
        factory.created += 1
    if caller_id.read(tenant, olivier)["version"] is None:
        caller_id.write(tenant, olivier, {"mode": "alternate", "number": queue.number})
        factory.created += 1
