"""Probes: each proves that one declared limit changes an outcome, through the real code.

A probe is a callable ``probe(ctx: ProbeContext) -> None`` that fails (``AssertionError``)
when the limit ``ctx.key`` of ``ctx.feature`` does not act. It writes through the blocks
(``block.write`` / ``block.add``: the change pipeline) and reads refusals from
:class:`ChangeRejected`. :data:`DEFAULT_PROBES` maps ``(limits class, key)`` to the kit's
own probe; a key found under ``(None, key)`` applies to any limits class (a carrier's own).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import phonenumbers
from flask import Flask, g
from sqlalchemy import insert, select

from backoffice.plugin import (
    AnnouncementLimits,
    BlacklistLimits,
    Block,
    CalendarLimits,
    CallContext,
    CallerIdLimits,
    CallPermissionLimits,
    ChangeRejected,
    CollectionBlock,
    ConferenceLimits,
    DirectoryLimits,
    E911Limits,
    FeatureOffer,
    ForwardingLimits,
    IvrLimits,
    Line,
    LineLimits,
    NumberLimits,
    PttLimits,
    PttScanLimits,
    SettingsBlock,
    SiteLimits,
    SwitchLimits,
    Tenant,
    UserLimits,
    Violation,
    add_number,
    create_calendar,
    db,
    store_audio,
)

Probe = Callable[["ProbeContext"], None]
_COUNTER = itertools.count(1)


@dataclass
class ProbeContext:
    """What a probe works with: the app, a demo tenant of the carrier, the limit and its
    value, and helpers to make lines and to check refusals."""

    app: Flask
    tenant: Tenant
    offer: FeatureOffer
    blocks: list[Block]
    key: str
    value: Any
    lines: dict[str, Line] = field(default_factory=dict)

    @property
    def carrier_id(self) -> str:
        return self.tenant.carrier_id

    @property
    def feature(self) -> str:
        return self.offer.feature

    @property
    def limits(self) -> Any:
        return self.offer.limits

    @property
    def name(self) -> str:
        """``<carrier>.<feature>.<key>``, for failure messages."""
        return f"{self.carrier_id}.{self.feature}.{self.key}"

    # -- blocks -----------------------------------------------------------------------
    def settings_block(self) -> SettingsBlock:
        """The feature's settings block (the first one)."""
        found = [b for b in self.blocks if isinstance(b, SettingsBlock)]
        assert found, f"{self.name}: the feature has no settings block"
        return found[0]

    def collection_block(self) -> CollectionBlock:
        """The feature's collection block (the first one)."""
        found = [b for b in self.blocks if isinstance(b, CollectionBlock)]
        assert found, f"{self.name}: the feature has no collection block"
        return found[0]

    def fields_of(self, block: Block) -> set[str]:
        """The loadable field names of the block's schema."""
        return {name for name, f in block.schema(self.tenant).fields.items() if not f.dump_only}

    # -- lines --------------------------------------------------------------------------
    def plans(self) -> tuple[str, ...]:
        """The plans the offer covers (every plan of the carrier for a tenant feature)."""
        from backoffice.core.carriers import registry

        return self.offer.plans or tuple(p.id for p in registry()[self.carrier_id].plans)

    def line(self, plan: str | None = None, **extra: Any) -> Line:
        """A line of ``plan`` (the offer's first plan by default): a demo line when there is
        one and no ``extra`` field is asked for, else a new line with generated values."""
        plan = plan or self.plans()[0]
        if not extra:
            existing = db.session.scalar(
                select(Line)
                .where(Line.tenant_id == self.tenant.id, Line.plan == plan)
                .order_by(Line.id)
            )
            if existing is not None:
                return existing
        return self.new_line(plan, **extra)

    def new_line(self, plan: str, **extra: Any) -> Line:
        """A new line of ``plan`` with every required field generated, through the pipeline."""
        return new_line(self.tenant, plan, **extra)

    # -- outcomes -------------------------------------------------------------------------
    def refused(self, action: Callable[[], Any], field_name: str, why: str) -> Violation:
        """Run ``action``; it must be refused with a localized violation on ``field_name``.

        It runs in English, then again in French (a refusal saves nothing): the message on
        the field must read differently, whether core translates it when it is shown or
        marshmallow when it validates.
        """
        english = self._refusal(action, field_name, why, "en")
        french = self._refusal(action, field_name, why, "fr")
        assert [text for _, text in english] != [text for _, text in french], (
            f"{self.name}: {why}: the refusal on {field_name!r} is not translated: "
            f"{[text for _, text in english]}")
        return english[0][0]

    def _refusal(self, action: Callable[[], Any], field_name: str, why: str,
                 language: str) -> list[tuple[Violation, str]]:
        with in_request(self.app, language):
            try:
                action()
            except ChangeRejected as refused:
                violations = refused.violations
            else:
                raise AssertionError(
                    f"{self.name}: {why}: accepted, expected a refusal on {field_name!r}"
                )
            mine = [(v, v.localized()) for v in violations if v.field == field_name]
        assert mine, (
            f"{self.name}: {why}: refused, but on "
            f"{[(v.field, v.code) for v in violations]}, not on {field_name!r}"
        )
        return mine

    def accepted(self, action: Callable[[], Any], why: str) -> Any:
        """Run ``action``; it must pass the whole pipeline."""
        with english(self.app):
            try:
                return action()
            except ChangeRejected as refused:
                raise AssertionError(
                    f"{self.name}: {why}: refused with "
                    f"{[(v.field, v.code) for v in refused.violations]}"
                ) from None


@contextmanager
def in_request(app: Flask, language: str) -> Iterator[None]:
    """A request in ``language`` that sees every tenant (as the operator's agents do)."""
    from backoffice.core.tenancy import TenantScope, open_scope

    with app.test_request_context(headers={"Accept-Language": language}):
        # ``g`` belongs to the app context the test holds open: forget its language
        g.pop("_flask_babel", None)
        open_scope(TenantScope.everything())
        try:
            yield
        finally:
            g.pop("_flask_babel", None)
            g.pop("tenant_scope", None)


def english(app: Flask) -> AbstractContextManager[None]:
    """A request in English, so that violation messages keep their English msgid."""
    return in_request(app, "en")


# -- generated values -------------------------------------------------------------------------


def carrier_region(tenant: Tenant) -> str:
    from backoffice.plugin import carrier_country

    return carrier_country(tenant)


def fresh_number(tenant: Tenant, kind: int = phonenumbers.PhoneNumberType.FIXED_LINE) -> str:
    """A valid number of the carrier's country that no line of the tenant uses (E.164)."""
    region = carrier_region(tenant)
    example = phonenumbers.example_number_for_type(region, kind) or phonenumbers.example_number(
        region
    )
    national = str(example.national_number)
    taken = set(db.session.scalars(select(Line.number).where(Line.tenant_id == tenant.id)))
    while True:
        suffix = str(next(_COUNTER) % 1000).zfill(3)
        candidate = phonenumbers.parse(national[:-3] + suffix, region)
        number = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)
        if phonenumbers.is_valid_number(candidate) and number not in taken:
            return number


def fresh_extension(tenant: Tenant) -> str:
    """Digits no line of the tenant uses and the carrier does not reserve."""
    from backoffice.core.carriers import registry
    from backoffice.core.lines import reserved_extensions

    reserved = set(reserved_extensions(registry()[tenant.carrier_id]))
    taken = set(db.session.scalars(select(Line.extension).where(Line.tenant_id == tenant.id)))
    while True:
        candidate = str(4000 + next(_COUNTER))
        if candidate not in taken and candidate not in reserved:
            return candidate


def line_data(tenant: Tenant, plan_id: str) -> dict[str, Any]:
    """Valid data for a new line of ``plan_id``: the plan's required fields generated."""
    from backoffice.core.carriers import registry
    from backoffice.core.tenants import create_site

    plan = registry()[tenant.carrier_id].plan(plan_id)
    assert plan is not None, f"{tenant.carrier_id}: no plan {plan_id!r}"
    data: dict[str, Any] = {"plan": plan_id}
    for name in plan.requires:
        if name == "number":
            data[name] = fresh_number(tenant)
        elif name == "extension":
            data[name] = fresh_extension(tenant)
        elif name == "site_id":
            # a physical site: the automatic one (SiteLimits.virtual_site) takes only some plans
            site = next((s for s in tenant.sites if s.physical), None) or create_site(
                tenant, {"name": "Conformance site"})
            data[name] = site.id
        elif name == "email":
            data[name] = f"probe{next(_COUNTER)}@conformance.example"
        else:
            data[name] = "Probe"
    return data


NUMBER_KINDS = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE,
                phonenumbers.PhoneNumberType.VOIP)


def new_line(tenant: Tenant, plan_id: str, **extra: Any) -> Line:
    """A new line of ``plan_id`` through the pipeline, its required fields generated.

    A carrier may want a number of one kind for a plan (a mobile plan, a mobile number):
    each kind is tried in turn while the refusal is only about the number.
    """
    from backoffice.core.lines import create_line

    data = {**line_data(tenant, plan_id), **extra}
    if "number" in extra or "number" not in data:
        return create_line(tenant, data)
    refusal: ChangeRejected | None = None
    for kind in NUMBER_KINDS:
        data["number"] = fresh_number(tenant, kind)
        try:
            return create_line(tenant, data)
        except ChangeRejected as refused:
            if any(violation.field != "number" for violation in refused.violations):
                raise
            refusal = refused
    assert refusal is not None
    raise refusal


def new_tenant(carrier_id: str, name: str) -> Tenant:
    """A new customer of ``carrier_id`` through the pipeline, for a probe that counts from
    nothing (its automatic site, if the carrier declares one, comes with it)."""
    from backoffice.core.tenants import create_tenant

    return create_tenant({"name": name, "carrier_id": carrier_id})


def now_in(tenant: Tenant) -> datetime:
    return datetime.now(ZoneInfo(tenant.timezone))


