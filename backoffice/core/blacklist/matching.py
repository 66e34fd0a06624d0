"""How a caller is compared with blacklist rules, without scanning the rules.

A rule matches when its digits are the caller's digits (``equals``), a prefix
(``starts_with``), a suffix (``ends_with``) or any substring (``contains``). All of these
are substrings of the caller's digits, and a caller has at most 15 digits, hence at most
120 distinct substrings: looking those up in an index costs the same for 10 rules as for
10,000. :func:`candidate_keys` gives the lookup keys, :func:`matches` the exact test;
:mod:`backoffice.core.blacklist.rules` looks the keys up in the ``(tenant_id, digits)``
index of the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import phonenumbers

MATCH_KINDS = ("equals", "starts_with", "ends_with", "contains")
MODES = ("block", "allow_only")
_PRECEDENCE = {kind: rank for rank, kind in enumerate(MATCH_KINDS)}


class RuleLike(Protocol):
    id: int
    mode: str
    match: str
    digits: str


def caller_digits(caller: str, region: str) -> str:
    """The digits a rule is compared with: the number as the called party's phone shows it.

    A caller from the tenant's own country is shown in national form (``5149073400`` in
    Canada, ``0145834778`` in France); a foreign caller by its international digits
    without ``+`` (``33145834778``).
    """
    try:
        parsed = phonenumbers.parse(caller, region)
    except phonenumbers.NumberParseException:
        return "".join(ch for ch in caller if ch.isdigit())
    if parsed.country_code == phonenumbers.country_code_for_region(region):
        national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        return "".join(ch for ch in national if ch.isdigit())
    return f"{parsed.country_code}{phonenumbers.national_significant_number(parsed)}"


def candidate_keys(digits: str) -> set[str]:
    """Every distinct substring of ``digits``: the only rule digits that can match it."""
    return {digits[start:end] for start in range(len(digits))
            for end in range(start + 1, len(digits) + 1)}


def matches(match: str, pattern: str, digits: str) -> bool:
    """Whether a rule of kind ``match`` with ``pattern`` matches the caller's ``digits``."""
    if match == "equals":
        return digits == pattern
    if match == "starts_with":
        return digits.startswith(pattern)
    if match == "ends_with":
        return digits.endswith(pattern)
    return match == "contains" and pattern in digits


def most_specific_first(rules: Iterable[RuleLike]) -> list[RuleLike]:
    """Equals before starts with, ends with and contains; longer digits first; then oldest."""
    return sorted(rules, key=lambda r: (_PRECEDENCE.get(r.match, 9), -len(r.digits), r.id))

