"""A line's emergency addresses (guide wording: « adresses 9-1-1 personnelles »).

No address at first; the first one added becomes current at once; any saved address can be
made current, or the carrier's outside option chosen instead; addresses can be edited; the
current one cannot be deleted. Every write goes through the change pipeline.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from marshmallow import Schema
from sqlalchemy import select

from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change, delete_all
from backoffice.core.e911.models import E911Address, E911Selection
from backoffice.core.e911.schemas import E911AddressSchema, E911LocationSchema, province_label
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

FEATURE = "e911_addresses"
ADDRESS = "e911_address"
LOCATION = "e911_location"
ADDRESS_FIELDS = ("province", "municipality", "building_number", "street_name",
                  "street_suffix", "street_direction", "apartment", "latitude", "longitude")


def address_schema(tenant: Tenant | None) -> E911AddressSchema:
    """The address schema, offering the provinces of the tenant's carrier."""
    if tenant is None:
        return E911AddressSchema()
    return E911AddressSchema(provinces=offer_of(tenant, FEATURE).limits.provinces)


def location_schema(tenant: Tenant | None) -> E911LocationSchema:
    """The current-location schema, its switch named as the carrier names its option."""
    if tenant is None:
        return E911LocationSchema()
    return E911LocationSchema(outside_label=offer_of(tenant, FEATURE).limits.outside_option)


def _offer(tenant: Tenant, line: Line | None) -> Any:
    return offer_of(tenant, FEATURE, line, scope="line")


def selection_of(line: Line) -> E911Selection | None:
    """The line's saved choice of current location, if any."""
    return db.session.scalar(select(E911Selection).where(E911Selection.line_id == line.id))


def current_address_id(line: Line) -> int | None:
    """The id of the line's current address; ``None`` when it has none or is outside."""
    row = db.session.execute(select(E911Selection.address_id, E911Selection.outside).where(
        E911Selection.line_id == line.id)).first()
    if row is None or row.outside:
        return None
    return row.address_id


def list_addresses(tenant: Tenant, line: Line | None) -> list[E911Address]:
    """The line's saved addresses, in the order they were added."""
    _offer(tenant, line)
    return _marked(line, list(db.session.scalars(select(E911Address).where(
        E911Address.line_id == line.id).order_by(E911Address.id))))


def _marked(line: Line, addresses: list[E911Address]) -> list[E911Address]:
    current = current_address_id(line)
    for address in addresses:
        address.current = address.id == current
    return addresses


def find_address(tenant: Tenant, line: Line | None, item_id: int) -> E911Address | None:
    """One saved address of the line, or ``None``."""
    _offer(tenant, line)
    found = db.session.scalar(select(E911Address).where(
        E911Address.id == item_id, E911Address.line_id == line.id))
    return _marked(line, [found])[0] if found is not None else None


def _select(line: Line, address: E911Address | None, *, outside: bool = False) -> None:
    selection = selection_of(line)
    if selection is None:
        selection = E911Selection(tenant_id=line.tenant_id, line_id=line.id)
        db.session.add(selection)
    selection.outside = outside
    if address is not None:
        db.session.flush()  # the new address has its id
        selection.address_id = address.id


