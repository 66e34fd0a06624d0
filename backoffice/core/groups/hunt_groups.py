"""Hunt groups and call queues: a group line's settings and its members.

The settings (distribution, rings, wrap-up, waiting, overflow) are one row per group line,
read as the carrier's declared defaults until saved. Members are lines of the carrier's
``member_plans``, ordered by ``position`` (the order they were added), present when added.
Each carrier's limits (``HuntGroupLimits``) shape the schema: a field the carrier does not
offer is not in it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate
from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from backoffice.core.calendars.models import Calendar
from backoffice.core.calendars.service import CalendarUser, line_words, register_calendar_user
from backoffice.core.carriers import carrier_country, offer_of, registry
from backoffice.core.changes import Change, apply_change, delete_all
from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.groups.models import HuntGroup, HuntGroupMember
from backoffice.core.limits import HuntGroupLimits
from backoffice.core.media.fields import AudioField
from backoffice.core.media.service import audio_checks
from backoffice.core.models import Line, Tenant
from backoffice.core.numbers import row_id
from backoffice.core.schemas import PhoneNumber
from backoffice.extensions import db

FEATURE = "hunt_groups"
OBJECT_TYPE = "hunt_group"
MEMBER_OBJECT_TYPE = "hunt_group_member"
DISTRIBUTION_LABELS = {"linear": N_("Linear"), "longest_idle": N_("Longest idle"),
                       "cyclic": N_("Cyclic"), "parallel": N_("Parallel")}
OVERFLOW_LABELS = {"none": N_("No forwarding (the call ends)"),
                   "deterrent": N_("Deterrent announcement"),
                   "number": N_("Forward to a number"), "voicemail": N_("Voicemail")}
ONE_OF = _l("Choose one of: {choices}.")
BOUNDS_MESSAGES = {
    "rings": N_("The maximum number of rings is between %(min)s and %(max)s."),
    "wrap_up": N_("The wrap-up time is between %(min)s and %(max)s seconds."),
    "max_calls": N_("The maximum number of waiting calls is between %(min)s and %(max)s."),
    "max_wait": N_("The maximum waiting time is between %(min)s and %(max)s seconds."),
}
GREETINGS = ("off", "default", "custom")
GREETING_LABELS = {"off": N_("No greeting"), "default": N_("Default greeting"),
                   "custom": N_("Custom greeting (the recording below)")}
HOLD_MUSIC = ("default", "custom")
HOLD_MUSIC_LABELS = {"default": N_("Default hold music"),
                     "custom": N_("Custom hold music (the recording below)")}
AUDIO_REQUIRED = N_("Choose the WAV or MP3 file of the custom recording.")
SETTINGS = ("distribution", "rings", "wrap_up", "max_calls", "max_wait", "overflow",
            "overflow_number")


def limits_of(tenant: Tenant, feature: str = FEATURE) -> HuntGroupLimits:
    """The carrier's hunt-group limits (``tenant`` may be a ``CarrierScope``)."""
    offer = registry()[tenant.carrier_id].offer(feature)
    assert offer is not None
    return offer.limits


def settings_schema(tenant: Tenant, feature: str = FEATURE,
                    distribution_labels: Mapping[str, str] | None = None,
                    extra: Mapping[str, fields.Field] | None = None) -> Schema:
    """The group settings schema for the tenant's carrier, with the carrier's own fields."""
    limits = limits_of(tenant, feature)
    labels = {**DISTRIBUTION_LABELS, **(distribution_labels or {})}
    attrs: dict[str, fields.Field] = {
        "distribution": fields.String(
            load_default=limits.default_distribution,
            validate=validate.OneOf(limits.distributions, error=ONE_OF),
            metadata={"label": N_("Distribution"), "choice_labels": labels})}
    if limits.rings is not None:
        attrs["rings"] = fields.Integer(
            load_default=limits.rings.default,
            metadata={"label": N_("Maximum number of rings")})
    if limits.wrap_up is not None:
        attrs["wrap_up_enabled"] = fields.Boolean(
            load_default=False, metadata={"label": N_("Wrap-up time")})
        attrs["wrap_up"] = fields.Integer(
            load_default=None, allow_none=True,
            metadata={"label": N_("Wrap-up time (seconds)")})
    if not limits.max_calls.fixed:
        attrs["max_calls"] = fields.Integer(
            load_default=limits.max_calls.default,
            metadata={"label": N_("Maximum number of waiting calls")})
    if limits.max_wait is not None and not limits.max_wait.fixed:
        attrs["max_wait"] = fields.Integer(
            load_default=limits.max_wait.default,
            metadata={"label": N_("Maximum waiting time before overflow (seconds)")})
    attrs["overflow"] = fields.String(
        load_default=limits.default_overflow,
        validate=validate.OneOf(limits.overflows, error=ONE_OF),
        metadata={"label": N_("Overflow"), "choice_labels": OVERFLOW_LABELS})
    if "number" in limits.overflows:
        attrs["overflow_number"] = PhoneNumber(
            load_default=None, allow_none=True,
            metadata={"label": N_("Overflow number")})
    attrs.update(_welcome_fields(limits, feature))
    attrs.update(extra or {})
    attrs["version"] = fields.Integer(dump_only=True)
    schema_class = type(f"{_camel(tenant.carrier_id)}HuntGroupSettingsSchema",
                        (SettingsSchema,), attrs)
    return schema_class(region=carrier_country(tenant))


