"""Tenants and their sites: creation, renaming, deletion, the automatic site.

A site's address may be kept once given and one site may be created automatically, not a
place, for the lines of some plans (``SiteLimits``, e.g. guide 004 §4.1). Core refuses
to delete a site that still has lines, whatever the carrier: its lines would lose the
address their emergency calls are routed to.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from backoffice.core.carriers import registry
from backoffice.core.changes import Change, add_row, apply_change, assign_to
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Site, Tenant
from backoffice.core.schemas import SiteSchema, TenantSchema
from backoffice.core.tenancy import current_scope
from backoffice.extensions import db


def _tenant_checks(data: dict[str, Any]) -> list[Violation]:
    carrier = registry().get(data["carrier_id"])
    if carrier is None:
        return [Violation(
            code="tenant.carrier_id.unknown", field="carrier_id",
            message=N_("Unknown carrier “%(value)s”. Known carriers: %(known)s."),
            params={"value": data["carrier_id"], "known": ", ".join(registry().ids)},
        )]
    scope = current_scope()
    if scope is not None and scope.carrier_ids is not None \
            and data["carrier_id"] not in scope.carrier_ids:
        return [Violation(
            code="tenant.carrier_id.forbidden", field="carrier_id",
            message=N_("You can only create customers of your own carrier."),
        )]
    taken = db.session.scalar(select(Tenant.id).where(
        Tenant.carrier_id == data["carrier_id"], Tenant.name == data["name"]))
    if taken is not None:
        return [Violation(
            code="tenant.name.duplicate", field="name",
            message=N_("A customer named “%(value)s” already exists for this carrier."),
            params={"value": data["name"]},
        )]
    return []


def create_tenant(data: dict[str, Any]) -> Tenant:
    """Create a customer account; locale and time zone default to the carrier's."""

    def persist(clean: dict[str, Any]) -> Tenant:
        carrier = registry()[clean["carrier_id"]].carrier
        tenant = Tenant(
            name=clean["name"], carrier_id=carrier.id,
            locale=clean.get("locale") or carrier.default_locale,
            timezone=clean.get("timezone") or carrier.timezone,
        )
        db.session.add(tenant)
        db.session.flush()
        name = site_limits(tenant).virtual_site
        if name:
            # guide 004 §4.1: "il est créé automatiquement": with the customer, not by an agent
            db.session.add(Site(tenant_id=tenant.id, name=name, physical=False))
        return tenant

    return apply_change(Change(
        tenant=None, object_type="tenant", action="create", data=data,
        schema=TenantSchema(), persist=persist, checks=[_tenant_checks], provision=False,
    ))


def _site_name_free(tenant: Tenant, site: Site | None = None):
    def check(data: dict[str, Any]) -> list[Violation]:
        if "name" not in data:
            return []
        query = select(Site.id).where(Site.tenant_id == tenant.id, Site.name == data["name"])
        if site is not None:
            query = query.where(Site.id != site.id)
        if db.session.scalar(query) is None:
            return []
        return [Violation(
            code="site.name.duplicate", field="name",
            message=N_("A site named “%(value)s” already exists for this customer."),
            params={"value": data["name"]},
        )]
    return check


def create_site(tenant: Tenant, data: dict[str, Any]) -> Site:
    """Add a site to a tenant."""
    return apply_change(Change(
        tenant=tenant, object_type="site", action="create", data=data, schema=SiteSchema(),
        persist=add_row(Site, tenant_id=tenant.id), feature="sites",
        checks=[_site_name_free(tenant)],
    ))


ADDRESS_FIELDS = ("street", "postal_code", "city", "country")


def site_limits(tenant: Tenant) -> Any:
    """The carrier's declared ``SiteLimits`` (the defaults when it declares none)."""
    from backoffice.core.limits import SiteLimits

    offer = registry()[tenant.carrier_id].offer("sites")
    return offer.limits if offer is not None else SiteLimits()


def virtual_site(tenant: Tenant) -> Site | None:
    """The tenant's automatic site, which is not a physical place, if its carrier has one."""
    return db.session.scalar(select(Site).where(Site.tenant_id == tenant.id,
                                                Site.physical.is_(False)))


def ensure_virtual_site(tenant: Tenant) -> Site | None:
    """Create the automatic site the carrier declares, for a tenant made before it was
    declared (idempotent; no audit record: no agent asked for it)."""
    name = site_limits(tenant).virtual_site
    if not name:
        return None
    site = virtual_site(tenant)
    if site is None:
        site = Site(tenant_id=tenant.id, name=name, physical=False)
        db.session.add(site)
        db.session.flush()
    return site


def site_line_counts(tenant: Tenant) -> dict[int, int]:
    """Site id -> how many lines are attached to it: one grouped query."""
    return dict(db.session.execute(
        select(Line.site_id, func.count(Line.id)).where(
            Line.tenant_id == tenant.id, Line.site_id.is_not(None)).group_by(Line.site_id)).all())


def _site_update_checks(tenant: Tenant, site: Site):
    def check(data: dict[str, Any]) -> list[Violation]:
        violations = []
        if not site.physical and data.get("name", site.name) != site.name:
            violations.append(Violation(
                code="site.name.automatic", field="name", params={"value": site.name},
                message=N_("“%(value)s” is created automatically and is not a physical site: "
                           "its name cannot change.")))
        if site_limits(tenant).address_fixed:
            violations.extend(Violation(
                code=f"site.{name}.set_once", field=name,
                message=N_("Only a site's name can change: changing its address would be a "
                           "move."))
                for name in ADDRESS_FIELDS if name in data and data[name] != getattr(site, name))
        return violations
    return check


def update_site(site: Site, data: dict[str, Any]) -> Site:
    """Change a site: its name, and its address unless the carrier keeps it."""
    return apply_change(Change(
        tenant=site.tenant, object_type="site", action="update", data=data,
        schema=SiteSchema(), persist=assign_to(site), target=site, feature="sites",
        checks=[_site_name_free(site.tenant, site), _site_update_checks(site.tenant, site)],
    ))


def delete_site(site: Site) -> None:
    """Delete a site that has no line; the automatic site is never deleted."""
    tenant = site.tenant

    def check(data: dict[str, Any]) -> list[Violation]:
        if not site.physical:
            return [Violation(
                code="site.id.automatic", field="", params={"value": site.name},
                message=N_("“%(value)s” is created automatically and is not a physical site: "
                           "it cannot be deleted."))]
        count = db.session.scalar(select(func.count(Line.id)).where(Line.site_id == site.id))
        if not count:
            return []
        return [Violation(
            code="site.lines.not_empty", field="", limit=0,
            params={"value": site.name, "count": count},
            message=N_("The site “%(value)s” still has %(count)s line(s): move or delete them "
                       "before deleting the site."))]

    def persist(clean: dict[str, Any]) -> Site:
        db.session.delete(site)
        return site

    apply_change(Change(
        tenant=tenant, object_type="site", action="delete", data={},
        schema=SiteSchema(only=()), persist=persist, target=site, feature="sites",
        checks=[check],
    ))
