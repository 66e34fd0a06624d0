"""Authorization, in one place for pages and API: what the signed-in agent may see and change.

After the sign-in gate, every request opens the agent's tenant scope (its carrier, or
every carrier for the operator) and, when the agent's role is read-only, refuses any
method that changes something. Foreign tenants are then not found by any query.
"""

from __future__ import annotations

from flask import Flask, request

from backoffice.auth import current_agent, forbidden
from backoffice.core.errors import N_
from backoffice.core.tenancy import TenantScope, open_scope

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
#: Endpoints that change nothing of a tenant's, or only the agent's own account.
OPEN_TO_READERS = {"auth.logout", "auth.password", "auth.revoke", "lines.explain",
                   "api_activity.Explain", "tenants.explain_number",
                   "api_activity.ExplainNumber"}
READ_ONLY = N_("Your role can read but not change anything.")


def authorize() -> None:
    """Open the agent's tenant scope; refuse changes to read-only roles."""
    agent = current_agent()
    if agent is None:  # a public endpoint: it touches no tenant data
        return
    role = agent.role_info
    open_scope(TenantScope.everything() if role.all_carriers
               else TenantScope.carriers(agent.carrier_id))
    if (request.method not in SAFE_METHODS and not role.can_write
            and request.endpoint not in OPEN_TO_READERS):
        raise forbidden(READ_ONLY, code="auth.role.read_only")


def may_change() -> bool:
    """Whether the signed-in agent's role may change anything: pages offer no edit, add,
    delete or retry to a role that :func:`authorize` would refuse."""
    agent = current_agent()
    return agent is not None and agent.can_write


def init_app(app: Flask) -> None:
    """Run :func:`authorize` after the sign-in gate, before any view."""
    app.before_request(authorize)
    app.jinja_env.globals["may_change"] = may_change