def _calendar_choices(tenant: Any) -> list[tuple[int, str]]:
    if not isinstance(tenant, Tenant):
        return []
    return [(calendar.id, calendar.name) for calendar in db.session.scalars(
        select(Calendar).where(Calendar.tenant_id == tenant.id).order_by(Calendar.name))]


def _greeting_fields(prefix: str, use: str, group: str, label: str) -> dict[str, fields.Field]:
    return {
        prefix: fields.String(load_default="off", validate=validate.OneOf(
            GREETINGS, error=ONE_OF), metadata={
            "label": label, "choice_labels": GREETING_LABELS, "group": group}),
        f"{prefix}_audio_id": AudioField(use=use, load_default=None, metadata={
            "label": N_("Custom recording (WAV or MP3)"), "group": group,
            "help": N_("Played when the greeting is the custom one.")}),
    }


def _welcome_fields(limits: HuntGroupLimits, feature: str) -> dict[str, fields.Field]:
    """What callers hear (greeting, hold music) and the group's hours, where offered."""
    attrs: dict[str, fields.Field] = {}
    if limits.after_hours is not None:
        attrs["calendar_id"] = fields.Integer(load_default=None, allow_none=True, metadata={
            "label": N_("Hours"), "choices": _calendar_choices, "group": N_("Hours"),
            "help": N_("Empty: 24 hours, calls are handled the same way all the time. A "
                       "calendar gives the hours of each day; outside them, the after-hours "
                       "greeting plays and no member rings.")})
    if limits.greeting is not None:
        attrs.update(_greeting_fields("greeting", f"{feature}.greeting", N_("Greeting"),
                                      N_("Greeting")))
        if limits.after_hours is not None:
            attrs.update(_greeting_fields("after_hours_greeting", f"{feature}.greeting",
                                          N_("Greeting"), N_("After-hours greeting")))
    if limits.hold_music is not None:
        attrs["hold_music"] = fields.String(load_default="default", validate=validate.OneOf(
            HOLD_MUSIC, error=ONE_OF), metadata={
            "label": N_("Hold music"), "choice_labels": HOLD_MUSIC_LABELS,
            "group": N_("Hold music")})
        attrs["hold_music_audio_id"] = AudioField(
            use=f"{feature}.hold_music", load_default=None, metadata={
                "label": N_("Custom recording (WAV or MP3)"), "group": N_("Hold music"),
                "help": N_("Played when the hold music is the custom one.")})
    return attrs


def _camel(text: str) -> str:
    return "".join(part.capitalize() for part in text.replace("-", "_").split("_"))


def group_of(line: Line) -> HuntGroup | None:
    """The saved settings row of the group line, if any."""
    return db.session.scalar(select(HuntGroup).where(HuntGroup.line_id == line.id))


def _defaults(limits: HuntGroupLimits) -> dict[str, Any]:
    return {"distribution": limits.default_distribution,
            "rings": limits.rings.default if limits.rings else None,
            "wrap_up": None, "max_calls": limits.max_calls.default,
            "max_wait": limits.max_wait.default if limits.max_wait else None,
            "overflow": limits.default_overflow, "overflow_number": None, "options": {}}


def effective_settings(tenant: Tenant, line: Line, feature: str = FEATURE) -> dict[str, Any]:
    """The group's settings: saved ones, else the carrier's defaults."""
    limits = limits_of(tenant, feature)
    group = group_of(line)
    if group is None:
        return _defaults(limits)
    values = {name: getattr(group, name) for name in SETTINGS}
    values["options"] = dict(group.options or {})
    return values


