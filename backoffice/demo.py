"""Demo data: each carrier's plugin creates its tenants through a get-or-create factory."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backoffice.core.carriers import registry
from backoffice.core.lines import create_line, line_schema
from backoffice.core.models import Line, Site, Tenant
from backoffice.core.tenants import create_site, create_tenant
from backoffice.extensions import db


class DemoFactory:
    """Creates demo objects through the change pipeline, skipping those that exist."""

    def __init__(self) -> None:
        self.created = 0

    def tenant(self, name: str, carrier_id: str) -> Tenant:
        tenant = db.session.scalar(
            select(Tenant).where(Tenant.name == name, Tenant.carrier_id == carrier_id))
        if tenant is None:
            tenant = create_tenant({"name": name, "carrier_id": carrier_id})
            self.created += 1
        return tenant

    def site(self, tenant: Tenant, name: str, **address: str) -> Site:
        site = db.session.scalar(
            select(Site).where(Site.tenant_id == tenant.id, Site.name == name))
        if site is None:
            site = create_site(tenant, {"name": name, **address})
            self.created += 1
        return site

    def line(self, tenant: Tenant, **data: Any) -> Line:
        key = line_schema(tenant).load(data)
        column, value = ("number", key["number"]) if key.get("number") else (
            "extension", key["extension"])
        line = db.session.scalar(select(Line).where(
            Line.tenant_id == tenant.id, getattr(Line, column) == value))
        if line is None:
            line = create_line(tenant, data)
            self.created += 1
        return line


def load_demo() -> int:
    """Load every carrier's demo tenants and the demo agents; returns how many were created."""
    from backoffice.auth.demo import load_demo_agents

    factory = DemoFactory()
    registry().all_hooks.demo_data(tenant_factory=factory)
    return factory.created + load_demo_agents()
