"""SFR user-line announcements (guide 004 §6.10 "Annonce d'accueil utilisateur", §6.11
"Annonce de mise en attente utilisateur", §6.12 "Annonce de double appel", §4.4).

The greeting is off when a line is created; turned on, it is "Accueil par défaut" in
non-interruptible mode without a calendar, unless a custom recording replaces it; with a
calendar it plays only during the calendar's open hours. The hold and double-call
announcements are the predefined ones, on by default. A new recording replaces the
previous one, which is lost. In a call's path, the greeting plays before the line rings
(non-interruptible) or while it rings (interruptible); with call waiting, what a second
caller hears follows the table of §6.7.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext
from marshmallow import fields
from sqlalchemy import ForeignKey, select
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.plugin import (
    N_,
    AudioField,
    AudioLimits,
    Calendar,
    CalendarUser,
    CallContext,
    CallStep,
    Change,
    Line,
    SettingsBlock,
    SettingsSchema,
    Tenant,
    TenantOwned,
    Versioned,
    Violation,
    apply_change,
    audio_checks,
    calendars_of,
    db,
    national,
    offer_of,
    register_calendar_user,
    said,
)

GUIDE = "004_1c65287363dc7b18.txt"
GREETING_SECTION = f"{GUIDE} §6.10"
CALL_WAITING_SECTION = f"{GUIDE} §6.7"
FEATURE = "line_announcements"
USE = f"{FEATURE}.audio"
KINDS = ("greeting", "hold", "double_call")


@dataclass(frozen=True)
class LineAnnouncementLimits:
    """SFR's own limits of a user line's announcements (§4.4)."""

    audio: AudioLimits = said(
        N_("A line's announcement lasts at most %(max_seconds)s seconds and weighs at most "
           "%(max_bytes)s bytes."))
    """The recordings accepted for the greeting, hold and double-call announcements."""

    def check(self, plans: tuple[str, ...]) -> None:
        self.audio.check("audio")


class SfrLineAnnouncements(TenantOwned, Versioned, db.Model):
    """A line's greeting, hold and double-call announcements (no row: the defaults)."""

    __tablename__ = "sfr_line_announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), index=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("line.id"), unique=True)
    greeting_enabled: Mapped[bool] = mapped_column(default=False)
    greeting_audio_id: Mapped[int | None] = mapped_column(ForeignKey("audio_file.id"))
    greeting_interruptible: Mapped[bool] = mapped_column(default=False)
    greeting_calendar_id: Mapped[int | None] = mapped_column(ForeignKey("calendar.id"),
                                                             index=True)
    hold_enabled: Mapped[bool] = mapped_column(default=True)
    hold_audio_id: Mapped[int | None] = mapped_column(ForeignKey("audio_file.id"))
    double_call_enabled: Mapped[bool] = mapped_column(default=True)
    double_call_audio_id: Mapped[int | None] = mapped_column(ForeignKey("audio_file.id"))


DEFAULTS = {"greeting_enabled": False, "greeting_audio_id": None,
            "greeting_interruptible": False, "greeting_calendar_id": None,
            "hold_enabled": True, "hold_audio_id": None,
            "double_call_enabled": True, "double_call_audio_id": None}


def _calendar_choices(tenant: Any) -> list[tuple[int, str]]:
    return [(c.id, c.name) for c in calendars_of(tenant)] if isinstance(tenant, Tenant) else []


class SfrLineAnnouncementsSchema(SettingsSchema):
    greeting_enabled = fields.Boolean(load_default=False, metadata={
        "label": N_("Greeting"), "group": N_("Greeting")})
    greeting_audio_id = AudioField(use=USE, load_default=None, metadata={
        "label": N_("Recording"), "help": N_("None: “Accueil par défaut”."),
        "group": N_("Greeting")})
    greeting_interruptible = fields.Boolean(load_default=False, metadata={
        "label": N_("Interruptible mode"), "group": N_("Greeting"),
        "help": N_("The line rings while the caller hears the greeting, and the user may "
                   "answer before its end.")})
    greeting_calendar_id = fields.Integer(load_default=None, allow_none=True, metadata={
        "label": N_("Calendar"), "help": N_("None: always."), "choices": _calendar_choices,
        "group": N_("Greeting")})
    hold_enabled = fields.Boolean(load_default=False, metadata={
        "label": N_("Hold announcement"), "group": N_("Hold")})
    hold_audio_id = AudioField(use=USE, load_default=None, metadata={
        "label": N_("Recording"), "help": N_("None: “Mise en attente prédéfinie”."),
        "group": N_("Hold")})
    double_call_enabled = fields.Boolean(load_default=False, metadata={
        "label": N_("Double-call announcement"), "group": N_("Double call")})
    double_call_audio_id = AudioField(use=USE, load_default=None, metadata={
        "label": N_("Recording"), "help": N_("None: “Double appel prédéfini”."),
        "group": N_("Double call")})
    version = fields.Integer(dump_only=True)


def _setting(line: Line) -> SfrLineAnnouncements | None:
    return db.session.scalar(select(SfrLineAnnouncements).where(
        SfrLineAnnouncements.line_id == line.id))


