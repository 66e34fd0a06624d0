"""Form posts of feature blocks: settings saved, collection items added, changed, removed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext

from backoffice.core.blocks import CollectionBlock, SettingsBlock
from backoffice.core.errors import ChangeRejected, EditConflict
from backoffice.core.media.uploads import attach_uploads
from backoffice.lookups import block_or_not_offered, line_or_404, tenant_or_404
from backoffice.web.forms import payload_from_form
from backoffice.web.views import Submitted, conflict_message

bp = Blueprint("blocks", __name__, url_prefix="/tenants/<int:tenant_id>")
LINE = "/lines/<int:line_id>/blocks/<block_id>"
TENANT = "/blocks/<block_id>"


def _context(tenant_id: int, line_id: int | None, block_id: str):
    tenant = tenant_or_404(tenant_id)
    line = line_or_404(tenant, line_id) if line_id is not None else None
    return tenant, line, block_or_not_offered(tenant, line, block_id)


def _back(tenant, line, block_id: str, **query):
    """Back to the page of the block; ``query`` opens one of its forms there."""
    if line is None:
        return redirect(url_for("tenants.show", tenant_id=tenant.id, _anchor=block_id, **query))
    return redirect(url_for("lines.show", tenant_id=tenant.id, line_id=line.id,
                            _anchor=block_id, **query))


def _run(tenant, line, block, action: Callable[[], Any], payload: dict[str, Any],
         item_id: int | None = None, deleting: bool = False):
    """Run a block action; on refusal, show the page again with the errors in the block."""
    from backoffice.web.lines import render_line
    from backoffice.web.tenants import render_tenant

    try:
        action()
    except (ChangeRejected, EditConflict) as refused:
        conflict = isinstance(refused, EditConflict)
        errors = {"": [conflict_message(refused, tenant)]} if conflict else refused.by_field()
        submitted = Submitted(block.id, payload, errors, item_id, fresh=conflict)
        status = 422 if isinstance(refused, ChangeRejected) else 409
        if line is None:
            return render_tenant(tenant, submitted=submitted, status=status)
        return render_line(tenant, line, submitted=submitted, status=status)
    flash(gettext("Deleted. The change is being sent to the carrier's network.") if deleting
          else gettext("Saved. The change is being sent to the carrier's network."), "success")
    return _back(tenant, line, block.id)


def _unacknowledged(tenant, line, block, payload: dict[str, Any],
                    item_id: int | None = None):
    """The form again, with the block's caution, when the agent has not acknowledged it."""
    from backoffice.web.lines import render_line
    from backoffice.web.tenants import render_tenant

    caution = block.caution(tenant, line, payload) if block.caution else None
    if not caution or request.form.get("acknowledge") == "yes":
        return None
    submitted = Submitted(block.id, payload, {}, item_id, caution=caution)
    if line is None:
        return render_tenant(tenant, submitted=submitted, status=422)
    return render_line(tenant, line, submitted=submitted, status=422)


@bp.post(TENANT, defaults={"line_id": None})
@bp.post(LINE)
def save(tenant_id: int, line_id: int | None, block_id: str):
    tenant, line, block = _context(tenant_id, line_id, block_id)
    schema = block.schema(tenant)
    payload = payload_from_form(schema, request.form)
    if isinstance(block, SettingsBlock):
        return _run(tenant, line, block, lambda: block.save(
            tenant, line, attach_uploads(tenant, schema, payload)), payload)
    return _unacknowledged(tenant, line, block, payload) or _run(
        tenant, line, block, lambda: block.add(
            tenant, line, attach_uploads(tenant, schema, payload)), payload)


def _item(tenant, line, block, item_id: int):
    if not isinstance(block, CollectionBlock):
        abort(404)
    item = block.find(tenant, line, item_id)
    if item is None:
        abort(404)
    return item


@bp.post(TENANT + "/items/<int:item_id>", defaults={"line_id": None})
@bp.post(LINE + "/items/<int:item_id>")
def change_item(tenant_id: int, line_id: int | None, block_id: str, item_id: int):
    tenant, line, block = _context(tenant_id, line_id, block_id)
    item = _item(tenant, line, block, item_id)
    if block.change is None:
        abort(405)
    schema = block.schema(tenant)
    payload = payload_from_form(schema, request.form)
    return _unacknowledged(tenant, line, block, payload, item_id) or _run(
        tenant, line, block, lambda: block.change(
            item, attach_uploads(tenant, schema, payload)), payload, item_id)


@bp.post(TENANT + "/items/<int:item_id>/delete", defaults={"line_id": None})
@bp.post(LINE + "/items/<int:item_id>/delete")
def remove_item(tenant_id: int, line_id: int | None, block_id: str, item_id: int):
    """Remove one item once the agent confirmed it; unconfirmed, ask for the confirmation."""
    tenant, line, block = _context(tenant_id, line_id, block_id)
    item = _item(tenant, line, block, item_id)
    if request.form.get("confirm") != "yes":
        return _back(tenant, line, block.id, edit=block.id, item=item.id, remove=1)
    return _run(tenant, line, block, lambda: block.remove(item), {}, item_id, deleting=True)


@bp.post(TENANT + "/clear", defaults={"line_id": None})
@bp.post(LINE + "/clear")
def clear(tenant_id: int, line_id: int | None, block_id: str):
    tenant, line, block = _context(tenant_id, line_id, block_id)
    if not isinstance(block, CollectionBlock) or block.clear is None:
        abort(404)
    if request.form.get("confirm") != "yes":
        flash(gettext("Tick the confirmation box to delete every item."), "error")
        return _back(tenant, line, block.id)
    return _run(tenant, line, block, lambda: block.clear(tenant, line), {}, deleting=True)
