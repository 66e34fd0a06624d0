"""Schemas of what the API returns beyond the core objects' own schemas."""

from marshmallow import Schema, fields


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
