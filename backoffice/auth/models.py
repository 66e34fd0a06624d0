"""Agents, their API tokens and the security log."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.auth.roles import Role, get_role
from backoffice.core.models import utcnow
from backoffice.extensions import db


class Agent(db.Model):
    """Someone who signs in to the backoffice: an operator's or a carrier's employee."""

    __tablename__ = "agent"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # always lower-cased
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(40))
    carrier_id: Mapped[str | None] = mapped_column(String(40), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    password_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: Part of every session's reference: signing out raises it, so a copy of the
    #: signed-out cookie (or of any other session of the agent) is refused afterwards.
    session_version: Mapped[int] = mapped_column(default=0, server_default="0")

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="agent",
                                                  order_by="ApiToken.id")

    # Flask-Login's user protocol -------------------------------------------------------

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        """The session's reference to the agent; changes when the password does, and on
        each sign-out.

        So a password change (or a reset) signs the agent out of every other session, and
        a signed-out cookie, copied or replayed, no longer signs anyone in.
        """
        stamp = hashlib.sha256(
            f"{self.password_hash}:{self.session_version or 0}".encode()).hexdigest()[:16]
        return f"{self.id}:{stamp}"

    # What the authorization layer asks -------------------------------------------------

    @property
    def role_info(self) -> Role:
        """The agent's :class:`~backoffice.auth.roles.Role`."""
        role = get_role(self.role)
        if role is None:  # only a hand-edited database gets here
            raise LookupError(f"agent {self.email} has an unknown role {self.role!r}")
        return role

    @property
    def can_write(self) -> bool:
        """Whether the agent may change tenants' data (within what it can see)."""
        return self.role_info.can_write

    @property
    def can_manage_agents(self) -> bool:
        """Whether the agent may manage agents (of its carrier, or all for the operator)."""
        return self.role_info.can_manage_agents

    def can_see_carrier(self, carrier_id: str | None) -> bool:
        """Whether the agent may see the tenants (and agents) of ``carrier_id``."""
        if self.role_info.all_carriers:
            return True
        return carrier_id is not None and carrier_id == self.carrier_id

    def __repr__(self) -> str:
        return f"<Agent {self.email} {self.role} {self.carrier_id or '*'}>"


class ApiToken(db.Model):
    """A personal API token. Only its SHA-256 is stored; the agent sees it once."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agent.id"), index=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]

    agent: Mapped[Agent] = relationship(back_populates="tokens")

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class SecurityEvent(db.Model):
    """One line of the security log: sign-ins, failures, tokens, rejected requests."""

    __tablename__ = "security_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    remote_addr: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(String(500), default="")
