"""The call log over the API (002 Liste d'appels): the calls the network carried for a
customer, newest first, selected like the page does; a page at a time, without a total
(a customer may have millions of calls): ``has_next`` says whether another page follows.
The e-mail schedule is the ``call-log-email`` block (``/api/v1/tenants/<id>/call-log-email``).
"""

from __future__ import annotations

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backoffice.core.call_log.models import CALL_TYPES
from backoffice.core.call_log.records import (
    MAX_PAGE_SIZE,
    PAGE_SIZE,
    YES_NO,
    call_page,
    read_filters,
    type_of,
)
from backoffice.lookups import tenant_or_404

bp = Blueprint("api_call_log", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="The call log: calls and faxes the carrier's network carried")


#: A day as the search form sends it: ISO, or empty for no bound (the form's blank field).
DATE_OR_EMPTY = r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"


class CallQuerySchema(Schema):
    """The filters, read as text and checked against the carrier's offer by the view."""

    since = fields.String(metadata={"pattern": DATE_OR_EMPTY, "description": "First day of "
                                    "the period (the customer's date, YYYY-MM-DD), included; "
                                    "empty: no first day"})
    until = fields.String(metadata={"pattern": DATE_OR_EMPTY, "description": "Last day of the "
                                    "period, included; empty: no last day"})
    call_type = fields.String(metadata={"enum": [*CALL_TYPES, "fax"], "description":
                                        "The Type column: the carrier's call types, and "
                                        "`fax` where the log reports faxes"})
    blocked = fields.String(metadata={"enum": list(YES_NO), "description":
                                      "`yes`: blocked calls only; `no`: all but those"})
    recorded = fields.String(metadata={"enum": list(YES_NO), "description":
                                       "`yes`: recorded calls only; `no`: all but those"})
    page = fields.String(metadata={"description": "From 1", "default": "1"})
    page_size = fields.String(metadata={"description": f"1 to {MAX_PAGE_SIZE}",
                                        "default": str(PAGE_SIZE)})


class CallRecordSchema(Schema):
    id = fields.Integer()
    started_at = fields.Method("utc", metadata={"type": "string", "format": "date-time"})
    call_type = fields.Method("kind_of", metadata={
        "type": "string", "enum": [*CALL_TYPES, "fax"],
        "description": "incoming, outgoing, missed; fax for a fax"})
    caller = fields.String(metadata={"description": "E.164; empty for an anonymous caller"})
    called = fields.String()
    extension = fields.String(allow_none=True)
    seconds = fields.Integer(metadata={"description": "Duration"})
    blocked = fields.Boolean()
    recorded = fields.Boolean()

    def utc(self, record) -> str:
        return record.started_at.isoformat() + "Z"

    def kind_of(self, record) -> str:
        return type_of(record)


class CallPageSchema(Schema):
    items = fields.List(fields.Nested(CallRecordSchema))
    page = fields.Integer()
    page_size = fields.Integer()
    has_next = fields.Boolean(metadata={"description": "Whether another page follows"})


@bp.route("/calls")
class Calls(MethodView):
    @bp.arguments(CallQuerySchema, location="query")
    @bp.response(200, CallPageSchema)
    def get(self, args, tenant_id: int):
        """The customer's call log, newest first: period, type, blocked and recorded calls
        as the carrier offers them (`call_log.<field>.not_offered` otherwise)."""
        tenant = tenant_or_404(tenant_id)
        page = call_page(tenant, read_filters(tenant, request.args))
        return {"items": page.records, "page": page.page, "page_size": page.page_size,
                "has_next": page.has_next}
