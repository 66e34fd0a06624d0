"""Pickup groups: a name, a site when the carrier wants one, and member lines, each of
which may answer a call ringing another member with the carrier's code. The carrier's
``PickupGroupLimits`` say which lines may be members, whether they must be of the group's
site and whether a line may belong to several groups."""

from __future__ import annotations

import contextlib
import re
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from backoffice.core.carriers import carrier_country, offer_of, offers, registry
from backoffice.core.changes import Change, apply_change, delete_all
from backoffice.core.errors import N_, Violation
from backoffice.core.groups.models import PickupGroup, PickupMember
from backoffice.core.limits import PickupGroupLimits
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import InvalidNumber, to_e164
from backoffice.core.schemas import RegionalSchema, site_choices
from backoffice.extensions import db

FEATURE = "pickup_groups"
OBJECT_TYPE = "pickup_group"
PLAIN_NAME = re.compile(r"^[^\W_]+( [^\W_]+)*$")


def limits_of(tenant: Tenant) -> PickupGroupLimits:
    offer = registry()[tenant.carrier_id].offer(FEATURE)
    assert offer is not None
    return offer.limits


def offers_pickup(tenant: Tenant) -> bool:
    return offers(tenant, FEATURE, scope="tenant")


class MemberList(fields.List):
    """Member lines by number or extension: a list (API) or one per line (form)."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> list[str]:
        if isinstance(value, str):
            value = re.split(r"[\n,;]+", value)
        if not isinstance(value, list):
            raise ValidationError(_l("Give a list of numbers."))
        return [str(item).strip() for item in value if str(item).strip()]


def _name_length(tenant: Any) -> int:
    return limits_of(tenant).max_name_length if tenant is not None else 60


def pickup_schema(tenant: Any) -> Schema:
    """The schema of one pickup group, for the tenant's carrier."""
    limits = limits_of(tenant) if tenant is not None else None
    attrs: dict[str, fields.Field] = {
        "id": fields.Integer(dump_only=True),
        "name": fields.String(required=True, validate=validate.Length(
            min=1, max=limits.max_name_length if limits else 60),
            metadata={"label": N_("Name")}),
    }
    if limits is None or limits.same_site:
        attrs["site_id"] = fields.Integer(
            required=bool(limits and limits.same_site), allow_none=True,
            metadata={"label": N_("Site"), "choices": site_choices})
    attrs["members"] = MemberList(fields.String(), attribute="numbers", load_default=list,
                                  metadata={"label": N_("Members"), "help": N_(
                                      "One number or extension per line.")})
    attrs["version"] = fields.Integer(dump_only=True)
    carrier = getattr(tenant, "carrier_id", "core").capitalize()
    return type(f"{carrier}PickupGroupSchema", (RegionalSchema,), attrs)(
        region=carrier_country(tenant) if tenant is not None else None)


def list_groups(tenant: Tenant, line: Line | None) -> list[PickupGroup]:
    """The tenant's pickup groups by name, with their members (one query each kind)."""
    offer_of(tenant, FEATURE, scope="tenant")
    return list(db.session.scalars(
        select(PickupGroup).where(PickupGroup.tenant_id == tenant.id)
        .options(selectinload(PickupGroup.members).selectinload(PickupMember.line))
        .order_by(PickupGroup.name)))


def find_group(tenant: Tenant, line: Line | None, item_id: int) -> PickupGroup | None:
    offer_of(tenant, FEATURE, scope="tenant")
    return db.session.scalar(select(PickupGroup).where(
        PickupGroup.tenant_id == tenant.id, PickupGroup.id == item_id))


def group_of_line(line: Line) -> PickupGroup | None:
    """The (first) pickup group the line belongs to."""
    return db.session.scalar(select(PickupGroup).join(PickupMember).where(
        PickupMember.line_id == line.id).order_by(PickupGroup.id).limit(1))


def _resolve(tenant: Tenant, typed: str) -> Line | None:
    keys = {typed}
    with contextlib.suppress(InvalidNumber):
        keys.add(to_e164(typed, carrier_country(tenant)))
    return db.session.scalar(select(Line).where(
        Line.tenant_id == tenant.id, or_(Line.number.in_(keys), Line.extension.in_(keys))))


