"""Per-line blocked numbers: list, add, remove, reset, and whether a caller is on the list."""

from __future__ import annotations

from typing import Any

from marshmallow import Schema
from sqlalchemy import func, select

from backoffice.core.blacklist.matching import caller_digits
from backoffice.core.blacklist.models import BlockedNumber
from backoffice.core.blacklist.schemas import BlockedNumberSchema
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, add_row, apply_change, delete_all
from backoffice.core.declarations import FeatureOffer
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

FEATURE = "blacklist"
OBJECT_TYPE = "blocked_number"


def blocked_number_schema(tenant: Tenant | None) -> BlockedNumberSchema:
    """The schema, reading national numbers in the tenant's country (if there is a tenant)."""
    return BlockedNumberSchema(region=carrier_country(tenant) if tenant is not None else None)


def list_blocked(tenant: Tenant, line: Line | None) -> list[BlockedNumber]:
    """The line's blocked numbers, in the order they were added."""
    _offer(tenant, line)
    return list(db.session.scalars(select(BlockedNumber).where(
        BlockedNumber.line_id == line.id).order_by(BlockedNumber.id)))


def find_blocked(tenant: Tenant, line: Line | None, item_id: int) -> BlockedNumber | None:
    """One blocked number of the line's, or ``None``."""
    _offer(tenant, line)
    return db.session.scalar(select(BlockedNumber).where(
        BlockedNumber.id == item_id, BlockedNumber.line_id == line.id))


def _offer(tenant: Tenant, line: Line | None) -> FeatureOffer:
    """The line-scoped offer; :class:`NotOffered` for a tenant-wide call or another plan."""
    return offer_of(tenant, FEATURE, line, scope="line")


def _checks(tenant: Tenant, line: Line, max_numbers: int | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        taken = db.session.scalar(select(BlockedNumber.id).where(
            BlockedNumber.line_id == line.id, BlockedNumber.number == data["number"]))
        if taken is not None:
            return [Violation(code="blocked_number.number.duplicate", field="number",
                              message=N_("“%(value)s” is already blocked on this line."),
                              params={"value": data["number"]})]
        # Lock the line so that two agents adding at once cannot pass the maximum together.
        db.session.execute(select(Line.id).where(Line.id == line.id).with_for_update())
        count = db.session.scalar(select(func.count()).select_from(BlockedNumber).where(
            BlockedNumber.line_id == line.id))
        if max_numbers is not None and count >= max_numbers:
            return [Violation(code="blocked_number.number.too_many", field="number",
                              message=N_("The number of blocked numbers cannot exceed "
                                         "%(max)s."),
                              params={"max": max_numbers}, limit=max_numbers)]
        return []
    return check


def add_blocked(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> BlockedNumber:
    """Block one more number on the line, within the carrier's ``max_numbers``."""
    offer = _offer(tenant, line)

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data,
        schema=blocked_number_schema(tenant),
        persist=add_row(BlockedNumber, tenant_id=tenant.id, line_id=line.id),
        feature=FEATURE, line=line,
        checks=[_checks(tenant, line, offer.limits.max_numbers)]))


def remove_blocked(item: BlockedNumber) -> BlockedNumber:
    """Unblock one number."""
    return apply_change(Change(
        tenant=item.tenant, object_type=OBJECT_TYPE, action="delete", data={},
        schema=Schema(), persist=delete_all(item), target=item, feature=FEATURE,
        line=item.line))


def clear_blocked(tenant: Tenant, line: Line | None) -> list[BlockedNumber]:
    """Reset the line's list: one change, audited with the numbers it removed."""
    items = list_blocked(tenant, line)
    if not items:
        return []
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="delete", data={}, schema=Schema(),
        persist=delete_all(items), target=items, feature=FEATURE, line=line))


def blocked_entry(tenant: Tenant, line: Line, caller: str) -> BlockedNumber | None:
    """The entry of the line's list that blocks ``caller`` (E.164), if any.

    An entry kept as typed matches the caller's national digits as well.
    """
    keys = {caller, caller.removeprefix("+"), caller_digits(caller, carrier_country(tenant))}
    return db.session.scalar(select(BlockedNumber).where(
        BlockedNumber.line_id == line.id, BlockedNumber.number.in_(keys))
        .order_by(BlockedNumber.id).limit(1))
