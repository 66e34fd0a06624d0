"""Agents, for administrators: list, create, deactivate and reactivate."""

from __future__ import annotations

from flask import abort
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backoffice.api.common import json_body, no_unknown_fields
from backoffice.api.schemas import UtcDateTime, body
from backoffice.auth.management import (
    add_agent,
    find_manageable,
    manageable_agents,
    manager_or_403,
    set_active,
)
from backoffice.core.errors import N_, ChangeRejected, Violation

bp = Blueprint("api_agents", __name__, url_prefix="/api/v1/agents",
               description="Agents, managed by the operator's and the carriers' administrators")


class NewAgentSchema(Schema):
    email = fields.String(required=True)
    password = fields.String(required=True, load_only=True)
    role = fields.String(required=True)
    carrier_id = fields.String(load_default=None, allow_none=True)


class AgentStateSchema(Schema):
    active = fields.Boolean(required=True)


class AgentSchema(Schema):
    id = fields.Integer()
    email = fields.String()
    role = fields.String()
    carrier_id = fields.String(allow_none=True)
    active = fields.Boolean()
    created_at = UtcDateTime()


@bp.route("")
class Agents(MethodView):
    @bp.response(200, AgentSchema(many=True))
    def get(self):
        """The agents the administrator manages."""
        return manageable_agents(manager_or_403())

    @bp.doc(requestBody=body(NewAgentSchema))
    @bp.response(201, AgentSchema)
    def post(self):
        """Create an agent: e-mail, password, role, carrier_id."""
        manager = manager_or_403()
        body = json_body()
        no_unknown_fields(body, NewAgentSchema, "agent")
        carrier = body.get("carrier_id")
        return add_agent(manager, str(body.get("email", "")),
                         str(body.get("password", "")), str(body.get("role", "")),
                         None if carrier is None else str(carrier))


@bp.route("/<int:agent_id>")
class OneAgent(MethodView):
    @bp.doc(requestBody=body(AgentStateSchema))
    @bp.response(200, AgentSchema)
    def patch(self, agent_id: int):
        """Deactivate or reactivate an agent: ``{"active": false}``."""
        manager = manager_or_403()
        agent = find_manageable(manager, agent_id)
        if agent is None:
            abort(404)
        body = json_body()
        no_unknown_fields(body, AgentStateSchema, "agent")
        active = body.get("active")
        if not isinstance(active, bool):
            raise ChangeRejected([Violation(
                code="agent.active.invalid", field="active",
                message=N_("“active” is true (reactivate) or false (deactivate)."))])
        set_active(manager, agent, active)
        return agent