def read_settings(tenant: Tenant, line: Line | None, feature: str = FEATURE) -> dict[str, Any]:
    assert line is not None
    offer_of(tenant, feature, line, scope="line")
    values = effective_settings(tenant, line, feature)
    group = group_of(line)
    options = values.pop("options")
    return {**values, **options, "wrap_up_enabled": values["wrap_up"] is not None,
            "version": group.version if group else None}


def _bounds_violations(limits: HuntGroupLimits, data: dict[str, Any]) -> list[Violation]:
    """A count or a duration outside the carrier's bounds, naming the bounds."""
    found = []
    for name in ("rings", "wrap_up", "max_calls", "max_wait"):
        bounds, value = getattr(limits, name), data.get(name)
        if bounds is None or value is None or (name == "wrap_up"
                                               and not data.get("wrap_up_enabled")):
            continue
        if not bounds.min <= value <= bounds.max:
            found.append(Violation(
                code=f"hunt_group.{name}.{'too_many' if value > bounds.max else 'too_few'}",
                field=name, limit={"min": bounds.min, "max": bounds.max},
                params={"min": bounds.min, "max": bounds.max},
                message=BOUNDS_MESSAGES[name]))
    return found


def _welcome_violations(tenant: Tenant, limits: HuntGroupLimits,
                        data: dict[str, Any]) -> list[Violation]:
    """A custom greeting or hold music needs its recording, within the carrier's limits; the
    hours are a calendar of the customer's."""
    found: list[Violation] = []
    audio = (("greeting", limits.greeting), ("after_hours_greeting", limits.greeting),
             ("hold_music", limits.hold_music))
    for name, audio_limits in audio:
        if audio_limits is None or name not in data:
            continue
        field = f"{name}_audio_id"
        found.extend(audio_checks(tenant, data.get(field), audio_limits,
                                  object_type=OBJECT_TYPE, field=field))
        if data[name] == "custom" and data.get(field) is None:
            found.append(Violation(code=f"hunt_group.{field}.required", field=field,
                                   message=AUDIO_REQUIRED))
    calendar_id = data.get("calendar_id")
    if limits.after_hours is not None and calendar_id is not None and db.session.scalar(
            select(Calendar.id).where(Calendar.id == calendar_id,
                                      Calendar.tenant_id == tenant.id)) is None:
        found.append(Violation(code="hunt_group.calendar_id.unknown", field="calendar_id",
                               message=N_("This calendar does not belong to this customer.")))
    return found


def _settings_checks(tenant: Tenant, limits: HuntGroupLimits):
    def check(data: dict[str, Any]) -> list[Violation]:
        found = _bounds_violations(limits, data) + _welcome_violations(tenant, limits, data)
        if data.get("overflow") == "number" and not data.get("overflow_number"):
            found.append(Violation(
                code="hunt_group.overflow_number.required", field="overflow_number",
                message=N_("Give the number calls overflow to.")))
        if data.get("wrap_up_enabled") and not data.get("wrap_up"):
            found.append(Violation(
                code="hunt_group.wrap_up.required", field="wrap_up",
                message=N_("Give the wrap-up time in seconds (at most %(max)s)."),
                params={"max": limits.wrap_up.max if limits.wrap_up else 0}))
        return found
    return check


def write_settings(tenant: Tenant, line: Line | None, raw: dict[str, Any],
                   feature: str = FEATURE, schema: Schema | None = None) -> HuntGroup:
    """Replace the group's settings (one change, audited and provisioned)."""
    assert line is not None
    offer_of(tenant, feature, line, scope="line")
    limits = limits_of(tenant, feature)
    schema = schema or settings_schema(tenant, feature)
    existing = group_of(line)
    core = {"distribution", "rings", "wrap_up", "wrap_up_enabled", "max_calls", "max_wait",
            "overflow", "overflow_number", "version"}

    def persist(clean: dict[str, Any]) -> HuntGroup:
        group = existing or _new_group(tenant, line, limits)
        group.distribution = clean["distribution"]
        group.rings = clean.get("rings", group.rings)
        group.wrap_up = clean.get("wrap_up") if clean.get("wrap_up_enabled") else None
        group.max_calls = clean.get("max_calls", limits.max_calls.default)
        group.max_wait = clean.get("max_wait", group.max_wait)
        group.overflow = clean["overflow"]
        group.overflow_number = clean.get("overflow_number") \
            if clean["overflow"] == "number" else None
        group.options = {name: value for name, value in clean.items() if name not in core}
        db.session.add(group)
        return group

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update" if existing else "create",
        data=raw, schema=schema, persist=persist, target=existing, feature=feature,
        line=line, checks=[_settings_checks(tenant, limits)]))


