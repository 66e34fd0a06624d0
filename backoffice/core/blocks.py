"""Blocks: how a feature shows itself to agents, in the web UI and in the REST API alike.

A carrier lists the blocks of the features it offers (``CarrierPlugin.blocks``). The web
UI renders each block as a read view and an edit form generated from its schema; the API
exposes it under ``/api/v1/tenants/<id>[/lines/<id>]/<block id>``. The scope (tenant or
line) and the plans come from the carrier's :class:`~backoffice.core.declarations.FeatureOffer`
for ``feature``.

Every write goes through the change pipeline, so callables raise
:class:`~backoffice.core.errors.ChangeRejected` with nothing saved. The web UI asks the
agent to confirm before it removes an item or clears a list (guides 003 §8.4, §8.5 and
004 §4.2.3); the API's DELETE is the confirmation itself.

A block's schema factory reads of its tenant only ``carrier_id``: the API calls it with a
:class:`CarrierScope` (a carrier without a tenant) at start-up to document each carrier's
variant of the block (:meth:`Block.carrier_schema`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from marshmallow import Schema

from backoffice.core.models import Line, Tenant

SchemaFactory = Callable[[Tenant], Schema]


@dataclass(frozen=True)
class CarrierScope:
    """What a schema factory may read of a tenant when there is none: its carrier."""

    carrier_id: str


@dataclass(frozen=True, kw_only=True)
class Block:
    id: str  # URL segment, unique per carrier: "forwarding", "blocked-numbers"...
    feature: str  # the FeatureOffer it belongs to
    title: str  # English msgid wrapped in N_(), translated when shown
    schema: SchemaFactory  # the one schema of the block, for this tenant
    guide_section: str = ""

    def carrier_schema(self, carrier_id: str) -> Schema:
        """The block's schema for any tenant of ``carrier_id`` (to document the API)."""
        return self.schema(CarrierScope(carrier_id))  # type: ignore[arg-type]


@dataclass(frozen=True, kw_only=True)
class SettingsBlock(Block):
    """A feature that is one set of values per line or per tenant."""

    read: Callable[[Tenant, Line | None], dict[str, Any]]  # current values, dumped by schema
    write: Callable[[Tenant, Line | None, dict[str, Any]], Any]  # raw input -> pipeline

    def save(self, tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> Any:
        """``write``, for agents: when two first writes of the setting race, the one that
        commits second meets the first one's row and gets an :class:`EditConflict` (412),
        not a refusal about a unique value."""
        from backoffice.core.changes import DuplicateValue
        from backoffice.core.errors import EditConflict

        try:
            return self.write(tenant, line, raw)
        except DuplicateValue as duplicate:
            if duplicate.action != "create":
                raise
            raise EditConflict.latest(duplicate.object_type, tenant.id,
                                      line.id if line is not None else None) from duplicate


@dataclass(frozen=True, kw_only=True)
class CollectionBlock(Block):
    """A feature that is a list of items (blocked numbers, rules, addresses...)."""

    items: Callable[[Tenant, Line | None], list[Any]]  # ORM objects, dumped by schema
    find: Callable[[Tenant, Line | None, int], Any | None]  # one item by id, in scope
    add: Callable[[Tenant, Line | None, dict[str, Any]], Any]
    remove: Callable[[Any], Any]
    change: Callable[[Any, dict[str, Any]], Any] | None = None  # None: items are not editable
    clear: Callable[[Tenant, Line | None], Any] | None = None  # None: no "delete all"
    removable: Callable[[Any], str | None] | None = None  # why an item cannot be removed
    search: Callable[[Tenant, Line | None, str], list[Any]] | None = None  # items matching text
    describe: Callable[[Any], str] | None = None  # the item in words, to confirm its removal
    summary: Callable[[Tenant, Line | None], str] | None = None  # the items' effect, in words
    caution: Callable[[Tenant, Line | None, dict[str, Any]], str | None] | None = None
    """What the agent must acknowledge before an item is added or changed (the web form
    asks for it; the API request is itself the acknowledgement), or ``None``."""
    removal_question: str | None = None
    """The carrier's own words asking to confirm a removal (an ``N_`` msgid with
    ``%(item)s``, the item described); none: "Are you sure you want to delete “…”?"."""