# -- forwarding: core's per-trigger form (TriggerForm) and single-rule blocks ------------------


def is_trigger_form(ctx: ProbeContext, block: SettingsBlock) -> bool:
    """Whether the block is core's per-trigger form (fields ``<trigger>_enabled``)."""
    names = ctx.fields_of(block)
    return all(f"{t}_enabled" in names for t in ctx.limits.triggers)


def is_single_rule_form(ctx: ProbeContext, block: SettingsBlock) -> bool:
    """Whether the block holds one chosen rule (fields ``rule``, ``enabled``, ``destination``)."""
    return {"rule", "enabled", "destination"} <= ctx.fields_of(block)


def forwarding_form(ctx: ProbeContext) -> tuple[SettingsBlock, str]:
    """The forwarding settings block and its shape: ``"triggers"`` or ``"single_rule"``."""
    block = ctx.settings_block()
    if is_trigger_form(ctx, block):
        return block, "triggers"
    if is_single_rule_form(ctx, block):
        return block, "single_rule"
    raise AssertionError(
        f"{ctx.name}: the kit's probe knows core's TriggerForm and single-rule "
        f"forwarding blocks only; pass a probe of the carrier's own"
    )


def allowed_plan(ctx: ProbeContext, trigger: str) -> str | None:
    """A plan of the offer whose lines may turn ``trigger`` on."""
    per_plan = ctx.limits.triggers_per_plan
    return next(
        (plan for plan in ctx.offer.plans if trigger in per_plan.get(plan, ctx.limits.triggers)),
        None,
    )


def destination_for(ctx: ProbeContext, line: Line, kind: str) -> str:
    """A valid destination of ``kind`` for ``line``, as a form types it."""
    if kind == "voicemail":
        return "voicemail"
    if kind == "extension":
        other = db.session.scalar(
            select(Line).where(
                Line.tenant_id == ctx.tenant.id, Line.extension.is_not(None), Line.id != line.id
            )
        )
        return (
            other.extension
            if other is not None
            else ctx.new_line(ctx.plans()[0], extension=fresh_extension(ctx.tenant)).extension
        )
    number = fresh_number(ctx.tenant)
    if getattr(ctx.limits, "destination_from_list", False):
        with english(ctx.app):
            add_number(ctx.tenant, line, {"number": number})
    return number


def valid_destination(ctx: ProbeContext, line: Line, kinds: tuple[str, ...]) -> str:
    """A destination the limits allow, voicemail first, then extension, then number."""
    for kind in ("voicemail", "extension", "number"):
        if kind in kinds:
            return destination_for(ctx, line, kind)
    raise AssertionError(f"{ctx.name}: no destination kind declared")


def new_calendar(ctx: ProbeContext, feature: str) -> int:
    """A calendar of the tenant under ``feature``, open every day."""
    with english(ctx.app):
        calendar = create_calendar(
            ctx.tenant,
            {"name": f"Probe {next(_COUNTER)}", "hours": ["mon-sun 00:00-23:59"]},
            feature=feature,
        )
    return calendar.id


def rule_payload(
    ctx: ProbeContext, block: SettingsBlock, line: Line, trigger: str, **extra: Any
) -> dict[str, Any]:
    """A payload turning ``trigger`` (alone) on, with everything it needs to be valid."""
    limits: ForwardingLimits = ctx.limits
    names = ctx.fields_of(block)
    if is_single_rule_form(ctx, block) and not is_trigger_form(ctx, block):
        return {
            "enabled": True,
            "rule": trigger,
            "destination": valid_destination(ctx, line, limits.destinations),
            **extra,
        }
    data: dict[str, Any] = {f"{trigger}_enabled": True}
    if "subscribed" in names:
        data["subscribed"] = True
    if f"{trigger}_destination" in names:
        data[f"{trigger}_destination"] = valid_destination(ctx, line, limits.destinations)
    if trigger in limits.rings:
        bounds = limits.rings[trigger]
        data[f"{trigger}_rings"] = bounds.default if bounds.default is not None else bounds.min
    scheduled_by = limits.scheduled_by.get(trigger)
    if scheduled_by == "calendar":
        data[f"{trigger}_calendar"] = new_calendar(ctx, limits.calendar_feature)
    elif scheduled_by == "schedule":
        data.update(
            {f"{trigger}_days": "mon-sun", f"{trigger}_start": "00:00", f"{trigger}_end": "23:59"}
        )
    return {**data, **extra}


def destination_field(ctx: ProbeContext, block: SettingsBlock) -> tuple[str, str]:
    """A (trigger, destination field) pair of the block whose destination can be chosen."""
    names = ctx.fields_of(block)
    for trigger in ctx.limits.triggers:
        if f"{trigger}_destination" in names and allowed_plan(ctx, trigger):
            return trigger, f"{trigger}_destination"
    if "destination" in names:
        return ctx.limits.triggers[0], "destination"
    raise AssertionError(f"{ctx.name}: no destination field in block {block.id}")


def probe_triggers(ctx: ProbeContext) -> None:
    """An undeclared trigger is refused; each declared one may be turned on."""
    block, shape = forwarding_form(ctx)
    line = ctx.line()
    if shape == "triggers":
        ctx.refused(
            lambda: block.write(ctx.tenant, line, {"undeclared_enabled": True}),
            "undeclared_enabled",
            "an undeclared trigger",
        )
    else:
        payload = rule_payload(ctx, block, line, ctx.limits.triggers[0], rule="undeclared")
        ctx.refused(lambda: block.write(ctx.tenant, line, payload), "rule", "an undeclared rule")
    for trigger in ctx.limits.triggers:
        plan = allowed_plan(ctx, trigger)
        assert plan, f"{ctx.name}: no plan of the offer allows {trigger}"
        target = ctx.line(plan)
        payload = rule_payload(ctx, block, target, trigger)
        ctx.accepted(
            lambda t=target, p=payload: block.write(ctx.tenant, t, p), f"turning {trigger} on"
        )


def probe_triggers_per_plan(ctx: ProbeContext) -> None:
    """On a plan with a trigger list, the others are refused and its own accepted."""
    block, _ = forwarding_form(ctx)
    for plan, allowed in ctx.limits.triggers_per_plan.items():
        line = ctx.line(plan)
        for trigger in ctx.limits.triggers:
            payload = rule_payload(ctx, block, line, trigger)
            if trigger in allowed:
                ctx.accepted(
                    lambda p=payload, line=line: block.write(ctx.tenant, line, p),
                    f"{trigger} on plan {plan}",
                )
            else:
                ctx.refused(
                    lambda p=payload, line=line: block.write(ctx.tenant, line, p),
                    f"{trigger}_enabled",
                    f"{trigger} on plan {plan}",
                )


def probe_destinations(
    ctx: ProbeContext,
    *,
    key: str = "destinations",
    field_name: str | None = None,
    switch: str | None = None,
) -> None:
    """A destination kind outside the list is refused; each kind inside is accepted."""
    block, shape = forwarding_form(ctx)
    kinds: tuple[str, ...] = getattr(ctx.limits, key)
    if field_name is None:
        trigger, field_name = destination_field(ctx, block)
        line = ctx.line(allowed_plan(ctx, trigger))
        base = rule_payload(ctx, block, line, trigger)
    else:
        line = ctx.line()
        base = {switch: True} if switch else {}
    for kind in ("voicemail", "number", "extension"):
        value = (
            destination_for(ctx, line, kind)
            if kind in kinds
            else {
                "voicemail": "voicemail",
                "number": fresh_number(ctx.tenant),
                "extension": destination_for(ctx, line, "extension"),
            }[kind]
        )
        payload = {**base, field_name: value}
        if kind in kinds:
            ctx.accepted(
                lambda p=payload: block.write(ctx.tenant, line, p),
                f"a {kind} destination in {field_name}",
            )
        else:
            ctx.refused(
                lambda p=payload: block.write(ctx.tenant, line, p),
                field_name,
                f"a {kind} destination in {field_name}",
            )


def probe_find_me_destinations(ctx: ProbeContext) -> None:
    """Find-me/follow-me takes only its declared destination kinds."""
    block, _ = forwarding_form(ctx)
    names = ctx.fields_of(block)
    assert {"find_me_enabled", "find_me_destination"} <= names, (
        f"{ctx.name}: block {block.id} has no find_me_enabled/find_me_destination fields"
    )
    probe_destinations(
        ctx, key="find_me_destinations", field_name="find_me_destination", switch="find_me_enabled"
    )


def destination_writer(ctx: ProbeContext) -> tuple[Line, str, Callable[[str], Any]]:
    """A line whose forwarding takes a destination, the field, and a write of one value."""
    block, _ = forwarding_form(ctx)
    trigger, field_name = destination_field(ctx, block)
    line = ctx.line(allowed_plan(ctx, trigger))
    base = rule_payload(ctx, block, line, trigger)
    return line, field_name, lambda value: block.write(ctx.tenant, line,
                                                       {**base, field_name: value})


def probe_extensions_of_tenant(ctx: ProbeContext) -> None:
    """An extension that is no line of the customer is refused; one that is, accepted."""
    line, field_name, write = destination_writer(ctx)
    unknown = fresh_extension(ctx.tenant)
    ctx.refused(lambda: write(unknown), field_name,
                f"extension {unknown} of no line of the customer")
    known = destination_for(ctx, line, "extension")
    ctx.accepted(lambda: write(known), f"extension {known} of the customer")


def probe_destination_from_list(ctx: ProbeContext) -> None:
    """A number missing from the line's list is refused; once listed, accepted."""
    line, field_name, write = destination_writer(ctx)
    number = fresh_number(ctx.tenant)
    ctx.refused(lambda: write(number), field_name, "a number not in the line's list")
    with english(ctx.app):
        add_number(ctx.tenant, line, {"number": number})
    ctx.accepted(lambda: write(number), "a number of the line's list")


