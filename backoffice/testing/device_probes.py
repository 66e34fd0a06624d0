"""Probes of :class:`DeviceLimits`, :class:`KeyLimits` and :class:`SoftphoneLimits`: each
declared limit acts on a device of the carrier, through its blocks (the change pipeline)."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from sqlalchemy import select

from backoffice.plugin import (
    CollectionBlock,
    DeviceLimits,
    KeyLimits,
    Line,
    ProvisioningOrder,
    SettingsBlock,
    SoftphoneLimits,
    db,
)
from backoffice.testing.probes import _COUNTER, Probe, ProbeContext, fresh_number


def _carrier_block(ctx: ProbeContext, feature: str) -> Any:
    from backoffice.core.carriers import registry

    found = [b for b in registry()[ctx.carrier_id].blocks if b.feature == feature]
    assert found, f"{ctx.name}: no block of {feature}"
    return found[0]


def _device_limits(ctx: ProbeContext) -> DeviceLimits:
    from backoffice.core.carriers import registry

    return registry()[ctx.carrier_id].offer("devices").limits


def _hardware_block(ctx: ProbeContext) -> CollectionBlock:
    return _carrier_block(ctx, "devices")


def _plan_for(ctx: ProbeContext, kind: str) -> str:
    from backoffice.core.carriers import registry

    offer = registry()[ctx.carrier_id].offer("devices")
    limits = offer.limits
    return next(plan for plan in offer.plans
                if kind in limits.kinds_per_plan.get(plan, (kind,)))


def _hardware(ctx: ProbeContext, model: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"model": model.id}
    return data


# Devices


def _per_line(ctx: ProbeContext) -> bool:
    """Whether devices are the hardware of a line (else a bank assigned to extensions)."""
    return "model" in ctx.fields_of(_hardware_block(ctx))


def bank_phone(ctx: ProbeContext, **values: Any) -> Any:
    """A new phone of the customer's bank."""
    number = next(_COUNTER)
    data = {"mac": f"0A0B0C{number:06X}", "name": f"Probe phone {number}", **values}
    return ctx.accepted(lambda: _hardware_block(ctx).add(ctx.tenant, None, data),
                        "a phone of the bank")


def _assignments_block(ctx: ProbeContext) -> CollectionBlock:
    return _carrier_block(ctx, "programmable_keys")


def assign(ctx: ProbeContext, **values: Any) -> Any:
    """An action assigning a new phone of the bank to a new extension, with ``values``."""
    from backoffice.core.carriers import registry

    plan = registry()[ctx.carrier_id].offer("programmable_keys").plans[0]
    phone, line = bank_phone(ctx), ctx.new_line(plan)
    data = {"device_id": phone.id, "model": _device_limits(ctx).models[0].id,
            "line_keys": [1], **values}
    return lambda: _assignments_block(ctx).add(ctx.tenant, line, data)


def probe_models(ctx: ProbeContext) -> None:
    """Each model of the catalog is accepted (on a line that takes its type, or for a phone
    of the bank); a model off the catalog is refused."""
    if not _per_line(ctx):
        for model in ctx.value:
            ctx.accepted(assign(ctx, model=model.id), f"the model {model.id}")
        ctx.refused(assign(ctx, model="not-a-model"), "model", "a model off the catalog")
        return
    block = _hardware_block(ctx)
    for model in ctx.value:
        line = ctx.new_line(_plan_for(ctx, model.kind))
        ctx.accepted(lambda m=model, li=line: block.add(ctx.tenant, li, _hardware(ctx, m)),
                     f"the model {model.id}")
    line = ctx.new_line(_plan_for(ctx, ctx.value[0].kind))
    ctx.refused(lambda: block.add(ctx.tenant, line, {"model": "not-a-model"}), "model",
                "a model off the catalog")


def _bank_refused_without(ctx: ProbeContext, name: str) -> None:
    assert ctx.value is True, f"{ctx.name}: only True narrows the default"
    number = next(_COUNTER)
    data = {"mac": f"0A0B0D{number:06X}", "name": f"Probe phone {number}"}
    del data[name]
    ctx.refused(lambda: _hardware_block(ctx).add(ctx.tenant, None, data), name,
                f"a phone without its {name}")


def probe_name_required(ctx: ProbeContext) -> None:
    """A phone of the bank without a name is refused."""
    _bank_refused_without(ctx, "name")


def probe_mac_required(ctx: ProbeContext) -> None:
    """A phone of the bank without a MAC address is refused."""
    _bank_refused_without(ctx, "mac")


