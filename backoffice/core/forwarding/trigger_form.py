"""The per-trigger forwarding form: each trigger its own switch, destination and options.

Everything the form holds comes from the carrier's :class:`ForwardingLimits` (data only):

- ``triggers``: the triggers offered, in display order; ``triggers_per_plan``: plan -> the
  triggers a line of that plan may turn on (all of them when the plan is absent);
- ``destinations``: the destination kinds allowed; ``fixed_destinations``: trigger ->
  ``"voicemail"`` for triggers whose destination cannot be chosen;
- ``rings``: trigger -> ``{"min", "max", "default"}``; ``ring_reminder``: the triggers
  offering a ring reminder;
- ``scheduled_by``: trigger -> ``"calendar"`` (a tenant calendar: forwarded while closed) or
  ``"schedule"`` (days, hours and end: forwarded while active); a calendar rule's form may
  also name a new calendar and its hours, created in the tenant's calendars
  (``calendar_feature``) before the forwarding is saved;
- ``destination_from_list``: numbers are chosen from the line's phone-number list;
  ``extensions_of_tenant``: extensions must be lines of the same customer;
- ``optional``: the line needs the option turned on (``subscribed``) before any trigger.

Fields are named ``<trigger>_enabled``, ``<trigger>_destination``, ``<trigger>_rings``...
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from marshmallow import fields, validate

from backoffice.core.blocks import SettingsBlock
from backoffice.core.calendars.schedules import ENDS, Schedule
from backoffice.core.calendars.schemas import DayTypesField
from backoffice.core.calendars.service import calendars_of, create_calendar
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import validate as validate_change
from backoffice.core.destinations import DestinationField, parse_destination
from backoffice.core.errors import N_, Violation
from backoffice.core.forwarding import checks
from backoffice.core.forwarding.fields import ClockField, DaysField, SettingsSchema
from backoffice.core.forwarding.models import Forwarding, RuleState
from backoffice.core.forwarding.service import (
    effective_states,
    forwarding_change,
    forwarding_of,
    is_subscribed,
    save_forwarding,
)
from backoffice.core.limits import ForwardingLimits
from backoffice.core.models import Line, Tenant

_SCHEMAS: dict[tuple[str, str], type[SettingsSchema]] = {}


def calendar_choices(tenant: Tenant | None) -> list[tuple[int, str]]:
    """The tenant's calendars, for the form's calendar list."""
    return [(calendar.id, calendar.name) for calendar in calendars_of(tenant)] if tenant else []


@dataclass(frozen=True)
class TriggerForm:
    """A forwarding settings block built from the carrier's limits for ``feature``."""

    feature: str
    labels: Mapping[str, str]  # trigger -> English label, marked with N_()

    def limits(self, tenant: Tenant) -> ForwardingLimits:
        return offer_of(tenant, self.feature).limits

    def schema(self, tenant: Tenant) -> SettingsSchema:
        """The block's one schema, for this tenant's carrier."""
        key = (tenant.carrier_id, self.feature)
        if key not in _SCHEMAS:
            _SCHEMAS[key] = self._schema_class(tenant.carrier_id, self.limits(tenant))
        return _SCHEMAS[key](region=carrier_country(tenant))

    def _schema_class(self, carrier_id: str, limits: ForwardingLimits) -> type[SettingsSchema]:
        attributes: dict[str, Any] = {"version": fields.Integer(dump_only=True)}
        if limits.optional:
            attributes["subscribed"] = fields.Boolean(
                load_default=False, metadata={"label": N_("The line has call forwarding")})
        for trigger in limits.triggers:
            label = self.labels.get(trigger, trigger)
            start = len(attributes)
            attributes[f"{trigger}_enabled"] = fields.Boolean(
                load_default=False, metadata={"label": N_("On")})
            if trigger not in limits.fixed_destinations:
                attributes[f"{trigger}_destination"] = DestinationField(
                    load_default=None, allow_none=True,
                    metadata={"label": N_("Destination"), "kinds": limits.destinations})
            if trigger in limits.ring_reminder:
                attributes[f"{trigger}_ring_reminder"] = fields.Boolean(
                    load_default=False, metadata={"label": N_("Ring reminder")})
            if trigger in limits.rings:
                attributes[f"{trigger}_rings"] = fields.Integer(
                    load_default=None, allow_none=True,
                    metadata={"label": N_("Rings before forwarding")})
            scheduled_by = limits.scheduled_by.get(trigger)
            if scheduled_by == "calendar":
                attributes[f"{trigger}_calendar"] = fields.Integer(
                    load_default=None, allow_none=True,
                    metadata={"label": N_("Calendar"), "choices": calendar_choices})
                attributes.update(_new_calendar_fields(trigger))
            elif scheduled_by == "schedule":
                attributes.update(_schedule_fields(trigger))
            for name in list(attributes)[start:]:  # each trigger's fields under its name
                attributes[name].metadata["group"] = label
        name = "".join(part.title() for part in f"{carrier_id}_{self.feature}".split("_"))
        return type(f"{name}Schema", (SettingsSchema,), attributes)

    def read(self, tenant: Tenant, line: Line | None) -> dict[str, Any]:
        """The current settings, defaults included; the block's schema dumps them."""
        assert line is not None
        limits = self.limits(tenant)
        offer = offer_of(tenant, self.feature)
        states = effective_states(line, offer)
        forwarding = forwarding_of(line)
        data: dict[str, Any] = {"version": forwarding.version if forwarding else None}
        if limits.optional:
            data["subscribed"] = is_subscribed(line, offer)
        for trigger in limits.triggers:
            state = states.get(trigger) or RuleState(trigger)
            data[f"{trigger}_enabled"] = state.enabled
            data[f"{trigger}_destination"] = state.destination
            data[f"{trigger}_ring_reminder"] = state.ring_reminder
            bounds = limits.rings.get(trigger)
            data[f"{trigger}_rings"] = state.ring_count if state.ring_count is not None else (
                bounds.default if bounds else None)
            data[f"{trigger}_calendar"] = state.calendar.id if state.calendar else None
            if state.schedule is not None:
                schedule = state.schedule
                data.update({f"{trigger}_days": schedule.days, f"{trigger}_start": schedule.start,
                             f"{trigger}_end": schedule.end,
                             f"{trigger}_starts_on": schedule.starts_on,
                             f"{trigger}_ends": schedule.ends,
                             f"{trigger}_until": schedule.until,
                             f"{trigger}_occurrences": schedule.occurrences})
        return data

    def write(self, tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> Forwarding:
        """Replace the settings with ``raw`` (form or API), through the change pipeline.

        A calendar created on the fly is its own change, made only once the whole
        forwarding change has passed validation.
        """
        assert line is not None
        limits = self.limits(tenant)
        options = {"feature": self.feature, "schema": self.schema(tenant),
                   "apply": lambda forwarding, clean: self._apply(tenant, line, forwarding,
                                                                  clean, limits),
                   "checks": [lambda clean: self.violations(tenant, line, clean, limits),
                              lambda clean: _cleared_rings(raw, clean, limits)]}
        new_calendars = [trigger for trigger in limits.triggers
                         if str(raw.get(f"{trigger}_new_calendar") or "").strip()]
        if new_calendars:
            validate_change(forwarding_change(tenant, line, raw, **options))
            raw = dict(raw)
            for trigger in new_calendars:
                calendar = create_calendar(tenant, {
                    "name": raw.pop(f"{trigger}_new_calendar"),
                    "hours": raw.pop(f"{trigger}_new_calendar_hours")},
                    feature=limits.calendar_feature)
                raw[f"{trigger}_calendar"] = calendar.id
        return save_forwarding(tenant, line, raw, **options)

    def violations(self, tenant: Tenant, line: Line, data: dict[str, Any],
                   limits: ForwardingLimits) -> list[Violation]:
        """The limits the clean ``data`` breaks."""
        found: list[Violation] = []
        allowed = limits.triggers_per_plan.get(line.plan, limits.triggers)
        any_enabled = False
        for trigger in limits.triggers:
            enabled = data.get(f"{trigger}_enabled", False)
            any_enabled = any_enabled or enabled
            if enabled and trigger not in allowed:
                found.append(Violation(
                    code=f"forwarding.{trigger}_enabled.not_offered",
                    field=f"{trigger}_enabled", limit=list(allowed),
                    message=N_("This kind of forwarding is not offered on this line's plan.")))
            field = f"{trigger}_destination"
            if field in data:
                destination = data[field]
                if enabled and destination is None:
                    found.append(checks.required(field))
                found.extend(checks.destination_violations(tenant, line, field, destination,
                                                           limits))
            if trigger in limits.rings:
                found.extend(checks.rings_violations(
                    f"{trigger}_rings", data.get(f"{trigger}_rings"), limits.rings[trigger]))
            scheduled_by = limits.scheduled_by.get(trigger)
            if scheduled_by == "calendar" and data.get(f"{trigger}_new_calendar"):
                found.extend(_new_calendar_violations(tenant, trigger, data))
            elif scheduled_by == "calendar":
                found.extend(checks.calendar_violations(
                    tenant, f"{trigger}_calendar", data.get(f"{trigger}_calendar"), enabled))
            elif scheduled_by == "schedule" and enabled:
                found.extend(_schedule_violations(trigger, data))
        if limits.optional and any_enabled and not data.get("subscribed"):
            found.append(Violation(
                code="forwarding.subscribed.required", field="subscribed",
                message=N_("This line does not have call forwarding: turn the option on for "
                           "the line first.")))
        return found

    def _apply(self, tenant: Tenant, line: Line, forwarding: Forwarding, clean: dict[str, Any],
               limits: ForwardingLimits) -> None:
        if limits.optional:
            forwarding.subscribed = clean["subscribed"]
        for trigger in limits.triggers:
            rule = forwarding.rule(trigger)
            rule.enabled = clean[f"{trigger}_enabled"]
            fixed = limits.fixed_destinations.get(trigger)
            destination = (parse_destination(fixed, "ZZ") if fixed
                           else clean.get(f"{trigger}_destination"))
            rule.saved_number = None
            if destination and destination.kind == "number" and limits.destination_from_list:
                rule.saved_number = checks.saved_number(line, destination.value)
            rule.destination = None if rule.saved_number else destination
            rule.ring_reminder = clean.get(f"{trigger}_ring_reminder", False)
            if trigger in limits.rings:
                rule.ring_count = clean.get(f"{trigger}_rings")
            if f"{trigger}_calendar" in clean:
                rule.calendar_id = clean[f"{trigger}_calendar"]
            if f"{trigger}_days" in clean:
                rule.schedule = _schedule(tenant, trigger, clean, rule.schedule)

    def block(self, *, id: str, title: str, guide_section: str = "") -> SettingsBlock:
        """The settings block of this form."""
        return SettingsBlock(id=id, feature=self.feature, title=title, schema=self.schema,
                             read=self.read, write=self.write, guide_section=guide_section)


def _cleared_rings(raw: dict[str, Any], clean: dict[str, Any],
                   limits: ForwardingLimits) -> list[Violation]:
    """A ring count sent empty (a cleared form field, an explicit null) for a trigger that
    is on: refused, rather than silently replaced by the carrier's default."""
    return [checks.required(f"{trigger}_rings") for trigger in limits.rings
            if clean.get(f"{trigger}_enabled") and f"{trigger}_rings" in raw
            and raw[f"{trigger}_rings"] in (None, "")]


def _schedule_fields(trigger: str) -> dict[str, Any]:
    return {
        f"{trigger}_days": DaysField(load_default=None, allow_none=True,
                                     metadata={"label": N_("Days")}),
        f"{trigger}_start": ClockField(load_default=None, allow_none=True,
                                       metadata={"label": N_("From")}),
        f"{trigger}_end": ClockField(load_default=None, allow_none=True,
                                     metadata={"label": N_("To")}),
        f"{trigger}_starts_on": fields.Date(load_default=None, allow_none=True,
                                            metadata={"label": N_("Starts on")}),
        f"{trigger}_ends": fields.String(load_default="never", validate=validate.OneOf(ENDS),
                                         metadata={"label": N_("Ends"), "choice_labels": {
                                             "never": N_("never"),
                                             "on_date": N_("on the end date"),
                                             "after_occurrences": N_("after a number of "
                                                                     "occurrences")}}),
        f"{trigger}_until": fields.Date(load_default=None, allow_none=True,
                                        metadata={"label": N_("End date")}),
        f"{trigger}_occurrences": fields.Integer(
            load_default=None, allow_none=True, metadata={"label": N_("Occurrences")}),
    }


def _new_calendar_fields(trigger: str) -> dict[str, Any]:
    return {
        f"{trigger}_new_calendar": fields.String(
            load_default=None, allow_none=True, validate=validate.Length(max=80),
            metadata={"label": N_("Or a new calendar: its name"), "form_only": True}),
        f"{trigger}_new_calendar_hours": DayTypesField(
            load_default=None, allow_none=True,
            metadata={"label": N_("The new calendar's opening hours"), "form_only": True}),
    }


def _new_calendar_violations(tenant: Tenant, trigger: str,
                             data: dict[str, Any]) -> list[Violation]:
    found = []
    if not data.get(f"{trigger}_new_calendar_hours"):
        found.append(checks.required(f"{trigger}_new_calendar_hours"))
    name = data[f"{trigger}_new_calendar"]
    if any(calendar.name == name for calendar in calendars_of(tenant)):
        found.append(Violation(
            code=f"forwarding.{trigger}_new_calendar.duplicate",
            field=f"{trigger}_new_calendar", params={"value": name},
            message=N_("A calendar named “%(value)s” already exists for this customer.")))
    return found


def _schedule_violations(trigger: str, data: dict[str, Any]) -> list[Violation]:
    found = [checks.required(f"{trigger}_{name}") for name in ("days", "start", "end")
             if not data.get(f"{trigger}_{name}")]
    if not found and data[f"{trigger}_start"] == data[f"{trigger}_end"]:
        found.append(Violation(code=f"forwarding.{trigger}_end.same_as_start",
                               field=f"{trigger}_end",
                               message=N_("The end time must differ from the start time (an "
                                          "end before the start runs past midnight).")))
    ends = data.get(f"{trigger}_ends")
    if ends == "on_date" and not data.get(f"{trigger}_until"):
        found.append(checks.required(f"{trigger}_until"))
    if ends == "after_occurrences" and not (data.get(f"{trigger}_occurrences") or 0) >= 1:
        found.append(Violation(code=f"forwarding.{trigger}_occurrences.required",
                               field=f"{trigger}_occurrences", limit={"min": 1},
                               message=N_("Give a number of occurrences of at least 1.")))
    return found


def _schedule(tenant: Tenant, trigger: str, clean: dict[str, Any],
              current: dict[str, Any] | None) -> dict[str, Any] | None:
    if not clean.get(f"{trigger}_days") or not clean.get(f"{trigger}_start"):
        return None
    starts_on = clean.get(f"{trigger}_starts_on") or (
        Schedule.from_dict(current).starts_on if current else
        datetime.now(ZoneInfo(tenant.timezone)).date())
    ends = clean.get(f"{trigger}_ends") or "never"
    return Schedule(
        tuple(clean[f"{trigger}_days"]), clean[f"{trigger}_start"], clean[f"{trigger}_end"],
        starts_on, ends, clean.get(f"{trigger}_until") if ends == "on_date" else None,
        clean.get(f"{trigger}_occurrences") if ends == "after_occurrences" else None,
    ).as_dict()