def _new_group(tenant: Tenant, line: Line, limits: HuntGroupLimits) -> HuntGroup:
    values = _defaults(limits)
    return HuntGroup(tenant_id=tenant.id, line_id=line.id, **values)


# Members ------------------------------------------------------------------------------


class HuntGroupMemberSchema(Schema):
    """A member of a group: the line, its position in the group's order, present or away."""

    id = fields.Integer(dump_only=True)
    line_id = fields.Integer(required=True, metadata={
        "label": N_("Line"), "choices": lambda tenant: member_choices(tenant)})
    number = fields.Function(lambda member: member.line.number or member.line.extension,
                             dump_only=True, metadata={"label": N_("Number")})
    name = fields.Function(lambda member: member.line.display_name, dump_only=True,
                           metadata={"label": N_("Name")})
    position = fields.Integer(load_default=None, allow_none=True,
                              validate=validate.Range(min=1),
                              metadata={"label": N_("Position")})
    present = fields.Boolean(load_default=True, metadata={"label": N_("Connected")})
    version = fields.Integer(dump_only=True)


def member_choices(tenant: Tenant | None) -> list[tuple[int, str]]:
    """The tenant's lines that may be members, by number and name."""
    if tenant is None or not hasattr(tenant, "id"):
        return []
    offer = registry()[tenant.carrier_id].offer(FEATURE) or next(
        (o for o in registry()[tenant.carrier_id].features
         if isinstance(o.limits, HuntGroupLimits)), None)
    if offer is None:
        return []
    rows = db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.plan.in_(offer.limits.member_plans))
        .order_by(Line.number, Line.extension))
    return [(line.id, " ".join(part for part in (line.number or line.extension,
                                                 line.display_name) if part))
            for line in rows]


def member_schema(tenant: Tenant | None) -> HuntGroupMemberSchema:
    return HuntGroupMemberSchema()


def list_members(tenant: Tenant, line: Line | None, feature: str = FEATURE
                 ) -> list[HuntGroupMember]:
    """The group's members, in the group's order."""
    offer_of(tenant, feature, line, scope="line")
    return members_of(line)


def members_of(line: Line) -> list[HuntGroupMember]:
    return list(db.session.scalars(
        select(HuntGroupMember).join(HuntGroup).where(HuntGroup.line_id == line.id)
        .order_by(HuntGroupMember.position, HuntGroupMember.id)))


def find_member(tenant: Tenant, line: Line | None, item_id: int,
                feature: str = FEATURE) -> HuntGroupMember | None:
    offer_of(tenant, feature, line, scope="line")
    return db.session.scalar(select(HuntGroupMember).join(HuntGroup).where(
        HuntGroup.line_id == line.id, HuntGroupMember.id == item_id))


def _member_line(tenant: Tenant, line_id: int | None) -> Line | None:
    if line_id is None:
        return None
    return db.session.scalar(select(Line).where(Line.id == line_id,
                                                Line.tenant_id == tenant.id))


def _add_checks(tenant: Tenant, group_line: Line, limits: HuntGroupLimits):
    def check(data: dict[str, Any]) -> list[Violation]:
        member = _member_line(tenant, data.get("line_id"))
        if member is None or member.id == group_line.id:
            return [Violation(code="hunt_group.member.unknown", field="line_id",
                              message=N_("Choose a line of this customer."))]
        if member.plan not in limits.member_plans:
            return [Violation(code="hunt_group.member.plan", field="line_id",
                              message=N_("A line of this plan cannot be a member of the "
                                         "group."))]
        db.session.execute(select(Line.id).where(Line.id == group_line.id).with_for_update())
        current = members_of(group_line)
        if any(item.line_id == member.id for item in current):
            return [Violation(code="hunt_group.member.duplicate", field="line_id",
                              message=N_("This line is already a member of the group."))]
        if limits.max_members is not None and len(current) >= limits.max_members:
            return [Violation(code="hunt_group.member.too_many", field="line_id",
                              limit=limits.max_members, params={"max": limits.max_members},
                              message=N_("A group has at most %(max)s members."))]
        return []
    return check


