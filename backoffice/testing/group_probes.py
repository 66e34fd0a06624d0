"""Probes of the group limits (``HuntGroupLimits``, ``PickupGroupLimits``): each writes
through the feature's blocks or explains a call, and fails when the limit does not act."""

from __future__ import annotations

from typing import Any

import phonenumbers
from marshmallow import fields as mm_fields

from backoffice.plugin import (
    Bounds,
    CallContext,
    CollectionBlock,
    HuntGroupLimits,
    Line,
    PickupGroupLimits,
    SettingsBlock,
)
from backoffice.testing.probes import Probe, ProbeContext, fresh_number, now_in

EVERY_DISTRIBUTION = ("linear", "longest_idle", "cyclic", "parallel")
EVERY_OVERFLOW = ("none", "deterrent", "number", "voicemail")


def _settings(ctx: ProbeContext) -> SettingsBlock:
    return ctx.settings_block()


def _members(ctx: ProbeContext) -> CollectionBlock:
    return ctx.collection_block()


def _group(ctx: ProbeContext) -> Line:
    return ctx.new_line(ctx.plans()[0])


def _member_line(ctx: ProbeContext, **extra: Any) -> Line:
    return ctx.new_line(ctx.limits.member_plans[0], **extra)


def _other_plan(ctx: ProbeContext, allowed: tuple[str, ...]) -> str | None:
    from backoffice.core.carriers import registry

    entry = registry()[ctx.carrier_id]
    return next((plan.id for plan in entry.plans
                 if plan.id not in allowed and plan.id not in ctx.plans()
                 and not {"mac"} & set(plan.requires)), None)


def _base(ctx: ProbeContext) -> dict[str, Any]:
    """Settings that pass: the declared defaults, with an overflow number when needed."""
    block = _settings(ctx)
    schema = block.schema(ctx.tenant)
    data = {"distribution": ctx.limits.default_distribution,
            "overflow": ctx.limits.default_overflow}
    if "overflow_number" in schema.fields and ctx.limits.default_overflow == "number":
        data["overflow_number"] = fresh_number(ctx.tenant, phonenumbers.PhoneNumberType.MOBILE)
    for name, field in schema.fields.items():
        if field.required and not field.dump_only and name not in data:
            data[name] = "probe@conformance.example" \
                if isinstance(field, mm_fields.Email) else "Probe"
    return data


def _bounds_probe(field_name: str, extra: dict[str, Any] | None = None) -> Probe:
    def probe(ctx: ProbeContext) -> None:
        bounds: Bounds = ctx.value
        block, line = _settings(ctx), _group(ctx)
        if bounds.fixed:
            return _fixed_calls(ctx, line, bounds)
        data = {**_base(ctx), **(extra or {})}
        ctx.accepted(lambda: block.write(ctx.tenant, line, {**data, field_name: bounds.max}),
                     f"{field_name} at {bounds.max}")
        ctx.refused(lambda: block.write(ctx.tenant, line,
                                        {**data, field_name: bounds.max + 1}),
                    field_name, f"{field_name} at {bounds.max + 1}")
    return probe


def _explain(ctx: ProbeContext, line: Line, **call: Any):
    from backoffice.core.explainer import explain_call

    return explain_call(ctx.tenant, line, CallContext(None, now_in(ctx.tenant), **call))


def _fixed_calls(ctx: ProbeContext, line: Line, bounds: Bounds) -> None:
    """A fixed queue size: the call after the last one that may wait overflows."""
    _members(ctx).add(ctx.tenant, line, {"line_id": _member_line(ctx).id})
    full = _explain(ctx, line, calls_waiting=bounds.max)
    assert full[-1].code.endswith("overflow.queue_full"), (
        f"{ctx.name}: {bounds.max} calls waiting do not fill the queue: {full[-1].code}")
    room = _explain(ctx, line, calls_waiting=bounds.max - 1)
    assert not room[-1].code.endswith("overflow.queue_full"), (
        f"{ctx.name}: the queue is full with {bounds.max - 1} calls waiting")


def probe_member_plans(ctx: ProbeContext) -> None:
    """A line of a member plan is accepted, a line of another plan refused."""
    block, line = _members(ctx), _group(ctx)
    for plan in ctx.value:
        member = ctx.new_line(plan)
        ctx.accepted(lambda m=member: block.add(ctx.tenant, line, {"line_id": m.id}),
                     f"a line of plan {plan}")
    other = _other_plan(ctx, ctx.value)
    if other is not None:
        member = ctx.new_line(other)
        ctx.refused(lambda: block.add(ctx.tenant, line, {"line_id": member.id}), "line_id",
                    f"a line of plan {other}")


