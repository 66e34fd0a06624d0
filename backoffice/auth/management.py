"""Agent management by administrators: the operator's for every carrier, a carrier
administrator's for its own carrier only."""

from __future__ import annotations

from sqlalchemy import select

from backoffice.auth import current_agent, forbidden, security
from backoffice.auth.agents import AgentRejected, create_agent
from backoffice.auth.models import Agent
from backoffice.auth.roles import OPERATOR_ADMIN
from backoffice.core.errors import N_
from backoffice.extensions import db

AGENT_DEACTIVATED, AGENT_REACTIVATED = "agent_deactivated", "agent_reactivated"
NOT_ADMIN = N_("Only administrators manage agents.")


def manager_or_403() -> Agent:
    """The signed-in agent, if an administrator; else a 403."""
    agent = current_agent()
    if agent is None or not agent.can_manage_agents:
        raise forbidden(NOT_ADMIN, code="auth.role.not_admin")
    return agent


def manageable_agents(manager: Agent) -> list[Agent]:
    """The agents ``manager`` may see and manage, by carrier then e-mail."""
    query = select(Agent).order_by(Agent.carrier_id, Agent.email)
    if not manager.role_info.all_carriers:
        query = query.where(Agent.carrier_id == manager.carrier_id)
    return list(db.session.scalars(query))


def find_manageable(manager: Agent, agent_id: int) -> Agent | None:
    agent = db.session.get(Agent, agent_id)
    if agent is None or not _within(manager, agent.role, agent.carrier_id):
        return None
    return agent


def _within(manager: Agent, role: str, carrier_id: str | None) -> bool:
    if manager.role_info.all_carriers:
        return True
    return role != OPERATOR_ADMIN and carrier_id == manager.carrier_id


def add_agent(manager: Agent, email: str, password: str, role: str,
              carrier_id: str | None) -> Agent:
    """Create an agent within the manager's carrier; raises :class:`AgentRejected`."""
    if not _within(manager, role, carrier_id):
        raise AgentRejected({"carrier": (
            N_("You can only create agents of your own carrier, and no operator "
               "administrator."), {})})
    return create_agent(email, password, role, carrier_id)


def set_active(manager: Agent, agent: Agent, active: bool) -> None:
    """Deactivate (or reactivate) an agent; a manager never deactivates itself."""
    if agent.id == manager.id and not active:
        raise AgentRejected({"active": (N_("You cannot deactivate your own account."), {})})
    agent.active = active
    db.session.commit()
    security.log_event(AGENT_REACTIVATED if active else AGENT_DEACTIVATED, email=agent.email,
                       detail=f"by {manager.email}")
