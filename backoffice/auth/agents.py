"""Creating agents and changing passwords, with the rules every entry point shares."""

from __future__ import annotations

import re

from flask import current_app
from flask_babel import gettext
from sqlalchemy import select

from backoffice.auth import passwords, security
from backoffice.auth.models import Agent
from backoffice.auth.roles import ROLES, get_role
from backoffice.core.errors import N_
from backoffice.core.models import utcnow
from backoffice.extensions import db

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class AgentRejected(Exception):
    """An agent or a password change was refused; ``messages`` says why, per field.

    Messages are msgids with their parameters, translated by :meth:`localized`.
    """

    def __init__(self, problems: dict[str, tuple[str, dict]]):
        super().__init__("; ".join(f"{field}: {msg % params}"
                                   for field, (msg, params) in problems.items()))
        self.problems = problems

    def localized(self) -> dict[str, str]:
        """The messages in the current language, by field."""
        return {field: gettext(msg, **params) for field, (msg, params) in self.problems.items()}


def normalize_email(email: str) -> str:
    """E-mail addresses are compared and stored trimmed and lower-cased."""
    return email.strip().lower()


def find_agent(email: str) -> Agent | None:
    """The agent with this e-mail address (any case), or None."""
    return db.session.scalar(select(Agent).where(Agent.email == normalize_email(email)))


def _check_password(problems: dict[str, tuple[str, dict]], field: str, password: str,
                    email: str) -> None:
    problem = passwords.policy_problem(password, email)
    if problem:
        problems[field] = problem


def create_agent(email: str, password: str, role: str, carrier_id: str | None = None) -> Agent:
    """Create an active agent; raises :class:`AgentRejected` with nothing saved."""
    email = normalize_email(email)
    problems: dict[str, tuple[str, dict]] = {}
    if not EMAIL.match(email) or len(email) > 254:
        problems["email"] = (N_("“%(value)s” is not an e-mail address."), {"value": email})
    elif find_agent(email) is not None:
        problems["email"] = (N_("An agent with the e-mail address %(value)s already exists."),
                             {"value": email})
    _check_password(problems, "password", password, email)
    role_info = get_role(role)
    if role_info is None:
        problems["role"] = (N_("“%(value)s” is not a role. Roles: %(roles)s."),
                            {"value": role, "roles": ", ".join(ROLES)})
    elif role_info.needs_carrier and not carrier_id:
        problems["carrier"] = (N_("The role %(role)s needs a carrier."), {"role": role})
    elif not role_info.needs_carrier and carrier_id:
        problems["carrier"] = (N_("The role %(role)s covers every carrier: give no carrier."),
                               {"role": role})
    elif carrier_id and current_app.extensions["carriers"].get(carrier_id) is None:
        problems["carrier"] = (N_("“%(value)s” is not a carrier. Carriers: %(carriers)s."),
                               {"value": carrier_id,
                                "carriers": ", ".join(current_app.extensions["carriers"].ids)})
    if problems:
        raise AgentRejected(problems)
    agent = Agent(email=email, password_hash=passwords.hash_password(password), role=role,
                  carrier_id=carrier_id or None, active=True)
    db.session.add(agent)
    db.session.commit()
    security.log_event(security.AGENT_CREATED, email=email,
                       detail=f"role={role} carrier={carrier_id or '-'}")
    return agent


def change_password(agent: Agent, current: str, new: str, confirmation: str) -> None:
    """Change the agent's password; raises :class:`AgentRejected` with nothing saved."""
    problems: dict[str, tuple[str, dict]] = {}
    if not passwords.verify_password(agent.password_hash, current):
        problems["current_password"] = (N_("The current password is wrong."), {})
    _check_password(problems, "new_password", new, agent.email)
    if "new_password" not in problems and new != confirmation:
        problems["confirmation"] = (N_("The two new passwords differ."), {})
    if "new_password" not in problems and "current_password" not in problems and new == current:
        problems["new_password"] = (N_("The new password must differ from the current one."), {})
    if problems:
        raise AgentRejected(problems)
    set_password(agent, new)


def set_password(agent: Agent, password: str) -> None:
    """Store a new password (already checked against the policy) and log it."""
    agent.password_hash = passwords.hash_password(password)
    agent.password_changed_at = utcnow()
    db.session.commit()
    security.log_event(security.PASSWORD_CHANGED, email=agent.email)
