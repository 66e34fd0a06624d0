"""The agent's global search: one box for company names, numbers, e-mails, extensions, MACs.

Each kind of query becomes an indexed lookup (E.164 equality, extension or MAC equality,
case-insensitive prefix on e-mails), so the search stays fast at a million lines. The last
digits of a number (``0173``, ``01 73``) are a prefix of the number's reversed digits, and
names are searched folded (``stephane`` finds "Stéphane"): both through the search keys
the models keep (``searchkeys``). Tenant isolation applies as to every query of a request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import contains_eager

from backoffice.core.carriers import registry
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import InvalidNumber, to_e164
from backoffice.core.searchkeys import fold
from backoffice.extensions import db

MAX_LINES = 50
MAX_TENANTS = 20
#: The fewest last digits of a number the search looks up (fewer match too many lines).
MIN_TAIL = 4
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


def _starts(column, text: str):
    """``column`` starts with ``text`` (already lowercase), through a prefix index.

    On PostgreSQL as a range of the ``text_pattern_ops`` operators (``~>=~``, ``~<~``):
    unlike LIKE they are leakproof, so the planner may use the index under row-level
    security, which holds LIKE back until the policy has filtered every row."""
    if not text:
        return false()
    if db.session.get_bind().dialect.name != "postgresql":
        return column.like(_like_prefix(text), escape="\\")
    following = text[:-1] + chr(ord(text[-1]) + 1)
    return and_(column.op("~>=~")(text), column.op("~<~")(following))


def name_criteria(text: str) -> list:
    """A line whose first or last name starts with the folded ``text``; with several
    words, also first name and last name each starting with its part ("stephane biel",
    "biel stephane")."""
    folded = fold(text)
    first, last = Line.first_name_key, Line.last_name_key
    criteria = [_starts(first, folded), _starts(last, folded)]
    words = folded.split(" ")
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        criteria += [_starts(first, head) & _starts(last, tail),
                     _starts(last, head) & _starts(first, tail)]
    return criteria


def tail_criteria(text: str) -> list:
    """A line whose number ends with the digits of ``text`` (separators ignored)."""
    digits = _SEPARATORS.sub("", text)
    if not re.fullmatch(rf"\d{{{MIN_TAIL},15}}", digits):
        return []
    return [_starts(Line.number_tail, digits[::-1])]


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
    if not numbers:
        criteria += tail_criteria(text)
    if _MAC.match(text):
        criteria.append(Line.mac == re.sub(r"[:.\-]", "", text).upper())
    if "@" in text:
        criteria.append(_starts(func.lower(Line.email), text.lower()))
    if re.search(r"[^\W\d_]", text):
        criteria += name_criteria(text)
    return criteria


def search(query: str) -> list[TenantResult]:
    """Tenants and lines matching ``query``, grouped by tenant, best matches first."""
    text = query.strip()
    if len(text) < 2:
        return []
    results: dict[int, TenantResult] = {}
    if re.search(r"[^\W\d_]", text):
        for tenant in db.session.scalars(
                select(Tenant).where(_starts(Tenant.name_key, fold(text)))
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


def single_match(results: list[TenantResult]) -> Tenant | Line | None:
    """The one tenant or line found, when the search found exactly one: it opens directly."""
    if len(results) != 1:
        return None
    result = results[0]
    if result.name_matched:
        return result.tenant if not result.lines else None
    return result.lines[0] if len(result.lines) == 1 else None