def _trigger_form(ctx: ProbeContext) -> SettingsBlock:
    block, shape = forwarding_form(ctx)
    assert shape == "triggers", f"{ctx.name}: this probe works on core's TriggerForm blocks only"
    return block


def probe_ring_reminder(ctx: ProbeContext) -> None:
    """Only the declared triggers take a ring reminder, and it is kept."""
    block = _trigger_form(ctx)
    for trigger in ctx.limits.triggers:
        plan = allowed_plan(ctx, trigger)
        line = ctx.line(plan)
        payload = rule_payload(ctx, block, line, trigger, **{f"{trigger}_ring_reminder": True})
        if trigger in ctx.value:
            ctx.accepted(
                lambda p=payload, line=line: block.write(ctx.tenant, line, p),
                f"a ring reminder on {trigger}",
            )
            read = block.read(ctx.tenant, line)
            assert read[f"{trigger}_ring_reminder"] is True, (
                f"{ctx.name}: the ring reminder of {trigger} is not kept"
            )
        else:
            ctx.refused(
                lambda p=payload, line=line: block.write(ctx.tenant, line, p),
                f"{trigger}_ring_reminder",
                f"a ring reminder on {trigger}",
            )


def probe_scheduled_by(ctx: ProbeContext) -> None:
    """A scheduled trigger turned on without its calendar (or schedule) is refused."""
    block = _trigger_form(ctx)
    for trigger, by in ctx.value.items():
        line = ctx.line(allowed_plan(ctx, trigger))
        payload = rule_payload(ctx, block, line, trigger)
        missing = f"{trigger}_calendar" if by == "calendar" else f"{trigger}_days"
        ctx.refused(
            lambda p=payload, m=missing, line=line: block.write(ctx.tenant, line, {**p, m: None}),
            missing,
            f"{trigger} on without its {by}",
        )
        ctx.accepted(
            lambda p=payload, line=line: block.write(ctx.tenant, line, p),
            f"{trigger} with its {by}",
        )


def probe_rings(ctx: ProbeContext) -> None:
    """Each ring bound: refused just past it, accepted at it."""
    block = _trigger_form(ctx)
    for trigger, bounds in ctx.value.items():
        line = ctx.line(allowed_plan(ctx, trigger))
        payload = rule_payload(ctx, block, line, trigger)
        field_name = f"{trigger}_rings"
        for inside, past in ((bounds.max, bounds.max + 1), (bounds.min, bounds.min - 1)):
            ctx.accepted(
                lambda v=inside, field_name=field_name, line=line, payload=payload: block.write(
                    ctx.tenant, line, {**payload, field_name: v}
                ),
                f"{inside} rings",
            )
            if past >= 0:
                ctx.refused(
                    lambda v=past, field_name=field_name, line=line, payload=payload: block.write(
                        ctx.tenant, line, {**payload, field_name: v}
                    ),
                    field_name,
                    f"{past} rings",
                )


def probe_calendar_feature(ctx: ProbeContext) -> None:
    """A calendar made on the fly lands among the calendars of the declared feature."""
    from backoffice.core.carriers import registry

    block = _trigger_form(ctx)
    trigger = next(t for t, by in ctx.limits.scheduled_by.items() if by == "calendar")
    line = ctx.line(allowed_plan(ctx, trigger))
    payload = rule_payload(ctx, block, line, trigger)
    payload.pop(f"{trigger}_calendar")
    name = f"Probe on the fly {next(_COUNTER)}"
    ctx.refused(
        lambda: block.write(ctx.tenant, line, {**payload, f"{trigger}_new_calendar": name}),
        f"{trigger}_new_calendar_hours",
        "a new calendar without hours",
    )
    ctx.accepted(
        lambda: block.write(
            ctx.tenant,
            line,
            {
                **payload,
                f"{trigger}_new_calendar": name,
                f"{trigger}_new_calendar_hours": "mon-fri 09:00-17:00",
            },
        ),
        "a new calendar",
    )
    calendars = registry()[ctx.carrier_id].blocks
    holder = [b for b in calendars if b.feature == ctx.value and isinstance(b, CollectionBlock)]
    assert holder, f"{ctx.name}: no collection block of feature {ctx.value!r}"
    listed = [c.name for c in holder[0].items(ctx.tenant, None)]
    assert name in listed, f"{ctx.name}: the new calendar is not among {ctx.value}'s calendars"


def probe_exclusive(ctx: ProbeContext) -> None:
    """Two exclusive triggers together are refused; each alone is accepted."""
    block = _trigger_form(ctx)
    for first, second in ctx.value:
        plan = next(
            p
            for p in ctx.offer.plans
            if allowed_plan(ctx, first) == p
            or (
                first in ctx.limits.triggers_per_plan.get(p, ctx.limits.triggers)
                and second in ctx.limits.triggers_per_plan.get(p, ctx.limits.triggers)
            )
        )
        line = ctx.line(plan)
        one, other = rule_payload(ctx, block, line, first), rule_payload(ctx, block, line, second)
        ctx.accepted(
            lambda line=line, one=one: block.write(ctx.tenant, line, one), f"{first} alone"
        )
        ctx.accepted(
            lambda line=line, other=other: block.write(ctx.tenant, line, other), f"{second} alone"
        )
        ctx.refused(
            lambda line=line, one=one, other=other: block.write(ctx.tenant, line, {**one, **other}),
            f"{second}_enabled",
            f"{first} and {second} together",
        )


def new_line_filling(ctx: ProbeContext, plan: str, fields: set[str]) -> Line:
    """A new line of ``plan`` whose ``fields`` hold a number the carrier accepts there.

    The candidates are the numbers of the tenant's other lines (a carrier may want one of
    the customer's own lines, such as a mobile line), then fresh numbers of each kind.
    """
    if not fields:
        return ctx.new_line(plan)
    taken = [n for n in db.session.scalars(select(Line.number).where(
        Line.tenant_id == ctx.tenant.id, Line.number.is_not(None)).order_by(Line.id))]
    candidates = taken + [fresh_number(ctx.tenant, kind) for kind in NUMBER_KINDS]
    refusal: ChangeRejected | None = None
    for number in candidates:
        try:
            return ctx.new_line(plan, **dict.fromkeys(fields, number))
        except ChangeRejected as refused:
            if any(violation.field not in fields for violation in refused.violations):
                raise
            refusal = refused
    assert refusal is not None
    raise refusal


def probe_defaults_per_plan(ctx: ProbeContext) -> None:
    """A fresh line of each plan reads the declared default of each trigger."""
    block = _trigger_form(ctx)
    for plan, rules in ctx.value.items():
        fields = {rule.destination.removeprefix("line:") for rule in rules.values()
                  if rule.destination and rule.destination.startswith("line:")}
        line = new_line_filling(ctx, plan, fields)
        read = block.read(ctx.tenant, line)
        for trigger, rule in rules.items():
            assert read[f"{trigger}_enabled"] is rule.enabled, (
                f"{ctx.name}: a fresh {plan} line reads {trigger} "
                f"{'on' if read[f'{trigger}_enabled'] else 'off'}, declared otherwise"
            )
            destination = read.get(f"{trigger}_destination")
            expected = rule.destination
            if expected == "voicemail":
                assert destination is not None and destination.kind == "voicemail", (
                    f"{ctx.name}: {plan} {trigger} does not default to voicemail"
                )
            elif expected and expected.startswith("line:"):
                value = getattr(line, expected.removeprefix("line:"))
                assert destination is not None and destination.value == value, (
                    f"{ctx.name}: {plan} {trigger} does not default to {expected}"
                )


def probe_fixed_destinations(ctx: ProbeContext) -> None:
    """A fixed trigger takes no destination, and forwards to the declared one."""
    block = _trigger_form(ctx)
    for trigger, kind in ctx.value.items():
        line = ctx.line(allowed_plan(ctx, trigger))
        payload = rule_payload(ctx, block, line, trigger)
        ctx.refused(
            lambda p=payload, line=line, trigger=trigger: block.write(
                ctx.tenant, line, {**p, f"{trigger}_destination": fresh_number(ctx.tenant)}
            ),
            f"{trigger}_destination",
            f"a destination for {trigger}",
        )
        ctx.accepted(lambda p=payload, line=line: block.write(ctx.tenant, line, p), f"{trigger} on")
        state = block.read(ctx.tenant, line).get(f"{trigger}_destination")
        assert state is not None and state.kind == kind, (
            f"{ctx.name}: {trigger} does not forward to its fixed {kind}"
        )


def probe_optional(ctx: ProbeContext) -> None:
    """A fresh line lacks the option, and a trigger needs it turned on."""
    block = _trigger_form(ctx)
    trigger = ctx.limits.triggers[0]
    plan = allowed_plan(ctx, trigger)
    line = ctx.new_line(plan)
    assert block.read(ctx.tenant, line).get("subscribed") is False, (
        f"{ctx.name}: a fresh line reads the option on"
    )
    payload = rule_payload(ctx, block, line, trigger)
    ctx.refused(
        lambda: block.write(ctx.tenant, line, {**payload, "subscribed": False}),
        "subscribed",
        f"{trigger} without the option",
    )
    ctx.accepted(lambda: block.write(ctx.tenant, line, payload), f"{trigger} with the option")


STATE_OF = {
    "busy": "busy",
    "no_answer": "no_answer",
    "unreachable": "unreachable",
    "out_of_service": "unreachable",
}


