"""The agent's global search: one box for company names, numbers, e-mails, extensions, MACs.

Each kind of query becomes an indexed lookup (E.164 equality, extension or MAC equality,
case-insensitive prefix on names and e-mails), so the search stays fast at a million
lines. Tenant isolation applies as to every query of a request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import func, or_, select
from sqlalchemy.orm import contains_eager

from backoffice.core.carriers import registry
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import InvalidNumber, to_e164
from backoffice.extensions import db

MAX_LINES = 50
MAX_TENANTS = 20
_SEPARATORS = re.compile(r"[\s().\-/]")
_MAC = re.compile(r"^[0-9A-Fa-f]{2}([:.\-]?[0-9A-Fa-f]{2}){5}$")


@dataclass
class TenantResult:
    """A tenant found, with the lines of it that matched (none when its name matched)."""

    tenant: Tenant
    lines: list[Line] = field(default_factory=list)
    name_matched: bool = False


def phone_candidates(query: str) -> frozenset[str]:
    """E.164 forms of ``query`` in every carrier country, or none when it is no number."""
    compact = _SEPARATORS.sub("", query)
    if not re.fullmatch(r"\+?\d{7,15}", compact):
        return frozenset()
    return _e164_forms(query, frozenset(entry.carrier.country for entry in registry().all()))


@lru_cache(maxsize=4096)
def _e164_forms(query: str, countries: frozenset[str]) -> frozenset[str]:
    candidates = set()
    for country in countries:
        try:
            candidates.add(to_e164(query, country))
        except InvalidNumber:
            continue
    return frozenset(candidates)


def _like_prefix(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"


def line_criteria(query: str) -> list:
    """The indexed conditions a line must meet to match ``query``."""
    text = query.strip()
    criteria = []
    numbers = phone_candidates(text)
    if numbers:
        criteria += [Line.number.in_(numbers), Line.associated_number.in_(numbers)]
    if not numbers and re.fullmatch(r"\d{2,10}", text):
        # Only when the digits are no phone number: as an extension too, a number typed
        # in full would make the planner walk every tenant of the agent's carriers.
        criteria.append(Line.extension == text)
    if _MAC.match(text):
        criteria.append(Line.mac == re.sub(r"[:.\-]", "", text).upper())
    if "@" in text:
        criteria.append(func.lower(Line.email).like(_like_prefix(text), escape="\\"))
    if re.search(r"[^\W\d_]", text):
        prefix = _like_prefix(text)
        criteria += [func.lower(Line.last_name).like(prefix, escape="\\"),
                     func.lower(Line.first_name).like(prefix, escape="\\")]
    return criteria


def search(query: str) -> list[TenantResult]:
    """Tenants and lines matching ``query``, grouped by tenant, best matches first."""
    text = query.strip()
    if len(text) < 2:
        return []
    results: dict[int, TenantResult] = {}
    if re.search(r"[^\W\d_]", text):
        for tenant in db.session.scalars(
                select(Tenant).where(func.lower(Tenant.name).like(_like_prefix(text),
                                                                  escape="\\"))
                .order_by(Tenant.name).limit(MAX_TENANTS)):
            results[tenant.id] = TenantResult(tenant, name_matched=True)
    criteria = line_criteria(text)
    if criteria:
        lines = db.session.scalars(
            select(Line).join(Line.tenant).options(contains_eager(Line.tenant))
            .where(or_(*criteria)).order_by(Line.tenant_id, Line.id).limit(MAX_LINES)).all()
        for line in lines:
            results.setdefault(line.tenant_id, TenantResult(line.tenant)).lines.append(line)
    return sorted(results.values(), key=lambda r: (not r.name_matched, r.tenant.name))
