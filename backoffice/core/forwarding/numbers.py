"""A line's phone-number list: the numbers its forwarding options choose from.

A number that a switched-on option uses cannot be deleted (its delete control is disabled
and the API refuses); changing it changes where that option forwards. Switching the option
off frees the number: deleting it then leaves that option without a number.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate
from sqlalchemy import select

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, add_row, apply_change, delete_all
from backoffice.core.errors import N_, Violation
from backoffice.core.forwarding.models import Forwarding, ForwardingNumber, ForwardingRule
from backoffice.core.models import Line, Tenant
from backoffice.core.schemas import PhoneNumber, RegionalSchema
from backoffice.extensions import db

IN_USE = N_("%(number)s is used by a forwarding option of this line that is on: choose "
            "another number for that option, or switch it off, before deleting this one.")


class ForwardingNumberSchema(RegionalSchema):
    id = fields.Integer(dump_only=True)
    number = PhoneNumber(required=True, metadata={"label": N_("Phone number")})
    label = fields.String(load_default="", validate=validate.Length(
        max=60, error=_l("At most {max} characters.")), metadata={"label": N_("Name")})
    in_use = fields.Method("used", dump_only=True)
    version = fields.Integer(dump_only=True)

    def used(self, item: ForwardingNumber) -> bool:
        return bool(used_by(item))


def number_schema(tenant: Tenant) -> ForwardingNumberSchema:
    return ForwardingNumberSchema(region=carrier_country(tenant))


def numbers_of(line: Line) -> list[ForwardingNumber]:
    return list(db.session.scalars(select(ForwardingNumber).where(
        ForwardingNumber.line_id == line.id).order_by(ForwardingNumber.id)))


def find_number(line: Line, number_id: int) -> ForwardingNumber | None:
    return db.session.scalar(select(ForwardingNumber).where(
        ForwardingNumber.id == number_id, ForwardingNumber.line_id == line.id))


def used_by(item: ForwardingNumber) -> list[str]:
    """The switched-on triggers of the line's forwarding whose destination is this number."""
    return list(db.session.scalars(select(ForwardingRule.trigger).where(
        ForwardingRule.saved_number_id == item.id, ForwardingRule.enabled.is_(True))))


def _unique(line: Line, item: ForwardingNumber | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        number = data.get("number")
        query = select(ForwardingNumber.id).where(ForwardingNumber.line_id == line.id,
                                                  ForwardingNumber.number == number)
        if item is not None:
            query = query.where(ForwardingNumber.id != item.id)
        if number is None or db.session.scalar(query) is None:
            return []
        return [Violation(code="forwarding_number.number.duplicate", field="number",
                          message=N_("This number is already in the line's list."))]
    return check


def add_number(tenant: Tenant, line: Line, data: dict[str, Any]) -> ForwardingNumber:
    """Add a number to the line's list."""
    offer_of(tenant, "forwarding", line)

    return apply_change(Change(
        tenant=tenant, object_type="forwarding_number", action="create", data=data,
        schema=number_schema(tenant),
        persist=add_row(ForwardingNumber, tenant_id=tenant.id, line_id=line.id),
        feature="forwarding", line=line,
        checks=[_unique(line, None)]))


def change_number(item: ForwardingNumber, data: dict[str, Any]) -> ForwardingNumber:
    """Change a number of the list; the options that use it follow."""
    line = db.session.get(Line, item.line_id)
    tenant = db.session.get(Tenant, item.tenant_id)

    def persist(clean: dict[str, Any]) -> ForwardingNumber:
        for key, value in clean.items():
            setattr(item, key, value)
        forwarding = db.session.scalar(select(Forwarding).where(Forwarding.line_id == line.id))
        if forwarding is not None and used_by(item):
            forwarding.touch()
        return item

    return apply_change(Change(
        tenant=tenant, object_type="forwarding_number", action="update", data=data,
        schema=number_schema(tenant), persist=persist, target=item, feature="forwarding",
        line=line, checks=[_unique(line, item)]))


def remove_number(item: ForwardingNumber) -> ForwardingNumber:
    """Delete a number of the list, unless a forwarding option uses it."""
    line = db.session.get(Line, item.line_id)
    tenant = db.session.get(Tenant, item.tenant_id)

    def check(data: dict[str, Any]) -> list[Violation]:
        if not used_by(item):
            return []
        return [Violation(code="forwarding_number.number.in_use", field="number",
                          message=IN_USE, params={"number": item.number})]

    def persist(clean: dict[str, Any]) -> ForwardingNumber:
        for rule in db.session.scalars(select(ForwardingRule).where(
                ForwardingRule.saved_number_id == item.id)):
            rule.saved_number = None
            rule.forwarding.touch()
        return delete_all(item)(clean)

    return apply_change(Change(
        tenant=tenant, object_type="forwarding_number", action="delete", data={},
        schema=Schema(), persist=persist, target=item, line=line, checks=[check]))


def why_not_removable(item: ForwardingNumber) -> str | None:
    """Why the delete control of this number is disabled, or ``None``."""
    return gettext(IN_USE, number=item.number) if used_by(item) else None


def numbers_block(*, id: str, title: str, guide_section: str = "") -> CollectionBlock:
    """The line's phone-number list as a collection block of the forwarding feature."""
    return CollectionBlock(
        id=id, feature="forwarding", title=title, guide_section=guide_section,
        schema=number_schema,
        items=lambda tenant, line: numbers_of(line),
        find=lambda tenant, line, item_id: find_number(line, item_id),
        add=add_number, change=change_number, remove=remove_number,
        removable=why_not_removable, describe=lambda item: item.number)
