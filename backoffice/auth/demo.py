"""Demo agents: one per role and carrier, plus the operator's administrator.

Every demo agent has the same documented password. Never load the demo on a
production database.
"""

from __future__ import annotations

from backoffice.auth.agents import create_agent, find_agent
from backoffice.auth.roles import ROLES
from backoffice.core.carriers import registry

DEMO_PASSWORD = "demo-password-2026"
DEMO_DOMAIN = "demo.backoffice.test"


def demo_email(role: str, carrier_id: str | None = None) -> str:
    """``admin@…`` for the operator's administrator, else ``<role>.<carrier>@…``."""
    if carrier_id is None:
        return f"admin@{DEMO_DOMAIN}"
    return f"{role}.{carrier_id}@{DEMO_DOMAIN}"


def load_demo_agents() -> int:
    """Create the demo agents that do not exist yet; returns how many were created."""
    wanted: list[tuple[str, str | None]] = []
    for role in ROLES.values():
        if role.all_carriers:
            wanted.append((role.id, None))
        else:
            wanted.extend((role.id, carrier_id) for carrier_id in registry().ids)
    created = 0
    for role_id, carrier_id in wanted:
        email = demo_email(role_id, carrier_id)
        if find_agent(email) is None:
            create_agent(email, DEMO_PASSWORD, role_id, carrier_id)
            created += 1
    return created
