"""Emergency calls in the call-path explainer: the address a call to 9-1-1 sends."""

from __future__ import annotations

from flask_babel import gettext

from backoffice.core.carriers import offer_of, offers
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.e911.service import FEATURE, current_location, selection_of
from backoffice.core.models import Line, Tenant


def location_steps(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """A call the line makes to one of the offer's ``emergency_numbers``: the location it
    sends, the current address, the outside option or none (the explainer then says that
    the call goes out)."""
    if not offers(tenant, FEATURE, line):
        return []
    offer = offer_of(tenant, FEATURE, line)
    limits, guide_section = offer.limits, offer.guide_section
    if call.dialled not in limits.emergency_numbers:
        return []
    where = current_location(tenant, line)
    selection = selection_of(line)
    if selection is not None and selection.outside and limits.outside_option:
        rule = gettext("Emergency call: the current location is “%(where)s”, so no address "
                       "is sent; the caller must give the location.", where=where)
    elif selection is not None and selection.address is not None:
        rule = gettext("Emergency call: emergency services receive the current address, "
                       "%(where)s.", where=where)
    else:
        rule = gettext("Emergency call: the line has no 9-1-1 address, so emergency services "
                       "receive none without the caller's help.")
        where = ""
    return [CallStep("emergency", rule, guide_section, target=where, final=True,
                     code="e911.current_address")]
