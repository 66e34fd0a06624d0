"""Tenants, their sites and their lines."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate
from sqlalchemy import func, select

from backoffice.api.common import (
    PageArgs,
    json_body,
    paginate,
    required_if_match,
    with_etag,
)
from backoffice.api.contract import ETAG, IF_MATCH, no_content
from backoffice.api.schemas import LinePageSchema, SitePageSchema, TenantPageSchema, body
from backoffice.core.errors import EditConflict
from backoffice.core.line_status import status_label, statuses_of
from backoffice.core.lines import (
    create_line,
    delete_line,
    lines_filter,
    lines_order,
    update_line,
)
from backoffice.core.models import Line, Site, Tenant
from backoffice.core.network import LINE_STATUSES
from backoffice.core.schemas import LineSchema, SiteSchema, TenantSchema
from backoffice.core.tenants import create_site, create_tenant, delete_site, update_site
from backoffice.extensions import db
from backoffice.lookups import line_or_404, site_or_404, tenant_or_404

bp = Blueprint("api_tenants", __name__, url_prefix="/api/v1/tenants",
               description="Customer accounts, their sites and lines")


class TenantListArgs(PageArgs):
    carrier = fields.String()
    q = fields.String()


class LineListArgs(PageArgs):
    plan = fields.String()
    site_id = fields.Integer(metadata={"description": "Only the lines of this site."})
    q = fields.String()
    sort = fields.String()


@bp.route("")
class Tenants(MethodView):
    @bp.arguments(TenantListArgs, location="query")
    @bp.response(200, TenantPageSchema)
    def get(self, args):
        """Tenants the agent may see, paginated, with the total count."""
        query = select(Tenant).order_by(Tenant.name)
        if args.get("carrier"):
            query = query.where(Tenant.carrier_id == args["carrier"])
        if args.get("q"):
            query = query.where(Tenant.name.ilike(f"%{args['q']}%"))
        return paginate(query, TenantSchema(), args)

    @bp.doc(requestBody=body(TenantSchema))
    @bp.response(201, TenantSchema)
    def post(self):
        """Create a customer account."""
        return create_tenant(json_body())


@bp.route("/<int:tenant_id>")
class OneTenant(MethodView):
    @bp.response(200, TenantSchema, headers=ETAG)
    def get(self, tenant_id: int):
        """One tenant."""
        return with_etag(TenantSchema().dump(tenant_or_404(tenant_id)))


@bp.route("/<int:tenant_id>/sites")
class Sites(MethodView):
    @bp.arguments(PageArgs, location="query")
    @bp.response(200, SitePageSchema)
    def get(self, args, tenant_id: int):
        """The tenant's sites."""
        tenant = tenant_or_404(tenant_id)
        return paginate(select(Site).where(Site.tenant_id == tenant.id).order_by(Site.name),
                        SiteSchema(), args)

    @bp.doc(requestBody=body(SiteSchema))
    @bp.response(201, SiteSchema)
    def post(self, tenant_id: int):
        """Add a site."""
        return create_site(tenant_or_404(tenant_id), json_body())


@bp.route("/<int:tenant_id>/sites/<int:site_id>")
class OneSite(MethodView):
    @bp.response(200, SiteSchema, headers=ETAG)
    def get(self, tenant_id: int, site_id: int):
        """One site, with its ETag."""
        return with_etag(SiteSchema().dump(site_or_404(tenant_or_404(tenant_id), site_id)))

    @bp.doc(requestBody=body(SiteSchema(partial=True)), parameters=[IF_MATCH])
    @bp.response(200, SiteSchema, headers=ETAG)
    def patch(self, tenant_id: int, site_id: int):
        """Rename a site, or change its address where the carrier allows it (If-Match
        required). Refusals: `site.<field>.set_once` (the carrier keeps the address),
        `site.name.automatic` (the automatic site keeps its name)."""
        site = site_or_404(tenant_or_404(tenant_id), site_id)
        if required_if_match(SiteSchema().dump(site)) == "stale":
            raise EditConflict.about("site", site.id)
        site = update_site(site, {**json_body(), "version": site.version})
        return with_etag(SiteSchema().dump(site))

    @bp.doc(parameters=[IF_MATCH])
    @bp.response(204)
    def delete(self, tenant_id: int, site_id: int):
        """Delete a site (If-Match required): refused while it has lines
        (`site.lines.not_empty`, the message says how many) and for the automatic site
        (`site.id.automatic`)."""
        site = site_or_404(tenant_or_404(tenant_id), site_id)
        if required_if_match(SiteSchema().dump(site)) == "stale":
            raise EditConflict.about("site", site.id)
        delete_site(site)
        return no_content()


