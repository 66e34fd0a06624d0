"""A voice menu's settings (guide 004 §3.5, §5.2.1, §8.1; guide 002 "Paramètres de
l'Auto-réception").

The menu of a line (a carrier whose ``ivr`` offer is line-scoped: lines of an interactive
voice response plan) or the customer's one menu (a tenant-wide offer: an auto-receptionist,
whose number is one of the customer's lines). The carrier's
``IvrLimits`` decide which fields the form has: a calendar and closed-hours greeting
(``closed_menu``), what happens without a key (``no_input``), an internal number, and
whether a greeting is required to switch the menu on (no ``default_greeting``).
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate
from sqlalchemy import select

from backoffice.core.blocks import SettingsBlock
from backoffice.core.calendars.models import Calendar
from backoffice.core.calendars.service import CalendarUser, line_words, register_calendar_user
from backoffice.core.carriers import offer_of, registry
from backoffice.core.changes import Change, apply_change
from backoffice.core.errors import N_, NotOffered, Violation
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.ivr.announcements import (
    AnnouncementUser,
    announcement_choices,
    register_announcement_user,
)
from backoffice.core.ivr.models import Announcement, Ivr, IvrKey
from backoffice.core.limits import IvrLimits
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

FEATURE = "ivr"
OBJECT_TYPE = "ivr"
NO_INPUT_LABELS = {"operator": N_("Connect to the operator"), "disconnect": N_("Disconnect")}


def ivr_limits(tenant: Any) -> IvrLimits:
    offer = registry()[tenant.carrier_id].offer(FEATURE)
    return offer.limits if offer is not None else IvrLimits()


def _tenant_wide(tenant: Any) -> bool:
    offer = registry()[tenant.carrier_id].offer(FEATURE)
    return offer is not None and offer.scope == "tenant"


def _calendar_choices(tenant: Any) -> list[tuple[int, str]]:
    if not isinstance(tenant, Tenant):
        return []
    return [(calendar.id, calendar.name) for calendar in db.session.scalars(
        select(Calendar).where(Calendar.tenant_id == tenant.id).order_by(Calendar.name))]


def _number_choices(tenant: Any) -> list[tuple[int, str]]:
    if not isinstance(tenant, Tenant):
        return []
    return [(line.id, line_words(line)) for line in tenant.lines if line.number]


def ivr_schema(tenant: Any) -> Schema:
    """The settings form of the carrier's menu: only the fields its limits offer."""
    limits = ivr_limits(tenant)
    greeting_help = (N_("Leave empty for the default greeting, spoken with the company's name.")
                     if limits.default_greeting else
                     N_("Required to switch the menu on: there is no default greeting."))
    declared: dict[str, Any] = {
        "enabled": fields.Boolean(load_default=False, metadata={"label": N_("Voice menu on")}),
    }
    if _tenant_wide(tenant):
        declared["line_id"] = fields.Integer(load_default=None, allow_none=True, metadata={
            "label": N_("Number of the voice menu"), "choices": _number_choices})
    if limits.internal_number:
        declared["internal_number"] = fields.String(
            load_default=None, allow_none=True, validate=validate.Regexp(
                r"^[0-9]{2,10}$", error=_l("Digits only, 2 to 10 of them.")),
            metadata={"label": N_("Internal number")})
    if limits.closed_menu:
        declared["calendar_id"] = fields.Integer(load_default=None, allow_none=True, metadata={
            "label": N_("Calendar"), "choices": _calendar_choices,
            "help": N_("None: the same menu 24/7.")})
    declared["open_greeting_id"] = fields.Integer(load_default=None, allow_none=True, metadata={
        "label": N_("Greeting") if not limits.closed_menu else N_("Greeting, open hours"),
        "choices": announcement_choices, "help": greeting_help})
    if limits.closed_menu:
        declared["closed_greeting_id"] = fields.Integer(
            load_default=None, allow_none=True, metadata={
                "label": N_("Greeting, closed hours"), "choices": announcement_choices})
    if limits.no_input:
        declared["no_input"] = fields.String(
            required=True, validate=validate.OneOf(
                list(limits.no_input), error=_l("Choose one of: {choices}.")),
            metadata={"label": N_("If the caller presses nothing"),
                      "choice_labels": {k: NO_INPUT_LABELS[k] for k in limits.no_input}})
    declared["version"] = fields.Integer(dump_only=True)
    name = "".join(part.capitalize() for part in getattr(tenant, "carrier_id", "").split("_"))
    return type(f"{name}IvrSchema", (SettingsSchema,), declared)()


def ivr_of(tenant: Tenant, line: Line | None) -> Ivr | None:
    """The menu of ``line`` (line-scoped offer) or the tenant's menu (tenant-wide offer)."""
    if line is not None and not _tenant_wide(tenant):
        return db.session.scalar(select(Ivr).where(Ivr.line_id == line.id))
    return db.session.scalar(select(Ivr).where(Ivr.tenant_id == tenant.id).order_by(Ivr.id))


def ivr_answering(line: Line) -> Ivr | None:
    """The menu that answers the calls of ``line``, if any."""
    return db.session.scalar(select(Ivr).where(Ivr.line_id == line.id))


def _offer(tenant: Tenant, line: Line | None) -> None:
    if _tenant_wide(tenant):
        offer_of(tenant, FEATURE, scope="tenant")
    else:
        if line is None:
            raise NotOffered(registry()[tenant.carrier_id].carrier.name, FEATURE)
        offer_of(tenant, FEATURE, line)


