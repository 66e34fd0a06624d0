"""Lines: creation and changes, checked against the carrier's plans."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import func, or_, select

from backoffice.core.carriers import CarrierEntry, registry
from backoffice.core.changes import Change, add_row, apply_change, assign_to
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Site, Tenant
from backoffice.core.schemas import LineSchema
from backoffice.core.search import line_criteria
from backoffice.core.tenants import ensure_virtual_site, site_limits
from backoffice.extensions import db
from backoffice.i18n import current_language

SORTS = {"number": Line.number, "extension": Line.extension, "name": Line.last_name,
         "plan": Line.plan}


def lines_filter(tenant_id: int, plan: str | None = None, query: str | None = None,
                 site_id: int | None = None) -> list:
    """The conditions of a tenant's lines table: its plan and site filters and its search
    box."""
    where = [Line.tenant_id == tenant_id]
    if plan:
        where.append(Line.plan == plan)
    if site_id:
        where.append(Line.site_id == site_id)
    if query:
        criteria = line_criteria(query)
        where.append(or_(*criteria) if criteria else Line.id.is_(None))
    return where


def lines_order(sort: str | None, descending: bool = False) -> tuple:
    """The order of a tenant's lines table: a sortable column, then the line id."""
    column = SORTS.get(sort or "", Line.id)
    return (column.desc() if descending else column.asc(), Line.id)


REQUIRED_MESSAGE = N_("This field is required for the plan “%(plan)s”.")
SET_ONCE_MESSAGE = N_("A “%(plan)s” line keeps the value given when it was created: this "
                      "field cannot be changed.")


def line_schema(tenant: Tenant) -> LineSchema:
    """The line schema, parsing national numbers for the tenant's carrier country."""
    return line_schema_for(registry()[tenant.carrier_id].carrier.country)


@cache
def line_schema_for(region: str) -> LineSchema:
    """One schema per country: it depends on nothing else, and load/dump keep no state."""
    return LineSchema(region=region)


class FoundLine(NamedTuple):
    """A line :func:`find_line` found: its id (None for a row of the file being imported,
    not saved yet) and its plan."""

    id: int | None
    plan: str


class KnownLines:
    """What the checks of many new lines ask the database and the registry, read once: the
    carrier's entry and limits, the tenant's sites, numbers and extensions for core's
    checks, and any column a carrier rule looks up through :func:`find_line`. A bulk
    import passes one to :func:`new_line_change` and opens it with :func:`importing`, so
    each row is checked against the tenant's lines and the rows before it in the file,
    without a query per row."""

    def __init__(self, tenant: Tenant):
        self.tenant_id = tenant.id
        self.entry = registry()[tenant.carrier_id]
        self.site_limits = site_limits(tenant)
        self.reserved = reserved_extensions(self.entry)
        self.site_ids = set(db.session.scalars(select(Site.id).where(Site.tenant_id == tenant.id)))
        self.virtual_site_ids = set(db.session.scalars(select(Site.id).where(
            Site.tenant_id == tenant.id, Site.physical.is_(False))))
        self.taken: dict[str, dict[str, int | None]] = {
            name: {value: None for value in db.session.scalars(
                select(getattr(Line, name)).where(Line.tenant_id == tenant.id,
                                                  getattr(Line, name).is_not(None)))}
            for name in ("number", "extension")}
        self.row: int | None = None  # the file's row being checked
        self.accepted: list[dict[str, Any]] = []
        self._indexes: dict[tuple[str, bool], dict[Any, FoundLine]] = {}

    def add(self, data: dict[str, Any]) -> None:
        for name, values in self.taken.items():
            if data.get(name):
                values.setdefault(data[name], self.row)

    def accept(self, data: dict[str, Any]) -> None:
        """A row passed every check: the lookups of the next rows find it."""
        self.accepted.append(data)
        for (column, casefold), index in self._indexes.items():
            self._index_row(index, column, casefold, None, data)

    def find(self, column: str, value: Any, casefold: bool) -> FoundLine | None:
        key = (column, casefold)
        if key not in self._indexes:
            index: dict[Any, FoundLine] = {}
            attribute = getattr(Line, column)
            for line_id, plan, found in db.session.execute(
                    select(Line.id, Line.plan, attribute).where(
                        Line.tenant_id == self.tenant_id, attribute.is_not(None))
                    .order_by(Line.id)):
                index.setdefault(found.lower() if casefold else found, FoundLine(line_id, plan))
            for data in self.accepted:
                self._index_row(index, column, casefold, None, data)
            self._indexes[key] = index
        return self._indexes[key].get(value.lower() if casefold else value)

    @staticmethod
    def _index_row(index: dict[Any, FoundLine], column: str, casefold: bool,
                   line_id: int | None, data: dict[str, Any]) -> None:
        value = data.get(column)
        if value is not None:
            index.setdefault(value.lower() if casefold else value,
                             FoundLine(line_id, data.get("plan", "")))


