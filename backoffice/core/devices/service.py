"""Devices and their keys: list, add, change, remove, through the change pipeline.

The carrier's :class:`~backoffice.core.limits.DeviceLimits` give the catalog of models
(each with its type and key count), the types each plan takes and what a device must
give; its :class:`~backoffice.core.limits.KeyLimits` give the kinds of key, their
categories in the order they sit on the phone, and the most of each kind.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext, ngettext
from marshmallow import Schema
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, apply_change, delete_all
from backoffice.core.declarations import FeatureOffer
from backoffice.core.devices.models import Device, DeviceKey
from backoffice.core.devices.schemas import (
    KEY_KIND_LABELS,
    KeysSchema,
    LineDeviceSchema,
    PhoneSchema,
    line_name,
)
from backoffice.core.errors import N_, Violation
from backoffice.core.limits import DeviceLimits, DeviceModel, KeyLimits
from backoffice.core.models import Line, Tenant
from backoffice.core.numbers import row_id
from backoffice.core.provisioning import order_change
from backoffice.extensions import db

FEATURE = "devices"
KEYS_FEATURE = "programmable_keys"
HARDWARE = Device.kind.is_distinct_from("softphone")
"""A device that is hardware (or a phone of the bank), not a softphone."""


def device_limits(tenant: Tenant) -> DeviceLimits:
    return offer_of(tenant, FEATURE).limits


def key_limits(tenant: Tenant) -> KeyLimits:
    return offer_of(tenant, KEYS_FEATURE).limits


def model_of(tenant: Tenant, model_id: str | None) -> DeviceModel | None:
    """The catalog's model of this id, or ``None``."""
    return next((m for m in device_limits(tenant).models if m.id == model_id), None)


def capacity(device: Device | None) -> int:
    """How many programmable keys the device's model has (0 without a model)."""
    if device is None:
        return 0
    model = model_of(device.tenant, device.model)
    return model.keys if model else 0


def _offer(tenant: Tenant, line: Line | None, feature: str = FEATURE) -> FeatureOffer:
    return offer_of(tenant, feature, line)


# The hardware of a line


def line_device_schema(tenant: Tenant) -> LineDeviceSchema:
    limits = device_limits(tenant)
    return LineDeviceSchema(models=limits.models, model_required=limits.model_required)


def device_of(line: Line) -> Device | None:
    """The hardware associated with ``line``, with its keys."""
    return db.session.scalar(select(Device).options(selectinload(Device.keys)).where(
        Device.line_id == line.id, HARDWARE))


def list_line_devices(tenant: Tenant, line: Line | None) -> list[Device]:
    _offer(tenant, line)
    device = device_of(line) if line is not None else None
    return [device] if device is not None else []


def find_line_device(tenant: Tenant, line: Line | None, item_id: int) -> Device | None:
    _offer(tenant, line)
    return db.session.scalar(select(Device).where(
        Device.id == item_id, Device.tenant_id == tenant.id, HARDWARE,
        Device.line_id == (line.id if line is not None else None)))


def _hardware_checks(tenant: Tenant, line: Line, device: Device | None):
    limits = device_limits(tenant)

    def check(data: dict[str, Any]) -> list[Violation]:
        violations = []
        if device is None and device_of(line) is not None:
            violations.append(Violation(
                code="device.item.duplicate", field="",
                message=N_("This line already has its hardware: change it instead.")))
        model = model_of(tenant, data.get("model"))
        allowed = limits.kinds_per_plan.get(line.plan)
        if model is not None and allowed is not None and model.kind not in allowed:
            violations.append(Violation(
                code="device.model.plan", field="model", limit=list(allowed),
                message=N_("This type of hardware is not offered for this line's plan.")))
        violations += _mac_taken(tenant, data.get("mac"), device)
        return violations
    return check


def _mac_taken(tenant: Tenant, mac: str | None, device: Device | None) -> list[Violation]:
    if not mac:
        return []
    other = db.session.scalar(select(Device).where(
        Device.tenant_id == tenant.id, Device.mac == mac))
    if other is not None and other is not device:
        return [Violation(code="device.mac.duplicate", field="mac",
                          message=N_("Another device of the customer has this MAC address."))]
    return []