def probe_timezones(ctx: ProbeContext) -> None:
    """A phone is set to each time zone offered, never to another one."""
    for zone in ctx.value:
        ctx.accepted(assign(ctx, timezone=zone), f"the time zone {zone}")
    other = next(zone for zone in ("Europe/Paris", "Asia/Tokyo") if zone not in ctx.value)
    ctx.refused(assign(ctx, timezone=other), "timezone", f"the time zone {other}")


def probe_default_timezone(ctx: ProbeContext) -> None:
    """A phone assigned without a time zone gets the declared one."""
    device = ctx.accepted(assign(ctx), "a phone without a time zone")
    assert device.timezone == ctx.value, (ctx.name, device.timezone)


def probe_restart_minutes(ctx: ProbeContext) -> None:
    """The order of a phone's change tells the network how long the phone takes to
    restart."""
    device = ctx.accepted(assign(ctx), "a phone assigned")
    order = db.session.scalar(select(ProvisioningOrder).where(
        ProvisioningOrder.object_id == device.id,
        ProvisioningOrder.object_type == "phone_assignment")
        .order_by(ProvisioningOrder.id.desc()))
    assert order is not None and order.payload.get("restart_minutes") == ctx.value, ctx.name


def probe_model_required(ctx: ProbeContext) -> None:
    """Hardware without a model is refused (the model field)."""
    assert ctx.value is True, f"{ctx.name}: only True narrows the default"
    block = _hardware_block(ctx)
    line = ctx.new_line(_plan_for(ctx, ctx.limits.models[0].kind))
    ctx.refused(lambda: block.add(ctx.tenant, line, {"mac": None}), "model",
                "hardware without a model")


def probe_kinds_per_plan(ctx: ProbeContext) -> None:
    """A plan takes the types declared for it, and no other type of the catalog."""
    block = _hardware_block(ctx)
    for plan, kinds in ctx.value.items():
        for model in ctx.limits.models:
            line = ctx.new_line(plan)
            if model.kind in kinds:
                ctx.accepted(lambda m=model, li=line: block.add(ctx.tenant, li, {
                    "model": m.id}), f"a {model.kind} on a {plan} line")
            else:
                ctx.refused(lambda m=model, li=line: block.add(ctx.tenant, li, {
                    "model": m.id}), "model", f"a {model.kind} on a {plan} line")


# Keys


def _keys_block(ctx: ProbeContext) -> SettingsBlock:
    found = [b for b in ctx.blocks if isinstance(b, SettingsBlock)]
    assert found, f"{ctx.name}: no key layout block"
    return found[0]


def keyed_line(ctx: ProbeContext) -> tuple[Line, int]:
    """A new line of the offer with the catalog's model of the most keys; its key count."""
    model = max(_device_limits(ctx).models, key=lambda m: m.keys)
    line = ctx.new_line(ctx.plans()[0])
    ctx.accepted(lambda: _hardware_block(ctx).add(ctx.tenant, line, {"model": model.id}),
                 f"the phone {model.id} on a new line")
    return line, model.keys


def _watched(ctx: ProbeContext) -> Line:
    plans = ctx.limits.supervision_plans or ctx.plans()
    return ctx.line(plans[0])


def key_of(ctx: ProbeContext, kind: str) -> dict[str, Any]:
    """A valid key of ``kind``."""
    if kind in ("supervision", "line"):
        return {"kind": kind, "line_id": _watched(ctx).id}
    if kind == "speed_dial":
        return {"kind": kind, "number": fresh_number(ctx.tenant).lstrip("+"), "label": "Probe"}
    return {"kind": kind}


def _write(ctx: ProbeContext, line: Line, keys: list[dict[str, Any]]):
    return lambda: _keys_block(ctx).write(ctx.tenant, line, {"keys": keys})


def probe_categories(ctx: ProbeContext) -> None:
    """Keys of one category after those of the next are refused; in order, accepted."""
    line, room = keyed_line(ctx)
    categories = list(ctx.value.values())
    for first, second in zip(categories, categories[1:], strict=False):
        ordered = [key_of(ctx, first[0]), key_of(ctx, second[0])]
        ctx.accepted(_write(ctx, line, ordered), f"{first[0]} then {second[0]}")
        ctx.refused(_write(ctx, line, ordered[::-1]), "keys.1.kind",
                    f"{second[0]} before {first[0]}")


def probe_max_per_kind(ctx: ProbeContext) -> None:
    """Keys of a kind: accepted at the maximum, refused one past it."""
    line, room = keyed_line(ctx)
    for kind, most in ctx.value.items():
        assert most + 1 <= room, f"{ctx.name}: no model has room for {most + 1} {kind} keys"
        ctx.accepted(_write(ctx, line, [key_of(ctx, kind)] * most), f"{most} {kind} keys")
        ctx.refused(_write(ctx, line, [key_of(ctx, kind)] * (most + 1)), f"keys.{most}.kind",
                    f"{most + 1} {kind} keys")