def _checks(tenant: Tenant, group: PickupGroup | None, resolved: dict[str, Line]):
    limits = limits_of(tenant)

    def check(data: dict[str, Any]) -> list[Violation]:
        found: list[Violation] = []
        if limits.plain_name and not PLAIN_NAME.match(data["name"]):
            found.append(Violation(
                code="pickup_group.name.special_characters", field="name",
                message=N_("The name takes letters, digits and spaces only, without special "
                           "characters.")))
        taken = db.session.scalar(select(PickupGroup.id).where(
            PickupGroup.tenant_id == tenant.id, PickupGroup.name == data["name"]))
        if taken is not None and (group is None or taken != group.id):
            found.append(Violation(code="pickup_group.name.duplicate", field="name",
                                   params={"value": data["name"]},
                                   message=N_("A pickup group is already named "
                                              "“%(value)s”.")))
        site_id = data.get("site_id")
        if limits.same_site and site_id is not None and site_id not in {
                site.id for site in tenant.sites}:
            found.append(Violation(code="pickup_group.site_id.unknown", field="site_id",
                                   message=N_("Choose a site of this customer.")))
        for typed in data.get("numbers", []):
            line = _resolve(tenant, typed)
            if line is None:
                found.append(Violation(code="pickup_group.members.unknown", field="members",
                                       params={"value": typed},
                                       message=N_("%(value)s is not a line of this "
                                                  "customer.")))
                continue
            if line.plan not in limits.member_plans:
                found.append(Violation(code="pickup_group.members.plan", field="members",
                                       params={"value": typed},
                                       message=N_("%(value)s: a line of this plan cannot be "
                                                  "a member of a pickup group.")))
                continue
            if limits.same_site and line.site_id != site_id:
                found.append(Violation(code="pickup_group.members.other_site",
                                       field="members", params={"value": typed},
                                       message=N_("%(value)s is not a line of the group's "
                                                  "site.")))
                continue
            if limits.one_group_per_line:
                other = db.session.scalar(select(PickupGroup.name).join(PickupMember).where(
                    PickupMember.line_id == line.id,
                    PickupGroup.id != (group.id if group else -1)))
                if other is not None:
                    found.append(Violation(
                        code="pickup_group.members.other_group", field="members",
                        params={"value": typed, "group": other},
                        message=N_("%(value)s already belongs to the pickup group "
                                   "“%(group)s”: a line belongs to one group only.")))
                    continue
            resolved[typed] = line
        return found
    return check


def _persist(tenant: Tenant, group: PickupGroup | None, resolved: dict[str, Line]):
    def persist(clean: dict[str, Any]) -> PickupGroup:
        target = group or PickupGroup(tenant_id=tenant.id)
        target.name = clean["name"]
        target.site_id = clean.get("site_id")
        wanted = {resolved[typed].id for typed in clean.get("numbers", [])}
        target.members = [m for m in target.members if m.line_id in wanted] + [
            PickupMember(tenant_id=tenant.id, line_id=line_id)
            for line_id in sorted(wanted - {m.line_id for m in target.members})]
        db.session.add(target)
        return target
    return persist


def _lock(tenant: Tenant) -> None:
    """One agent at a time changes a tenant's pickup groups (one group per line)."""
    db.session.execute(select(Tenant.id).where(Tenant.id == tenant.id).with_for_update())


def add_group(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> PickupGroup:
    offer_of(tenant, FEATURE, scope="tenant")
    _lock(tenant)
    resolved: dict[str, Line] = {}
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data,
        schema=pickup_schema(tenant), persist=_persist(tenant, None, resolved),
        feature=FEATURE, checks=[_checks(tenant, None, resolved)]))


def change_group(group: PickupGroup, data: dict[str, Any]) -> PickupGroup:
    tenant = group.tenant
    _lock(tenant)
    resolved: dict[str, Line] = {}
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update", data=data,
        schema=pickup_schema(tenant), persist=_persist(tenant, group, resolved),
        target=group, feature=FEATURE, checks=[_checks(tenant, group, resolved)]))


def remove_group(group: PickupGroup) -> PickupGroup:
    """Delete a group; the guide asks for no particular check."""
    return apply_change(Change(
        tenant=group.tenant, object_type=OBJECT_TYPE, action="delete", data={},
        schema=Schema(), persist=delete_all(group), target=group, feature=FEATURE))
