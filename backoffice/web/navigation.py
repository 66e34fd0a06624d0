"""Links to the carriers' own pages, built from their ``page_links`` declarations."""

from __future__ import annotations

from flask import url_for
from flask_babel import get_locale

from backoffice.core.carriers import registry
from backoffice.core.models import Line, Tenant
from backoffice.core.tenancy import current_scope


def carrier_pages(scope: str, tenant: Tenant | None = None,
                  line: Line | None = None) -> list[tuple[str, str]]:
    """(url, label) of the carrier pages linked from ``scope``: "global" (the carriers the
    agent sees), "tenant" or "line" (the carrier of ``tenant``)."""
    language = str(get_locale() or "fr")
    if scope == "global":
        visible = current_scope()  # the agent's carriers, as authorize() opened them
        if visible is None:
            return []
        entries = [entry for entry in registry().all()
                   if visible.carrier_ids is None or entry.carrier.id in visible.carrier_ids]
        return [(url_for(page.endpoint), page.label_for(language))
                for entry in entries for page in entry.pages_for("global")]
    if tenant is None:
        return []
    entry = registry()[tenant.carrier_id]
    if scope == "tenant":
        return [(url_for(page.endpoint, tenant_id=tenant.id), page.label_for(language))
                for page in entry.pages_for("tenant")]
    if line is None:
        return []
    return [(url_for(page.endpoint, tenant_id=tenant.id, line_id=line.id),
             page.label_for(language)) for page in entry.pages_for("line", line.plan)]