_importing: ContextVar[KnownLines | None] = ContextVar("importing_lines", default=None)


@contextmanager
def importing(known: KnownLines) -> Iterator[KnownLines]:
    """Inside the block, :func:`find_line` answers for ``known``'s tenant from ``known``."""
    token = _importing.set(known)
    try:
        yield known
    finally:
        _importing.reset(token)


def find_line(tenant: Tenant, column: str, value: Any, *, casefold: bool = False,
              exclude: Line | None = None) -> FoundLine | None:
    """A line of ``tenant`` whose ``column`` is ``value`` (in any case with ``casefold``),
    other than ``exclude``; None when there is none.

    The way a carrier rule looks lines up: during a bulk import it reads the tenant's
    lines once and sees the rows of the file accepted so far, with no query per row;
    otherwise it is one query.
    """
    known = _importing.get()
    if known is not None and known.tenant_id == tenant.id and (exclude is None
                                                                or exclude.id is None):
        return known.find(column, value, casefold)
    attribute = getattr(Line, column)
    query = select(Line.id, Line.plan).where(
        Line.tenant_id == tenant.id,
        func.lower(attribute) == value.lower() if casefold else attribute == value)
    if exclude is not None and exclude.id is not None:
        query = query.where(Line.id != exclude.id)
    found = db.session.execute(query.order_by(Line.id).limit(1)).first()
    return FoundLine(found.id, found.plan) if found else None


def _line_checks(tenant: Tenant, line: Line | None, known: KnownLines | None = None):
    """Plan, required fields, site ownership and uniqueness inside the tenant (and inside
    the file, with ``known``)."""

    def check(data: dict[str, Any]) -> list[Violation]:
        merged = {**_current(line), **data}
        entry = known.entry if known else registry()[tenant.carrier_id]
        plan = entry.plan(merged["plan"])
        if plan is None:
            return [Violation(
                code="line.plan.unknown", field="plan",
                message=N_("“%(value)s” is not a plan of %(carrier)s. Plans: %(plans)s."),
                params={"value": merged["plan"], "carrier": entry.carrier.name,
                        "plans": ", ".join(p.id for p in entry.plans)},
            )]
        missing = [name for name in plan.requires if not merged.get(name)]
        changed = [name for name in set_once_fields(line)
                   if name in data and data[name] != getattr(line, name)]
        label = {"plan": plan.label_for(current_language())} if missing or changed else {}
        violations = [
            Violation(code=f"line.{name}.required", field=name, message=REQUIRED_MESSAGE,
                      params=label) for name in missing]
        violations.extend(
            Violation(code=f"line.{name}.set_once", field=name, message=SET_ONCE_MESSAGE,
                      params=label) for name in changed)
        site_id = merged.get("site_id")
        if site_id is not None and (site_id not in known.site_ids if known else db.session.scalar(
            select(Site.id).where(Site.id == site_id, Site.tenant_id == tenant.id)
        ) is None):
            violations.append(Violation(
                code="line.site_id.unknown", field="site_id",
                message=N_("This site does not belong to this customer.")))
        violations.extend(_virtual_site_violations(tenant, merged, known))
        reserved = known.reserved if known else reserved_extensions(entry)
        if merged.get("extension") in reserved:
            violations.append(Violation(
                code="line.extension.reserved", field="extension", limit=list(reserved),
                message=N_("Invalid extension: %(value)s is reserved for other services "
                           "(%(reserved)s)."),
                params={"value": merged["extension"], "reserved": ", ".join(reserved)}))
        for name in ("number", "extension"):
            value = data.get(name)
            if not value:
                continue
            if known is None:
                taken, row = _taken(tenant, line, name, value), None
            else:
                taken, row = value in known.taken[name], known.taken[name].get(value)
            if taken and row is not None:
                violations.append(Violation(
                    code=f"line.{name}.duplicate", field=name,
                    message=N_("“%(value)s” is also on row %(row)s of the file."),
                    params={"value": value, "row": row}))
            elif taken:
                violations.append(Violation(
                    code=f"line.{name}.duplicate", field=name,
                    message=N_("“%(value)s” is already used by another line of this customer."),
                    params={"value": value}))
        if known is not None:
            known.add(data)
        return violations

    return check


