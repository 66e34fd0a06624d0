"""Calendars: create, change, delete (only when unused), through the change pipeline.

A carrier offers calendars under some feature (``calendars``, ``business_hours``...) whose
limits may say ``closures_repeat_yearly`` (closures come back on the same date every year)
and ``holidays`` (``{"country": ..., "subdiv": ...}`` for the public-holiday prefill; the
carrier's country by default).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays
from flask_babel import gettext
from marshmallow import Schema
from sqlalchemy import select

from backoffice.core.blocks import CollectionBlock
from backoffice.core.calendars.hours import Closure
from backoffice.core.calendars.models import Calendar
from backoffice.core.calendars.schemas import CalendarSchema
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, apply_change
from backoffice.core.errors import N_, Violation
from backoffice.core.forwarding.models import Forwarding, ForwardingRule
from backoffice.core.limits import CalendarLimits
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import national
from backoffice.extensions import db

IN_USE = N_("The calendar “%(name)s” cannot be deleted: the forwarding of these lines uses "
            "it: %(uses)s.")


def calendar_schema(tenant: Tenant) -> CalendarSchema:
    return CalendarSchema()


def calendars_of(tenant: Tenant) -> list[Calendar]:
    return list(db.session.scalars(
        select(Calendar).where(Calendar.tenant_id == tenant.id).order_by(Calendar.name)))


def find_calendar(tenant: Tenant, calendar_id: int) -> Calendar | None:
    return db.session.scalar(select(Calendar).where(
        Calendar.id == calendar_id, Calendar.tenant_id == tenant.id))


def line_words(line: Line) -> str:
    """A line as an agent finds it: its number (or extension) and its name."""
    text = national(line.number) or line.extension or str(line.id)
    return text + (f" ({line.display_name})" if line.display_name else "")


def forwarding_uses(calendar: Calendar) -> list[str]:
    """The lines whose forwarding uses the calendar."""
    rows = db.session.scalars(
        select(Line)
        .join(Forwarding, Forwarding.line_id == Line.id)
        .join(ForwardingRule, ForwardingRule.forwarding_id == Forwarding.id)
        .where(ForwardingRule.calendar_id == calendar.id).order_by(Line.id))
    uses: list[str] = []
    for line in rows:
        text = line_words(line)
        if text not in uses:
            uses.append(text)
    return uses


@dataclass(frozen=True)
class CalendarUser:
    """Something that uses calendars and so keeps one from being deleted.

    ``uses(calendar)`` lists the users of one calendar in words (a line, a menu...);
    ``message`` is the refusal, with ``%(name)s`` (the calendar) and ``%(uses)s``.
    """

    message: str
    uses: Callable[[Calendar], list[str]]


CALENDAR_USERS: list[CalendarUser] = [CalendarUser(IN_USE, forwarding_uses)]
"""Every feature whose objects use calendars; a feature adds itself with
:func:`register_calendar_user` when its module is imported."""


def register_calendar_user(user: CalendarUser) -> CalendarUser:
    """Make ``user``'s uses keep a calendar from being deleted (idempotent)."""
    if user not in CALENDAR_USERS:
        CALENDAR_USERS.append(user)
    return user


def calendar_uses(calendar: Calendar) -> list[str]:
    """Everything that uses the calendar, in words, every registered user's together."""
    return [use for user in CALENDAR_USERS for use in user.uses(calendar)]


def _in_use(calendar: Calendar) -> list[Violation]:
    found = []
    for user in CALENDAR_USERS:
        uses = user.uses(calendar)
        if uses:
            found.append(Violation(
                code="calendar.name.in_use", field="name", limit=uses,
                params={"name": calendar.name, "uses": "; ".join(uses)},
                message=user.message))
    return found


