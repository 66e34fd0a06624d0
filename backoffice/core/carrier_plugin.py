"""A base class for carrier plugins: behaviour hooks dispatched to per-feature functions.

A carrier subclasses :class:`CarrierPlugin`, implements the declaration hooks, and
lists its feature modules' functions in ``rules`` and ``call_stages`` instead of
writing the dispatch itself. Implementing the hooks directly works as well.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from flask import Flask

from backoffice.core.blocks import Block
from backoffice.core.declarations import CallContext, CallStep, PlannedFeature
from backoffice.core.errors import Violation
from backoffice.core.hookspecs import hookimpl
from backoffice.core.models import Line, Tenant
from backoffice.core.network import Network, SandboxNetwork

Rule = Callable[..., list[Violation]]  # (*, tenant, line, data) -> violations
CallStage = Callable[..., list[CallStep]]  # (*, call, tenant, line) -> steps


class CarrierPlugin:
    network: type[SandboxNetwork] = SandboxNetwork
    """The carrier's network adapter; the carriers shipped here use a sandbox of their own."""
    demo: Callable[[Any], None] | None = None
    """Loads the carrier's demo tenants through the demo factory."""
    blocks: Sequence[Block] = ()
    """The blocks of the carrier's features, as the UI and the API show them."""
    rules: Mapping[str, Rule] = {}
    """Feature name -> the carrier's rules for a change of that feature."""
    removal_rules: Mapping[str, Rule] = {}
    """Feature name -> the carrier's rules for removing a row of that feature (a line...)."""
    call_stages: Sequence[CallStage] = ()
    """The carrier's call-path stages, in the order a call meets them."""
    outgoing_stages: Sequence[CallStage] = ()
    """The carrier's stages of a line's outgoing calls (restrictions, permissions)."""
    planned: Sequence[PlannedFeature] = ()
    """Features of the carrier's guides that are not built yet."""
    quick_edit: Sequence[str] = ()
    """The ids of the blocks of the quick-edit grid, in column order (none: no grid)."""

    sections: Sequence[Any] = ()
    """The carrier's sections of the account's structure (``AccountSection``s)."""

    @hookimpl
    def account_sections(self) -> list[Any]:
        return list(self.sections)

    @hookimpl
    def quick_edit_blocks(self) -> list[str]:
        return list(self.quick_edit)

    bulk_orders: str = "per_line"
    """How the network takes a bulk import's lines: ``"per_line"`` or ``"batched"``."""

    @hookimpl
    def bulk_provisioning(self) -> str:
        return self.bulk_orders

    @hookimpl
    def planned_features(self) -> list[PlannedFeature]:
        return list(self.planned)

    migrations: str | None = None
    """The folder of the carrier's Alembic revisions (None: no tables of its own)."""

    @hookimpl
    def carrier_migrations(self) -> str | None:
        return self.migrations

    @hookimpl
    def carrier_network(self, app: Flask) -> Network:
        return self.network(app)

    @hookimpl
    def demo_data(self, tenant_factory: Any) -> None:
        if self.demo is not None:
            self.demo(tenant_factory)

    @hookimpl
    def feature_blocks(self) -> list[Block]:
        return list(self.blocks)

    @hookimpl
    def validate_change(self, feature: str, tenant: Tenant, line: Line | None,
                        data: dict[str, Any], action: str) -> list[Violation]:
        rule = (self.removal_rules if action == "delete" else self.rules).get(feature)
        return rule(tenant=tenant, line=line, data=data) if rule else []

    @hookimpl
    def call_steps(self, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
        return [step for stage in self.call_stages
                for step in stage(call=call, tenant=tenant, line=line)]

    @hookimpl
    def outgoing_call_steps(self, call: CallContext, tenant: Tenant,
                            line: Line) -> list[CallStep]:
        return [step for stage in self.outgoing_stages
                for step in stage(call=call, tenant=tenant, line=line)]
