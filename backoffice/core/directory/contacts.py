"""External contacts: list, search, add, change, remove, within the carrier's maximum."""

from __future__ import annotations

from typing import Any

from flask_babel import ngettext
from marshmallow import Schema
from sqlalchemy import func, or_, select

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, add_row, apply_change, assign_to, delete_all
from backoffice.core.declarations import FeatureOffer
from backoffice.core.directory.models import ExternalContact
from backoffice.core.directory.schemas import ExternalContactSchema
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import for_display
from backoffice.extensions import db

FEATURE = "external_contacts"
OBJECT_TYPE = "external_contact"


def contact_schema(tenant: Tenant) -> ExternalContactSchema:
    """The schema, reading national numbers in the carrier's country."""
    return ExternalContactSchema(region=carrier_country(tenant))


def _offer(tenant: Tenant, line: Line | None = None) -> FeatureOffer:
    """The tenant-wide offer; :class:`NotOffered` for a line or a carrier without it."""
    return offer_of(tenant, FEATURE, line, scope="tenant")


def list_contacts(tenant: Tenant, line: Line | None = None) -> list[ExternalContact]:
    """The customer's external contacts, by name."""
    _offer(tenant, line)
    return list(db.session.scalars(select(ExternalContact).where(
        ExternalContact.tenant_id == tenant.id).order_by(ExternalContact.name,
                                                         ExternalContact.id)))


def search_contacts(tenant: Tenant, line: Line | None, query: str) -> list[ExternalContact]:
    """The contacts whose name or number contains ``query`` (digits match the number)."""
    _offer(tenant, line)
    text = query.strip().lower()
    digits = "".join(ch for ch in text if ch.isdigit())
    matches = [func.lower(ExternalContact.name).contains(text, autoescape=True)]
    if digits:
        matches.append(ExternalContact.number.contains(digits.lstrip("0") or digits,
                                                       autoescape=True))
    return list(db.session.scalars(select(ExternalContact).where(
        ExternalContact.tenant_id == tenant.id, or_(*matches)).order_by(ExternalContact.name)))


def find_contact(tenant: Tenant, line: Line | None, item_id: int) -> ExternalContact | None:
    """One contact of the customer's, or ``None``."""
    _offer(tenant, line)
    return db.session.scalar(select(ExternalContact).where(
        ExternalContact.id == item_id, ExternalContact.tenant_id == tenant.id))


def _count(tenant: Tenant) -> int:
    return db.session.scalar(select(func.count()).select_from(ExternalContact).where(
        ExternalContact.tenant_id == tenant.id)) or 0


def _unique_number(tenant: Tenant, contact: ExternalContact | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        other = db.session.scalar(select(ExternalContact).where(
            ExternalContact.tenant_id == tenant.id, ExternalContact.number == data["number"]))
        if other is not None and other is not contact:
            return [Violation(code="external_contact.number.duplicate", field="number",
                              message=N_("%(value)s is already in the directory, as "
                                         "“%(name)s”."),
                              params={"value": for_display(data["number"],
                                                           carrier_country(tenant)),
                                      "name": other.name})]
        return []
    return check


def _within_maximum(tenant: Tenant, maximum: int | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        # Lock the tenant so that two agents adding at once cannot pass the maximum together.
        db.session.execute(select(Tenant.id).where(Tenant.id == tenant.id).with_for_update())
        if maximum is not None and _count(tenant) >= maximum:
            return [Violation(code="external_contact.item.too_many", field="name",
                              message=N_("The directory holds at most %(max)s external "
                                         "contacts."),
                              params={"max": maximum}, limit=maximum)]
        return []
    return check


def add_contact(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> ExternalContact:
    """List one more contact, within the carrier's ``max_contacts``."""
    offer = _offer(tenant, line)
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data,
        schema=contact_schema(tenant), persist=add_row(ExternalContact, tenant_id=tenant.id),
        feature=FEATURE,
        checks=[_unique_number(tenant, None), _within_maximum(tenant, offer.limits.max_contacts)]))


def change_contact(contact: ExternalContact, data: dict[str, Any]) -> ExternalContact:
    """Rename a contact or change its number."""
    return apply_change(Change(
        tenant=contact.tenant, object_type=OBJECT_TYPE, action="update", data=data,
        schema=contact_schema(contact.tenant), persist=assign_to(contact), target=contact,
        feature=FEATURE, checks=[_unique_number(contact.tenant, contact)]))


def remove_contact(contact: ExternalContact) -> ExternalContact:
    """Take a contact out of the directory."""
    return apply_change(Change(
        tenant=contact.tenant, object_type=OBJECT_TYPE, action="delete", data={},
        schema=Schema(), persist=delete_all(contact), target=contact, feature=FEATURE))


def describe_contact(contact: ExternalContact) -> str:
    """The contact in words, to confirm its removal."""
    return f"{contact.name} ({for_display(contact.number, carrier_country(contact.tenant))})"


def contacts_summary(tenant: Tenant, line: Line | None = None) -> str:
    """How full the directory is: "12 external contacts of 500"."""
    maximum = _offer(tenant, line).limits.max_contacts
    count = _count(tenant)
    if maximum is None:
        return ngettext("%(num)d external contact", "%(num)d external contacts", count)
    return ngettext("%(num)d external contact of %(max)d", "%(num)d external contacts of %(max)d",
                    count, max=maximum)


def external_contacts_block(*, guide_section: str, title: str = N_("External contacts"),
                            block_id: str = "external-contacts") -> CollectionBlock:
    """The customer's external contacts: add, edit, remove, search."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=contact_schema,
        guide_section=guide_section, items=list_contacts, find=find_contact,
        add=add_contact, change=change_contact, remove=remove_contact,
        search=search_contacts, describe=describe_contact, summary=contacts_summary)