def _hardware_values(tenant: Tenant, clean: dict[str, Any]) -> dict[str, Any]:
    model = model_of(tenant, clean.get("model"))
    return {"model": clean.get("model"), "mac": clean.get("mac"),
            "kind": model.kind if model else None}


def add_line_device(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> Device:
    """Associate hardware with the line (guide words: "Matériel associé à la ligne")."""
    _offer(tenant, line)

    def persist(clean: dict[str, Any]) -> Device:
        device = Device(**_hardware_values(tenant, clean), tenant_id=tenant.id, line_id=line.id)
        db.session.add(device)
        return device

    return apply_change(Change(
        tenant=tenant, object_type="device", action="create", data=data, line=line,
        schema=line_device_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_hardware_checks(tenant, line, None)]))


def keys_lost(device: Device | None, model_id: str | None) -> list[DeviceKey]:
    """The keys a change to ``model_id`` would lose: those past its key count."""
    if device is None:
        return []
    model = model_of(device.tenant, model_id)
    keep = model.keys if model else 0
    return list(device.keys[keep:])


def change_line_device(device: Device, data: dict[str, Any]) -> Device:
    """Change the model or the MAC address; a model with fewer keys keeps those that fit."""
    tenant = device.tenant

    def persist(clean: dict[str, Any]) -> Device:
        values = _hardware_values(tenant, {**{"model": device.model, "mac": device.mac},
                                           **clean})
        for key in keys_lost(device, values["model"]):
            device.keys.remove(key)
        for name, value in values.items():
            setattr(device, name, value)
        return device

    return apply_change(Change(
        tenant=tenant, object_type="device", action="update", data=data, line=device.line,
        schema=line_device_schema(tenant), target=device, persist=persist, feature=FEATURE,
        checks=[_hardware_checks(tenant, device.line, device)]))


def remove_line_device(device: Device) -> Device:
    """Remove the hardware from its line, and with it its keys (guide 004 §9.3)."""
    return apply_change(Change(
        tenant=device.tenant, object_type="device", action="delete", data={},
        line=device.line, schema=Schema(), persist=delete_all(device), target=device,
        feature=FEATURE))


def key_words(key: DeviceKey, country: str = "") -> str:
    """A key in words: “N°3 Supervision: +33 4 83 05 01 88 Camille Dumoutin”."""
    what = gettext(KEY_KIND_LABELS.get(key.kind, key.kind))
    shown = key.label or (line_name(key.line, country) if key.line is not None else "") \
        or key.number or ""
    return gettext("Key %(position)s, %(kind)s: %(shown)s", position=key.position,
                   kind=what, shown=shown) if shown else gettext(
        "Key %(position)s, %(kind)s", position=key.position, kind=what)


