"""Anonymous-call rejection: a per-line switch, off unless the carrier's offer says otherwise."""

from __future__ import annotations

from typing import Any

from backoffice.core.blacklist import flags
from backoffice.core.blacklist.models import LineFlag
from backoffice.core.blacklist.schemas import AnonymousCallRejectionSchema
from backoffice.core.models import Line, Tenant

FEATURE = "anonymous_call_rejection"
FLAG = "reject_anonymous"


def read_anonymous_rejection(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    """``{"reject_anonymous": bool, "version": int | None}`` for the line."""
    return {FLAG: flags.read_flag(tenant, line, FEATURE, FLAG),
            "version": flags.flag_version(line, FLAG)}


def set_anonymous_rejection(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> LineFlag:
    """Turn the switch on or off from a form (ticked box) or an API payload."""
    return flags.write_flag(tenant, line, FEATURE, FLAG, AnonymousCallRejectionSchema(), data)