def _checks(tenant: Tenant, calendar: Calendar | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        found = []
        name = data.get("name")
        if name is not None:
            query = select(Calendar.id).where(Calendar.tenant_id == tenant.id,
                                              Calendar.name == name)
            if calendar is not None:
                query = query.where(Calendar.id != calendar.id)
            if db.session.scalar(query) is not None:
                found.append(Violation(
                    code="calendar.name.duplicate", field="name", params={"value": name},
                    message=N_("A calendar named “%(value)s” already exists for this customer.")))
        line_id = data.get("line_id")
        if line_id is not None and db.session.scalar(select(Line.id).where(
                Line.id == line_id, Line.tenant_id == tenant.id)) is None:
            found.append(Violation(code="calendar.line_id.unknown", field="line_id",
                                   message=N_("This line does not belong to this customer.")))
        return found
    return check


def public_holidays(tenant: Tenant, limits: CalendarLimits, *, yearly: bool) -> list[Closure]:
    """The public holidays of the coming year, as closure days (from the holidays package).

    Yearly closures come back on the same date, so only the next occurrence of each holiday
    is given; otherwise the rest of this year's holidays and next year's.
    """
    spec = limits.holidays
    country = spec.country if spec else carrier_country(tenant)
    today = datetime.now(ZoneInfo(tenant.timezone)).date()
    calendar = holidays.country_holidays(country, subdiv=spec.subdiv if spec else None,
                                         years=[today.year, today.year + 1])
    if yearly:
        days = sorted(day for day in calendar if today <= day < today + timedelta(days=365))
    else:
        days = sorted(day for day in calendar if day >= today)
    return [Closure(day, day) for day in days]


def create_calendar(tenant: Tenant, data: dict[str, Any], *, feature: str) -> Calendar:
    """Add a calendar to the tenant (from the calendar list or on the fly from a service)."""
    limits = offer_of(tenant, feature).limits

    def persist(clean: dict[str, Any]) -> Calendar:
        yearly = limits.closures_repeat_yearly
        closures = list(clean.get("closures") or [])
        if clean.get("prefill_holidays"):
            closures += [day for day in public_holidays(tenant, limits, yearly=yearly)
                         if day not in closures]
        calendar = Calendar(
            tenant_id=tenant.id, line_id=clean.get("line_id"), name=clean["name"],
            timezone=clean.get("timezone") or tenant.timezone, closures_yearly=yearly,
            hours=[d.as_dict() for d in clean["hours"]],
            closures=[c.as_dict() for c in closures])
        db.session.add(calendar)
        return calendar

    return apply_change(Change(
        tenant=tenant, object_type="calendar", action="create", data=data,
        schema=calendar_schema(tenant), persist=persist, feature=feature,
        checks=[_checks(tenant, None)]))


def update_calendar(calendar: Calendar, data: dict[str, Any], *, feature: str) -> Calendar:
    """Rename a calendar or change its hours and closures (only the fields given)."""
    tenant = db.session.get(Tenant, calendar.tenant_id)

    def persist(clean: dict[str, Any]) -> Calendar:
        for name in ("name", "line_id"):
            if name in clean:
                setattr(calendar, name, clean[name])
        if clean.get("timezone"):
            calendar.timezone = clean["timezone"]
        if "hours" in clean:
            calendar.hours = [d.as_dict() for d in clean["hours"]]
        closures = list(clean["closures"]) if "closures" in clean else calendar.closure_list
        if clean.get("prefill_holidays"):
            closures += [day for day in public_holidays(
                tenant, offer_of(tenant, feature).limits,
                yearly=calendar.closures_yearly) if day not in closures]
        calendar.closures = [c.as_dict() for c in closures]
        return calendar

    return apply_change(Change(
        tenant=tenant, object_type="calendar", action="update", data=data,
        schema=calendar_schema(tenant), persist=persist, target=calendar, feature=feature,
        checks=[_checks(tenant, calendar)]))


def delete_calendar(calendar: Calendar, *, feature: str) -> Calendar:
    """Delete a calendar that nothing uses; the refusal says where it is used."""
    tenant = db.session.get(Tenant, calendar.tenant_id)

    def check(data: dict[str, Any]) -> list[Violation]:
        return _in_use(calendar)

    def persist(clean: dict[str, Any]) -> Calendar:
        db.session.delete(calendar)
        return calendar

    return apply_change(Change(
        tenant=tenant, object_type="calendar", action="delete", data={}, schema=Schema(),
        persist=persist, target=calendar, feature=feature, checks=[check]))


def why_not_removable(calendar: Calendar) -> str | None:
    """The reason the delete control is disabled, or ``None``."""
    reasons = [gettext(v.message, **v.params) for v in _in_use(calendar)]
    return " ".join(reasons) or None


def calendar_block(*, id: str, feature: str, title: str, guide_section: str = "",
                   ) -> CollectionBlock:
    """The tenant's calendars as a collection block of ``feature``."""
    return CollectionBlock(
        id=id, feature=feature, title=title, guide_section=guide_section,
        schema=calendar_schema,
        items=lambda tenant, line: calendars_of(tenant),
        find=lambda tenant, line, item_id: find_calendar(tenant, item_id),
        add=lambda tenant, line, data: create_calendar(tenant, data, feature=feature),
        change=lambda item, data: update_calendar(item, data, feature=feature),
        remove=lambda item: delete_calendar(item, feature=feature),
        removable=why_not_removable, describe=lambda item: item.name)