@bp.route("/<int:tenant_id>/lines")
class Lines(MethodView):
    @bp.arguments(LineListArgs, location="query")
    @bp.response(200, LinePageSchema)
    def get(self, args, tenant_id: int):
        """The tenant's lines: filter by plan, search inside, sort, paginate."""
        tenant = tenant_or_404(tenant_id)
        sort = args.get("sort", "")
        query = select(Line).where(*lines_filter(tenant.id, args.get("plan"), args.get("q"),
                                                 args.get("site_id")))
        query = query.order_by(*lines_order(sort.lstrip("-"), sort.startswith("-")))
        return paginate(query, LineSchema(), args)

    @bp.doc(requestBody=body(LineSchema))
    @bp.response(201, LineSchema)
    def post(self, tenant_id: int):
        """Add a line; its number is parsed for the carrier's country and stored in E.164."""
        return create_line(tenant_or_404(tenant_id), json_body())


@bp.route("/<int:tenant_id>/lines/<int:line_id>")
class OneLine(MethodView):
    @bp.response(200, LineSchema, headers=ETAG)
    def get(self, tenant_id: int, line_id: int):
        """One line, with its ETag."""
        return with_etag(LineSchema().dump(line_or_404(tenant_or_404(tenant_id), line_id)))

    @bp.doc(requestBody=body(LineSchema(partial=True)), parameters=[IF_MATCH])
    @bp.response(200, LineSchema, headers=ETAG)
    def patch(self, tenant_id: int, line_id: int):
        """Change some fields of a line (If-Match required).

        Where the carrier says so (``lines`` limit ``email_change_resets``), a new
        ``email`` resets the user's customer space (their settings and sign-in): the web
        form asks the agent to confirm; through the API the change is taken as confirmed.
        A new ``associated_number`` may take effect later (``association_within_minutes``):
        the line's provisioning order stays pending, with its ``expected_at``, until then.
        """
        tenant = tenant_or_404(tenant_id)
        line = line_or_404(tenant, line_id)
        current = LineSchema().dump(line)
        if required_if_match(current) == "stale":
            raise EditConflict.about("line", line.id)
        payload = {**json_body(), "version": line.version}
        line = update_line(line, payload)
        return with_etag(LineSchema().dump(line))

    @bp.doc(parameters=[IF_MATCH])
    @bp.response(204)
    def delete(self, tenant_id: int, line_id: int):
        """Delete a line (If-Match required)."""
        tenant = tenant_or_404(tenant_id)
        line = line_or_404(tenant, line_id)
        if required_if_match(LineSchema().dump(line)) == "stale":
            raise EditConflict.about("line", line.id)
        delete_line(line)
        return no_content()



class LineStatusSchema(Schema):
    """The state of a line now, as the carrier's network reports it (read-only)."""

    line_id = fields.Integer(required=True)
    extension = fields.String(allow_none=True)
    number = fields.String(allow_none=True)
    status = fields.String(allow_none=True, validate=validate.OneOf(LINE_STATUSES), metadata={
        "description": "`available` (connected and free), `on_call` (connected and busy), "
                       "`disconnected` (not connected); null when the network reports no "
                       "state for this line."})
    label = fields.String(metadata={"description": "The state in the agent's language "
                                                   "(Accept-Language)."})


class LineStatusListArgs(PageArgs):
    status = fields.String(validate=validate.OneOf(LINE_STATUSES), metadata={
        "description": "Only the lines of this page in this state."})


class LineStatusPageSchema(Schema):
    items = fields.List(fields.Nested(LineStatusSchema), required=True)
    page = fields.Integer(required=True)
    page_size = fields.Integer(required=True)
    total = fields.Integer(required=True, metadata={"description": "The tenant's lines."})


def _status_of(line: Line, statuses: dict[int, str]) -> dict:
    status = statuses.get(line.id)
    return {"line_id": line.id, "extension": line.extension, "number": line.number,
            "status": status, "label": status_label(status)}


@bp.route("/<int:tenant_id>/line-statuses")
class LineStatuses(MethodView):
    @bp.arguments(LineStatusListArgs, location="query")
    @bp.response(200, LineStatusPageSchema)
    def get(self, args, tenant_id: int):
        """The state of the tenant's lines now (read-only), a page at a time, by extension
        then number: where the carrier's network reports it (Cooptel: guide 003 §15,
        "Disponible", "En appel", "Déconnecté"); ``status`` keeps those of the page in that
        state."""
        tenant = tenant_or_404(tenant_id)
        where = Line.tenant_id == tenant.id
        total = db.session.scalar(select(func.count(Line.id)).where(where)) or 0
        page, size = args["page"], args["page_size"]
        lines = list(db.session.scalars(select(Line).where(where).order_by(
            Line.extension, Line.number, Line.id).offset((page - 1) * size).limit(size)))
        statuses = statuses_of(tenant, lines)
        items = [_status_of(line, statuses) for line in lines
                 if not args.get("status") or statuses.get(line.id) == args["status"]]
        return {"items": items, "page": page, "page_size": size, "total": total}


@bp.route("/<int:tenant_id>/lines/<int:line_id>/status")
class OneLineStatus(MethodView):
    @bp.response(200, LineStatusSchema)
    def get(self, tenant_id: int, line_id: int):
        """The state of one line now (read-only): ``status`` is null when the carrier's
        network reports none."""
        tenant = tenant_or_404(tenant_id)
        line = line_or_404(tenant, line_id)
        return _status_of(line, statuses_of(tenant, [line]))
