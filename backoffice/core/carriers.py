"""The plugin manager and the registry of carriers it loaded.

One :class:`CarrierRegistry` per Flask app (``app.extensions["carriers"]``), so a
test can register a carrier of its own without touching any other app.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import Any

import pluggy
from flask import current_app

from backoffice.core import defaults, hookspecs
from backoffice.core.blocks import Block
from backoffice.core.declarations import Carrier, FeatureOffer, PageLink, Plan, PlannedFeature
from backoffice.core.errors import NotOffered
from backoffice.core.features import CORE_PAGE_FEATURES
from backoffice.core.limits import InvalidDeclaration, LimitError, limits_class, parse_limits

ENTRY_POINT_GROUP = "backoffice.carriers"


@dataclass(frozen=True)
class CarrierEntry:
    """Everything a carrier declared, read once at start-up."""

    carrier: Carrier
    plans: tuple[Plan, ...]
    features: tuple[FeatureOffer, ...]
    blocks: tuple[Block, ...]
    plugin: object
    pages: tuple[PageLink, ...] = ()
    planned: tuple[PlannedFeature, ...] = ()
    migrations: str | None = None
    """The folder of the carrier's Alembic revisions, when it has tables of its own."""

    def block(self, block_id: str) -> Block | None:
        return next((block for block in self.blocks if block.id == block_id), None)

    def blocks_for(self, scope: str, plan_id: str | None = None) -> list[Block]:
        """The blocks an agent sees on a tenant page (``scope="tenant"``) or a line page."""
        return [block for block in self.blocks
                if (offer := self.offer(block.feature)) is not None and offer.scope == scope
                and (scope == "tenant" or plan_id in offer.plans)]

    def pages_for(self, scope: str, plan_id: str | None = None) -> list[PageLink]:
        """The carrier's own pages the navigation links to from ``scope``."""
        return [page for page in self.pages if page.scope == scope
                and (not page.plans or plan_id in page.plans)]

    def plan(self, plan_id: str) -> Plan | None:
        return next((plan for plan in self.plans if plan.id == plan_id), None)

    def offer(self, feature: str) -> FeatureOffer | None:
        return next((offer for offer in self.features if offer.feature == feature), None)


    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.carrier.id,
            "name": self.carrier.name,
            "country": self.carrier.country,
            "default_locale": self.carrier.default_locale,
            "timezone": self.carrier.timezone,
            "plans": [plan.id for plan in self.plans],
            "features": {offer.feature: offer.as_dict() for offer in self.features},
            "planned": {planned.feature: planned.as_dict() for planned in self.planned},
        }


class CarrierRegistry:
    """Loads carriers through pluggy and answers "what does carrier X offer"."""

    def __init__(self, extra_plugins: Iterable[object | ModuleType] = (), *, entry_points=True):
        self.pm = pluggy.PluginManager(hookspecs.PROJECT)
        self.pm.add_hookspecs(hookspecs)
        if entry_points:
            self.pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        self.pm.register(defaults, name="backoffice.core.defaults")
        for plugin in extra_plugins:
            self.pm.register(plugin)
        self.pm.check_pending()
        self._entries = self._read_declarations()
        self._hooks: dict[str, Any] = {}

    def _read_declarations(self) -> dict[str, CarrierEntry]:
        carrier_plugins = [impl.plugin for impl in self.pm.hook.carrier_identity.get_hookimpls()]
        self._carrier_plugins = carrier_plugins
        entries: dict[str, CarrierEntry] = {}
        for plugin in carrier_plugins:
            only = self._only(plugin)
            carrier = only.carrier_identity()[0]
            if carrier.id in entries:
                raise RuntimeError(f"two plugins declare the carrier id {carrier.id!r}")
            plans = tuple(p for group in only.carrier_plans() for p in group)
            plan_ids = tuple(plan.id for plan in plans)
            features = tuple(_typed(carrier.id, offer, plan_ids)
                             for group in only.carrier_features() for offer in group)
            blocks = tuple(b for group in only.feature_blocks() for b in group)
            undeclared = {b.feature for b in blocks} - {f.feature for f in features}
            if undeclared:
                raise RuntimeError(f"{carrier.id}: blocks of undeclared features {undeclared}")
            pages = tuple(p for group in only.page_links() for p in group)
            planned = tuple(p for group in only.planned_features() for p in group)
            _check_usable(carrier.id, features, blocks, pages, planned)
            migrations = next(iter(only.carrier_migrations()), None)
            entries[carrier.id] = CarrierEntry(carrier, plans, features, blocks, plugin, pages,
                                               planned, migrations)
        return dict(sorted(entries.items()))

    def _only(self, plugin: object) -> Any:
        """Hooks of ``plugin`` and of core's defaults, without the other carriers'."""
        others = [p for p in self._carrier_plugins if p is not plugin]
        relay = type("CarrierHooks", (), {})()
        for name in vars(self.pm.hook):
            if not name.startswith("_"):
                setattr(relay, name, self.pm.subset_hook_caller(name, others))
        return relay

    @property
    def ids(self) -> list[str]:
        return list(self._entries)

    def all(self) -> list[CarrierEntry]:
        return list(self._entries.values())

    @property
    def migration_folders(self) -> list[str]:
        """The folders of the carriers' Alembic revisions, for Alembic's version locations."""
        return [entry.migrations for entry in self.all() if entry.migrations]

    def get(self, carrier_id: str) -> CarrierEntry | None:
        return self._entries.get(carrier_id)

    def __getitem__(self, carrier_id: str) -> CarrierEntry:
        return self._entries[carrier_id]

    def hook(self, carrier_id: str) -> Any:
        """The hooks of one carrier: ``registry.hook("x").validate_change(...)``."""
        if carrier_id not in self._hooks:
            self._hooks[carrier_id] = self._only(self._entries[carrier_id].plugin)
        return self._hooks[carrier_id]

    @cached_property
    def all_hooks(self) -> Any:
        """Hooks called on every plugin (for page and API contributions)."""
        return self.pm.hook


