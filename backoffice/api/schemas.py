"""Schemas of what the API returns beyond the core objects' own schemas."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate

from backoffice.core.declarations import DIRECTIONS, LINE_STATES
from backoffice.core.schemas import LineSchema, SiteSchema, TenantSchema


class UtcDateTime(fields.DateTime):
    """A moment as ISO 8601 with its offset. The database keeps UTC without a zone; a
    naive value read from it is UTC, and says so (``+00:00``)."""

    def _serialize(self, value: datetime | None, attr: Any, obj: Any, **kwargs: Any):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return super()._serialize(value, attr, obj, **kwargs)


#: What a step of a call's path does: the stable code of each step of the explainer's
#: answer, with its meaning (the OpenAPI document lists them).
CALL_ACTIONS: dict[str, str] = {
    "ring": "The line (or the extension) rings.",
    "ring_together": "Several numbers ring, together or one after the other.",
    "forward": "The call is forwarded to `target`.",
    "no_forward": "Forwarding was considered and does not happen.",
    "voicemail": "The call goes to the voicemail box.",
    "reject": "The call is rejected (blocked number, anonymous call, allow-only rules).",
    "allow": "Screening lets the call through.",
    "busy_tone": "The caller hears the busy tone.",
    "unreachable": "The line cannot be reached.",
    "call_waiting": "Call waiting signals the call to the user on a call.",
    "closed": "Business hours are closed: the closing message answers.",
    "hunt_group": "The line is a member of a hunt group, whose calls prevail.",
    "announcement": "An announcement answers; no phone rings.",
    "distribution": "The line hands the call to its members (not modelled further).",
    "menu": "A voice menu answers: a sub-menu opens after a key, or (`plan.menu`) the line "
            "has no menu set up yet.",
    "greeting": "A voice menu answers the call and plays its greeting.",
    "menu_off": "The line's voice menu is switched off: it does not answer.",
    "no_input": "In a voice menu, the caller pressed no key, or a key that leads nowhere.",
    "not_modelled": "What answers this plan's lines is not modelled yet.",
    "connect": "An outgoing call goes out; `target` is the number the callee sees "
               "(`anonymous`: hidden).",
    "emergency": "An emergency call: `target` is the location sent to emergency services.",
    "queue": "The call waits in a hunt group's or a queue's queue.",
    "hold_music": "While it waits in a queue, the caller hears its hold music (the "
                  "carrier's default or the queue's own file).",
    "overflow": "The group cannot take the call and its overflow ends it.",
    "pickup": "Another line of the pickup group can answer the ringing call.",
}


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The schema of one page of ``item``s, with the total count."""
    return type(f"{name}PageSchema", (Schema,), {
        "items": fields.List(fields.Nested(item), required=True),
        "total": fields.Integer(required=True),
        "page": fields.Integer(required=True),
        "page_size": fields.Integer(required=True)})


class AuditRecordSchema(Schema):
    id = fields.Integer()
    at = UtcDateTime()
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
    expected_at = UtcDateTime(allow_none=True, metadata={
        "description": "For a pending order the network accepted but makes effective later "
                       "(a fixed/mobile association), when it expects to; null otherwise."})
    created_at = UtcDateTime()
    updated_at = UtcDateTime()


class CallInputSchema(Schema):
    caller = fields.String(load_default=None, allow_none=True,
                           metadata={"description": "Caller number; null for anonymous"})
    moment = fields.DateTime(required=True, error_messages={
        "invalid": _l("Enter a valid date and time (YYYY-MM-DDTHH:MM).")}, metadata={
        "description": "When the call comes, ISO 8601: with an offset (`Z`, `+02:00`) it is "
                       "that moment, seen in the tenant's time zone; without one it is the "
                       "tenant's local time."})
    state = fields.String(load_default="idle", metadata={
        "enum": list(LINE_STATES),
        "description": "The line's state when the call comes: free (`idle`), on a call "
                       "(`busy`), ringing without answer (`no_answer`), off the network "
                       "(`unreachable`)."})
    digits = fields.String(load_default="", validate=validate.Regexp(
        r"^[0-9*#]*$", error=_l("Use only the keys 0 to 9, * and #.")),
                           metadata={"description": "The keys the caller presses (0-9, * "
                                                    "and #), in order. A voice menu takes "
                                                    "the first for its main menu and the "
                                                    "second for the sub-menu it opens; "
                                                    "none: the caller presses nothing. For "
                                                    "an outgoing call, the access code the "
                                                    "user keys in"})
    direction = fields.String(load_default="incoming", metadata={
        "enum": list(DIRECTIONS),
        "description": "`incoming` (the default): a call to the line; `outgoing`: a call "
                       "the line makes to `dialled`, whose answer says whether it goes out "
                       "and which number the callee sees (the `connect` step's `target`; "
                       "`anonymous` when the number is hidden)."})
    dialled = fields.String(load_default=None, allow_none=True, metadata={
        "description": "For an outgoing call: the number the line dials (any format, an "
                       "extension or a short number); required then"})
    busy_members = fields.List(fields.String(), load_default=list, metadata={
        "description": "For a call to a hunt group or a queue: the members on a call "
                       "(numbers or extensions)"})
    offline_members = fields.List(fields.String(), load_default=list, metadata={
        "description": "For a call to a hunt group or a queue: the members whose phone is "
                       "off or signed out (numbers or extensions)"})
    calls_waiting = fields.Integer(load_default=0, validate=validate.Range(
        0, 1000, error=_l("Enter a whole number between {min} and {max}.")), metadata={
        "description": "For a call to a hunt group or a queue: the calls already waiting"})
    waited = fields.Integer(load_default=0, validate=validate.Range(
        0, 86400, error=_l("Enter a whole number between {min} and {max}.")), metadata={
        "description": "For a call to a hunt group or a queue: the seconds this call has "
                       "already waited"})
    last_answered = fields.String(load_default=None, allow_none=True, metadata={
        "description": "For a call to a hunt group or a queue with cyclic distribution: "
                       "the member who answered the last call (number or extension)"})


class CallStepSchema(Schema):
    action = fields.String(required=True, metadata={
        "enum": list(CALL_ACTIONS),
        "description": "The step's stable code:\n\n" + "\n".join(
            f"- `{code}`: {meaning}" for code, meaning in CALL_ACTIONS.items())})
    code = fields.String(required=True, metadata={
        "description": "The stable id of the rule that decided the step "
                       "(`forwarding.always`, `sfr.call_waiting`, `plan.voicemail`, "
                       "`outgoing.connect`, `call_permissions.international.disabled`...); "
                       "empty for the line's own outcome and for screening"})
    rule = fields.String(required=True, metadata={"description": "The rule, in the "
                                                                 "request's language"})
    guide_section = fields.String(required=True)
    target = fields.String(required=True, metadata={"description": "Where the call goes, "
                                                                   "when it goes somewhere"})
    final = fields.Boolean(required=True, metadata={"description": "The step ends the call"})


TenantPageSchema = page_of(TenantSchema, "Tenant")
SitePageSchema = page_of(SiteSchema, "Site")
LinePageSchema = page_of(LineSchema, "Line")
AuditPageSchema = page_of(AuditRecordSchema, "AuditRecord")
OrderPageSchema = page_of(ProvisioningOrderSchema, "ProvisioningOrder")


def body(schema: type[Schema] | Schema) -> dict:
    """A request body documented by ``schema`` (the view validates it itself)."""
    return {"required": True, "content": {"application/json": {"schema": schema}}}