def add_member(tenant: Tenant, line: Line | None, data: dict[str, Any],
               feature: str = FEATURE) -> HuntGroupMember:
    """Add a member at the end of the group's order (or at ``position``), connected."""
    assert line is not None
    offer_of(tenant, feature, line, scope="line")
    limits = limits_of(tenant, feature)

    def persist(clean: dict[str, Any]) -> HuntGroupMember:
        group = group_of(line)
        if group is None:
            group = _new_group(tenant, line, limits)
            db.session.add(group)
            db.session.flush()
        last = db.session.scalar(select(func.max(HuntGroupMember.position)).where(
            HuntGroupMember.group_id == group.id)) or 0
        member = HuntGroupMember(tenant_id=tenant.id, group_id=group.id,
                                 line_id=clean["line_id"], position=last + 1,
                                 present=clean["present"] if limits.presence else True)
        db.session.add(member)
        db.session.flush()
        if clean.get("position"):
            _move(group, member, clean["position"])
        return member

    return apply_change(Change(
        tenant=tenant, object_type=MEMBER_OBJECT_TYPE, action="create", data=data,
        schema=member_schema(tenant), persist=persist, feature=feature, line=line,
        checks=[_add_checks(tenant, line, limits)]))


def _move(group: HuntGroup, member: HuntGroupMember, position: int) -> None:
    ordered = [item for item in db.session.scalars(
        select(HuntGroupMember).where(HuntGroupMember.group_id == group.id)
        .order_by(HuntGroupMember.position, HuntGroupMember.id)) if item.id != member.id]
    ordered.insert(min(position, len(ordered) + 1) - 1, member)
    for index, item in enumerate(ordered, start=1):
        item.position = index


def change_member(member: HuntGroupMember, data: dict[str, Any]) -> HuntGroupMember:
    """Move a member in the group's order, or connect or disconnect it."""
    group_line = member.group.line
    tenant = member.tenant
    limits = limits_of(tenant, _feature_of(tenant, group_line))

    def check(clean: dict[str, Any]) -> list[Violation]:
        if clean["line_id"] != member.line_id:
            return [Violation(code="hunt_group.member.line_fixed", field="line_id",
                              message=N_("A member's line cannot be changed: remove the "
                                         "member and add the other line."))]
        return []

    def persist(clean: dict[str, Any]) -> HuntGroupMember:
        if limits.presence:
            member.present = clean["present"]
        if clean.get("position") and clean["position"] != member.position:
            _move(member.group, member, clean["position"])
        return member

    return apply_change(Change(
        tenant=tenant, object_type=MEMBER_OBJECT_TYPE, action="update",
        data={"line_id": member.line_id, **data}, schema=member_schema(tenant),
        persist=persist, target=member, feature=_feature_of(tenant, group_line),
        line=group_line, checks=[check]))


def remove_member(member: HuntGroupMember) -> HuntGroupMember:
    """Remove a member; the others close up the order."""
    group_line = member.group.line
    group = member.group

    def persist(clean: dict[str, Any]) -> HuntGroupMember:
        delete_all(member)(clean)
        db.session.flush()
        for index, item in enumerate((m for m in db.session.scalars(
                select(HuntGroupMember).where(HuntGroupMember.group_id == group.id)
                .order_by(HuntGroupMember.position))), start=1):
            item.position = index
        return member

    return apply_change(Change(
        tenant=member.tenant, object_type=MEMBER_OBJECT_TYPE, action="delete", data={},
        schema=Schema(), persist=persist, target=member,
        feature=_feature_of(member.tenant, group_line), line=group_line))


def describe_member(member: HuntGroupMember) -> str:
    line = member.line
    return " ".join(part for part in (line.number or line.extension, line.display_name) if part)


def _feature_of(tenant: Tenant, group_line: Line) -> str:
    entry = registry()[tenant.carrier_id]
    return next((offer.feature for offer in entry.features
                 if isinstance(offer.limits, HuntGroupLimits)
                 and group_line.plan in offer.plans), FEATURE)


# A line's own view of its groups ------------------------------------------------------


def _group_choices(tenant: Any) -> list[tuple[int, str]]:
    """The tenant's group lines (of every hunt-group offer), by number and name."""
    if not isinstance(tenant, Tenant):
        return []
    plans = {plan for offer in registry()[tenant.carrier_id].features
             if isinstance(offer.limits, HuntGroupLimits) for plan in offer.plans}
    rows = db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.plan.in_(plans)).order_by(Line.number, Line.extension))
    return [(line.id, describe_line(line)) for line in rows]


