"""The carrier hook contract.

Every carrier is a pluggy plugin registered under the entry-point group
``backoffice.carriers``. Hooks take keyword arguments only. Declaration hooks
return data; behaviour hooks are called only for the carrier that owns the tenant
(see :meth:`backoffice.core.carriers.CarrierRegistry.hook`), so an implementation
never needs to ask which carrier it is serving.

Every hook here is documented in ``docs/plugins.md`` with its whole signature;
``tests/test_docs.py`` enforces it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from flask import Blueprint, Flask

    from backoffice.core.blocks import Block
    from backoffice.core.declarations import (
        CallContext,
        CallStep,
        Carrier,
        FeatureOffer,
        PageLink,
        Plan,
        PlannedFeature,
    )
    from backoffice.core.errors import Violation
    from backoffice.core.models import Line, Tenant
    from backoffice.core.network import Network
    from backoffice.core.structure import AccountSection

PROJECT = "backoffice"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def carrier_identity() -> Carrier:
    """Declare the carrier: id, display name, country, default locale and time zone."""


@hookspec
def carrier_plans() -> list[Plan]:
    """Declare the carrier's line types (plans) and the fields each one requires."""


@hookspec
def carrier_features() -> list[FeatureOffer]:
    """Declare the features the carrier offers, per plan, with their limits as data."""


@hookspec
def planned_features() -> list[PlannedFeature]:
    """Declare the features the carrier's guides describe that are not built yet.

    They are shown as planned, never as offered, and declare no limits.
    """


@hookspec
def feature_blocks() -> list[Block]:
    """Return the blocks (settings forms and collections) of the carrier's features.

    The web UI and the REST API are generated from them; see ``backoffice.core.blocks``.
    """


@hookspec
def carrier_migrations() -> str | None:
    """Return the folder of the carrier's Alembic revisions, or None when it has no tables
    of its own.

    The folder joins Alembic's version locations beside core's; its revisions form a
    branch of their own, so ``backoffice db upgrade`` applies them with core's.
    """


@hookspec
def validate_change(
    feature: str, tenant: Tenant, line: Line | None, data: dict[str, Any], action: str
) -> list[Violation]:
    """Check a change against the carrier's rules that are more than a limit.

    ``data`` has already passed the feature's schema and the declared limits; ``action``
    is ``"create"``, ``"update"`` or ``"delete"`` (a removal, ``data`` empty).
    Return the violations found (an empty list when the change is acceptable).
    """


@hookspec
def call_steps(call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """Add the carrier's steps to the path of a call to ``line``.

    Return the steps this carrier's features decide, in order; a step whose
    ``final`` is true ends the path. When no step ended the call, core adds what
    answers the line, as its plan's ``answered_by`` declares.
    """


@hookspec
def outgoing_call_steps(call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """Add the carrier's steps to the path of a call ``line`` makes to ``call.dialled``.

    Return the steps of the carrier's outgoing rules (restrictions, permissions), in
    order; a final step ends the path (the call does not go out). When none did, core
    adds that the call goes out, with what the callee sees (caller-ID presentation).
    """


@hookspec
def quick_edit_blocks() -> list[str]:
    """The ids of the carrier's blocks (calling options of a line, ``OptionsBlock``) that
    the quick-edit grid shows, in column order: every line's values in one table, saved as
    one change. An empty list: no grid."""


@hookspec(firstresult=True)
def carrier_network(app: Flask) -> Network:
    """Return the network that applies provisioning orders for this carrier.

    The carriers shipped here return a sandbox that behaves as their guide says.
    """


@hookspec
def demo_data(tenant_factory: Any) -> None:
    """Create this carrier's demo tenants through ``tenant_factory`` (idempotent)."""


@hookspec
def web_blueprints() -> list[Blueprint]:
    """Return Flask blueprints for pages of the carrier's own features."""


@hookspec
def page_links() -> list[PageLink]:
    """Declare where the navigation links to the carrier's own pages: the top navigation,
    the carrier's tenant pages or its line pages. Core templates need no edit."""


@hookspec
def api_blueprints() -> list[Any]:
    """Return flask-smorest blueprints for API resources of the carrier's own features."""


@hookspec(firstresult=True)
def bulk_provisioning() -> str:
    """Say how the carrier's network takes the lines of a bulk import: ``"per_line"`` (one
    provisioning order per line, as if each were added alone) or ``"batched"`` (one order
    carrying every line of the import)."""


@hookspec
def account_sections() -> list[AccountSection]:
    """Return the carrier's sections of the account's structure on the tenant page (its
    users, its numbers...): each a label, a count (one query) and the link where agents
    manage them. Core's sections (sites, lines, numbers, groups) are always shown."""