def probe_distributions(ctx: ProbeContext) -> None:
    block, line = _settings(ctx), _group(ctx)
    for mode in ctx.value:
        ctx.accepted(lambda m=mode: block.write(ctx.tenant, line,
                                                {**_base(ctx), "distribution": m}),
                     f"distribution {mode}")
    other = next((m for m in EVERY_DISTRIBUTION if m not in ctx.value), None)
    if other is not None:
        ctx.refused(lambda: block.write(ctx.tenant, line, {**_base(ctx), "distribution": other}),
                    "distribution", f"distribution {other}")


def _default_probe(field_name: str) -> Probe:
    def probe(ctx: ProbeContext) -> None:
        block, line = _settings(ctx), _group(ctx)
        values = block.schema(ctx.tenant).dump(block.read(ctx.tenant, line))
        assert values[field_name] == ctx.value, (
            f"{ctx.name}: a new group reads {field_name} = {values[field_name]!r}")
    return probe


def probe_overflows(ctx: ProbeContext) -> None:
    block, line = _settings(ctx), _group(ctx)
    for kind in ctx.value:
        extra = {"overflow_number": fresh_number(ctx.tenant, phonenumbers.PhoneNumberType.MOBILE)
                 } if kind == "number" else {}
        ctx.accepted(lambda k=kind, e=extra: block.write(
            ctx.tenant, line, {**_base(ctx), "overflow": k, **e}), f"overflow {kind}")
    other = next((k for k in EVERY_OVERFLOW if k not in ctx.value), None)
    if other is not None:
        ctx.refused(lambda: block.write(ctx.tenant, line, {**_base(ctx), "overflow": other}),
                    "overflow", f"overflow {other}")


def probe_max_members(ctx: ProbeContext) -> None:
    block, line = _members(ctx), _group(ctx)
    for index in range(ctx.value):
        member = _member_line(ctx)
        ctx.accepted(lambda m=member: block.add(ctx.tenant, line, {"line_id": m.id}),
                     f"member {index + 1} of {ctx.value}")
    member = _member_line(ctx)
    ctx.refused(lambda: block.add(ctx.tenant, line, {"line_id": member.id}), "line_id",
                f"member {ctx.value + 1}")


def probe_presence(ctx: ProbeContext) -> None:
    """With presence, a member added away is away; without, every member is present."""
    block, line = _members(ctx), _group(ctx)
    member = ctx.accepted(lambda: block.add(ctx.tenant, line, {
        "line_id": _member_line(ctx).id, "present": False}), "a member added away")
    assert member.present is (not ctx.value), f"{ctx.name}: present is {member.present}"


def probe_prevails_over_forwarding(ctx: ProbeContext) -> None:
    """A call to a member says the group's calls ring it whatever its forwarding."""
    block, line = _members(ctx), _group(ctx)
    member = _member_line(ctx)
    ctx.accepted(lambda: block.add(ctx.tenant, line, {"line_id": member.id}), "a member")
    steps = _explain(ctx, member)
    said = any(step.action == "hunt_group" for step in steps)
    assert said is ctx.value, f"{ctx.name}: the member's path is {[s.code for s in steps]}"


def probe_cyclic_order(ctx: ProbeContext) -> None:
    """Cyclic by extension: the lowest extension rings first, whatever the order added."""
    block, line = _members(ctx), _group(ctx)
    settings = _settings(ctx)
    if "cyclic" not in ctx.limits.distributions:
        return
    ctx.accepted(lambda: settings.write(ctx.tenant, line,
                                        {**_base(ctx), "distribution": "cyclic"}), "cyclic")
    first, second = _member_line(ctx), _member_line(ctx)
    for member in (second, first):
        ctx.accepted(lambda m=member: block.add(ctx.tenant, line, {"line_id": m.id}), "member")
    target = _explain(ctx, line)[-1].target.split(", ")[0]
    expected = (first if ctx.value == "extension" else second)
    assert target in (expected.number, expected.extension), (
        f"{ctx.name}: {target} rings first")


def _store(ctx: ProbeContext, data: bytes, name: str, field_name: str) -> Any:
    from backoffice.plugin import store_audio

    return store_audio(ctx.tenant, data, name, ctx.value, object_type="hunt_group",
                       field=field_name)


