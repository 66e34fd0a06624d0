"""A push-to-talk device's own settings: talk-group scanning (« Activer le balayage des
groupes de discussion »), its scan list with priorities, and its messaging options."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change, assign_to, delete_all
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.core.ptt.models import PttDevice, PttList, PttMember, PttScanEntry
from backoffice.core.ptt.schemas import (
    PttMessagingSchema,
    PttScanEntrySchema,
    PttScanningSchema,
)
from backoffice.extensions import db

SCANNING = "ptt_scanning"
MESSAGING = "ptt_messaging"


def device_of(line: Line) -> PttDevice | None:
    """The device's saved settings, if any."""
    return db.session.scalar(select(PttDevice).where(PttDevice.line_id == line.id))


def _save(tenant: Tenant, line: Line, raw: dict[str, Any], *, feature: str,
          object_type: str, schema: Schema, apply: Any, checks: list[Any] = ()) -> PttDevice:
    existing = device_of(line)

    def persist(clean: dict[str, Any]) -> PttDevice:
        device = existing
        if device is None:
            device = PttDevice(tenant_id=tenant.id, line_id=line.id)
            db.session.add(device)
        apply(device, clean)
        return device

    return apply_change(Change(
        tenant=tenant, object_type=object_type, action="update" if existing else "create",
        data=raw, schema=schema, persist=persist, target=existing, feature=feature, line=line,
        checks=list(checks)))


# -- scanning ---------------------------------------------------------------------------------

def read_scanning(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    """Whether the device scans its talk groups (off until set)."""
    offer_of(tenant, SCANNING, line)
    device = device_of(line)
    return {"scanning": bool(device and device.scanning),
            "version": device.version if device else 0}


def write_scanning(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> PttDevice:
    """Turn talk-group scanning on or off."""
    offer_of(tenant, SCANNING, line)

    def apply(device: PttDevice, clean: dict[str, Any]) -> None:
        device.scanning = clean["scanning"]

    return _save(tenant, line, raw, feature=SCANNING, object_type="ptt_scanning",
                 schema=PttScanningSchema(), apply=apply)


def group_choices(tenant: Any) -> list[tuple[int, str]]:
    """The customer's talk groups, to put on a scan list."""
    return [(group.id, group.name) for group in db.session.scalars(
        select(PttList).where(PttList.tenant_id == tenant.id, PttList.kind == "talk_group")
        .order_by(PttList.name, PttList.id))]


def scan_entry_schema(tenant: Tenant | None) -> PttScanEntrySchema:
    """A scan-list entry, its priority within the carrier's ``priorities``."""
    if tenant is None:
        return PttScanEntrySchema(groups=group_choices)
    return PttScanEntrySchema(priorities=offer_of(tenant, SCANNING).limits.priorities,
                              groups=group_choices)


def scan_list(tenant: Tenant, line: Line | None) -> list[PttScanEntry]:
    """The groups on the device's scan list, highest priority first."""
    offer_of(tenant, SCANNING, line)
    return list(db.session.scalars(select(PttScanEntry).where(
        PttScanEntry.line_id == line.id).options(joinedload(PttScanEntry.group))
        .order_by(PttScanEntry.priority, PttScanEntry.id)))


def find_scan_entry(tenant: Tenant, line: Line | None, item_id: int) -> PttScanEntry | None:
    offer_of(tenant, SCANNING, line)
    return db.session.scalar(select(PttScanEntry).where(
        PttScanEntry.id == item_id, PttScanEntry.line_id == line.id))


def _entry_checks(tenant: Tenant, line: Line, existing: PttScanEntry | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        group_id = data.get("group_id")
        if group_id is None:
            return []
        group = db.session.scalar(select(PttList).where(
            PttList.id == group_id, PttList.tenant_id == tenant.id,
            PttList.kind == "talk_group"))
        if group is None:
            return [Violation(code="ptt_scan_entry.group_id.unknown", field="group_id",
                              message=N_("The talk group is not one of the customer's."))]
        member = db.session.scalar(select(PttMember.id).where(
            PttMember.list_id == group.id, PttMember.line_id == line.id))
        if member is None:
            return [Violation(code="ptt_scan_entry.group_id.not_member", field="group_id",
                              message=N_("The device is not a member of “%(group)s”."),
                              params={"group": group.name})]
        query = select(PttScanEntry.id).where(PttScanEntry.line_id == line.id,
                                              PttScanEntry.group_id == group.id)
        if existing is not None:
            query = query.where(PttScanEntry.id != existing.id)
        if db.session.scalar(query) is not None:
            return [Violation(code="ptt_scan_entry.group_id.duplicate", field="group_id",
                              message=N_("“%(group)s” is already on the scan list."),
                              params={"group": group.name})]
        return []
    return check


def add_scan_entry(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> PttScanEntry:
    """Put a talk group on the device's scan list, with a priority."""
    offer_of(tenant, SCANNING, line)

    def persist(clean: dict[str, Any]) -> PttScanEntry:
        entry = PttScanEntry(tenant_id=tenant.id, line_id=line.id, **clean)
        db.session.add(entry)
        return entry

    return apply_change(Change(
        tenant=tenant, object_type="ptt_scan_entry", action="create", data=data,
        schema=scan_entry_schema(tenant), persist=persist, feature=SCANNING, line=line,
        checks=[_entry_checks(tenant, line, None)]))


def change_scan_entry(entry: PttScanEntry, data: dict[str, Any]) -> PttScanEntry:
    """Change a scan-list entry's group or priority."""
    return apply_change(Change(
        tenant=entry.tenant, object_type="ptt_scan_entry", action="update", data=data,
        schema=scan_entry_schema(entry.tenant), persist=assign_to(entry), target=entry,
        feature=SCANNING, line=entry.line, checks=[_entry_checks(entry.tenant, entry.line,
                                                                 entry)]))


def remove_scan_entry(entry: PttScanEntry) -> PttScanEntry:
    """Take a talk group off the scan list."""
    return apply_change(Change(
        tenant=entry.tenant, object_type="ptt_scan_entry", action="delete", data={},
        schema=Schema(), persist=delete_all(entry), target=entry, feature=SCANNING,
        line=entry.line))


def describe_scan_entry(entry: PttScanEntry) -> str:
    return f"{entry.group.name} ({entry.priority})"


# -- messaging --------------------------------------------------------------------------------

def read_messaging(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    """The device's messaging options (both on until set); location services always on."""
    offer_of(tenant, MESSAGING, line)
    device = device_of(line)
    return {"messaging": device.messaging if device else True,
            "voice_fallback": device.voice_fallback if device else True,
            "location_services": True, "version": device.version if device else 0}


def _location_kept(data: dict[str, Any]) -> list[Violation]:
    if data.get("location_services") is False:
        return [Violation(code="ptt_messaging.location_services.locked",
                          field="location_services",
                          message=N_("Location services cannot be removed."))]
    return []


def write_messaging(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> PttDevice:
    """Allow or forbid integrated secure messaging; forbidding it also turns the
    voice-message fallback off, since the fallback delivers through the messaging."""
    offer_of(tenant, MESSAGING, line)

    def apply(device: PttDevice, clean: dict[str, Any]) -> None:
        device.messaging = clean["messaging"]
        device.voice_fallback = clean["messaging"] and clean["voice_fallback"]

    return _save(tenant, line, raw, feature=MESSAGING, object_type="ptt_messaging",
                 schema=PttMessagingSchema(), apply=apply, checks=[_location_kept])
