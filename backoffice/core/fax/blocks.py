"""The fax number block: each fax number's sending confirmation by e-mail."""

from __future__ import annotations

from typing import Any

from backoffice.core.calling.store import options_block
from backoffice.core.errors import N_, Violation
from backoffice.core.fax.schemas import FaxNumberSchema
from backoffice.core.fax.service import NUMBER_FEATURE
from backoffice.core.models import Line, Tenant


def _address_required(tenant: Tenant, line: Line | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        if data.get("confirmation_email") and not data.get("confirmation_address"):
            return [Violation(code=f"{NUMBER_FEATURE}.confirmation_address.required",
                              field="confirmation_address", message=N_(
                                  "Enter the address the sending confirmation is e-mailed to."))]
        return []
    return (check,)


def fax_number_block(*, guide_section: str, title: str = N_("Fax number settings"),
                     block_id: str = "fax-number") -> Any:
    """The settings of one fax number (a line of the ``fax_numbers`` offer's plans)."""
    return options_block(id=block_id, feature=NUMBER_FEATURE, title=title,
                         schema=lambda tenant: FaxNumberSchema(), guide_section=guide_section,
                         checks=_address_required)
