"""Push-to-talk administration (guide wording: « outil d'administration pour entreprise »).

The master list is the customer's devices (the lines of the carrier's ``device_plans``)
and its external contacts; sub-lists and talk groups take members from it; each device
scans talk groups with a priority, and its integrated messaging can be turned off, which
turns off the voice-message fallback too. Every write goes through the change pipeline,
and each one is a provisioning order for the devices.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext, ngettext
from marshmallow import Schema
from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.attributes import flag_modified

from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, add_row, apply_change, assign_to
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import InvalidNumber, for_display, to_e164
from backoffice.core.ptt.models import PttContact, PttList, PttMember, PttScanEntry
from backoffice.core.ptt.schemas import PttContactSchema, PttListSchema
from backoffice.extensions import db

FEATURE = "ptt_groups"
CONTACT = "ptt_contact"


# -- the master list -----------------------------------------------------------------------

def devices(tenant: Tenant) -> list[Line]:
    """The customer's push-to-talk devices: its lines of the declared ``device_plans``."""
    plans = offer_of(tenant, FEATURE).limits.device_plans
    return list(db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.plan.in_(plans)).order_by(Line.id)))


def device_name(line: Line) -> str:
    """A device in words: its user's name, else its number."""
    name = " ".join(part for part in (line.first_name, line.last_name) if part)
    return name or line.number or line.extension or f"#{line.id}"


def contacts(tenant: Tenant, line: Line | None = None) -> list[PttContact]:
    """The external contacts of the master list, by name."""
    offer_of(tenant, FEATURE, scope="tenant")
    return list(db.session.scalars(select(PttContact).where(
        PttContact.tenant_id == tenant.id).order_by(PttContact.name, PttContact.id)))


def member_choices(tenant: Tenant) -> list[tuple[str, str]]:
    """Every contact of the master list as a member: devices first, then external ones."""
    country = carrier_country(tenant)
    choices = [(f"line:{line.id}", f"{device_name(line)}, {for_display(line.number, country)}"
                if line.number else device_name(line)) for line in devices(tenant)]
    choices += [(f"contact:{contact.id}", f"{contact.name}, {for_display(contact.number, country)}")
                for contact in contacts(tenant)]
    return choices


def contact_schema(tenant: Tenant | None) -> PttContactSchema:
    """The external-contact schema, with the carrier's name length and digit count."""
    if tenant is None:
        return PttContactSchema()
    limits = offer_of(tenant, FEATURE).limits
    return PttContactSchema(name_max=limits.contact_name_max,
                            digits=limits.contact_number_digits,
                            region=carrier_country(tenant))


def find_contact(tenant: Tenant, line: Line | None, item_id: int) -> PttContact | None:
    """One external contact of the customer's, or ``None``."""
    offer_of(tenant, FEATURE, scope="tenant")
    return db.session.scalar(select(PttContact).where(
        PttContact.id == item_id, PttContact.tenant_id == tenant.id))


def _dialable(tenant: Tenant):
    def check(data: dict[str, Any]) -> list[Violation]:
        if "number" not in data:
            return []
        try:
            data["number"] = to_e164(data["number"], carrier_country(tenant))
        except InvalidNumber:
            return [Violation(code="ptt_contact.number.invalid", field="number",
                              message=N_("“%(value)s” is not a phone number."),
                              params={"value": data["number"]})]
        return []
    return check


