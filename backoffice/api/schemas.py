"""Schemas of what the API returns beyond the core objects' own schemas."""

from marshmallow import Schema, fields

from backoffice.core.schemas import LineSchema, SiteSchema, TenantSchema


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The schema of one page of ``item``s, with the total count."""
    return type(f"{name}PageSchema", (Schema,), {
        "items": fields.List(fields.Nested(item), required=True),
        "total": fields.Integer(required=True),
        "page": fields.Integer(required=True),
        "page_size": fields.Integer(required=True)})


class AuditRecordSchema(Schema):
    id = fields.Integer()
    at = fields.DateTime()
    actor = fields.String()
    tenant_id = fields.Integer()
    line_id = fields.Integer(allow_none=True)
    object_type = fields.String()
    object_id = fields.Integer(allow_none=True)
    action = fields.String()
    before = fields.Dict(allow_none=True)
    after = fields.Dict(allow_none=True)
    request_id = fields.String(allow_none=True)


class ProvisioningOrderSchema(Schema):
    id = fields.Integer()
    line_id = fields.Integer(allow_none=True)
    audit_id = fields.Integer(allow_none=True)
    object_type = fields.String()
    object_id = fields.Integer(allow_none=True)
    action = fields.String()
    status = fields.String()
    attempts = fields.Integer()
    detail = fields.String()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class CallInputSchema(Schema):
    caller = fields.String(load_default=None, allow_none=True,
                           metadata={"description": "Caller number; null for anonymous"})
    moment = fields.NaiveDateTime(required=True,
                                  metadata={"description": "Local time in the tenant's zone"})
    state = fields.String(load_default="idle")
    digits = fields.String(load_default="")


class CallStepSchema(Schema):
    action = fields.String()
    rule = fields.String()
    guide_section = fields.String()
    target = fields.String()
    final = fields.Boolean()


TenantPageSchema = page_of(TenantSchema, "Tenant")
SitePageSchema = page_of(SiteSchema, "Site")
LinePageSchema = page_of(LineSchema, "Line")
AuditPageSchema = page_of(AuditRecordSchema, "AuditRecord")
OrderPageSchema = page_of(ProvisioningOrderSchema, "ProvisioningOrder")


def body(schema: type[Schema] | Schema) -> dict:
    """A request body documented by ``schema`` (the view validates it itself)."""
    return {"required": True, "content": {"application/json": {"schema": schema}}}