def _audio_probe(kind: str) -> Probe:
    """A custom greeting or hold music: a recording within the limits is accepted and named
    in the call path; "custom" without one, and a file past a limit, are refused."""
    def probe(ctx: ProbeContext) -> None:
        from backoffice.testing.audio import fake_mp3_bytes, wav_bytes

        field_name = f"{kind}_audio_id"
        block, line = _settings(ctx), _group(ctx)
        _members(ctx).add(ctx.tenant, line, {"line_id": _member_line(ctx).id})
        seconds = min(ctx.value.max_seconds or 3, 3)
        audio = ctx.accepted(lambda: _store(ctx, wav_bytes(seconds), "probe-audio.wav",
                                            field_name), f"a WAV {kind} of {seconds} s")
        ctx.accepted(lambda: block.write(ctx.tenant, line, {
            **_base(ctx), kind: "custom", field_name: audio.id}), f"a custom {kind}")
        steps = _explain(ctx, line)
        heard = [step for step in steps if step.code.endswith(f".{kind}.custom")]
        assert heard and "probe-audio.wav" in heard[0].rule, (
            f"{ctx.name}: the call path does not play the custom {kind}: "
            f"{[step.code for step in steps]}")
        ctx.refused(lambda: block.write(ctx.tenant, line, {**_base(ctx), kind: "custom",
                                                           field_name: None}),
                    field_name, f"a custom {kind} without its recording")
        ctx.refused(lambda: _store(ctx, fake_mp3_bytes(), "probe.mp3", field_name),
                    field_name, "a text file named .mp3")
        if ctx.value.max_seconds:
            ctx.refused(lambda: _store(ctx, wav_bytes(ctx.value.max_seconds + 1, rate=800),
                                       "long.wav", field_name),
                        field_name, f"a recording of {ctx.value.max_seconds + 1} s")
    return probe


def probe_after_hours(ctx: ProbeContext) -> None:
    """Outside the group's calendar no member rings and the call goes where declared; a
    group without a calendar (24 hours) hands the same call to its members."""
    from backoffice.core.calendars.service import create_calendar
    from backoffice.core.carriers import registry
    from backoffice.plugin import CalendarLimits

    entry = registry()[ctx.carrier_id]
    feature = next((offer.feature for offer in entry.features
                    if isinstance(offer.limits, CalendarLimits)), None)
    assert feature is not None, f"{ctx.name}: no calendar feature to give a group its hours"
    today = now_in(ctx.tenant).date().isoformat()
    calendar = ctx.accepted(lambda: create_calendar(ctx.tenant, {
        "name": f"Probe closed {fresh_number(ctx.tenant)[-6:]}",
        "hours": ["mon-sun 00:00-23:59"], "closures": [today]}, feature=feature),
        "a calendar closed today")
    block, line = _settings(ctx), _group(ctx)
    _members(ctx).add(ctx.tenant, line, {"line_id": _member_line(ctx).id})
    ctx.accepted(lambda: block.write(ctx.tenant, line, {**_base(ctx),
                                                        "calendar_id": calendar.id}),
                 "a group following a calendar")
    closed = _explain(ctx, line)
    assert closed[-1].code.endswith(f".after_hours.{ctx.value}"), (
        f"{ctx.name}: outside its hours the call ends with {closed[-1].code}")
    ctx.accepted(lambda: block.write(ctx.tenant, line, {**_base(ctx), "calendar_id": None}),
                 "a group open 24 hours")
    always = _explain(ctx, line)
    assert not any(".after_hours" in step.code for step in always), (
        f"{ctx.name}: a group open 24 hours is closed: {[step.code for step in always]}")


# -- pickup groups -------------------------------------------------------------------------


def _pickup_data(ctx: ProbeContext, members: list[Line], **extra: Any) -> dict[str, Any]:
    site = {"site_id": members[0].site_id} if ctx.limits.same_site and members else {}
    if ctx.limits.same_site and not members:
        site = {"site_id": ctx.tenant.sites[0].id}
    return {"name": f"Probe {fresh_number(ctx.tenant)[-6:]}", **site,
            "members": [m.number or m.extension for m in members], **extra}


def _pickup_member(ctx: ProbeContext, plan: str | None = None) -> Line:
    return ctx.new_line(plan or ctx.limits.member_plans[0])


def probe_pickup_member_plans(ctx: ProbeContext) -> None:
    block = _members(ctx)
    for plan in ctx.value:
        member = _pickup_member(ctx, plan)
        ctx.accepted(lambda m=member: block.add(ctx.tenant, None, _pickup_data(ctx, [m])),
                     f"a line of plan {plan}")
    other = _other_plan(ctx, ctx.value)
    if other is not None:
        member = _pickup_member(ctx, other)
        ctx.refused(lambda: block.add(ctx.tenant, None, _pickup_data(ctx, [member])),
                    "members", f"a line of plan {other}")