def probe_priority(ctx: ProbeContext) -> None:
    """Of two triggers that both take a call, the explainer follows the declared order."""
    from backoffice.core.explainer import explain_call

    block = _trigger_form(ctx)
    for first, second in itertools.pairwise(ctx.value):
        plan = allowed_plan(ctx, first)
        line = ctx.new_line(plan)
        both = {**rule_payload(ctx, block, line, second), **rule_payload(ctx, block, line, first)}
        ctx.accepted(
            lambda p=both, line=line: block.write(ctx.tenant, line, p), f"{first} and {second}"
        )
        call = CallContext(None, now_in(ctx.tenant), STATE_OF.get(second, "idle"))
        with english(ctx.app):
            codes = [step.code for step in explain_call(ctx.tenant, line, call)]
        assert any(code.endswith(f".{first}") for code in codes), (
            f"{ctx.name}: with {first} and {second} on, the call path {codes} does not "
            f"follow {first} first"
        )
        alone = rule_payload(ctx, block, line, second)
        ctx.accepted(lambda p=alone, line=line: block.write(ctx.tenant, line, p), f"{second} alone")
        with english(ctx.app):
            codes = [step.code for step in explain_call(ctx.tenant, line, call)]
        assert any(code.endswith(f".{second}") for code in codes), (
            f"{ctx.name}: with {second} alone, the call path {codes} does not follow it"
        )


# -- blacklist ---------------------------------------------------------------------------------


def _rule_probe(field_name: str, every: tuple[str, ...]) -> Probe:
    def probe(ctx: ProbeContext) -> None:
        block = ctx.collection_block()
        assert field_name in ctx.fields_of(block), (
            f"{ctx.name}: block {block.id} has no {field_name!r} field"
        )
        base = {"mode": ctx.limits.modes[0], "match": ctx.limits.match[0]}
        for value in every:
            data = {**base, field_name: value, "digits": str(5550000 + next(_COUNTER))}
            if value in ctx.value:
                ctx.accepted(
                    lambda d=data: block.add(ctx.tenant, None, d),
                    f"a rule with {field_name} {value}",
                )
            else:
                ctx.refused(
                    lambda d=data: block.add(ctx.tenant, None, d),
                    field_name,
                    f"a rule with {field_name} {value}",
                )

    probe.__doc__ = f"Each {field_name} outside the list is refused; each inside accepted."
    return probe


def distinct_numbers(tenant: Tenant, count: int) -> Iterator[str]:
    """``count`` valid numbers of the carrier's country, all different (E.164)."""
    region = carrier_region(tenant)
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    stem = str(example.national_number)[:-4]
    found = 0
    for suffix in range(10_000):
        candidate = phonenumbers.parse(f"{stem}{suffix:04d}", region)
        if phonenumbers.is_valid_number(candidate):
            yield phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)
            found += 1
            if found == count:
                return
    raise AssertionError(f"only {found} valid numbers of {region} around {stem}")


def copies_of(item: Any, count: int, **varying: Callable[[int], Any]) -> None:
    """Insert ``count`` copies of the saved ``item`` straight into its table, in one
    executemany, each with its ``varying`` columns (``column=lambda index: value``).

    Fills a collection up to a large maximum cheaply; the probe then adds the last item
    allowed and the one past it through the pipeline, where the limit is enforced."""
    if count <= 0:
        return
    table = type(item).__table__
    base = {column.key: getattr(item, column.key) for column in table.columns
            if column.key != "id"}
    db.session.execute(insert(table), [
        {**base, **{name: value(index) for name, value in varying.items()}}
        for index in range(count)])
    db.session.commit()


def probe_max_contacts(ctx: ProbeContext) -> None:
    """A directory of contacts: accepted up to the maximum, refused one past it. The
    contacts between the first and the last allowed are copies of the first, written
    directly; the last one and the one past it go through the pipeline."""
    block = ctx.collection_block()
    maximum = ctx.value
    taken = {item.number for item in block.items(ctx.tenant, None)}
    fresh = [number for number in distinct_numbers(ctx.tenant, maximum + 1 + len(taken))
             if number not in taken]

    def add(index: int) -> Any:
        contact = {"name": f"Contact {index + 1}", "number": fresh[index]}
        return ctx.accepted(lambda: block.add(ctx.tenant, None, contact),
                            f"contact {index + 1} of {maximum}")

    first = add(len(taken))
    copies_of(first, maximum - len(taken) - 2, name=lambda i: f"Contact {len(taken) + i + 2}",
              number=lambda i: fresh[len(taken) + i + 1])
    if maximum - len(taken) >= 2:
        add(maximum - 1)
    ctx.refused(lambda: block.add(
        ctx.tenant, None, {"name": "One too many", "number": fresh[maximum]}),
        "name", f"contact {maximum + 1}")


def one_time_conference(ctx: ProbeContext, **changes: Any) -> dict[str, Any]:
    """Data of a valid one-time conference in the carrier's first language."""
    return {"kind": "one_time", "title": f"Probe {next(_COUNTER)}",
            "language": ctx.limits.languages[0], "start_date": "2030-03-04",
            "start_time": "10:00", "duration_minutes": 30, **changes}


def probe_conference_max_minutes(ctx: ProbeContext) -> None:
    """A one-time conference: accepted at the longest length, refused one minute past it."""
    block, maximum = ctx.collection_block(), ctx.value
    ctx.accepted(lambda: block.add(ctx.tenant, None, one_time_conference(
        ctx, duration_minutes=maximum)), f"{maximum} minutes")
    ctx.refused(lambda: block.add(ctx.tenant, None, one_time_conference(
        ctx, duration_minutes=maximum + 1)), "duration_minutes", f"{maximum + 1} minutes")


def probe_conference_opening(ctx: ProbeContext) -> None:
    """A one-time conference can be joined from its opening, not a minute before."""
    from backoffice.core.conferences.joining import joining, opening_and_end

    block = ctx.collection_block()
    with english(ctx.app):
        conference = block.add(ctx.tenant, None, one_time_conference(ctx))
    opens, _ = opening_and_end(conference)
    start = datetime.combine(conference.start_date, conference.start_time,
                             ZoneInfo(conference.timezone))
    assert start - opens == timedelta(minutes=ctx.value), (ctx.name, opens, start)
    assert joining(conference, opens, administrator_connected=True) == "joined"
    assert joining(conference, opens - timedelta(minutes=1), True) == "too_early"


def probe_conference_broadcast(ctx: ProbeContext) -> None:
    """A permanent conference broadcast on the web is refused; a one-time one is not."""
    block = ctx.collection_block()
    assert ctx.value is False, f"{ctx.name}: only False narrows the default"
    ctx.refused(lambda: block.add(ctx.tenant, None, {
        "kind": "permanent", "title": "Probe room", "language": ctx.limits.languages[0],
        "web_broadcast": True}), "web_broadcast", "a permanent conference on the web")
    ctx.accepted(lambda: block.add(ctx.tenant, None, one_time_conference(
        ctx, web_broadcast=True)), "a one-time conference on the web")


def users_collection(ctx: ProbeContext) -> CollectionBlock:
    """The feature's block of users (not the one that adds lines for them)."""
    found = [b for b in ctx.blocks if isinstance(b, CollectionBlock)
             and "assignment" not in ctx.fields_of(b)]
    assert found, f"{ctx.name}: the feature has no block of users"
    return found[0]


def user_data(**extra: Any) -> dict[str, Any]:
    number = next(_COUNTER)
    return {"first_name": "Probe", "last_name": f"User {number}",
            "email": f"user{number}@conformance.example", **extra}


def probe_user_department(ctx: ProbeContext) -> None:
    """A user's department is kept when declared; refused as unknown when not."""
    block = users_collection(ctx)
    if ctx.value:
        user = ctx.accepted(lambda: block.add(ctx.tenant, None, user_data(
            department="Probe department")), "a user with a department")
        assert user.department == "Probe department", ctx.name
    else:
        ctx.refused(lambda: block.add(ctx.tenant, None, user_data(department="x")),
                    "department", "a department the carrier's users lack")


def probe_user_email_set_once(ctx: ProbeContext) -> None:
    """The e-mail given at creation: refused when changed (declared), accepted otherwise."""
    block = users_collection(ctx)
    user = ctx.accepted(lambda: block.add(ctx.tenant, None, user_data()), "a new user")
    change = {"email": f"changed{next(_COUNTER)}@conformance.example"}
    if ctx.value:
        ctx.refused(lambda: block.change(user, change), "email", "a changed e-mail")
    else:
        ctx.accepted(lambda: block.change(user, change), "a changed e-mail")


def probe_user_line_plans(ctx: ProbeContext) -> None:
    """A user holds a free line of an allowed plan; a line of another plan is refused."""
    from backoffice.core.carriers import registry

    block = users_collection(ctx)
    allowed = ctx.value[0]
    line = ctx.new_line(allowed, extension=fresh_extension(ctx.tenant))
    ctx.accepted(lambda: block.add(ctx.tenant, None, user_data(extension=line.extension)),
                 f"a user on a free {allowed} line")
    others = [plan.id for plan in registry()[ctx.carrier_id].plans
              if plan.id not in ctx.value]
    for plan in others:
        try:
            other = ctx.new_line(plan, extension=fresh_extension(ctx.tenant))
        except ChangeRejected:
            continue  # a plan whose lines take no extension
        ctx.refused(lambda o=other: block.add(ctx.tenant, None, user_data(
            extension=o.extension)), "extension", f"a user on a {plan} line")
        return


def probe_proposed_extensions(ctx: ProbeContext) -> None:
    """The new line's form proposes that many free extensions; one of them is accepted."""
    from backoffice.core.users.assignment import proposed_extensions

    proposed = proposed_extensions(ctx.tenant)
    assert len(proposed) == ctx.value, (ctx.name, proposed)
    block = next(b for b in ctx.blocks if isinstance(b, CollectionBlock)
                 and "assignment" in ctx.fields_of(b))
    with english(ctx.app):
        help_text = str(block.schema(ctx.tenant).fields["extension"].metadata["help"])
    assert ", ".join(proposed) in help_text, (ctx.name, help_text)
    ctx.accepted(lambda: block.add(ctx.tenant, None, {
        "extension": proposed[0], "assignment": "administrator"}), "a proposed extension")