def add_contact(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> PttContact:
    """Add an external contact (« Ajouter un contact externe »)."""
    return apply_change(Change(
        tenant=tenant, object_type=CONTACT, action="create", data=data,
        schema=contact_schema(tenant), persist=add_row(PttContact, tenant_id=tenant.id),
        feature=FEATURE, checks=[_dialable(tenant)]))


def change_contact(contact: PttContact, data: dict[str, Any]) -> PttContact:
    """Edit an external contact's name or number."""
    return apply_change(Change(
        tenant=contact.tenant, object_type=CONTACT, action="update", data=data,
        schema=contact_schema(contact.tenant), persist=assign_to(contact), target=contact,
        feature=FEATURE, checks=[_dialable(contact.tenant)]))


def remove_contact(contact: PttContact) -> PttContact:
    """Remove an external contact, and with it its place in sub-lists and talk groups."""

    def persist(clean: dict[str, Any]) -> PttContact:
        db.session.execute(delete(PttMember).where(PttMember.contact_id == contact.id))
        db.session.delete(contact)
        return contact

    return apply_change(Change(
        tenant=contact.tenant, object_type=CONTACT, action="delete", data={}, schema=Schema(),
        persist=persist, target=contact, feature=FEATURE))


def describe_contact(contact: PttContact) -> str:
    return f"{contact.name}, {for_display(contact.number, carrier_country(contact.tenant))}"


def master_list_summary(tenant: Tenant, line: Line | None) -> str:
    """The devices of the master list, above its external contacts."""
    names = [device_name(device) for device in devices(tenant)]
    if not names:
        return gettext("The master list has no device yet: external contacts only.")
    return ngettext("The master list holds %(num)d device: %(names)s; and the external "
                    "contacts below.",
                    "The master list holds %(num)d devices: %(names)s; and the external "
                    "contacts below.", len(names), names=", ".join(names))


# -- sub-lists and talk groups --------------------------------------------------------------

def list_schema(tenant: Tenant | None) -> PttListSchema:
    """The schema of a sub-list or talk group, its members chosen from the master list."""
    return PttListSchema(choices=member_choices)


class ListKind:
    """The callables of one kind of list (sub-lists or talk groups), for its block."""

    def __init__(self, kind: str):
        self.kind = kind
        self.object_type = f"ptt_{kind}"

    def items(self, tenant: Tenant, line: Line | None = None) -> list[PttList]:
        offer_of(tenant, FEATURE, scope="tenant")
        return list(db.session.scalars(
            select(PttList).where(PttList.tenant_id == tenant.id, PttList.kind == self.kind)
            .options(selectinload(PttList.members)).order_by(PttList.name, PttList.id)))

    def find(self, tenant: Tenant, line: Line | None, item_id: int) -> PttList | None:
        offer_of(tenant, FEATURE, scope="tenant")
        return db.session.scalar(select(PttList).where(
            PttList.id == item_id, PttList.tenant_id == tenant.id, PttList.kind == self.kind))

    def _checks(self, tenant: Tenant, existing: PttList | None):
        def check(data: dict[str, Any]) -> list[Violation]:
            found: list[Violation] = []
            name = data.get("name")
            if name is not None:
                query = select(PttList.id).where(PttList.tenant_id == tenant.id,
                                                 PttList.kind == self.kind, PttList.name == name)
                if existing is not None:
                    query = query.where(PttList.id != existing.id)
                if db.session.scalar(query) is not None:
                    found.append(Violation(
                        code=f"{self.object_type}.name.duplicate", field="name",
                        message=N_("Another list of this kind is named “%(value)s”."),
                        params={"value": name}))
            known = {value for value, _ in member_choices(tenant)}
            for key in data.get("member_keys") or ():
                if key not in known:
                    found.append(Violation(
                        code=f"{self.object_type}.members.unknown", field="members",
                        message=N_("“%(value)s” is not a contact of the master list."),
                        params={"value": key}))
            return found
        return check

    @staticmethod
    def _set_members(row: PttList, keys: list[str]) -> None:
        wanted = list(dict.fromkeys(keys))
        kept = [member for member in row.members if member.key in wanted]
        row.members = kept + [_member(row.tenant_id, key)
                              for key in wanted if key not in {m.key for m in kept}]

    def add(self, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> PttList:
        def persist(clean: dict[str, Any]) -> PttList:
            row = PttList(tenant_id=tenant.id, kind=self.kind, name=clean["name"])
            db.session.add(row)
            self._set_members(row, clean.get("member_keys") or [])
            return row

        return apply_change(Change(
            tenant=tenant, object_type=self.object_type, action="create", data=data,
            schema=list_schema(tenant), persist=persist, feature=FEATURE,
            checks=[self._checks(tenant, None)]))

    def change(self, row: PttList, data: dict[str, Any]) -> PttList:
        """Rename the list or change its members; a device that leaves a talk group leaves
        its scan list too."""

        def persist(clean: dict[str, Any]) -> PttList:
            if "name" in clean:
                row.name = clean["name"]
            if "member_keys" in clean and row.member_keys != list(
                    dict.fromkeys(clean["member_keys"])):
                self._set_members(row, clean["member_keys"])
                flag_modified(row, "name")  # a change of members is a new version too
                kept = [member.line_id for member in row.members if member.line_id]
                db.session.execute(delete(PttScanEntry).where(
                    PttScanEntry.group_id == row.id, PttScanEntry.line_id.not_in(kept)))
            return row

        return apply_change(Change(
            tenant=row.tenant, object_type=self.object_type, action="update", data=data,
            schema=list_schema(row.tenant), persist=persist, target=row, feature=FEATURE,
            checks=[self._checks(row.tenant, row)]))

    def remove(self, row: PttList) -> PttList:
        def persist(clean: dict[str, Any]) -> PttList:
            db.session.execute(delete(PttScanEntry).where(PttScanEntry.group_id == row.id))
            db.session.delete(row)
            return row

        return apply_change(Change(
            tenant=row.tenant, object_type=self.object_type, action="delete", data={},
            schema=Schema(), persist=persist, target=row, feature=FEATURE))

    def describe(self, row: PttList) -> str:
        return gettext("%(name)s (%(count)s members)", name=row.name, count=row.member_count)


def _member(tenant_id: int, key: str) -> PttMember:
    kind, _, value = key.partition(":")
    if kind == "line":
        return PttMember(tenant_id=tenant_id, line_id=int(value))
    return PttMember(tenant_id=tenant_id, contact_id=int(value))


SUB_LISTS = ListKind("sub_list")
TALK_GROUPS = ListKind("talk_group")


def talk_groups_of(tenant: Tenant) -> list[PttList]:
    """The customer's talk groups, by name."""
    return TALK_GROUPS.items(tenant)
