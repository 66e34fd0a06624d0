"""Core checks of forwarding changes, driven by the carrier's declared limits."""

from __future__ import annotations

from sqlalchemy import select

from backoffice.core.calendars.models import Calendar
from backoffice.core.destinations import Destination
from backoffice.core.errors import N_, Violation
from backoffice.core.forwarding.models import ForwardingNumber
from backoffice.core.limits import ForwardingLimits, RingBounds
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db


def destination_violations(tenant: Tenant, line: Line, field: str,
                           destination: Destination | None,
                           limits: ForwardingLimits) -> list[Violation]:
    """The declared destination kinds, no loop to the line itself, known extensions."""
    if destination is None:
        return []
    kinds = limits.destinations
    if destination.kind not in kinds:
        return [Violation(
            code=f"forwarding.{field}.not_offered", field=field,
            message=N_("This kind of destination is not offered here. Allowed: %(kinds)s."),
            params={"kinds": ", ".join(kinds)}, limit=kinds)]
    if destination.value and destination.value in (line.number, line.extension):
        return [Violation(
            code=f"forwarding.{field}.own_line", field=field,
            message=N_("A line cannot forward its calls to itself."))]
    if destination.kind == "extension" and limits.extensions_of_tenant and \
            db.session.scalar(select(Line.id).where(
                Line.tenant_id == tenant.id, Line.extension == destination.value)) is None:
        return [Violation(
            code=f"forwarding.{field}.unknown_extension", field=field,
            message=N_("Extension %(value)s is not an extension of this customer."),
            params={"value": destination.value})]
    if destination.kind == "number" and limits.destination_from_list and \
            saved_number(line, destination.value) is None:
        return [Violation(
            code=f"forwarding.{field}.not_in_list", field=field,
            message=N_("%(value)s is not in the line's phone-number list: add it to the list "
                       "first."), params={"value": destination.display})]
    return []


def saved_number(line: Line, number: str) -> ForwardingNumber | None:
    """The entry of the line's phone-number list holding ``number``."""
    return db.session.scalar(select(ForwardingNumber).where(
        ForwardingNumber.line_id == line.id, ForwardingNumber.number == number))


def rings_violations(field: str, value: int | None, bounds: RingBounds) -> list[Violation]:
    """A ring count inside the declared bounds."""
    if value is None or bounds.min <= value <= bounds.max:
        return []
    limit = {"min": bounds.min, "max": bounds.max}
    return [Violation(
        code=f"forwarding.{field}.out_of_range", field=field,
        message=N_("The number of rings must be between %(min)s and %(max)s."),
        params=limit, limit=limit)]


def calendar_violations(tenant: Tenant, field: str, calendar_id: int | None,
                        enabled: bool) -> list[Violation]:
    """An enabled scheduled rule needs a calendar of the same customer."""
    if calendar_id is None:
        return [Violation(
            code=f"forwarding.{field}.required", field=field,
            message=N_("Choose the calendar that decides when calls are forwarded."),
        )] if enabled else []
    if db.session.scalar(select(Calendar.id).where(
            Calendar.id == calendar_id, Calendar.tenant_id == tenant.id)) is None:
        return [Violation(code=f"forwarding.{field}.unknown", field=field,
                          message=N_("This calendar does not belong to this customer."))]
    return []


def required(field: str) -> Violation:
    """A value the enabled option cannot do without."""
    return Violation(code=f"forwarding.{field}.required", field=field,
                     message=N_("Required when this option is on."))
