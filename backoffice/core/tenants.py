"""Tenants and their sites."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backoffice.core.carriers import registry
from backoffice.core.changes import Change, add_row, apply_change
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Site, Tenant
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
