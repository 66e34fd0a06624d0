"""The four agent roles, as data: what each may see and do.

The authorization layer reads these flags; nothing else should compare role ids.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Role:
    """One role: its id, its label and what it allows."""

    id: str
    label: str  # a lazy string, shown in the agent's language
    can_write: bool  # may change tenants' data
    can_manage_agents: bool  # may create and deactivate agents (within its scope)
    all_carriers: bool  # sees every carrier; otherwise only its own

    @property
    def needs_carrier(self) -> bool:
        """Whether an agent with this role must belong to a carrier."""
        return not self.all_carriers


OPERATOR_ADMIN = "operator_admin"
CARRIER_ADMIN = "carrier_admin"
SUPPORT_AGENT = "support_agent"
VIEWER = "viewer"

ROLES: dict[str, Role] = {
    role.id: role
    for role in (
        Role(OPERATOR_ADMIN, _l("Operator administrator"), can_write=True,
             can_manage_agents=True, all_carriers=True),
        Role(CARRIER_ADMIN, _l("Carrier administrator"), can_write=True,
             can_manage_agents=True, all_carriers=False),
        Role(SUPPORT_AGENT, _l("Support agent"), can_write=True,
             can_manage_agents=False, all_carriers=False),
        Role(VIEWER, _l("Viewer"), can_write=False, can_manage_agents=False,
             all_carriers=False),
    )
}


def get_role(role_id: str) -> Role | None:
    """The role with this id, or None."""
    return ROLES.get(role_id)
