"""Cooptel extensions (guide 003 §11): which numbers an extension may take."""

from __future__ import annotations

from typing import Any

from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant

# §11.1 names "311, 511, 911..." (the N11 service codes); §2.1 uses 700 to park calls on
# the virtual lines 701 to 709, so those cannot be extensions either.
RESERVED = [f"{n}11" for n in range(2, 10)] + [str(n) for n in range(700, 710)]


def validate_line(*, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> list[Violation]:
    """A reserved number is a "Poste invalide" (§11.1)."""
    if data.get("extension") not in RESERVED:
        return []
    return [Violation(
        code="cooptel.extension.reserved", field="extension",
        message=N_("Invalid extension: %(value)s is reserved for other services "
                   "(%(reserved)s)."),
        params={"value": data["extension"], "reserved": ", ".join(RESERVED)},
        limit=RESERVED,
    )]