def change_caution(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> str | None:
    """Before a change to a model with fewer keys: which keys will be lost."""
    device = device_of(line) if line is not None else None
    lost = keys_lost(device, data.get("model")) if device is not None and data.get("model") \
        else []
    if not lost:
        return None
    country = carrier_country(tenant)
    return gettext("This model has fewer programmable keys: only part of the keys will be "
                   "kept. These keys will be lost: %(keys)s.",
                   keys="; ".join(key_words(key, country) for key in lost))


def describe_line_device(device: Device) -> str:
    model = model_of(device.tenant, device.model)
    name = model.label if model else (device.model or gettext("hardware"))
    if device.keys:
        return ngettext("%(name)s: removing this hardware loses its %(num)d supervision or "
                        "shortcut key", "%(name)s: removing this hardware loses its %(num)d "
                        "supervision and shortcut keys", len(device.keys), name=name)
    return name


def programmed(device: Device) -> str:
    """“4/47”: keys programmed out of the model's programmable keys."""
    return f"{len(device.keys)}/{capacity(device)}"


# A device's keys


def keys_schema(tenant: Tenant) -> KeysSchema:
    limits = key_limits(tenant)
    return KeysSchema(categories=dict(limits.categories))


def read_keys(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    """The line's device's key layout, as the schema dumps it."""
    _offer(tenant, line, KEYS_FEATURE)
    device = device_of(line) if line is not None else None
    model = model_of(tenant, device.model) if device is not None else None
    country = carrier_country(tenant)
    return {"model": model.label if model else None, "capacity": capacity(device),
            "keys": [{"position": key.position, "kind": key.kind, "line_id": key.line_id,
                      "number": key.number, "label": key.label,
                      "target": line_name(key.line, country) if key.line else key.number}
                     for key in (device.keys if device else [])],
            "version": device.version if device is not None else 0}


def _category(limits: KeyLimits, kind: str) -> int:
    return next((index for index, kinds in enumerate(limits.categories.values())
                 if kind in kinds), 0)


def _keys_checks(tenant: Tenant, device: Device | None):
    limits = key_limits(tenant)

    def check(data: dict[str, Any]) -> list[Violation]:
        keys = data["keys"]
        room = capacity(device)
        if keys and room == 0:
            return [Violation(code="device_keys.keys.no_keys", field="keys", limit=0,
                              message=N_("This model of phone has no programmable keys."))]
        violations = []
        if len(keys) > room:
            violations.append(Violation(
                code="device_keys.keys.too_many", field="keys", limit=room,
                params={"max": room},
                message=N_("This phone has %(max)s programmable keys.")))
        counts: dict[str, int] = {}
        previous = 0
        lines = {line.id: line for line in db.session.scalars(select(Line).where(
            Line.tenant_id == tenant.id, Line.id.in_(
                [key["line_id"] for key in keys if key.get("line_id")])))}
        for index, key in enumerate(keys):
            kind, where = key["kind"], f"keys.{index}"
            counts[kind] = counts.get(kind, 0) + 1
            most = limits.max_per_kind.get(kind)
            if most is not None and counts[kind] == most + 1:
                violations.append(Violation(
                    code="device_keys.kind.too_many", field=f"{where}.kind", limit=most,
                    params={"max": most},
                    message=N_("At most %(max)s keys of this kind.")))
            category = _category(limits, kind)
            if category < previous:
                violations.append(Violation(
                    code="device_keys.kind.order", field=f"{where}.kind",
                    limit=[list(kinds) for kinds in limits.categories.values()],
                    message=N_("Supervision keys come first, then the shortcut keys: keys are "
                               "reordered only within their category.")))
            previous = max(previous, category)
            violations += _key_target(limits, key, where, lines)
        return violations
    return check


def _key_target(limits: KeyLimits, key: dict[str, Any], where: str,
                lines: dict[int, Line]) -> list[Violation]:
    kind, line_id = key["kind"], key.get("line_id")
    if line_id is not None and line_id not in lines:
        return [Violation(code="device_keys.line_id.unknown", field=f"{where}.line_id",
                          message=N_("The line is not one of the customer's."))]
    if kind == "supervision":
        if line_id is None:
            return [Violation(code="device_keys.line_id.required", field=f"{where}.line_id",
                              message=N_("A supervision key watches one of the customer's "
                                         "lines: choose it."))]
        if limits.supervision_plans and lines[line_id].plan not in limits.supervision_plans:
            return [Violation(code="device_keys.line_id.plan", field=f"{where}.line_id",
                              limit=list(limits.supervision_plans),
                              message=N_("A supervision key watches an internal line only; "
                                         "this line's plan cannot be supervised."))]
    if kind == "speed_dial" and line_id is None and not key.get("number"):
        return [Violation(code="device_keys.number.required", field=f"{where}.number",
                          message=N_("A speed dial calls a number or one of the customer's "
                                     "lines."))]
    return []


def _normalized_keys(tenant: Tenant, keys: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The keys numbered from 1 with no gap; a pickup key dials the carrier's number; a
    supervision key shows its line."""
    limits = key_limits(tenant)
    rows = []
    for position, key in enumerate(keys, start=1):
        row = {"position": position, "kind": key["kind"], "line_id": key.get("line_id"),
               "number": key.get("number"), "label": key.get("label")}
        if key["kind"] == "pickup":
            row.update(line_id=None, number=limits.pickup_number, label=limits.pickup_label)
        elif key["kind"] == "supervision":
            row.update(number=None, label=None)
        elif row["line_id"] is not None:
            row["number"] = None
        rows.append(row)
    return rows


def write_keys(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> Device:
    """Save the whole key layout ("Valider la configuration"); an empty list clears every
    key ("Tout réinitialiser")."""
    _offer(tenant, line, KEYS_FEATURE)
    device = device_of(line) if line is not None else None

    def persist(clean: dict[str, Any]) -> Device:
        device.keys.clear()
        db.session.flush()
        for row in _normalized_keys(tenant, clean["keys"]):
            device.keys.append(DeviceKey(tenant_id=tenant.id, **row))
        flag_modified(device, "model")  # the device's version moves with its keys
        return device

    def provision(tenant: Tenant, audit: Any, obj: Device) -> None:
        order_change(tenant, audit, payload={
            **(audit.after or {}), "restart": key_limits(tenant).restarts_phone})

    if device is None:
        if isinstance(raw, dict) and raw.get("keys") == []:
            return None  # no phone and no key: nothing to save
        raise_no_device()
    return apply_change(Change(
        tenant=tenant, object_type="device_keys", action="update", data=raw, line=line,
        schema=keys_schema(tenant), target=device, persist=persist, feature=KEYS_FEATURE,
        checks=[_keys_checks(tenant, device)], provision=provision))


def raise_no_device() -> None:
    from backoffice.core.errors import ChangeRejected

    raise ChangeRejected([Violation(
        code="device_keys.keys.no_keys", field="keys", limit=0,
        message=N_("This line has no hardware: associate a phone with it first."))])


def devices_summary(tenant: Tenant, line: Line | None = None) -> str:
    count = db.session.scalar(select(func.count()).select_from(Device).where(
        Device.tenant_id == tenant.id, Device.line_id.is_(None))) or 0
    return ngettext("%(num)d phone in the bank", "%(num)d phones in the bank", count)


def phone_schema(tenant: Tenant) -> PhoneSchema:
    schema = PhoneSchema()
    limits = device_limits(tenant)
    for name, required in (("mac", limits.mac_required), ("name", limits.name_required)):
        schema.fields[name].required = required
        schema.fields[name].allow_none = not required
        if not required:
            schema.fields[name].load_default = None
    return schema


# A phone bank, and its phones assigned to extensions on line keys


def list_phones(tenant: Tenant, line: Line | None = None) -> list[Device]:
    """The customer's bank of phones, by name, with their line keys (two queries)."""
    _offer(tenant, None)
    return list(db.session.scalars(select(Device).options(
        selectinload(Device.keys).selectinload(DeviceKey.line)).where(
        Device.tenant_id == tenant.id, Device.line_id.is_(None))
        .order_by(Device.name, Device.id)))


def find_phone(tenant: Tenant, line: Line | None, item_id: int) -> Device | None:
    _offer(tenant, None)
    return db.session.scalar(select(Device).where(
        Device.id == item_id, Device.tenant_id == tenant.id, Device.line_id.is_(None)))


def _phone_checks(tenant: Tenant, device: Device | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        return _mac_taken(tenant, data.get("mac"), device)
    return check


def add_phone(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> Device:
    """Add a phone to the customer's bank ("Ajout d'un téléphone physique")."""
    _offer(tenant, None)

    def persist(clean: dict[str, Any]) -> Device:
        device = Device(mac=clean.get("mac"), name=clean.get("name"), tenant_id=tenant.id,
                        kind="ip_phone")
        db.session.add(device)
        return device

    return apply_change(Change(
        tenant=tenant, object_type="phone", action="create", data=data,
        schema=phone_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_phone_checks(tenant, None)]))


def change_phone(device: Device, data: dict[str, Any]) -> Device:
    """Change a phone's MAC address or name."""
    tenant = device.tenant

    def persist(clean: dict[str, Any]) -> Device:
        for name in ("mac", "name"):
            if name in clean:
                setattr(device, name, clean[name])
        return device

    return apply_change(Change(
        tenant=tenant, object_type="phone", action="update", data=data,
        schema=phone_schema(tenant), target=device, persist=persist, feature=FEATURE,
        checks=[_phone_checks(tenant, device)]))


def remove_phone(device: Device) -> Device:
    """Remove a phone from the bank, and with it its assignments."""
    return apply_change(Change(
        tenant=device.tenant, object_type="phone", action="delete", data={},
        schema=Schema(), persist=delete_all(device), target=device, feature=FEATURE))


def describe_phone(device: Device) -> str:
    return f"{device.name} ({device.mac})" if device.mac else str(device.name)


class Assignment:
    """A phone of the bank as one extension sees it: its line keys for that extension."""

    def __init__(self, device: Device, line: Line):
        self.device, self.line = device, line
        self.id = self.device_id = device.id
        self.model, self.timezone, self.version = device.model, device.timezone, device.version
        self.line_keys = [key.position for key in device.keys
                          if key.kind == "line" and key.line_id == line.id]


def assignment_schema(tenant: Tenant) -> Any:
    from backoffice.core.devices.schemas import AssignmentSchema

    limits = device_limits(tenant)
    return AssignmentSchema(models=limits.models, timezones=dict(limits.timezones),
                            default_timezone=limits.default_timezone)


def list_assignments(tenant: Tenant, line: Line | None) -> list[Assignment]:
    """The phones assigned to the extension (one query for the phones and their keys)."""
    _offer(tenant, line, KEYS_FEATURE)
    devices = db.session.scalars(select(Device).options(selectinload(Device.keys)).where(
        Device.tenant_id == tenant.id, Device.line_id.is_(None),
        Device.id.in_(select(DeviceKey.device_id).where(DeviceKey.line_id == line.id)))
        .order_by(Device.name, Device.id))
    return [Assignment(device, line) for device in devices]


def find_assignment(tenant: Tenant, line: Line | None, item_id: int) -> Assignment | None:
    _offer(tenant, line, KEYS_FEATURE)
    device = find_phone(tenant, None, item_id)
    if device is None or not any(key.line_id == line.id for key in device.keys):
        return None
    return Assignment(device, line)


def _assignment_checks(tenant: Tenant, line: Line, current: Device | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        device = find_phone(tenant, None, data["device_id"])
        if device is None:
            return [Violation(code="phone_assignment.device_id.unknown", field="device_id",
                              message=N_("This phone is not in the customer's bank."))]
        if current is None and any(key.line_id == line.id for key in device.keys):
            return [Violation(code="phone_assignment.device_id.duplicate", field="device_id",
                              message=N_("This phone is already assigned to this extension: "
                                         "change its line keys instead."))]
        if current is not None and device is not current:
            return [Violation(code="phone_assignment.device_id.fixed", field="device_id",
                              message=N_("The phone of an assignment cannot change; remove it "
                                         "and assign the other phone."))]
        return _line_key_violations(tenant, line, device, data)
    return check


def _line_key_violations(tenant: Tenant, line: Line, device: Device,
                         data: dict[str, Any]) -> list[Violation]:
    chosen = list(data.get("line_keys") or [])
    if not chosen:
        return [Violation(code="phone_assignment.line_keys.required", field="line_keys",
                          message=N_("Choose at least one line key for this extension."))]
    model = model_of(tenant, data.get("model"))
    room = model.keys if model else 0
    if any(position > room for position in chosen):
        return [Violation(code="phone_assignment.line_keys.too_many", field="line_keys",
                          limit=room, params={"max": room},
                          message=N_("This model has %(max)s line keys."))]
    others = {key.position for key in device.keys
              if key.kind == "line" and key.line_id != line.id}
    taken = sorted(set(chosen) & others)
    if taken or len(chosen) != len(set(chosen)):
        return [Violation(code="phone_assignment.line_keys.duplicate", field="line_keys",
                          params={"keys": ", ".join(map(str, taken or chosen))},
                          message=N_("Line key %(keys)s is already used on this phone: never "
                                     "choose the same line key twice."))]
    used = others | set(chosen)
    if used != set(range(1, len(used) + 1)):
        return [Violation(code="phone_assignment.line_keys.gap", field="line_keys",
                          message=N_("No empty line key at the start or between the "
                                     "extensions: the phone's line keys follow from key 1."))]
    return []


def _assignment_provision(tenant: Tenant, audit: Any, obj: Device) -> None:
    order_change(tenant, audit, payload={
        **(audit.after or audit.before or {}),
        "restart_minutes": device_limits(tenant).restart_minutes})


def _assign(tenant: Tenant, line: Line, device_of_data: Any):
    def persist(clean: dict[str, Any]) -> Device:
        device = device_of_data(clean)
        device.model, device.timezone = clean["model"], clean.get("timezone")
        for key in [key for key in device.keys if key.line_id == line.id]:
            device.keys.remove(key)
        db.session.flush()
        for position in sorted(set(clean["line_keys"])):
            device.keys.append(DeviceKey(tenant_id=tenant.id, position=position, kind="line",
                                         line_id=line.id))
        device.keys.sort(key=lambda key: key.position)
        flag_modified(device, "model")
        return device
    return persist


def add_assignment(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> Assignment:
    """Assign a phone of the bank to the extension on line keys ("Ajout d'un téléphone
    physique" of an extension); the same phone may serve other extensions on other keys."""
    _offer(tenant, line, KEYS_FEATURE)
    device = _assign(tenant, line, lambda clean: find_phone(tenant, None, clean["device_id"]))
    return Assignment(apply_change(Change(
        tenant=tenant, object_type="phone_assignment", action="create", data=data, line=line,
        schema=assignment_schema(tenant), persist=device, feature=KEYS_FEATURE,
        checks=[_assignment_checks(tenant, line, None)], provision=_assignment_provision)),
        line)


def change_assignment(assignment: Assignment, data: dict[str, Any]) -> Assignment:
    """Change the phone's model, time zone or the extension's line keys."""
    tenant, line, device = assignment.device.tenant, assignment.line, assignment.device
    return Assignment(apply_change(Change(
        tenant=tenant, object_type="phone_assignment", action="update", data=data, line=line,
        schema=assignment_schema(tenant), target=device, feature=KEYS_FEATURE,
        persist=_assign(tenant, line, lambda clean: device),
        checks=[_assignment_checks(tenant, line, device)], provision=_assignment_provision)),
        line)


def remove_assignment(assignment: Assignment) -> Device:
    """Unassign the phone from the extension ("Désassigner un téléphone d'un poste"); the
    other extensions' line keys move up, so that none is left empty."""
    tenant, line, device = assignment.device.tenant, assignment.line, assignment.device

    def persist(clean: dict[str, Any]) -> Device:
        for key in [key for key in device.keys if key.line_id == line.id]:
            device.keys.remove(key)
        db.session.flush()
        for position, key in enumerate(sorted(device.keys, key=lambda k: k.position), 1):
            key.position = -position
        db.session.flush()
        for key in device.keys:
            key.position = -key.position
        flag_modified(device, "model")
        return device

    return apply_change(Change(
        tenant=tenant, object_type="phone_assignment", action="delete", data={}, line=line,
        schema=Schema(), target=device, persist=persist, feature=KEYS_FEATURE,
        provision=_assignment_provision))


def describe_assignment(assignment: Assignment) -> str:
    return describe_phone(assignment.device)


def assignment_caution(tenant: Tenant, line: Line | None,
                       data: dict[str, Any]) -> str | None:
    """Before a phone's model is chosen or changed: the wrong model, the phone won't work."""
    device_id = row_id(data.get("device_id"))
    device = find_phone(tenant, None, device_id) if device_id is not None else None
    if device is None or not data.get("model") or data.get("model") == device.model:
        return None
    return gettext("Check the model: if it is not the right model, the phone will not work.")


def lines_with_phones(tenant: Tenant, line_ids: list[int]) -> set[int]:
    """Those of ``line_ids`` that have a device: their hardware, a softphone, or a phone
    of the bank on a line key (one query)."""
    if not line_ids:
        return set()
    keyed = select(DeviceKey.line_id).join(Device, DeviceKey.device_id == Device.id).where(
        DeviceKey.tenant_id == tenant.id, DeviceKey.kind == "line", Device.line_id.is_(None),
        DeviceKey.line_id.in_(line_ids))
    own = select(Device.line_id).where(Device.tenant_id == tenant.id,
                                       Device.line_id.in_(line_ids))
    return {line_id for line_id in db.session.scalars(keyed.union(own)) if line_id}