def describe_line(line: Line) -> str:
    return " ".join(part for part in (line.number or line.extension, line.display_name) if part)


class MembershipSchema(Schema):
    """One group the line is a member of, seen from the line: its presence there."""

    id = fields.Integer(dump_only=True)
    group_line_id = fields.Integer(required=True, metadata={
        "label": N_("Group"), "choices": _group_choices})
    name = fields.Function(lambda member: member.group.line.display_name, dump_only=True,
                           metadata={"label": N_("Name")})
    number = fields.Function(
        lambda member: member.group.line.number or member.group.line.extension,
        dump_only=True, metadata={"label": N_("Number")})
    present = fields.Boolean(load_default=True, metadata={"label": N_("Connected")})
    version = fields.Integer(dump_only=True)


def membership_schema(tenant: Any) -> MembershipSchema:
    return MembershipSchema()


def _group_line(tenant: Tenant, value: Any) -> Line | None:
    line_id = row_id(value)
    if line_id is None:
        return None
    return db.session.scalar(select(Line).where(Line.id == line_id,
                                                Line.tenant_id == tenant.id))


def list_memberships(tenant: Tenant, line: Line | None,
                     feature: str = "hunt_group_presence") -> list[HuntGroupMember]:
    """The groups ``line`` is a member of, each with its presence (one query)."""
    offer_of(tenant, feature, line, scope="line")
    return list(db.session.scalars(
        select(HuntGroupMember).where(HuntGroupMember.line_id == line.id)
        .options(joinedload(HuntGroupMember.group).joinedload(HuntGroup.line))
        .order_by(HuntGroupMember.id)))


def find_membership(tenant: Tenant, line: Line | None, item_id: int,
                    feature: str = "hunt_group_presence") -> HuntGroupMember | None:
    offer_of(tenant, feature, line, scope="line")
    return db.session.scalar(select(HuntGroupMember).where(
        HuntGroupMember.line_id == line.id, HuntGroupMember.id == item_id))


def join_group(tenant: Tenant, line: Line | None, data: dict[str, Any],
               feature: str = "hunt_group_presence") -> HuntGroupMember:
    """The line joins a group (at the end of its order), present or away."""
    offer_of(tenant, feature, line, scope="line")
    group_line = _group_line(tenant, data.get("group_line_id"))
    if group_line is None or not any(
            isinstance(offer.limits, HuntGroupLimits) and group_line.plan in offer.plans
            for offer in registry()[tenant.carrier_id].features):
        raise ChangeRejected([Violation(
            code="hunt_group.member.unknown", field="group_line_id",
            message=N_("Choose a group of this customer."))])
    return add_member(tenant, group_line, {"line_id": line.id,
                                           "present": data.get("present", True)},
                      _feature_of(tenant, group_line))


def change_presence(member: HuntGroupMember, data: dict[str, Any]) -> HuntGroupMember:
    """Set the line's presence in one of its groups (its group stays the same)."""
    if _group_line(member.tenant, data.get("group_line_id", member.group_line_id)) \
            is not member.group.line:
        raise ChangeRejected([Violation(
            code="hunt_group.member.line_fixed", field="group_line_id",
            message=N_("The group cannot be changed here: leave this group and join the "
                       "other one."))])
    return change_member(member, {name: data[name] for name in ("present", "version")
                                  if name in data})


def memberships(line: Line) -> list[HuntGroupMember]:
    """The groups ``line`` is a member of (each membership with its group and group line)."""
    return list(db.session.scalars(
        select(HuntGroupMember).where(HuntGroupMember.line_id == line.id)
        .order_by(HuntGroupMember.id)))


def _groups_using_calendar(calendar: Calendar) -> list[str]:
    """The groups whose hours are ``calendar`` (kept with their settings)."""
    rows = db.session.scalars(select(HuntGroup).where(
        HuntGroup.tenant_id == calendar.tenant_id).order_by(HuntGroup.id))
    return [line_words(group.line) for group in rows
            if (group.options or {}).get("calendar_id") == calendar.id]


register_calendar_user(CalendarUser(
    N_("The calendar “%(name)s” cannot be deleted: these groups follow it: %(uses)s."),
    _groups_using_calendar))
