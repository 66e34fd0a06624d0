"""What happened to a tenant: provisioning orders (with retry), the audit trail, call paths."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import abort, jsonify
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import ValidationError, fields, validate
from sqlalchemy import select

from backoffice.api.common import PageArgs, json_body, paginate
from backoffice.api.schemas import (
    AuditPageSchema,
    AuditRecordSchema,
    CallInputSchema,
    CallStepSchema,
    OrderPageSchema,
    ProvisioningOrderSchema,
    body,
)
from backoffice.core.audit import audit_page
from backoffice.core.changes import from_marshmallow
from backoffice.core.company_numbers.explain import explain_number_call
from backoffice.core.company_numbers.service import find_number
from backoffice.core.declarations import DIRECTIONS, LINE_STATES, CallContext
from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.explainer import explain_call, member_inputs
from backoffice.core.models import ProvisioningOrder
from backoffice.core.phone import InvalidNumber, any_number
from backoffice.core.provisioning import retry_order
from backoffice.lookups import carrier_of, line_or_404, order_or_404, tenant_or_404
from backoffice.problems import Refused

bp = Blueprint("api_activity", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="Provisioning status, history and call paths")


class OrderArgs(PageArgs):
    status = fields.String()
    line_id = fields.Integer(validate=validate.Range(min=1, max=2**31 - 1))


class HistoryArgs(PageArgs):
    action = fields.String()
    object_type = fields.String()
    actor = fields.String()
    since = fields.String()
    until = fields.String()


@bp.route("/orders")
class Orders(MethodView):
    @bp.arguments(OrderArgs, location="query")
    @bp.response(200, OrderPageSchema)
    def get(self, args, tenant_id: int):
        """Provisioning orders of the tenant, newest first."""
        tenant = tenant_or_404(tenant_id)
        query = select(ProvisioningOrder).where(ProvisioningOrder.tenant_id == tenant.id)
        if args.get("status"):
            query = query.where(ProvisioningOrder.status == args["status"])
        if args.get("line_id"):
            query = query.where(ProvisioningOrder.line_id == args["line_id"])
        return paginate(query.order_by(ProvisioningOrder.id.desc()), ProvisioningOrderSchema(),
                        args)


@bp.route("/orders/<int:order_id>/retry")
class RetryOrder(MethodView):
    @bp.response(200, ProvisioningOrderSchema)
    def post(self, tenant_id: int, order_id: int):
        """Send an order not applied yet (failed, or still waiting) to the network again."""
        order = order_or_404(tenant_or_404(tenant_id), order_id)
        if order.status == ProvisioningOrder.APPLIED:
            raise Refused(409, "order.status.not_failed",
                          N_("A change already applied cannot be sent again."))
        retry_order(order)
        return order


def _history(tenant_id: int, line_id: int | None, args):
    tenant = tenant_or_404(tenant_id)
    line = line_or_404(tenant, line_id) if line_id else None
    records, total, _ = audit_page(tenant, line, args, args["page"])
    schema = AuditRecordSchema()
    return jsonify({"items": schema.dump(records, many=True), "total": total,
                    "page": args["page"], "page_size": len(records)})


@bp.route("/history")
class TenantHistory(MethodView):
    @bp.arguments(HistoryArgs, location="query")
    @bp.response(200, AuditPageSchema)
    def get(self, args, tenant_id: int):
        """Every change of the tenant, newest first (50 a page)."""
        return _history(tenant_id, None, args)


@bp.route("/lines/<int:line_id>/history")
class LineHistory(MethodView):
    @bp.arguments(HistoryArgs, location="query")
    @bp.response(200, AuditPageSchema)
    def get(self, args, tenant_id: int, line_id: int):
        """Every change of one line, newest first (50 a page)."""
        return _history(tenant_id, line_id, args)


@bp.route("/lines/<int:line_id>/explain")
class Explain(MethodView):
    @bp.doc(requestBody=body(CallInputSchema))
    @bp.response(200, CallStepSchema(many=True))
    def post(self, tenant_id: int, line_id: int):
        """The path of a call to the line: each step with its rule and guide section."""
        tenant = tenant_or_404(tenant_id)
        line = line_or_404(tenant, line_id)
        return explain_call(tenant, line, _call_context(tenant))


@bp.route("/company-numbers/<int:item_id>/explain")
class ExplainNumber(MethodView):
    @bp.doc(requestBody=body(CallInputSchema))
    @bp.response(200, CallStepSchema(many=True))
    def post(self, tenant_id: int, item_id: int):
        """The path of a call to one of the company's numbers: each step with its rule.

        The first step says where the number routes the call (`company_number.ivr`,
        `company_number.extension`); then come the steps of a call to the
        auto-receptionist's number or to the extension's line, as
        `/lines/{line_id}/explain` answers them, `state` being that line's. A number that
        routes nowhere ends at once (`company_number.unassigned`,
        `company_number.ivr.missing`, `company_number.extension.unknown`). The call is
        incoming: `direction` "outgoing" is refused (`call.direction.invalid`).
        """
        tenant = tenant_or_404(tenant_id)
        item = find_number(tenant, None, item_id)
        if item is None:
            abort(404)
        call = _call_context(tenant)
        if call.direction != "incoming":
            raise ChangeRejected([Violation(
                code="call.direction.invalid", field="direction",
                message=N_("A call to a company number is incoming."))])
        return explain_number_call(tenant, item, call)


def _call_context(tenant) -> CallContext:
    """The call of the request's body, as the explainer reads it (refused: why)."""
    try:
        call = CallInputSchema().load(json_body())
    except ValidationError as invalid:
        raise ChangeRejected(from_marshmallow("call", invalid.messages)) from None
    if call["state"] not in LINE_STATES:
        raise ChangeRejected([Violation(
            code="call.state.invalid", field="state",
            message=N_("The line state is one of: %(states)s."),
            params={"states": ", ".join(LINE_STATES)})])
    caller = None
    if call.get("caller"):
        try:
            caller = any_number(call["caller"], carrier_of(tenant).carrier.country)
        except InvalidNumber:
            raise ChangeRejected([Violation(
                code="call.caller.invalid", field="caller",
                message=N_("“%(value)s” is not a phone number: use digits, with an "
                           "optional leading +."),
                params={"value": call["caller"]})]) from None
    dialled = _dialled(call, tenant)
    zone = ZoneInfo(tenant.timezone)
    moment: datetime = call["moment"]
    moment = moment.replace(tzinfo=zone) if moment.tzinfo is None \
        else moment.astimezone(zone)
    country = carrier_of(tenant).carrier.country
    return CallContext(caller, moment, call["state"], call["digits"], call["direction"],
                       dialled, **member_inputs(call, country))


def _dialled(call: dict, tenant) -> str | None:
    """The outgoing call's dialled number, as the explainer reads it (refused: why)."""
    if call["direction"] not in DIRECTIONS:
        raise ChangeRejected([Violation(
            code="call.direction.invalid", field="direction",
            message=N_("The direction is one of: %(directions)s."),
            params={"directions": ", ".join(DIRECTIONS)})])
    if call["direction"] == "incoming":
        return None
    text = (call.get("dialled") or "").strip()
    if not text:
        raise ChangeRejected([Violation(
            code="call.dialled.required", field="dialled",
            message=N_("An outgoing call needs the number the line dials."))])
    try:
        return any_number(text, carrier_of(tenant).carrier.country)
    except InvalidNumber:
        raise ChangeRejected([Violation(
            code="call.dialled.invalid", field="dialled",
            message=N_("“%(value)s” is not a phone number: use digits, with an optional "
                       "leading +."), params={"value": text})]) from None
