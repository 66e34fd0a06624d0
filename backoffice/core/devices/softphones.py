"""Softphones: each one its own SIP account on one line (an extension), through the change
pipeline (audited, and provisioned: the network creates the SIP account).

The carrier's :class:`~backoffice.core.limits.SoftphoneLimits` give the server (domain) the
account registers on and the carrier's fees, shown as information only, never charged.
A softphone is a :class:`~backoffice.core.devices.models.Device` of kind ``"softphone"``
whose ``line_id`` is its line; its user name is unique, its password generated. The
password stays out of the history and of the provisioning orders.
"""

from __future__ import annotations

import secrets
from typing import Any

from flask_babel import gettext, ngettext
from marshmallow import Schema
from sqlalchemy import func, select

from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change, delete_all
from backoffice.core.devices.models import Device
from backoffice.core.devices.schemas import SoftphoneSchema
from backoffice.core.limits import SoftphoneLimits
from backoffice.core.models import Line, Tenant
from backoffice.core.provisioning import order_change
from backoffice.extensions import db

FEATURE = "softphones"
KIND = "softphone"


def softphone_limits(tenant: Tenant, line: Line | None = None) -> SoftphoneLimits:
    return offer_of(tenant, FEATURE, line).limits


class Softphone:
    """A softphone as the block shows it: its device, with the server of its account."""

    def __init__(self, device: Device, server: str):
        self.device = device
        self.id, self.name, self.version = device.id, device.name, device.version
        self.sip_username, self.sip_password = device.sip_username, device.sip_password
        self.server = server


def softphone_schema(tenant: Tenant) -> SoftphoneSchema:
    return SoftphoneSchema()


def _softphones(tenant: Tenant, line: Line) -> list[Device]:
    return list(db.session.scalars(select(Device).where(
        Device.tenant_id == tenant.id, Device.line_id == line.id, Device.kind == KIND)
        .order_by(Device.id)))


def list_softphones(tenant: Tenant, line: Line | None) -> list[Softphone]:
    """The line's softphones, oldest first."""
    server = softphone_limits(tenant, line).server
    return [Softphone(device, server) for device in _softphones(tenant, line)]


def find_softphone(tenant: Tenant, line: Line | None, item_id: int) -> Softphone | None:
    server = softphone_limits(tenant, line).server
    device = db.session.scalar(select(Device).where(
        Device.id == item_id, Device.tenant_id == tenant.id, Device.kind == KIND,
        Device.line_id == (line.id if line is not None else None)))
    return Softphone(device, server) if device is not None else None


def _username(tenant: Tenant, line: Line) -> str:
    """A new SIP user name: the customer, the extension and the softphone's rank on it."""
    base = f"{tenant.id}-{line.extension or line.id}"
    taken = set(db.session.scalars(select(Device.sip_username).where(
        Device.sip_username.like(f"{base}-%"))))
    rank = 1
    while f"{base}-{rank}" in taken:
        rank += 1
    return f"{base}-{rank}"


def _provision(server: str):
    """The order to the network: the SIP account on ``server`` (its password left out)."""
    def provision(tenant: Tenant, audit: Any, obj: Any) -> None:
        order_change(tenant, audit, payload={**(audit.after or audit.before or {}),
                                             "server": server})
    return provision


def add_softphone(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> Softphone:
    """Add a softphone to the extension ("Ajout d'un téléphone logiciel"): a new SIP
    account, with its own user name and password."""
    limits = softphone_limits(tenant, line)

    def persist(clean: dict[str, Any]) -> Device:
        device = Device(tenant_id=tenant.id, line_id=line.id, kind=KIND,
                        name=clean.get("name"), sip_username=_username(tenant, line),
                        sip_password=secrets.token_urlsafe(12))
        db.session.add(device)
        return device

    return Softphone(apply_change(Change(
        tenant=tenant, object_type="softphone", action="create", data=data, line=line,
        schema=softphone_schema(tenant), persist=persist, feature=FEATURE,
        provision=_provision(limits.server))), limits.server)


def change_softphone(softphone: Softphone, data: dict[str, Any]) -> Softphone:
    """Rename a softphone (its SIP account stays)."""
    device = softphone.device
    tenant = device.tenant

    def persist(clean: dict[str, Any]) -> Device:
        if "name" in clean:
            device.name = clean["name"]
        return device

    return Softphone(apply_change(Change(
        tenant=tenant, object_type="softphone", action="update", data=data, line=device.line,
        schema=softphone_schema(tenant), target=device, persist=persist, feature=FEATURE,
        provision=_provision(softphone.server))), softphone.server)


def remove_softphone(softphone: Softphone) -> Device:
    """Remove a softphone: its SIP account is closed."""
    device = softphone.device
    return apply_change(Change(
        tenant=device.tenant, object_type="softphone", action="delete", data={},
        line=device.line, schema=Schema(), persist=delete_all(device), target=device,
        feature=FEATURE, provision=_provision(softphone.server)))


def describe_softphone(softphone: Softphone) -> str:
    return f"{softphone.name} ({softphone.sip_username})" if softphone.name \
        else str(softphone.sip_username)


def softphones_summary(tenant: Tenant, line: Line | None = None) -> str:
    """How many softphones the line has, and the carrier's fees, as information."""
    count = db.session.scalar(select(func.count()).select_from(Device).where(
        Device.tenant_id == tenant.id, Device.kind == KIND,
        Device.line_id == (line.id if line is not None else None))) or 0
    words = ngettext("%(num)d softphone, each with its own SIP account",
                     "%(num)d softphones, each with its own SIP account", count)
    fees = softphone_limits(tenant, line).fees
    if fees:
        words += " · " + gettext("Fees, for information (not charged here): %(fees)s",
                                 fees="; ".join(gettext(fee) for fee in fees))
    return words