def probe_supervision_plans(ctx: ProbeContext) -> None:
    """A supervision key watches a line of the plans declared, never of another plan."""
    from backoffice.core.carriers import registry

    line, _ = keyed_line(ctx)
    for plan in ctx.value:
        ctx.accepted(_write(ctx, line, [{"kind": "supervision", "line_id": ctx.line(plan).id}]),
                     f"a supervision key on a {plan} line")
    others = [p.id for p in registry()[ctx.carrier_id].plans if p.id not in ctx.value]
    assert others, f"{ctx.name}: every plan may be supervised"
    other = ctx.line(others[0])
    ctx.refused(_write(ctx, line, [{"kind": "supervision", "line_id": other.id}]),
                "keys.0.line_id", f"a supervision key on a {others[0]} line")


def _pickup(ctx: ProbeContext) -> dict[str, Any]:
    line, _ = keyed_line(ctx)
    ctx.accepted(_write(ctx, line, [{"kind": "pickup", "number": "123", "label": "Other"}]),
                 "a pickup key")
    return _keys_block(ctx).read(ctx.tenant, line)["keys"][0]


def probe_pickup_number(ctx: ProbeContext) -> None:
    """A pickup key dials the declared number, whatever was typed."""
    assert _pickup(ctx)["number"] == ctx.value, ctx.name


def probe_pickup_label(ctx: ProbeContext) -> None:
    """A pickup key shows the declared label, whatever was typed."""
    assert _pickup(ctx)["label"] == ctx.value, ctx.name


def probe_restarts_phone(ctx: ProbeContext) -> None:
    """Saved keys send the network an order that restarts the phone (or not)."""
    line, _ = keyed_line(ctx)
    ctx.accepted(_write(ctx, line, []), "no key")
    order = db.session.scalar(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == line.id, ProvisioningOrder.object_type == "device_keys")
        .order_by(ProvisioningOrder.id.desc()))
    assert order is not None and order.payload.get("restart") is ctx.value, ctx.name


# Softphones


def _softphone(ctx: ProbeContext) -> tuple[Any, Line]:
    line = ctx.new_line(ctx.offer.plans[0])
    block = _carrier_block(ctx, "softphones")
    return ctx.accepted(lambda: block.add(ctx.tenant, line, {"name": "Probe softphone"}),
                        "a softphone"), line


def probe_server(ctx: ProbeContext) -> None:
    """A softphone's SIP account gives the declared server, and its order names it."""
    softphone, line = _softphone(ctx)
    assert softphone.server == ctx.value and softphone.sip_username, ctx.name
    order = db.session.scalar(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == line.id, ProvisioningOrder.object_type == "softphone"))
    assert order is not None and order.payload.get("server") == ctx.value, ctx.name
    assert "sip_password" not in order.payload, f"{ctx.name}: the password is in the order"


def probe_fees(ctx: ProbeContext) -> None:
    """The softphones block quotes each declared fee, in the agent's language."""
    from backoffice.testing.probes import in_request

    _, line = _softphone(ctx)
    block = _carrier_block(ctx, "softphones")
    for language in ("en", "fr"):
        with in_request(ctx.app, language):
            summary = block.summary(ctx.tenant, line)
            for fee in ctx.value:
                assert gettext(fee) in summary, (ctx.name, language, fee, summary)


PROBES: dict[tuple[type | None, str], Probe] = {
    (DeviceLimits, "models"): probe_models,
    (DeviceLimits, "model_required"): probe_model_required,
    (DeviceLimits, "kinds_per_plan"): probe_kinds_per_plan,
    (DeviceLimits, "name_required"): probe_name_required,
    (DeviceLimits, "mac_required"): probe_mac_required,
    (DeviceLimits, "timezones"): probe_timezones,
    (DeviceLimits, "default_timezone"): probe_default_timezone,
    (DeviceLimits, "restart_minutes"): probe_restart_minutes,
    (KeyLimits, "categories"): probe_categories,
    (KeyLimits, "max_per_kind"): probe_max_per_kind,
    (KeyLimits, "supervision_plans"): probe_supervision_plans,
    (KeyLimits, "pickup_number"): probe_pickup_number,
    (KeyLimits, "pickup_label"): probe_pickup_label,
    (KeyLimits, "restarts_phone"): probe_restarts_phone,
    (SoftphoneLimits, "server"): probe_server,
    (SoftphoneLimits, "fees"): probe_fees,
}
"""(limits class, key) -> its probe."""
