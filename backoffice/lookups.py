"""Finding a tenant, a line or a block for a request, shared by the web UI and the API.

Tenant isolation has already filtered the queries: another carrier's tenant is simply
not found, exactly like a missing one.
"""

from __future__ import annotations

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.interfaces import ORMOption

from backoffice.core.blocks import Block
from backoffice.core.carriers import CarrierEntry, registry
from backoffice.core.errors import NotOffered
from backoffice.core.models import Line, ProvisioningOrder, Site, Tenant
from backoffice.extensions import db


def tenant_or_404(tenant_id: int, *loads: ORMOption) -> Tenant:
    """The tenant; ``loads`` are eager loads of what the caller shows (its sites...), done
    even when the session already holds the tenant."""
    tenant = db.session.get(Tenant, tenant_id, options=loads, populate_existing=bool(loads))
    if tenant is None:
        abort(404)
    return tenant


def line_or_404(tenant: Tenant, line_id: int) -> Line:
    line = db.session.scalar(select(Line).where(Line.id == line_id, Line.tenant_id == tenant.id))
    if line is None:
        abort(404)
    return line


def site_or_404(tenant: Tenant, site_id: int) -> Site:
    site = db.session.scalar(select(Site).where(Site.id == site_id, Site.tenant_id == tenant.id))
    if site is None:
        abort(404)
    return site


def tenant_and_line_or_404(tenant_id: int, line_id: int,
                           *loads: ORMOption) -> tuple[Tenant, Line]:
    """The line and its tenant in one query (tenant isolation filters both, as above);
    ``loads`` are eager loads of what the caller shows, in the same query if joined."""
    line = db.session.scalars(select(Line).options(joinedload(Line.tenant, innerjoin=True),
                                                   *loads)
                              .where(Line.id == line_id, Line.tenant_id == tenant_id)
                              ).unique().first()
    if line is None:
        abort(404)
    return line.tenant, line


def order_or_404(tenant: Tenant, order_id: int) -> ProvisioningOrder:
    order = db.session.scalar(select(ProvisioningOrder).where(
        ProvisioningOrder.id == order_id, ProvisioningOrder.tenant_id == tenant.id))
    if order is None:
        abort(404)
    return order


def carrier_of(tenant: Tenant) -> CarrierEntry:
    return registry()[tenant.carrier_id]


def block_or_not_offered(tenant: Tenant, line: Line | None, block_id: str) -> Block:
    """The block, if the tenant's carrier offers it here; else :class:`NotOffered`."""
    entry = carrier_of(tenant)
    scope = "tenant" if line is None else "line"
    for block in entry.blocks_for(scope, line.plan if line else None):
        if block.id == block_id:
            return block
    known = {block.id: block.feature for other in registry().all() for block in other.blocks}
    raise NotOffered(entry.carrier.name, known.get(block_id, block_id))