def probe_number_routes(ctx: ProbeContext) -> None:
    """A company number is routed to each declared route; any other is refused."""
    block = ctx.collection_block()
    numbers = distinct_numbers(ctx.tenant, 200)
    taken = {item.number for item in block.items(ctx.tenant, None)} | set(db.session.scalars(
        select(Line.number).where(Line.tenant_id == ctx.tenant.id)))
    fresh = (number for number in numbers if number not in taken)
    for route in ctx.value:
        data: dict[str, Any] = {"number": next(fresh), "route": route}
        if route == "extension":
            data["extension"] = ctx.line(ctx.plans()[0]).extension or ctx.new_line(
                ctx.plans()[0], extension=fresh_extension(ctx.tenant)).extension
        ctx.accepted(lambda d=data: block.add(ctx.tenant, None, d), f"a number to {route}")
    for route in ("ivr", "extension", "fax"):
        if route not in ctx.value:
            ctx.refused(lambda r=route: block.add(ctx.tenant, None, {
                "number": next(fresh), "route": r}), "route", f"a number to {route}")
            break


def probe_max_numbers(ctx: ProbeContext) -> None:
    """A list of numbers: accepted up to the maximum, refused one past it."""
    maximum = ctx.value
    line = ctx.new_line(ctx.plans()[0]) if ctx.offer.scope == "line" else None
    collections = [b for b in ctx.blocks if isinstance(b, CollectionBlock)]
    if collections:
        block = collections[0]
        for index in range(maximum):
            number = fresh_number(ctx.tenant)
            ctx.accepted(
                lambda n=number: block.add(ctx.tenant, line, {"number": n}),
                f"number {index + 1} of {maximum}",
            )
        ctx.refused(
            lambda: block.add(ctx.tenant, line, {"number": fresh_number(ctx.tenant)}),
            "number",
            f"number {maximum + 1}",
        )
        return
    settings = ctx.settings_block()
    schema = settings.schema(ctx.tenant)
    field_name = next((n for n in ("numbers",) if n in schema.fields), None)
    assert field_name, f"{ctx.name}: block {settings.id} has no list of numbers"
    numbers = [
        fresh_number(ctx.tenant, phonenumbers.PhoneNumberType.MOBILE) for _ in range(maximum + 1)
    ]
    switch = {"enabled": True} if "enabled" in schema.fields else {}
    ctx.accepted(
        lambda: settings.write(ctx.tenant, line, {**switch, field_name: numbers[:maximum]}),
        f"{maximum} numbers",
    )
    ctx.refused(
        lambda: settings.write(ctx.tenant, line, {**switch, field_name: numbers}),
        field_name,
        f"{maximum + 1} numbers",
    )


# -- calendars ---------------------------------------------------------------------------------


def _add_calendar(ctx: ProbeContext, **extra: Any) -> Any:
    block = ctx.collection_block()
    data = {"name": f"Probe {next(_COUNTER)}", "hours": ["mon-fri 09:00-17:00"], **extra}
    return ctx.accepted(lambda: block.add(ctx.tenant, None, data), "a new calendar")


def probe_closures_repeat_yearly(ctx: ProbeContext) -> None:
    """A new calendar's closures repeat yearly exactly when declared."""
    calendar = _add_calendar(ctx)
    assert calendar.closures_yearly is ctx.value, (
        f"{ctx.name}: a new calendar's closures_yearly is {calendar.closures_yearly}"
    )


def probe_holidays(ctx: ProbeContext) -> None:
    """The holiday prefill comes from the declared country and subdivision."""
    spec = ctx.value
    calendar = _add_calendar(ctx, prefill_holidays=True)
    days = _closure_days(calendar)
    today = now_in(ctx.tenant).date()
    years = [today.year, today.year + 1]
    declared = set(holidays.country_holidays(spec.country, subdiv=spec.subdiv, years=years))
    country = set(holidays.country_holidays(carrier_region(ctx.tenant), years=years))
    assert days and days <= declared, (
        f"{ctx.name}: prefilled closures {sorted(days)} are not holidays of {spec}"
    )
    own = {d for d in declared - country if today <= d < today + timedelta(days=365)}
    assert not own or days & own, (
        f"{ctx.name}: the prefill misses the holidays only {spec} has: {sorted(own)}"
    )


def _closure_days(calendar: Any) -> set[date]:
    return {closure.first for closure in calendar.closure_list}


# -- lines and switches -------------------------------------------------------------------------


def probe_reserved_extensions(ctx: ProbeContext) -> None:
    """Each reserved extension is refused for a line; another one is accepted."""
    from backoffice.core.carriers import registry
    from backoffice.core.lines import create_line

    plan = next(
        (p for p in registry()[ctx.carrier_id].plans if "extension" in p.requires),
        registry()[ctx.carrier_id].plans[0],
    )
    for value in ctx.value:
        data = {**line_data(ctx.tenant, plan.id), "extension": value}
        ctx.refused(
            lambda d=data: create_line(ctx.tenant, d), "extension", f"reserved extension {value}"
        )
    data = {**line_data(ctx.tenant, plan.id), "extension": fresh_extension(ctx.tenant)}
    ctx.accepted(lambda: create_line(ctx.tenant, data), "an extension not reserved")


def probe_email_change_resets(ctx: ProbeContext) -> None:
    """A new e-mail needs the agent's confirmation in the line form; the same one, in
    another case, does not."""
    from backoffice.web.lines import email_change_caution

    line = next((found for plan in ctx.plans()
                 if (found := ctx.line(plan)) is not None and found.email), None)
    if line is None:
        line = ctx.new_line(next(p for p in ctx.plans()), email="probe@conformance.example")
    with in_request(ctx.app, "en"):
        assert email_change_caution(ctx.tenant, line, {"email": "new@conformance.example"}), (
            f"{ctx.name}: a new e-mail is saved without the agent's confirmation")
        assert not email_change_caution(ctx.tenant, line, {"email": line.email.upper()}), (
            f"{ctx.name}: the same e-mail asks for a confirmation")


def probe_association_within_minutes(ctx: ProbeContext) -> None:
    """A new associated number's order stays pending, expected within the declared
    minutes, and is applied once that time is past."""
    from backoffice.core.lines import update_line
    from backoffice.core.models import ProvisioningOrder
    from backoffice.core.provisioning import sweep_stalled

    line = db.session.scalar(select(Line).where(Line.tenant_id == ctx.tenant.id,
                                                Line.associated_number.is_not(None)))
    assert line is not None, f"{ctx.name}: no line of the demo has an associated number"
    number = line.associated_number
    ctx.accepted(lambda: update_line(line, {"associated_number": None}), "no associated number")
    ctx.accepted(lambda: update_line(line, {"associated_number": number}),
                 "the associated number again")
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == line.id).order_by(ProvisioningOrder.id.desc())).first()
    db.session.refresh(order)
    assert order.status == ProvisioningOrder.PENDING and order.expected_at is not None, (
        f"{ctx.name}: the association's order is {order.status}, not pending with a time")
    late = order.expected_at - order.created_at
    assert timedelta(0) < late <= timedelta(minutes=ctx.value), (
        f"{ctx.name}: expected {late} after the change, more than {ctx.value} minutes")
    order.created_at -= late
    order.expected_at -= late
    db.session.commit()
    sweep_stalled()
    db.session.refresh(order)
    assert order.status == ProvisioningOrder.APPLIED, f"{ctx.name}: not applied in time"


def probe_associated_plans(ctx: ProbeContext) -> None:
    """The line form's associated number lists the customer's lines of the associated plans
    (and only those); the number of such a line is accepted for a line of the plan."""
    from backoffice.core.lines import line_schema, update_line
    from backoffice.core.schemas import associated_line_choices
    from backoffice.web.forms import build_form

    wanted = set(ctx.value.values())
    numbers = dict(db.session.execute(select(Line.number, Line.plan).where(
        Line.tenant_id == ctx.tenant.id, Line.number.is_not(None))).all())
    expected = {number for number, plan in numbers.items() if plan in wanted}
    assert expected, f"{ctx.name}: no line of {sorted(wanted)} with a number in the demo"
    with in_request(ctx.app, "en"):
        offered = {value for value, _ in associated_line_choices(ctx.tenant)}
        form = build_form(line_schema(ctx.tenant), tenant=ctx.tenant)
    assert offered == expected, f"{ctx.name}: the form offers {offered}, not {expected}"
    kind = next(f.kind for f in form if f.name == "associated_number")
    assert kind == "select", f"{ctx.name}: the associated number is typed ({kind})"
    plan = next(iter(ctx.value))
    line = ctx.line(plan)
    assert line is not None, f"{ctx.name}: no line of plan {plan} in the demo"
    ctx.accepted(lambda: update_line(line, {"associated_number": sorted(expected)[0]}),
                 f"a line of {sorted(wanted)} as the associated number")


def probe_address_fixed(ctx: ProbeContext) -> None:
    """A site is renamed; its address is refused."""
    from backoffice.core.tenants import create_site, update_site

    site = ctx.accepted(lambda: create_site(ctx.tenant, {
        "name": f"Probe site {next(_COUNTER)}", "street": "1 rue", "city": "Ville"}),
        "a new site")
    ctx.accepted(lambda: update_site(site, {"name": f"Probe site {next(_COUNTER)}"}),
                 "a new name")
    ctx.refused(lambda: update_site(site, {"street": "2 rue"}), "street", "a new address")


def probe_virtual_site(ctx: ProbeContext) -> None:
    """The automatic site is there, not physical, neither renamed nor deleted."""
    from backoffice.core.models import Site
    from backoffice.core.tenants import delete_site, update_site

    site = db.session.scalar(select(Site).where(Site.tenant_id == ctx.tenant.id,
                                                Site.name == ctx.value))
    assert site is not None and not site.physical, f"{ctx.name}: no automatic site {ctx.value}"
    ctx.refused(lambda: update_site(site, {"name": "Renamed"}), "name", "renaming it")
    ctx.refused(lambda: delete_site(site), "", "deleting it")