def announcements_of(line: Line) -> dict[str, Any]:
    """The line's announcements: its saved ones, or the defaults of §6.10-§6.12."""
    setting = _setting(line)
    if setting is None:
        return {**DEFAULTS, "version": 0}
    return {**{name: getattr(setting, name) for name in DEFAULTS}, "version": setting.version}


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    assert line is not None
    offer_of(tenant, FEATURE, line)
    return SfrLineAnnouncementsSchema().dump(announcements_of(line))


def _checks(tenant: Tenant):
    limits = offer_of(tenant, FEATURE).limits.audio

    def check(data: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        for kind in KINDS:
            found.extend(audio_checks(tenant, data.get(f"{kind}_audio_id"), limits,
                                      object_type="line_announcements",
                                      field=f"{kind}_audio_id"))
        calendar_id = data.get("greeting_calendar_id")
        if calendar_id is not None and calendar_id not in {c.id for c in calendars_of(tenant)}:
            found.append(Violation(
                code="line_announcements.greeting_calendar_id.unknown",
                field="greeting_calendar_id",
                message=N_("This calendar does not belong to this customer.")))
        return found
    return check


def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> SfrLineAnnouncements:
    """Save the line's announcements; a new recording replaces the previous one."""
    assert line is not None
    offer_of(tenant, FEATURE, line)
    existing = _setting(line)

    def persist(clean: dict[str, Any]) -> SfrLineAnnouncements:
        setting = existing or SfrLineAnnouncements(tenant_id=tenant.id, line_id=line.id)
        for name, value in clean.items():
            setattr(setting, name, value)
        db.session.add(setting)
        return setting

    return apply_change(Change(
        tenant=tenant, object_type="line_announcements",
        action="update" if existing else "create", data=raw,
        schema=SfrLineAnnouncementsSchema(), persist=persist, target=existing,
        feature=FEATURE, line=line, checks=[_checks(tenant)]))


BLOCK = SettingsBlock(id="announcements-line", feature=FEATURE, title=N_("Announcements"),
                      schema=lambda tenant: SfrLineAnnouncementsSchema(), read=read,
                      write=write, guide_section=f"{GUIDE} §6.10, §6.11, §6.12")


def _greeting_name(values: dict[str, Any]) -> str:
    if values["greeting_audio_id"] is None:
        return gettext("the greeting “Accueil par défaut”")
    return gettext("the line's own greeting")


def active_greeting(tenant: Tenant, line: Line, call: CallContext) -> dict[str, Any] | None:
    """The line's announcements when its greeting plays for ``call``, else ``None``."""
    values = announcements_of(line)
    if not values["greeting_enabled"]:
        return None
    calendar_id = values["greeting_calendar_id"]
    if calendar_id is not None:
        calendar = db.session.get(Calendar, calendar_id)
        if calendar is not None and not calendar.is_open(call.moment):
            return None
    return values


def greeting_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """The greeting the caller hears before the line rings (§6.10); a busy line's caller
    meets call waiting or busy forwarding instead (§6.7)."""
    if call.state == "busy" or line.plan not in offer_of(tenant, FEATURE).plans:
        return []
    values = active_greeting(tenant, line, call)
    if values is None:
        return []
    mode = (gettext("interruptible mode: the line rings while it plays")
            if values["greeting_interruptible"] else
            gettext("non-interruptible mode: the line rings once it has played"))
    return [CallStep("greeting", gettext("The caller hears %(greeting)s (%(mode)s).",
                                         greeting=_greeting_name(values), mode=mode),
                     GREETING_SECTION, code="sfr.line_announcements.greeting")]


def call_waiting_words(tenant: Tenant, line: Line, call: CallContext) -> str:
    """What a second caller hears with call waiting on (§6.7, "Résumé")."""
    if line.plan not in offer_of(tenant, FEATURE).plans:
        return ""
    values = announcements_of(line)
    greeting = active_greeting(tenant, line, call)
    double_call = values["double_call_enabled"]
    if greeting is not None and not greeting["greeting_interruptible"]:
        return gettext("The caller hears the greeting once, then the double-call "
                       "announcement in a loop.") if double_call else gettext(
            "The caller hears the greeting once, then the usual ringback.")
    if greeting is not None:
        return gettext("The caller hears the double-call announcement in a loop.") \
            if double_call else gettext("The caller hears the greeting in a loop.")
    return gettext("The caller hears the double-call announcement in a loop.") \
        if double_call else gettext("The caller hears the usual ringback.")


def _lines_using_calendar(calendar: Calendar) -> list[str]:
    rows = db.session.scalars(select(Line).join(
        SfrLineAnnouncements, SfrLineAnnouncements.line_id == Line.id).where(
        SfrLineAnnouncements.greeting_calendar_id == calendar.id).order_by(Line.id))
    return [f"{national(line.number)} ({line.display_name})" if line.number
            else line.extension or str(line.id) for line in rows]


register_calendar_user(CalendarUser(
    N_("The calendar “%(name)s” cannot be deleted: the greeting of these lines uses it: "
       "%(uses)s."), _lines_using_calendar))