def read_ivr(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    _offer(tenant, line)
    ivr = ivr_of(tenant, line)
    schema = ivr_schema(tenant)
    if ivr is None:
        values = {name: None for name in schema.fields}
        values.update(enabled=False, version=0)
        if "no_input" in values:
            values["no_input"] = ivr_limits(tenant).no_input[0]
        return schema.dump(values)
    return schema.dump(ivr)


def _announcement(tenant: Tenant, announcement_id: int | None) -> Announcement | None:
    if announcement_id is None:
        return None
    return db.session.scalar(select(Announcement).where(
        Announcement.id == announcement_id, Announcement.tenant_id == tenant.id))


def greeting_checks(tenant: Tenant, site_id: int | None, field: str,
                    announcement_id: int | None, object_type: str) -> list[Violation]:
    """An announcement of the customer's, of the menu's site where they are kept per site."""
    if announcement_id is None:
        return []
    item = _announcement(tenant, announcement_id)
    if item is None:
        return [Violation(code=f"{object_type}.{field}.unknown", field=field,
                          message=N_("This announcement does not belong to this customer."))]
    if item.site_id is not None and site_id is not None and item.site_id != site_id:
        return [Violation(code=f"{object_type}.{field}.other_site", field=field,
                          params={"value": item.name},
                          message=N_("The announcement “%(value)s” is kept on another site: "
                                     "a menu plays the announcements of its own site."))]
    return []


def _checks(tenant: Tenant, line: Line | None):
    limits = ivr_limits(tenant)

    def check(data: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        menu_line = line
        if "line_id" in data and data["line_id"] is not None:
            menu_line = db.session.scalar(select(Line).where(
                Line.id == data["line_id"], Line.tenant_id == tenant.id))
            if menu_line is None or not menu_line.number:
                found.append(Violation(
                    code="ivr.line_id.unknown", field="line_id",
                    message=N_("Choose a number of this customer's for the voice menu.")))
                menu_line = None
        site_id = menu_line.site_id if menu_line is not None else None
        for name in ("open_greeting_id", "closed_greeting_id"):
            found.extend(greeting_checks(tenant, site_id, name, data.get(name), "ivr"))
        calendar_id = data.get("calendar_id")
        if calendar_id is not None and db.session.scalar(select(Calendar.id).where(
                Calendar.id == calendar_id, Calendar.tenant_id == tenant.id)) is None:
            found.append(Violation(code="ivr.calendar_id.unknown", field="calendar_id",
                                   message=N_("This calendar does not belong to this customer.")))
        if data.get("enabled") and not limits.default_greeting:
            if data.get("open_greeting_id") is None:
                found.append(Violation(
                    code="ivr.open_greeting_id.required", field="open_greeting_id",
                    message=N_("A voice menu needs at least one greeting, which tells the "
                               "caller which key to press: there is no default greeting.")))
            if calendar_id is not None and data.get("closed_greeting_id") is None:
                found.append(Violation(
                    code="ivr.closed_greeting_id.required", field="closed_greeting_id",
                    message=N_("With a calendar, the menu needs a second greeting for the "
                               "closed hours.")))
        return found
    return check


def write_ivr(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> Ivr:
    """Save the menu's switches and greetings, through the pipeline."""
    _offer(tenant, line)
    existing = ivr_of(tenant, line)
    tenant_wide = _tenant_wide(tenant)

    def persist(clean: dict[str, Any]) -> Ivr:
        ivr = existing or Ivr(tenant_id=tenant.id, line_id=None if tenant_wide else line.id)
        for name, value in clean.items():
            setattr(ivr, name, value)
        db.session.add(ivr)
        return ivr

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update" if existing else "create",
        data=raw, schema=ivr_schema(tenant), persist=persist, target=existing,
        feature=FEATURE, line=None if tenant_wide else line, checks=[_checks(tenant, line)]))


def ivr_block(*, guide_section: str, title: str = N_("Voice menu"),
              block_id: str = "ivr") -> SettingsBlock:
    """The menu's switch, number, calendar, greetings and what happens without a key."""
    return SettingsBlock(id=block_id, feature=FEATURE, title=title, schema=ivr_schema,
                         read=read_ivr, write=write_ivr, guide_section=guide_section)


def menu_words(ivr: Ivr) -> str:
    """A menu as an agent finds it: the line it answers (number and name)."""
    line = db.session.get(Line, ivr.line_id) if ivr.line_id else None
    return line_words(line) if line is not None else gettext("(no number)")


def _menus_using_calendar(calendar: Calendar) -> list[str]:
    return [menu_words(ivr) for ivr in db.session.scalars(
        select(Ivr).where(Ivr.calendar_id == calendar.id).order_by(Ivr.id))]


def _menus_using_announcement(announcement: Announcement) -> list[str]:
    direct = select(Ivr.id).where((Ivr.open_greeting_id == announcement.id)
                                  | (Ivr.closed_greeting_id == announcement.id))
    by_key = select(IvrKey.ivr_id).where(IvrKey.greeting_id == announcement.id)
    menus = db.session.scalars(select(Ivr).where(
        Ivr.id.in_(direct.union(by_key).scalar_subquery())).order_by(Ivr.id))
    return [gettext("the voice menu %(menu)s", menu=menu_words(ivr)) for ivr in menus]


register_calendar_user(CalendarUser(
    N_("The calendar “%(name)s” cannot be deleted: these voice menus use it: %(uses)s."),
    _menus_using_calendar))
register_announcement_user(AnnouncementUser(_menus_using_announcement))
