"""What the tenant and line pages show of blocks and provisioning orders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flask import Request, request
from sqlalchemy import select

from backoffice.access import may_change
from backoffice.core.blocks import Block, CollectionBlock
from backoffice.core.models import Line, ProvisioningOrder, Tenant
from backoffice.extensions import db
from backoffice.i18n import gettext
from backoffice.lookups import carrier_of
from backoffice.web.forms import FormField, build_form, display_values, read_labels, read_sections


@dataclass
class BlockView:
    """A block as the page shows it: read view, edit form, and for collections the items."""

    block: Block
    title: str
    labels: dict[str, str]
    values: dict[str, Any] = field(default_factory=dict)
    display: dict[str, Any] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)
    form: list[FormField] = field(default_factory=list)
    item_form: list[FormField] = field(default_factory=list)  # the open item's, its values
    errors: list[str] = field(default_factory=list)
    editing: bool = False  # the settings form, or a collection's add form, is open
    editing_item: int | None = None
    removing_item: int | None = None  # the item whose removal the agent is asked to confirm
    query: str = ""
    summary: str = ""  # what the collection's items do, in words
    caution: str = ""  # what the agent must acknowledge before the open form is saved
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # read view groups

    @property
    def is_collection(self) -> bool:
        return isinstance(self.block, CollectionBlock)


@dataclass(frozen=True)
class Editing:
    """The one form a page shows open: a block's, or one item's of a collection.

    Pages show read views; a form is built only when the agent opens it (``?edit=``,
    ``&item=``) or when a refused post shows it again with its errors.
    """

    target: str  # a block id, or a page's own form ("information", "new-line")
    item: int | None = None
    removing: bool = False  # the form asks to confirm the removal of ``item``


def editing_from(request: Request) -> Editing | None:
    """The form the query string opens on a page view (``&remove=1``: the confirmation of
    an item's removal). A refused post shows its own form again and opens no other."""
    target = request.args.get("edit", "").strip() if request.method == "GET" else ""
    if target and not may_change():
        return None  # a read-only role gets no form, whatever the address asks
    return Editing(target, request.args.get("item", type=int),
                   request.args.get("remove") == "1") if target else None


@dataclass
class Submitted:
    """A form post that was refused, to show again with its errors."""

    block_id: str
    values: dict[str, Any]
    errors: dict[str, list[str]]
    item_id: int | None = None
    caution: str = ""  # not refused: saved once the agent acknowledges this
    fresh: bool = False  # a conflict: the form shows the current values, not the stale ones


def conflict_message(conflict: Any, tenant: Tenant) -> str:
    """What the agent does after a conflict: the form shows the values now saved, so the
    stale form is never sent again."""
    from backoffice.web import local_time

    if conflict.actor is None:
        return gettext("Someone else changed this in the meantime. Your change was not saved: "
                       "the form now shows the current values; make your change again, then "
                       "save.")
    return gettext("%(actor)s changed this on %(at)s. Your change was not saved: the form now "
                   "shows the current values; make your change again, then save.",
                   actor=conflict.actor, at=local_time(conflict.at, tenant.timezone))


def block_views(tenant: Tenant, line: Line | None, submitted: Submitted | None = None,
                editing: Editing | None = None) -> list[BlockView]:
    """Every block the carrier offers on this page, ready to render, with at most one
    form open: the refused one, else the one the agent opened."""
    entry = carrier_of(tenant)
    country = entry.carrier.country
    scope = "tenant" if line is None else "line"
    views = []
    for block in entry.blocks_for(scope, line.plan if line else None):
        schema = block.schema(tenant)
        view = BlockView(block, gettext(block.title), read_labels(schema),
                         sections=read_sections(schema))
        if isinstance(block, CollectionBlock):
            view.query = request.args.get(f"{block.id}-q", "").strip()
            found = block.search(tenant, line, view.query) if view.query and block.search \
                else block.items(tenant, line)
            view.items = [_item_view(block, schema, item, tenant, country, view.labels)
                          for item in found]
            view.summary = block.summary(tenant, line) if block.summary else ""
        else:
            view.values = schema.dump(block.read(tenant, line))
            view.display = display_values(schema, view.values, tenant, country)
        mine = submitted if submitted and submitted.block_id == block.id else None
        opened = editing if editing and editing.target == block.id else None
        if opened and opened.removing:
            view.removing_item, opened = opened.item, None
        if mine and mine.item_id is None:
            current = (None if view.is_collection else view.values) if mine.fresh \
                else mine.values
            view.form = build_form(schema, current, {} if mine.fresh else mine.errors, tenant)
            view.errors = mine.errors.get("", []) + mine.errors.get("_schema", [])
            view.editing = True
        elif mine or opened:
            view.form = build_form(schema, None if view.is_collection else view.values,
                                   tenant=tenant)
            view.editing_item = mine.item_id if mine else opened.item
            view.editing = view.editing_item is None
        if view.editing_item is not None:
            raw = next((item["raw"] for item in view.items if item["id"] == view.editing_item),
                       {})
            view.item_form = build_form(schema, mine.values if mine and not mine.fresh else raw,
                                        tenant=tenant)
        if mine and mine.item_id is not None:
            view.errors = [message for messages in mine.errors.values() for message in messages]
        if mine:
            view.caution = mine.caution
        views.append(view)
    return views


def _item_view(block: CollectionBlock, schema: Any, item: Any, tenant: Tenant, country: str,
               labels: dict[str, str]) -> dict[str, Any]:
    """One item of a collection as the page shows it, with what its removal would name."""
    raw = schema.dump(item)
    shown = display_values(schema, raw, tenant, country)
    described = block.describe(item) if block.describe else " · ".join(
        str(shown[name]) for name in labels if shown.get(name) not in (None, "", [], ()))
    return dict(shown, id=item.id, raw=raw, described=described,
                blocked_reason=block.removable(item) if block.removable else None)


def recent_orders(tenant: Tenant, line: Line | None, limit: int = 5) -> list[ProvisioningOrder]:
    """The latest provisioning orders of the page's line (or of the tenant's own settings)."""
    query = select(ProvisioningOrder).where(ProvisioningOrder.tenant_id == tenant.id)
    query = query.where(ProvisioningOrder.line_id == (line.id if line else None)) if line \
        else query.where(ProvisioningOrder.line_id.is_(None))
    return list(db.session.scalars(query.order_by(ProvisioningOrder.id.desc()).limit(limit)))