def add_address(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> E911Address:
    """Save one more address; the line's first one, or one marked current, becomes current."""
    _offer(tenant, line)
    first = not db.session.scalar(select(E911Address.id).where(
        E911Address.line_id == line.id).limit(1))

    def persist(clean: dict[str, Any]) -> E911Address:
        current = clean.pop("current", False)
        address = E911Address(**clean, tenant_id=tenant.id, line_id=line.id)
        db.session.add(address)
        if first or current:
            _select(line, address)
            address.current = True
        return address

    return apply_change(Change(
        tenant=tenant, object_type=ADDRESS, action="create", data=data,
        schema=address_schema(tenant), persist=persist, feature=FEATURE, line=line))


def change_address(address: E911Address, data: dict[str, Any]) -> E911Address:
    """Edit an address; ``current`` true makes it the line's current address."""
    line = address.line
    was_current = current_address_id(line) == address.id

    def check(clean: dict[str, Any]) -> list[Violation]:
        if was_current and clean.get("current") is False:
            return [Violation(
                code="e911_address.current.required", field="current",
                message=N_("This is the current address: make another address current "
                           "instead."))]
        return []

    def persist(clean: dict[str, Any]) -> E911Address:
        current = clean.pop("current", None)
        for name, value in clean.items():
            setattr(address, name, value)
        if current and not was_current:
            _select(line, address)
        address.current = bool(current) or was_current
        return address

    return apply_change(Change(
        tenant=address.tenant, object_type=ADDRESS, action="update", data=data,
        schema=address_schema(address.tenant), persist=persist, target=address,
        feature=FEATURE, line=line, checks=[check]))


def why_kept(address: E911Address) -> str | None:
    """Why the address cannot be deleted: it is the current one."""
    if current_address_id(address.line) == address.id:
        return gettext("The current address cannot be deleted.")
    return None


def remove_address(address: E911Address) -> E911Address:
    """Delete a saved address that is not the current one."""

    def check(clean: dict[str, Any]) -> list[Violation]:
        if current_address_id(address.line) == address.id:
            return [Violation(code="e911_address.id.current", field="id",
                              message=N_("The current address cannot be deleted."))]
        return []

    return apply_change(Change(
        tenant=address.tenant, object_type=ADDRESS, action="delete", data={},
        schema=Schema(), persist=delete_all(address), target=address, feature=FEATURE,
        line=address.line, checks=[check]))


def describe_address(address: E911Address) -> str:
    """The address in one line: « 1050 rue Beaver Hall Ouest, app. 400, Montréal, Québec »."""
    street = " ".join(part for part in (address.building_number, address.street_name,
                                        address.street_suffix, address.street_direction)
                      if part)
    parts = [street]
    if address.apartment:
        parts.append(gettext("apt. %(apartment)s", apartment=address.apartment))
    parts += [address.municipality, province_label(address.province)]
    if address.latitude is not None and address.longitude is not None:
        parts.append(f"({address.latitude:.6g}, {address.longitude:.6g})")
    return ", ".join(parts)


def current_location(tenant: Tenant, line: Line) -> str:
    """What a 9-1-1 call from the line sends, in words: the current address, the outside
    option, or that there is no address."""
    offer = _offer(tenant, line)
    selection = selection_of(line)
    if selection is not None and selection.outside and offer.limits.outside_option:
        return gettext(offer.limits.outside_option)
    if selection is not None and selection.address is not None:
        return describe_address(selection.address)
    return gettext("No address: emergency services will not receive one without the "
                   "caller's help.")


def addresses_summary(tenant: Tenant, line: Line | None) -> str:
    """The current location, above the list of addresses."""
    return gettext("Current location: %(where)s", where=current_location(tenant, line))


def read_location(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    """The line's current location: whether it is outside, and the address it sends."""
    _offer(tenant, line)
    selection = selection_of(line)
    return {"outside": bool(selection and selection.outside),
            "address": current_location(tenant, line),
            "version": selection.version if selection else 0}


def write_location(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> E911Selection:
    """Choose the outside option as the current location, or come back to the saved
    current address."""
    offer = _offer(tenant, line)
    existing = selection_of(line)

    def check(clean: dict[str, Any]) -> list[Violation]:
        if clean["outside"] and not offer.limits.outside_option:
            return [Violation(code="e911_location.outside.not_offered", field="outside",
                              message=N_("No location outside the country is offered."))]
        return []

    def persist(clean: dict[str, Any]) -> E911Selection:
        selection = existing
        if selection is None:
            selection = E911Selection(tenant_id=tenant.id, line_id=line.id)
            db.session.add(selection)
        selection.outside = clean["outside"]
        return selection

    return apply_change(Change(
        tenant=tenant, object_type=LOCATION, action="update" if existing else "create",
        data=raw, schema=location_schema(tenant), persist=persist, target=existing,
        feature=FEATURE, line=line, checks=[check]))