def probe_virtual_site_plans(ctx: ProbeContext) -> None:
    """A line of those plans given no site goes to the automatic site; a line of another
    plan is refused there."""
    from backoffice.core.carriers import registry
    from backoffice.core.lines import create_line
    from backoffice.core.models import Site

    site = db.session.scalar(select(Site).where(Site.tenant_id == ctx.tenant.id,
                                                Site.physical.is_(False)))
    for plan in ctx.value:
        line = ctx.accepted(lambda p=plan: new_line(ctx.tenant, p, site_id=None),
                            f"a {plan} line given no site")
        assert line.site_id == site.id, f"{ctx.name}: a {plan} line is not on {site.name}"
    other = next(p.id for p in registry()[ctx.carrier_id].plans if p.id not in ctx.value)
    data = {**line_data(ctx.tenant, other), "site_id": site.id}
    ctx.refused(lambda: create_line(ctx.tenant, data), "site_id",
                f"a {other} line on the automatic site")


def probe_switch_default(ctx: ProbeContext) -> None:
    """A fresh line reads the switch's declared default."""
    block = ctx.settings_block()
    schema = block.schema(ctx.tenant)
    from marshmallow import fields as mm_fields

    name = next(
        n for n, f in schema.fields.items() if isinstance(f, mm_fields.Boolean) and not f.dump_only
    )
    line = ctx.new_line(ctx.plans()[0])
    assert schema.dump(block.read(ctx.tenant, line))[name] is ctx.value, (
        f"{ctx.name}: a fresh line does not read {name} = {ctx.value}"
    )


# -- emergency addresses ------------------------------------------------------------------------


def e911_address(province: str) -> dict[str, Any]:
    """A valid address in ``province``, with only the required fields."""
    return {"province": province, "municipality": "Montréal", "building_number": "1050",
            "street_name": "Beaver Hall"}


def probe_provinces(ctx: ProbeContext) -> None:
    """Each declared province is accepted; a subdivision outside the list is refused."""
    import pycountry

    block, line = ctx.collection_block(), ctx.new_line(ctx.plans()[0])
    for province in ctx.value:
        ctx.accepted(lambda p=province: block.add(ctx.tenant, line, e911_address(p)),
                     f"an address in {province}")
    country = ctx.value[0].split("-")[0]
    others = sorted(s.code for s in pycountry.subdivisions.get(country_code=country)
                    if s.code not in ctx.value) or ["ZZ-XX"]
    ctx.refused(lambda: block.add(ctx.tenant, line, e911_address(others[0])), "province",
                f"an address in {others[0]}, not declared")


def probe_outside_option(ctx: ProbeContext) -> None:
    """The outside option can be chosen as the current location, and a 9-1-1 call says so."""
    from flask_babel import gettext

    settings, line = ctx.settings_block(), ctx.new_line(ctx.plans()[0])
    ctx.collection_block().add(ctx.tenant, line, e911_address(ctx.limits.provinces[0]))
    ctx.accepted(lambda: settings.write(ctx.tenant, line, {"outside": True}),
                 "the outside option")
    with english(ctx.app):
        read = settings.read(ctx.tenant, line)
        assert read["outside"] is True and read["address"] == gettext(ctx.value), (
            f"{ctx.name}: the current location reads {read}, not {ctx.value!r}")


def probe_emergency_numbers(ctx: ProbeContext) -> None:
    """A call the line makes to each emergency number names the current address; another
    number goes out."""
    line = ctx.new_line(ctx.plans()[0])
    address = ctx.collection_block().add(ctx.tenant, line,
                                         e911_address(ctx.limits.provinces[0]))
    with english(ctx.app):
        for number in ctx.value:
            last = explain_dial(ctx.tenant, line, number)[-1]
            assert last.action == "emergency" and address.street_name in last.target, (
                f"{ctx.name}: a call to {number} ends with {last}")
        other = "5" + "0" * 9
        assert explain_dial(ctx.tenant, line, other)[-1].action != "emergency", (
            f"{ctx.name}: a call to {other} is taken for an emergency call")


def explain_dial(tenant: Tenant, line: Line, number: str) -> list[Any]:
    """The path of a call the line makes to ``number`` now."""
    from backoffice.core.explainer import explain_call

    return explain_call(tenant, line, CallContext(None, now_in(tenant), direction="outgoing",
                                                  dialled=number))


# -- push-to-talk ------------------------------------------------------------------------------


def _carrier_blocks(ctx: ProbeContext) -> list[Block]:
    from backoffice.core.carriers import registry

    return list(registry()[ctx.carrier_id].blocks)


def _list_block(ctx: ProbeContext, kind: str = "") -> CollectionBlock:
    """A block of sub-lists or talk groups (its schema has ``members``); of ``kind``."""
    found = [b for b in _carrier_blocks(ctx) if isinstance(b, CollectionBlock)
             and "members" in b.schema(ctx.tenant).fields and kind in b.id]
    assert found, f"{ctx.name}: no block of lists with members"
    return found[0]


def _contact_block(ctx: ProbeContext) -> CollectionBlock:
    found = [b for b in ctx.blocks if isinstance(b, CollectionBlock)
             and "number" in b.schema(ctx.tenant).fields]
    assert found, f"{ctx.name}: no block of external contacts"
    return found[0]


def national_digits(tenant: Tenant) -> str:
    """The national digits of a fresh valid number of the carrier's country."""
    parsed = phonenumbers.parse(fresh_number(tenant))
    return phonenumbers.national_significant_number(parsed)


def probe_contact_name_max(ctx: ProbeContext) -> None:
    """An external contact's name: accepted at the maximum, refused one past it."""
    block, digits = _contact_block(ctx), national_digits(ctx.tenant)
    ctx.refused(lambda: block.add(ctx.tenant, None, {"name": "n" * (ctx.value + 1),
                                                     "number": digits}),
                "name", f"a name of {ctx.value + 1} characters")
    ctx.accepted(lambda: block.add(ctx.tenant, None, {"name": "n" * ctx.value,
                                                      "number": digits}),
                 f"a name of {ctx.value} characters")


def probe_contact_number_digits(ctx: ProbeContext) -> None:
    """An external contact's number: exactly the declared digits, one more or fewer refused."""
    block, digits = _contact_block(ctx), national_digits(ctx.tenant)
    assert len(digits) == ctx.value, (
        f"{ctx.name}: the country's numbers have {len(digits)} digits, not {ctx.value}")
    for wrong in (digits + "0", digits[:-1]):
        ctx.refused(lambda w=wrong: block.add(ctx.tenant, None, {"name": "Probe",
                                                                 "number": w}),
                    "number", f"{len(wrong)} digits")
    ctx.accepted(lambda: block.add(ctx.tenant, None, {"name": "Probe", "number": digits}),
                 f"{ctx.value} digits")


def probe_device_plans(ctx: ProbeContext) -> None:
    """A line of a device plan may be a member; a line of another plan may not."""
    from backoffice.core.carriers import registry

    block = _list_block(ctx)
    device = ctx.new_line(ctx.value[0])
    ctx.accepted(lambda: block.add(ctx.tenant, None, {
        "name": f"Probe {next(_COUNTER)}", "members": [f"line:{device.id}"]}),
        f"a line of {ctx.value[0]} as a member")
    others = [p.id for p in registry()[ctx.carrier_id].plans if p.id not in ctx.value]
    if others:
        other = ctx.new_line(others[0])
        ctx.refused(lambda: block.add(ctx.tenant, None, {
            "name": f"Probe {next(_COUNTER)}", "members": [f"line:{other.id}"]}),
            "members", f"a line of {others[0]} as a member")


def probe_priorities(ctx: ProbeContext) -> None:
    """A talk group on a scan list: priorities 1 to the maximum, one past it refused."""
    device = ctx.new_line(ctx.plans()[0])
    groups = _list_block(ctx, "talk")
    scan = ctx.collection_block()
    with english(ctx.app):
        group = groups.add(ctx.tenant, None, {"name": f"Probe {next(_COUNTER)}",
                                              "members": [f"line:{device.id}"]})
    ctx.refused(lambda: scan.add(ctx.tenant, device, {"group_id": group.id,
                                                      "priority": ctx.value + 1}),
                "priority", f"priority {ctx.value + 1}")
    ctx.accepted(lambda: scan.add(ctx.tenant, device, {"group_id": group.id,
                                                       "priority": ctx.value}),
                 f"priority {ctx.value}")


# -- calling options -------------------------------------------------------------------
def _number_line(ctx: ProbeContext) -> Line:
    """A line of the offer's first plan that has a number (one of the customer's)."""
    return ctx.new_line(ctx.plans()[0], number=fresh_number(ctx.tenant))


def _alternate(ctx: ProbeContext, line: Line, **values: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"mode": "alternate", "number": line.number}
    if ctx.limits.name_max_length is not None:
        data["name"] = "Accueil"[: ctx.limits.name_max_length]
    return {**data, **values}


def probe_caller_id_modes(ctx: ProbeContext) -> None:
    """Every declared presentation is accepted; the others are refused on ``mode``."""
    block = ctx.settings_block()
    line = _number_line(ctx)
    for mode in ("line", "hidden", "alternate"):
        data = _alternate(ctx, line) if mode == "alternate" else {"mode": mode}
        if mode in ctx.value:
            ctx.accepted(lambda d=data: block.write(ctx.tenant, line, d), f"mode {mode}")
        else:
            ctx.refused(lambda d=data: block.write(ctx.tenant, line, d), "mode", f"mode {mode}")


def probe_caller_id_name_max_length(ctx: ProbeContext) -> None:
    """A caller-ID name of the maximum length is accepted, one character more refused."""
    block = ctx.settings_block()
    line = _number_line(ctx)
    ctx.accepted(lambda: block.write(ctx.tenant, line, _alternate(
        ctx, line, name="N" * ctx.value)), f"a name of {ctx.value} characters")
    ctx.refused(lambda: block.write(ctx.tenant, line, _alternate(
        ctx, line, name="N" * (ctx.value + 1))), "name", f"a name of {ctx.value + 1}")


