"""Company numbers: list, add, route, remove, within the carrier's limits.

A number is unassigned, or routed to the auto-receptionist or to one of the customer's
extensions, among the routes the carrier's :class:`~backoffice.core.limits.NumberLimits`
declare. A number is the customer's once: not twice in the inventory, nor a line's own.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext, ngettext
from marshmallow import Schema
from sqlalchemy import func, select

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import carrier_country, offer_of
from backoffice.core.changes import Change, add_row, apply_change, assign_to, delete_all
from backoffice.core.company_numbers.models import UNASSIGNED, CompanyNumber
from backoffice.core.company_numbers.schemas import ROUTE_LABELS, CompanyNumberSchema
from backoffice.core.declarations import FeatureOffer
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import for_display
from backoffice.core.structure import AccountSection, anchor, register_account_section
from backoffice.extensions import db

FEATURE = "company_numbers"
OBJECT_TYPE = "company_number"


def _offer(tenant: Tenant, line: Line | None = None) -> FeatureOffer:
    return offer_of(tenant, FEATURE, line, scope="tenant")


def number_schema(tenant: Tenant) -> CompanyNumberSchema:
    """The schema, offering the carrier's routes and reading its country's numbers."""
    return CompanyNumberSchema(region=carrier_country(tenant),
                               routes=tuple(_offer(tenant).limits.routes))


def list_numbers(tenant: Tenant, line: Line | None = None,
                 assigned: bool | None = None) -> list[CompanyNumber]:
    """The customer's numbers, by number; only the assigned or unassigned ones if asked."""
    _offer(tenant, line)
    query = select(CompanyNumber).where(CompanyNumber.tenant_id == tenant.id)
    if assigned is True:
        query = query.where(CompanyNumber.route != UNASSIGNED)
    elif assigned is False:
        query = query.where(CompanyNumber.route == UNASSIGNED)
    return list(db.session.scalars(query.order_by(CompanyNumber.number, CompanyNumber.id)))


def search_numbers(tenant: Tenant, line: Line | None, query: str) -> list[CompanyNumber]:
    """The numbers whose digits, or extension, contain the digits of ``query``."""
    digits = "".join(ch for ch in query if ch.isdigit())
    return [item for item in list_numbers(tenant, line)
            if digits and (digits in item.number or digits == (item.extension or ""))]


def find_number(tenant: Tenant, line: Line | None, item_id: int) -> CompanyNumber | None:
    _offer(tenant, line)
    return db.session.scalar(select(CompanyNumber).where(
        CompanyNumber.id == item_id, CompanyNumber.tenant_id == tenant.id))


def numbers_overview(tenant: Tenant) -> dict[str, Any]:
    """What the tenant's structure page shows of the company's numbers: the count, and the
    assigned and unassigned numbers."""
    numbers = list_numbers(tenant)
    return {"count": len(numbers),
            "assigned": [item for item in numbers if item.assigned],
            "unassigned": [item for item in numbers if not item.assigned]}


def _count(tenant: Tenant) -> int:
    return db.session.scalar(select(func.count()).select_from(CompanyNumber).where(
        CompanyNumber.tenant_id == tenant.id)) or 0


