"""Personal API tokens: shown once, stored as a SHA-256, revocable."""

from __future__ import annotations

import hashlib
import secrets

from sqlalchemy import select

from backoffice.auth import security
from backoffice.auth.models import Agent, ApiToken
from backoffice.core.models import utcnow
from backoffice.extensions import db

PREFIX = "bo_"


def hash_token(clear: str) -> str:
    """The SHA-256 (hex) a token is stored and looked up by.

    A token has 256 random bits, so a fast hash is enough: no dictionary to slow down.
    """
    return hashlib.sha256(clear.encode()).hexdigest()


def create_token(agent: Agent, name: str = "") -> tuple[ApiToken, str]:
    """Create a token for ``agent``; returns it and its clear value, never stored."""
    clear = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(agent=agent, name=name[:80], token_hash=hash_token(clear))
    db.session.add(token)
    db.session.commit()
    security.log_event(security.TOKEN_CREATED, email=agent.email,
                       detail=f"token {token.id} {token.name}".strip())
    return token, clear


def find_token(clear: str) -> ApiToken | None:
    """The token with this clear value (revoked or not), or None."""
    if not clear.startswith(PREFIX):
        return None
    return db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(clear)))


def revoke_token(token: ApiToken, *, by: str | None = None) -> bool:
    """Revoke ``token``; returns False when it already was."""
    if token.revoked_at is not None:
        return False
    token.revoked_at = utcnow()
    db.session.commit()
    security.log_event(security.TOKEN_REVOKED, email=token.agent.email,
                       detail=f"token {token.id} revoked by {by or 'system'}")
    return True


def mark_used(token: ApiToken) -> None:
    """Remember when the token was last used (committed at once, like the log)."""
    token.last_used_at = utcnow()
    db.session.commit()
