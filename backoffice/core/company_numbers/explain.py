"""The call-path explainer for a call to one of the company's numbers (guide 002 "Numéros de
l'entreprise", "Postes directs": "les appels à ce numéro seront acheminés à
l'Auto-réception ou à Sélectionnez un poste").

The first step says where the number routes the call; then the call follows the path of a
call to the auto-receptionist's number, or to the extension's line, as the line explainer
walks it. An unassigned number, an auto-receptionist without a number or an extension no
line holds any longer ends the call there.
"""

from __future__ import annotations

from flask_babel import gettext
from sqlalchemy import select

from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.company_numbers.models import CompanyNumber
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.explainer import explain_call
from backoffice.core.ivr.menus import ivr_of
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import for_display
from backoffice.extensions import db

FEATURE = "company_numbers"


def routed_line(tenant: Tenant, item: CompanyNumber) -> Line | None:
    """The line a call to ``item`` reaches: the auto-receptionist's, or the extension's."""
    if item.route == "ivr":
        ivr = ivr_of(tenant, None)
        return db.session.get(Line, ivr.line_id) if ivr is not None and ivr.line_id else None
    if item.route == "extension" and item.extension:
        return db.session.scalar(select(Line).where(Line.tenant_id == tenant.id,
                                                    Line.extension == item.extension))
    return None


def explain_number_call(tenant: Tenant, item: CompanyNumber,
                        call: CallContext) -> list[CallStep]:
    """The ordered steps of an incoming ``call`` to the company number ``item``: its
    routing, then the steps of a call to the line it routes to."""
    section = offer_of(tenant, FEATURE, scope="tenant").guide_section
    number = for_display(item.number, carrier_country(tenant))
    line = routed_line(tenant, item)
    if item.route == "ivr":
        if line is None:
            return [CallStep("unreachable", gettext(
                "Calls to %(number)s go to the auto-receptionist, which has no number yet: "
                "nothing answers the call.", number=number), section, final=True,
                code="company_number.ivr.missing")]
        routing = CallStep("forward", gettext(
            "Calls to %(number)s are routed to the auto-receptionist, on %(line)s: the call "
            "follows its path.", number=number, line=_line_words(line)), section,
            target=line.number or line.extension or "", code="company_number.ivr")
    elif item.route == "extension":
        if line is None:
            return [CallStep("unreachable", gettext(
                "Calls to %(number)s are routed to extension %(extension)s, which no line "
                "holds: nothing answers the call.", number=number, extension=item.extension),
                section, final=True, code="company_number.extension.unknown")]
        routing = CallStep("forward", gettext(
            "Calls to %(number)s are routed to extension %(extension)s: the call follows the "
            "path of a call to that extension.", number=number, extension=item.extension),
            section, target=item.extension or "", code="company_number.extension")
    else:
        return [CallStep("unreachable", gettext(
            "%(number)s is not assigned: its calls go nowhere.", number=number), section,
            final=True, code="company_number.unassigned")]
    return [routing, *explain_call(tenant, line, call)]


def _line_words(line: Line) -> str:
    number = for_display(line.number, carrier_country(line.tenant)) if line.number else ""
    return number or gettext("extension %(extension)s", extension=line.extension)