def probe_pickup_code(ctx: ProbeContext) -> None:
    block = _members(ctx)
    first, second = _pickup_member(ctx), _pickup_member(ctx)
    ctx.accepted(lambda: block.add(ctx.tenant, None, _pickup_data(ctx, [first, second])),
                 "a group of two")
    steps = _explain(ctx, first)
    assert any(step.target == ctx.value for step in steps), (
        f"{ctx.name}: no step says {ctx.value}: {[s.code for s in steps]}")


def probe_same_site(ctx: ProbeContext) -> None:
    from backoffice.core.tenants import create_site

    block = _members(ctx)
    member = _pickup_member(ctx)
    other = create_site(ctx.tenant, {"name": f"Probe site {fresh_number(ctx.tenant)[-6:]}"})
    data = {**_pickup_data(ctx, [member]), "site_id": other.id}
    if ctx.value:
        ctx.refused(lambda: block.add(ctx.tenant, None, data), "members",
                    "a line of another site")
    else:
        ctx.accepted(lambda: block.add(ctx.tenant, None, data), "a line of another site")


def probe_one_group_per_line(ctx: ProbeContext) -> None:
    block = _members(ctx)
    member = _pickup_member(ctx)
    ctx.accepted(lambda: block.add(ctx.tenant, None, _pickup_data(ctx, [member])), "group 1")
    second = lambda: block.add(ctx.tenant, None, _pickup_data(ctx, [member]))  # noqa: E731
    if ctx.value:
        ctx.refused(second, "members", "the same line in a second group")
    else:
        ctx.accepted(second, "the same line in a second group")


def probe_plain_name(ctx: ProbeContext) -> None:
    block = _members(ctx)
    ctx.accepted(lambda: block.add(ctx.tenant, None, _pickup_data(ctx, [], name="Groupe 2")),
                 "a plain name")
    special = lambda: block.add(ctx.tenant, None,  # noqa: E731
                                _pickup_data(ctx, [], name="Groupe #3"))
    if ctx.value:
        ctx.refused(special, "name", "a name with a special character")
    else:
        ctx.accepted(special, "a name with a special character")


def probe_max_name_length(ctx: ProbeContext) -> None:
    block = _members(ctx)
    ctx.accepted(lambda: block.add(ctx.tenant, None, _pickup_data(ctx, [], name="A" * ctx.value)),
                 f"a name of {ctx.value} characters")
    ctx.refused(lambda: block.add(ctx.tenant, None,
                                  _pickup_data(ctx, [], name="B" * (ctx.value + 1))),
                "name", f"a name of {ctx.value + 1} characters")


GROUP_PROBES: dict[tuple[type | None, str], Probe] = {
    (HuntGroupLimits, "member_plans"): probe_member_plans,
    (HuntGroupLimits, "distributions"): probe_distributions,
    (HuntGroupLimits, "default_distribution"): _default_probe("distribution"),
    (HuntGroupLimits, "cyclic_order"): probe_cyclic_order,
    (HuntGroupLimits, "max_members"): probe_max_members,
    (HuntGroupLimits, "rings"): _bounds_probe("rings"),
    (HuntGroupLimits, "wrap_up"): _bounds_probe("wrap_up", {"wrap_up_enabled": True}),
    (HuntGroupLimits, "max_calls"): _bounds_probe("max_calls"),
    (HuntGroupLimits, "max_wait"): _bounds_probe("max_wait"),
    (HuntGroupLimits, "overflows"): probe_overflows,
    (HuntGroupLimits, "default_overflow"): _default_probe("overflow"),
    (HuntGroupLimits, "presence"): probe_presence,
    (HuntGroupLimits, "prevails_over_forwarding"): probe_prevails_over_forwarding,
    (HuntGroupLimits, "greeting"): _audio_probe("greeting"),
    (HuntGroupLimits, "hold_music"): _audio_probe("hold_music"),
    (HuntGroupLimits, "after_hours"): probe_after_hours,
    (PickupGroupLimits, "member_plans"): probe_pickup_member_plans,
    (PickupGroupLimits, "code"): probe_pickup_code,
    (PickupGroupLimits, "same_site"): probe_same_site,
    (PickupGroupLimits, "one_group_per_line"): probe_one_group_per_line,
    (PickupGroupLimits, "plain_name"): probe_plain_name,
    (PickupGroupLimits, "max_name_length"): probe_max_name_length,
}
"""(limits class, key) -> the kit's probe of a group limit."""