def probe_caller_id_name_and_number(ctx: ProbeContext) -> None:
    """An alternate caller ID without a name is refused on ``name``."""
    block = ctx.settings_block()
    line = _number_line(ctx)
    ctx.refused(lambda: block.write(ctx.tenant, line, _alternate(ctx, line, name=None)),
                "name", "an alternate number without a name")


def probe_caller_id_numbers_of_tenant(ctx: ProbeContext) -> None:
    """The alternate number is one of the customer's lines: another number is refused."""
    block = ctx.settings_block()
    line = _number_line(ctx)
    ctx.accepted(lambda: block.write(ctx.tenant, line, _alternate(ctx, line)),
                 "a number of the customer's")
    ctx.refused(lambda: block.write(ctx.tenant, line, _alternate(
        ctx, line, number=fresh_number(ctx.tenant))), "number", "a number of nobody's")


def _permission_line(ctx: ProbeContext) -> Line:
    return ctx.new_line(ctx.plans()[0])


def probe_permission_profiles(ctx: ProbeContext) -> None:
    """Each declared profile is accepted and read back; an undeclared one is refused."""
    block = ctx.settings_block()
    line = _permission_line(ctx)
    for profile in ctx.value:
        ctx.accepted(lambda p=profile.id: block.write(ctx.tenant, line, {"profile": p}),
                     f"profile {profile.id}")
        assert block.read(ctx.tenant, line)["profile"] == profile.id
    ctx.refused(lambda: block.write(ctx.tenant, line, {"profile": "no-such-profile"}),
                "profile", "an undeclared profile")


def probe_permission_default_profile(ctx: ProbeContext) -> None:
    """A fresh line reads the declared default profile."""
    block = ctx.settings_block()
    assert block.read(ctx.tenant, _permission_line(ctx))["profile"] == ctx.value, (
        f"{ctx.name}: a fresh line does not read the profile {ctx.value}")


def probe_permission_categories(ctx: ProbeContext) -> None:
    """Each category has its policy: "with code" needs the code, then it is accepted."""
    block = ctx.settings_block()
    line = _permission_line(ctx)
    for category in ctx.value:
        assert category in ctx.fields_of(block), f"{ctx.name}: no {category} field"
        if "code" in ctx.limits.policies:
            ctx.refused(lambda c=category: block.write(ctx.tenant, line, {c: "code"}),
                        f"{category}_code", f"{category} with code, without a code")
            ctx.accepted(lambda c=category: block.write(
                ctx.tenant, line, {c: "code", f"{c}_code": "1234"}), f"{category} with code")


def probe_permission_countries(ctx: ProbeContext) -> None:
    """International calls per country: a known country is turned off, an unknown refused."""
    block = ctx.settings_block()
    line = ctx.line()
    ctx.accepted(lambda: block.write(ctx.tenant, line, {
        "enabled": True, "blocked_countries": ["MX"]}), "turn Mexico off")
    assert block.read(ctx.tenant, line)["blocked_countries"] == ["MX"]
    ctx.refused(lambda: block.write(ctx.tenant, line, {
        "enabled": True, "blocked_countries": ["XX"]}), "blocked_countries", "country XX")


def probe_caller_id_default(ctx: ProbeContext) -> None:
    """A fresh line reads the declared presentation."""
    block = ctx.settings_block()
    assert block.read(ctx.tenant, ctx.new_line(ctx.plans()[0]))["mode"] == ctx.value, (
        f"{ctx.name}: a fresh line does not read the presentation {ctx.value}")


def probe_permission_default_policy(ctx: ProbeContext) -> None:
    """A fresh line reads the declared policy for each category."""
    values = ctx.settings_block().read(ctx.tenant, _permission_line(ctx))
    for category in ctx.limits.categories:
        assert values[category] == ctx.value, f"{ctx.name}: {category} is {values[category]}"


def probe_permission_policies(ctx: ProbeContext) -> None:
    """Each declared policy is accepted for each category; the others are refused."""
    block = ctx.settings_block()
    line = _permission_line(ctx)
    for category in ctx.limits.categories:
        for policy in ("disabled", "code", "unlimited"):
            data = {category: policy, **({f"{category}_code": "1234"}
                                         if policy == "code" else {})}
            if policy in ctx.value:
                ctx.accepted(lambda d=data: block.write(ctx.tenant, line, d),
                             f"{category} {policy}")
            else:
                ctx.refused(lambda d=data: block.write(ctx.tenant, line, d), category,
                            f"{category} {policy}")


def probe_permission_default_enabled(ctx: ProbeContext) -> None:
    """International calls read the declared state until set."""
    block = ctx.settings_block()
    assert block.read(ctx.tenant, ctx.line())["enabled"] is ctx.value, (
        f"{ctx.name}: international calls do not read {ctx.value}")
# -- voice menus and announcements -------------------------------------------------------------


def _menu_line(ctx: ProbeContext) -> Line | None:
    """A new line answered by a menu (line-scoped offer), or ``None`` (the tenant's menu)."""
    return ctx.new_line(ctx.plans()[0]) if ctx.offer.scope == "line" else None


def _announcement(ctx: ProbeContext, line: Line | None) -> int:
    """A new announcement through the carrier's announcements block, on the line's site."""
    from backoffice.core.carriers import registry
    from backoffice.core.tenants import create_site

    block = next((b for b in registry()[ctx.carrier_id].blocks
                  if b.feature == "announcements" and isinstance(b, CollectionBlock)), None)
    assert block is not None, f"{ctx.name}: the carrier has no announcements block"
    data: dict[str, Any] = {"name": f"Probe {next(_COUNTER)}"}
    if "site_id" in ctx.fields_of(block):
        site_id = line.site_id if line is not None else None
        if site_id is None:
            site_id = (ctx.tenant.sites[0] if ctx.tenant.sites
                       else create_site(ctx.tenant, {"name": "Conformance site"})).id
        data["site_id"] = site_id
    return ctx.accepted(lambda: block.add(ctx.tenant, None, data), "a new announcement").id


def _menu_settings(ctx: ProbeContext, line: Line | None, **data: Any) -> Callable[[], Any]:
    block = ctx.settings_block()
    payload = dict(data)
    if "no_input" in ctx.fields_of(block) and "no_input" not in payload:
        payload["no_input"] = ctx.limits.no_input[0]
    return lambda: block.write(ctx.tenant, line, payload)


def _number(ctx: ProbeContext) -> str:
    return fresh_number(ctx.tenant, phonenumbers.PhoneNumberType.MOBILE)


def probe_levels(ctx: ProbeContext) -> None:
    """A key as deep as the menus go is accepted; one level deeper is refused."""
    line, keys = _menu_line(ctx), ctx.collection_block()
    if ctx.value == 1:
        taken = {key.path for key in keys.items(ctx.tenant, line) if key.hours == "open"}
        free = next(path for path in "987654321" if path not in taken)
        ctx.accepted(lambda: keys.add(ctx.tenant, line, {"path": free,
                                                         "destination": _number(ctx)}),
                     "a key of the main menu")
        ctx.refused(lambda: keys.add(ctx.tenant, line, {"path": "21",
                                                        "destination": _number(ctx)}),
                    "path", "a key of a sub-menu")
        return
    greeting = _announcement(ctx, line)
    ctx.accepted(lambda: keys.add(ctx.tenant, line, {"path": "2", "kind": "menu",
                                                     "greeting_id": greeting}),
                 "a key opening a sub-menu")
    ctx.accepted(lambda: keys.add(ctx.tenant, line, {"path": "21",
                                                     "destination": _number(ctx)}),
                 "a key of the sub-menu")
    ctx.refused(lambda: keys.add(ctx.tenant, line, {"path": "22", "kind": "menu",
                                                    "greeting_id": greeting}),
                "kind", "a sub-menu inside a sub-menu")


def probe_closed_menu(ctx: ProbeContext) -> None:
    """A closed-hours menu: its greeting is required with a calendar, and it takes keys."""
    line, keys = _menu_line(ctx), ctx.collection_block()
    if not ctx.value:
        assert "hours" not in ctx.fields_of(keys), f"{ctx.name}: keys have a menu of hours"
        return
    from backoffice.core.carriers import registry

    feature = next((offer.feature for offer in registry()[ctx.carrier_id].features
                    if isinstance(offer.limits, CalendarLimits)), None)
    assert feature, f"{ctx.name}: a closed-hours menu needs calendars, and none is offered"
    calendar = new_calendar(ctx, feature)
    greeting = _announcement(ctx, line)
    if not ctx.limits.default_greeting:
        ctx.refused(_menu_settings(ctx, line, enabled=True, open_greeting_id=greeting,
                                   calendar_id=calendar), "closed_greeting_id",
                    "a calendar without a closed-hours greeting")
    ctx.accepted(_menu_settings(ctx, line, enabled=True, open_greeting_id=greeting,
                                calendar_id=calendar, closed_greeting_id=greeting),
                 "a calendar with both greetings")
    taken = {key.path for key in keys.items(ctx.tenant, line) if key.hours == "closed"}
    free = next(path for path in "987654321" if path not in taken)
    ctx.accepted(lambda: keys.add(ctx.tenant, line, {"hours": "closed", "path": free,
                                                     "destination": _number(ctx)}),
                 "a key of the closed-hours menu")


def probe_default_greeting(ctx: ProbeContext) -> None:
    """Without a default greeting, the menu is not switched on without one of its own."""
    line = _menu_line(ctx)
    if ctx.value:
        ctx.accepted(_menu_settings(ctx, line, enabled=True), "the menu on, default greeting")
        return
    ctx.refused(_menu_settings(ctx, line, enabled=True), "open_greeting_id",
                "the menu on without a greeting")
    greeting = _announcement(ctx, line)
    ctx.accepted(_menu_settings(ctx, line, enabled=True, open_greeting_id=greeting),
                 "the menu on with a greeting")