def _virtual_site_violations(tenant: Tenant, merged: dict[str, Any],
                             known: KnownLines | None) -> list[Violation]:
    """The automatic site (``SiteLimits.virtual_site``) holds the lines of its plans and
    only them (guide 004 §2.2.1, §4.1)."""
    limits = known.site_limits if known else site_limits(tenant)
    site_id = merged.get("site_id")
    if not limits.virtual_site_plans or site_id is None:
        return []
    if known is not None:
        virtual = site_id in known.virtual_site_ids
    else:
        virtual = db.session.scalar(select(Site.physical).where(Site.id == site_id)) is False
    belongs = merged.get("plan") in limits.virtual_site_plans
    if virtual == belongs:
        return []
    labels = registry()[tenant.carrier_id]
    plans = ", ".join(plan.label_for(current_language()) for plan in labels.plans
                      if plan.id in limits.virtual_site_plans)
    return [Violation(
        code="line.site_id.not_allowed", field="site_id", limit=list(limits.virtual_site_plans),
        params={"site": limits.virtual_site, "plans": plans},
        message=N_("“%(site)s” is not a physical site: it holds the lines of these plans, and "
                   "only them: %(plans)s."))]


def reserved_extensions(entry: CarrierEntry) -> tuple[str, ...]:
    """The extensions the carrier reserves for its services: no line may take them."""
    offer = entry.offer("lines")
    return offer.limits.reserved_extensions if offer is not None else ()


def set_once_fields(line: Line | None) -> tuple[str, ...]:
    """The fields of ``line`` that its plan lets no one change now that they are given."""
    if line is None:
        return ()
    plan = registry()[line.tenant.carrier_id].plan(line.plan)
    return tuple(name for name in (plan.set_once if plan else ()) if getattr(line, name))


def _current(line: Line | None) -> dict[str, Any]:
    if line is None:
        return {}
    return {key: getattr(line, key) for key in LineSchema().load_fields if hasattr(line, key)}


def _taken(tenant: Tenant, line: Line | None, column: str, value: str) -> bool:
    query = select(Line.id).where(Line.tenant_id == tenant.id, getattr(Line, column) == value)
    if line is not None:
        query = query.where(Line.id != line.id)
    return db.session.scalar(query) is not None


def new_line_change(tenant: Tenant, data: dict[str, Any],
                    known: KnownLines | None = None) -> Change:
    """The change that adds a line: one line from a form or the API, or one row of a bulk
    import (with ``known``), checked by the same schema, core checks and carrier rules."""
    return Change(
        tenant=tenant, object_type="line", action="create", data=data,
        schema=line_schema(tenant), persist=_add_line(tenant), feature="lines",
        checks=[_line_checks(tenant, None, known)],
    )


def _add_line(tenant: Tenant):
    """Add the line; one of a plan the automatic site holds, given no site, goes there."""
    add = add_row(Line, tenant_id=tenant.id)

    def persist(clean: dict[str, Any]) -> Line:
        if clean.get("site_id") is None \
                and clean.get("plan") in site_limits(tenant).virtual_site_plans:
            site = ensure_virtual_site(tenant)
            clean = {**clean, "site_id": site.id if site is not None else None}
        return add(clean)

    return persist


def create_line(tenant: Tenant, data: dict[str, Any]) -> Line:
    """Add a line to a tenant."""
    return apply_change(new_line_change(tenant, data))


def update_line(line: Line, data: dict[str, Any]) -> Line:
    """Change some fields of a line."""

    return apply_change(Change(
        tenant=line.tenant, object_type="line", action="update", data=data,
        schema=line_schema(line.tenant), persist=assign_to(line), target=line, line=line,
        feature="lines", checks=[_line_checks(line.tenant, line)],
    ))


def delete_line(line: Line) -> None:
    """Remove a line and the settings of its features; its history stays."""

    def persist(clean: dict[str, Any]) -> Line:
        for dependent in _dependents(line):
            db.session.delete(dependent)
        db.session.flush()
        db.session.delete(line)
        return line

    apply_change(Change(
        tenant=line.tenant, object_type="line", action="delete", data={},
        schema=LineSchema(only=()), persist=persist, target=line, line=line, feature="lines",
    ))


def _dependents(line: Line) -> list[Any]:
    """Every row that points at the line through a foreign key (feature settings)."""
    rows: list[Any] = []
    for mapper in db.Model.registry.mappers:
        column = mapper.columns.get("line_id")
        if column is not None and column.foreign_keys:
            rows.extend(db.session.scalars(
                select(mapper.class_).where(column == line.id)))
    return rows