def registry() -> CarrierRegistry:
    """The current app's carrier registry."""
    return current_app.extensions["carriers"]


def offer_of(tenant: Any, feature: str, line: Any = None, *,
             scope: str | None = None) -> FeatureOffer:
    """What the tenant's carrier offers for ``feature``, on ``line`` when given.

    With a line, the offer must be line-scoped and include the line's plan; with ``scope``,
    the offer must have that scope. Raises :class:`NotOffered` otherwise.
    """
    entry = registry()[tenant.carrier_id]
    offer = entry.offer(feature)
    if offer is None or (scope is not None and offer.scope != scope) or (
            line is not None and (offer.scope != "line" or line.plan not in offer.plans)):
        raise NotOffered(entry.carrier.name, feature)
    return offer


def offers(tenant: Any, feature: str, line: Any = None, *, scope: str | None = None) -> bool:
    """Whether :func:`offer_of` would answer rather than raise."""
    try:
        offer_of(tenant, feature, line, scope=scope)
    except NotOffered:
        return False
    return True


def carrier_country(tenant: Any) -> str:
    """The region the tenant's national numbers are read in: its carrier's country."""
    return registry()[tenant.carrier_id].carrier.country


def _typed(carrier_id: str, offer: FeatureOffer, plans: tuple[str, ...]) -> FeatureOffer:
    """The offer with its limits parsed into their class; :class:`InvalidDeclaration` if not."""
    unknown = sorted(set(offer.plans) - set(plans))
    if unknown:
        raise InvalidDeclaration(carrier_id, offer.feature, "plans",
                                 f"{', '.join(unknown)} not among the carrier's plans")
    cls = limits_class(offer.feature) or offer.limits_class or (
        type(offer.limits) if dataclasses.is_dataclass(offer.limits) else None)
    if cls is None:
        if offer.limits:
            raise InvalidDeclaration(carrier_id, offer.feature, "limits",
                                     "a carrier's own feature declares its limits class")
        return offer
    try:
        limits = parse_limits(cls, {} if offer.limits is None else offer.limits, plans)
    except LimitError as error:
        raise InvalidDeclaration(carrier_id, offer.feature, error.key, str(error)) from None
    return dataclasses.replace(offer, limits=limits, limits_class=cls)


def _check_usable(carrier_id: str, features: tuple[FeatureOffer, ...],
                  blocks: tuple[Block, ...], pages: tuple[PageLink, ...],
                  planned: tuple[PlannedFeature, ...]) -> None:
    """Every offered feature has a block or a page; a planned one is not also offered."""
    usable = {block.feature for block in blocks} | {page.feature for page in pages} | set(
        CORE_PAGE_FEATURES)
    for offer in features:
        if offer.feature not in usable:
            raise InvalidDeclaration(carrier_id, offer.feature, "", (
                "offered, but no block or page lets an agent use it: declare it in "
                "planned_features until it is built"))
    both = {p.feature for p in planned} & {offer.feature for offer in features}
    if both:
        raise InvalidDeclaration(carrier_id, ", ".join(sorted(both)), "",
                                 "declared both as offered and as planned")