def _checks(tenant: Tenant, item: CompanyNumber | None):
    limits = _offer(tenant).limits

    def check(data: dict[str, Any]) -> list[Violation]:
        merged = {"route": item.route if item else UNASSIGNED,
                  "extension": item.extension if item else None, **data}
        violations: list[Violation] = []
        number = data.get("number")
        if number:
            shown = for_display(number, carrier_country(tenant))
            other = db.session.scalar(select(CompanyNumber).where(
                CompanyNumber.tenant_id == tenant.id, CompanyNumber.number == number))
            line = db.session.scalar(select(Line).where(Line.tenant_id == tenant.id,
                                                        Line.number == number))
            if other is not None and other is not item:
                violations.append(Violation(
                    code="company_number.number.duplicate", field="number",
                    message=N_("%(value)s is already one of the company's numbers."),
                    params={"value": shown}))
            elif line is not None:
                violations.append(Violation(
                    code="company_number.number.duplicate", field="number",
                    message=N_("%(value)s is already the number of the line %(line)s."),
                    params={"value": shown, "line": line.extension or line.display_name}))
        if merged["route"] == "extension":
            extension = merged.get("extension")
            if not extension:
                violations.append(Violation(
                    code="company_number.extension.required", field="extension",
                    message=N_("Choose the extension this number's calls go to.")))
            elif db.session.scalar(select(Line.id).where(
                    Line.tenant_id == tenant.id, Line.extension == extension)) is None:
                violations.append(Violation(
                    code="company_number.extension.unknown", field="extension",
                    message=N_("Extension %(value)s is not one of this customer's."),
                    params={"value": extension}))
        if item is None:
            db.session.execute(select(Tenant.id).where(Tenant.id == tenant.id)
                               .with_for_update())
            if limits.max_numbers is not None and _count(tenant) >= limits.max_numbers:
                violations.append(Violation(
                    code="company_number.item.too_many", field="number",
                    message=N_("This customer has at most %(max)s company numbers."),
                    params={"max": limits.max_numbers}, limit=limits.max_numbers))
        return violations

    return check


def _clean(persist):
    """An extension only for a number routed to an extension."""
    def run(clean: dict[str, Any]) -> Any:
        if clean.get("route", "extension") != "extension":
            clean["extension"] = None
        return persist(clean)
    return run


def add_number(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> CompanyNumber:
    """Add one of the company's numbers, unassigned or routed."""
    _offer(tenant, line)
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data,
        schema=number_schema(tenant),
        persist=_clean(add_row(CompanyNumber, tenant_id=tenant.id)), feature=FEATURE,
        checks=[_checks(tenant, None)]))


def change_number(item: CompanyNumber, data: dict[str, Any]) -> CompanyNumber:
    """Assign, route or unassign a number."""
    return apply_change(Change(
        tenant=item.tenant, object_type=OBJECT_TYPE, action="update", data=data,
        schema=number_schema(item.tenant), persist=_clean(assign_to(item)), target=item,
        feature=FEATURE, checks=[_checks(item.tenant, item)]))


def remove_number(item: CompanyNumber) -> CompanyNumber:
    """Take a number out of the company's numbers."""
    return apply_change(Change(
        tenant=item.tenant, object_type=OBJECT_TYPE, action="delete", data={},
        schema=Schema(), persist=delete_all(item), target=item, feature=FEATURE))


def route_words(item: CompanyNumber) -> str:
    """Where the number's calls go, in words."""
    if item.route == "extension":
        return gettext("Extension %(extension)s", extension=item.extension)
    return gettext(ROUTE_LABELS[item.route])


def describe_number(item: CompanyNumber) -> str:
    """The number in words, to confirm its removal."""
    return f"{for_display(item.number, carrier_country(item.tenant))} ({route_words(item)})"


def numbers_summary(tenant: Tenant, line: Line | None = None) -> str:
    """"5 company numbers: 3 assigned, 2 unassigned"."""
    overview = numbers_overview(tenant)
    return ngettext("%(num)d company number", "%(num)d company numbers", overview["count"]) \
        + " · " + gettext("%(assigned)d assigned, %(unassigned)d unassigned",
                          assigned=len(overview["assigned"]),
                          unassigned=len(overview["unassigned"]))


def company_numbers_block(*, guide_section: str, title: str = N_("Company numbers"),
                          block_id: str = "company-numbers") -> CollectionBlock:
    """The company's numbers: add, route to the auto-receptionist or an extension, remove."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=number_schema,
        guide_section=guide_section, items=list_numbers, find=find_number, add=add_number,
        change=change_number, remove=remove_number, search=search_numbers,
        describe=describe_number, summary=numbers_summary)


register_account_section(AccountSection("company_numbers", N_("Company numbers"), _count,
                                        anchor("company-numbers"), 35, feature=FEATURE))
