"""The quick-edit grid of a tenant's lines: read every line's options, save many at once
(all or nothing, each refused value naming its row)."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backoffice.api.common import json_body, no_unknown_fields
from backoffice.api.schemas import body
from backoffice.core.calling.grid import grid_rows, quick_edit_blocks, save_grid
from backoffice.core.errors import N_, ChangeRejected, NotOffered, Violation
from backoffice.lookups import carrier_of, tenant_or_404

bp = Blueprint("api_quick_edit", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="The quick-edit grid: the same options of many lines at once")

ROW = ("One line's values: `line_id`, and for each block of `columns` the block's values "
       "(as its own path reads and writes them, with the `version` read), or `null` where "
       "the line's plan does not offer it. A block left out of a row is not changed.")


class QuickEditSchema(Schema):
    columns = fields.List(fields.String(), dump_only=True, metadata={
        "description": "The ids of the blocks of the grid, in order (the carrier's "
                       "`/api/v1/carriers/{carrier_id}/openapi.json` documents each)"})
    rows = fields.List(fields.Dict(), required=True, metadata={"description": ROW})


def _grid(tenant_id: int):
    tenant = tenant_or_404(tenant_id)
    return tenant, quick_edit_blocks(tenant)


@bp.route("/quick-edit")
class QuickEdit(MethodView):
    @bp.response(200, QuickEditSchema)
    def get(self, tenant_id: int):
        """Every line's values of the grid's blocks (no columns nor rows when the carrier
        has no grid)."""
        tenant, blocks = _grid(tenant_id)
        return {"columns": [block.id for block in blocks], "rows": grid_rows(tenant, blocks)}

    @bp.doc(requestBody=body(QuickEditSchema))
    @bp.response(200, QuickEditSchema)
    def put(self, tenant_id: int):
        """Save the rows as one change: every value is checked as its block checks it, and
        any refusal refuses them all (422, each error's `field` is
        `<row>.<block id>.<field>`, rows counted from 0). Turning a paid service on here
        shows no notification: test the change with the explainer."""
        tenant, blocks = _grid(tenant_id)
        if not blocks:
            raise NotOffered(carrier_of(tenant).carrier.name, "quick_edit")
        data = json_body()
        no_unknown_fields({name: value for name, value in data.items() if name != "columns"},
                          QuickEditSchema, "quick_edit")
        rows = data.get("rows")
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ChangeRejected([Violation(
                code="quick_edit.rows.invalid", field="rows",
                message=N_("Give the rows as a list of objects."))])
        save_grid(tenant, blocks, rows)
        return {"columns": [block.id for block in blocks], "rows": grid_rows(tenant, blocks)}