def probe_no_input(ctx: ProbeContext) -> None:
    """Each declared choice without a key is accepted; another is refused."""
    line = _menu_line(ctx)
    for value in ctx.value:
        ctx.accepted(_menu_settings(ctx, line, no_input=value), f"no input: {value}")
    ctx.refused(_menu_settings(ctx, line, no_input="voicemail"), "no_input",
                "no input: voicemail")


def probe_internal_number(ctx: ProbeContext) -> None:
    """The menu takes an internal number of digits, and refuses anything else."""
    line = _menu_line(ctx)
    if not ctx.value:
        assert "internal_number" not in ctx.fields_of(ctx.settings_block())
        return
    ctx.accepted(_menu_settings(ctx, line, internal_number="7600"), "internal number 7600")
    ctx.refused(_menu_settings(ctx, line, internal_number="76A"), "internal_number",
                "internal number 76A")


def probe_per_site(ctx: ProbeContext) -> None:
    """An announcement kept per site needs its site."""
    block = ctx.collection_block()
    if not ctx.value:
        ctx.accepted(lambda: block.add(ctx.tenant, None, {"name": f"Probe {next(_COUNTER)}"}),
                     "an announcement without a site")
        return
    ctx.refused(lambda: block.add(ctx.tenant, None, {"name": f"Probe {next(_COUNTER)}"}),
                "site_id", "an announcement without a site")
    _announcement(ctx, None)


def probe_predefined(ctx: ProbeContext) -> None:
    """The names of the predefined announcements cannot be taken."""
    block = ctx.collection_block()
    site = {"site_id": ctx.tenant.sites[0].id} if "site_id" in ctx.fields_of(block) \
        and ctx.tenant.sites else {}
    for name in ctx.value:
        ctx.refused(lambda n=name: block.add(ctx.tenant, None, {"name": n, **site}), "name",
                    f"an announcement named {name}")
    _announcement(ctx, None)


def probe_announcement_audio(ctx: ProbeContext) -> None:
    """A recording at the declared limits is accepted; one past each of them is refused."""
    from backoffice.testing.audio import fake_mp3_bytes, mp3_bytes, wav_bytes

    block, limits = ctx.collection_block(), ctx.value
    site = {"site_id": ctx.tenant.sites[0].id} if "site_id" in ctx.fields_of(block) \
        and ctx.tenant.sites else {}

    def store(data: bytes) -> Any:
        return store_audio(ctx.tenant, data, "probe.wav", limits, object_type="announcement",
                           field="audio_id")

    seconds = limits.max_seconds or 5
    rate = 8000
    if limits.max_bytes:  # the longest recording the size allows, at that rate
        seconds = min(seconds, (limits.max_bytes - 100) // rate)
    audio = ctx.accepted(lambda: store(wav_bytes(seconds, rate=rate)),
                         f"a WAV recording of {seconds} s")
    ctx.accepted(lambda: block.add(ctx.tenant, None, {"name": f"Probe {next(_COUNTER)}",
                                                      "audio_id": audio.id, **site}),
                 "an announcement with its recording")
    ctx.refused(lambda: store(fake_mp3_bytes()), "audio_id", "a text file named .mp3")
    if "mp3" in limits.formats:
        ctx.accepted(lambda: store(mp3_bytes(2)), "an MP3 recording")
    if limits.max_seconds:
        ctx.refused(lambda: store(wav_bytes(limits.max_seconds + 1, rate=800)), "audio_id",
                    f"a recording of {limits.max_seconds + 1} s")
    if limits.max_bytes:
        big = limits.max_bytes // 32000 + 1
        ctx.refused(lambda: store(wav_bytes(big, rate=32000)), "audio_id",
                    f"a file of more than {limits.max_bytes} bytes")


DEFAULT_PROBES: dict[tuple[type | None, str], Probe] = {
    (ForwardingLimits, "triggers"): probe_triggers,
    (ForwardingLimits, "triggers_per_plan"): probe_triggers_per_plan,
    (ForwardingLimits, "destinations"): probe_destinations,
    (ForwardingLimits, "find_me_destinations"): probe_find_me_destinations,
    (ForwardingLimits, "extensions_of_tenant"): probe_extensions_of_tenant,
    (ForwardingLimits, "destination_from_list"): probe_destination_from_list,
    (ForwardingLimits, "ring_reminder"): probe_ring_reminder,
    (ForwardingLimits, "scheduled_by"): probe_scheduled_by,
    (ForwardingLimits, "rings"): probe_rings,
    (ForwardingLimits, "calendar_feature"): probe_calendar_feature,
    (ForwardingLimits, "exclusive"): probe_exclusive,
    (ForwardingLimits, "defaults_per_plan"): probe_defaults_per_plan,
    (ForwardingLimits, "fixed_destinations"): probe_fixed_destinations,
    (ForwardingLimits, "optional"): probe_optional,
    (ForwardingLimits, "priority"): probe_priority,
    (BlacklistLimits, "modes"): _rule_probe("mode", ("block", "allow_only")),
    (BlacklistLimits, "match"): _rule_probe(
        "match", ("equals", "starts_with", "ends_with", "contains")
    ),
    (BlacklistLimits, "max_numbers"): probe_max_numbers,
    (None, "max_numbers"): probe_max_numbers,
    (DirectoryLimits, "max_contacts"): probe_max_contacts,
    (UserLimits, "department"): probe_user_department,
    (UserLimits, "email_set_once"): probe_user_email_set_once,
    (UserLimits, "line_plans"): probe_user_line_plans,
    (UserLimits, "proposed_extensions"): probe_proposed_extensions,
    (NumberLimits, "routes"): probe_number_routes,
    (ConferenceLimits, "max_minutes"): probe_conference_max_minutes,
    (ConferenceLimits, "opens_minutes_before"): probe_conference_opening,
    (ConferenceLimits, "web_broadcast_permanent"): probe_conference_broadcast,
    (CalendarLimits, "closures_repeat_yearly"): probe_closures_repeat_yearly,
    (CalendarLimits, "holidays"): probe_holidays,
    (LineLimits, "reserved_extensions"): probe_reserved_extensions,
    (LineLimits, "email_change_resets"): probe_email_change_resets,
    (LineLimits, "association_within_minutes"): probe_association_within_minutes,
    (LineLimits, "associated_plans"): probe_associated_plans,
    (SiteLimits, "address_fixed"): probe_address_fixed,
    (SiteLimits, "virtual_site"): probe_virtual_site,
    (SiteLimits, "virtual_site_plans"): probe_virtual_site_plans,
    (SwitchLimits, "default"): probe_switch_default,
    (E911Limits, "provinces"): probe_provinces,
    (E911Limits, "outside_option"): probe_outside_option,
    (E911Limits, "emergency_numbers"): probe_emergency_numbers,
    (PttLimits, "contact_name_max"): probe_contact_name_max,
    (PttLimits, "contact_number_digits"): probe_contact_number_digits,
    (PttLimits, "device_plans"): probe_device_plans,
    (PttScanLimits, "priorities"): probe_priorities,
    (CallerIdLimits, "modes"): probe_caller_id_modes,
    (CallerIdLimits, "name_max_length"): probe_caller_id_name_max_length,
    (CallerIdLimits, "name_and_number"): probe_caller_id_name_and_number,
    (CallerIdLimits, "numbers_of_tenant"): probe_caller_id_numbers_of_tenant,
    (CallPermissionLimits, "profiles"): probe_permission_profiles,
    (CallPermissionLimits, "default_profile"): probe_permission_default_profile,
    (CallPermissionLimits, "categories"): probe_permission_categories,
    (CallPermissionLimits, "countries"): probe_permission_countries,
    (CallerIdLimits, "default"): probe_caller_id_default,
    (CallPermissionLimits, "default_policy"): probe_permission_default_policy,
    (CallPermissionLimits, "policies"): probe_permission_policies,
    (CallPermissionLimits, "default_enabled"): probe_permission_default_enabled,
    (IvrLimits, "levels"): probe_levels,
    (IvrLimits, "closed_menu"): probe_closed_menu,
    (IvrLimits, "default_greeting"): probe_default_greeting,
    (IvrLimits, "no_input"): probe_no_input,
    (IvrLimits, "internal_number"): probe_internal_number,
    (AnnouncementLimits, "per_site"): probe_per_site,
    (AnnouncementLimits, "predefined"): probe_predefined,
    (AnnouncementLimits, "audio"): probe_announcement_audio,
}
"""(limits class, key) -> the kit's probe; ``None`` as class: any limits class."""


def _group_probes() -> dict[tuple[type | None, str], Probe]:
    from backoffice.testing.group_probes import GROUP_PROBES

    return GROUP_PROBES


def default_probe(limits_class: type | None, key: str) -> Probe | None:
    """The kit's probe of ``key`` for ``limits_class``, if it has one."""
    return (DEFAULT_PROBES.get((limits_class, key)) or _group_probes().get((limits_class, key))
            or DEFAULT_PROBES.get((None, key)))


def _add_voicemail_probes() -> None:
    from backoffice.testing.voicemail_probes import PROBES

    DEFAULT_PROBES.update(PROBES)


_add_voicemail_probes()


def _add_call_log_probes() -> None:
    from backoffice.testing.call_log_probes import PROBES

    DEFAULT_PROBES.update(PROBES)


_add_call_log_probes()


def _add_directory_probes() -> None:
    from backoffice.testing.directory_probes import PROBES

    DEFAULT_PROBES.update(PROBES)


_add_directory_probes()


def _add_fax_probes() -> None:
    from backoffice.testing.fax_probes import PROBES

    DEFAULT_PROBES.update(PROBES)


_add_fax_probes()


def _add_device_probes() -> None:
    from backoffice.testing.device_probes import PROBES

    DEFAULT_PROBES.update(PROBES)


_add_device_probes()
