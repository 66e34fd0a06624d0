"""Phone numbers: parsed with phonenumbers, stored in E.164.

A country's national numbering plan may span several phonenumbers regions: France's
national numbers include those of its overseas departments and collectivities (0590...,
0262..., 0694...), which phonenumbers files under their own regions and country codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from typing import Any, TypeVar

import phonenumbers
from phonenumbers import CountryCodeSource

NATIONAL_PLANS: dict[str, tuple[str, ...]] = {
    "FR": ("FR", "GP", "BL", "MF", "GF", "MQ", "RE", "YT", "PM"),
}
"""Country -> the phonenumbers regions whose numbers it dials as national numbers."""
TERRITORIAL_TYPES = frozenset({phonenumbers.PhoneNumberType.FIXED_LINE,
                               phonenumbers.PhoneNumberType.MOBILE,
                               phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE})
"""Geographic and mobile ranges belong to one territory; the others (08, 09...) are
national, though phonenumbers repeats them in every overseas region."""


T = TypeVar("T")
MAX_DIGITS = 20
"""The most digits a number kept as typed may have (E.164 allows 15, dialling prefixes more)."""
SEPARATORS = " -.()/"


class InvalidNumber(ValueError):
    """The text is not a valid phone number for the given region."""


def national_regions(country: str) -> tuple[str, ...]:
    """The regions whose numbers ``country`` writes in its national format, itself first."""
    return NATIONAL_PLANS.get(country, (country,))


def to_e164(raw: str, region: str) -> str:
    """Parse ``raw`` (national or international format) and return it in E.164.

    A national number is looked up in every region of ``region``'s national plan; a
    geographic or mobile number is filed under the territory whose range it is in
    (``0596 30 12 34`` is Martinique's, though phonenumbers accepts it for France too).
    Within :func:`parsing_once` (a bulk import), each distinct text is parsed once.
    """
    return once(("e164", raw, region), lambda: _to_e164(raw, region))


def once(key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or within :func:`parsing_once` its first answer (value or error) for
    ``key``: for phonenumbers work that depends on nothing but ``key``."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        try:
            memo[key] = compute()
        except InvalidNumber as exc:
            memo[key] = exc
    found = memo[key]
    if isinstance(found, InvalidNumber):
        raise found
    return found


@contextmanager
def parsing_once() -> Iterator[None]:
    """Parse each distinct (text, region) once inside the block (and read each number's
    type once, see :func:`once`): a bulk import's numbers and associated numbers repeat.
    The memo ends with the block, so it never outlives the import."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


_memo: ContextVar[dict[tuple[Any, ...], Any] | None] = ContextVar("phone_memo", default=None)


def _to_e164(raw: str, region: str) -> str:
    home, *overseas = national_regions(region)
    try:
        parsed = phonenumbers.parse(raw, home)
    except phonenumbers.NumberParseException as exc:
        raise InvalidNumber(raw) from exc
    # Valid at home is the common case, and the cheap test: is_valid_number alone tries
    # every region of the country code (25 for +1) before it tests the number.
    valid = phonenumbers.is_valid_number_for_region(parsed, home) or \
        phonenumbers.is_valid_number(parsed)
    type_id = phonenumbers.number_type(parsed) if overseas and valid else None
    if overseas and (not valid or type_id in TERRITORIAL_TYPES):
        digits = phonenumbers.national_significant_number(parsed)
        for candidate in overseas:
            if not _could_be(parsed, digits, candidate):
                continue
            there = phonenumbers.parse(raw, candidate)
            if not phonenumbers.is_valid_number_for_region(there, candidate):
                continue
            there_type = phonenumbers.number_type(there) if valid else None
            if not valid or there_type in TERRITORIAL_TYPES:
                parsed, valid, type_id = there, True, there_type
                break
    if not valid:
        raise InvalidNumber(raw)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    if type_id is not None:
        _remember_region_and_type(parsed, e164, type_id)
    return e164


def _remember_region_and_type(parsed: phonenumbers.PhoneNumber, e164: str,
                              type_id: int) -> None:
    """Within :func:`parsing_once`, keep what :func:`region_and_type` would find for
    ``e164`` when parsing already told it: the type, and the region when the country
    code has one region only (else finding it means testing the number in each)."""
    memo = _memo.get()
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(parsed.country_code, ())
    if memo is not None and len(regions) == 1:
        memo.setdefault(("region_and_type", e164),
                        (regions[0], TYPE_NAMES.get(type_id, "UNKNOWN")))


TYPE_NAMES = {value: name for name, value in vars(phonenumbers.PhoneNumberType).items()
              if name.isupper()}
"""phonenumbers' type ids -> their names (``MOBILE``, ``FIXED_LINE``...)."""


def region_and_type(e164: str) -> tuple[str, str]:
    """The region (ISO code) and the phonenumbers type name of a valid E.164 number."""
    return once(("region_and_type", e164), lambda: _region_and_type(e164))


def _region_and_type(e164: str) -> tuple[str, str]:
    parsed = phonenumbers.parse(e164, None)
    type_id = phonenumbers.number_type(parsed)
    return phonenumbers.region_code_for_number(parsed) or "ZZ", TYPE_NAMES.get(type_id,
                                                                               "UNKNOWN")


def _could_be(parsed: phonenumbers.PhoneNumber, digits: str, region: str) -> bool:
    """Whether the number parsed at home (``digits``, its national significant number)
    could be valid in ``region`` of the same plan, tested without parsing it again.

    The regions of a national plan share its national prefix, so a number typed in
    national format keeps its national digits in each: it is valid there only if those
    digits are, under the region's country code. One typed with its country code keeps its
    digits too, and must besides have the region's code. A necessary condition: the
    parse decides. The region's general pattern, which every valid number of the region
    matches, rules most numbers out first.
    """
    pattern = _general_pattern(region)
    if pattern is not None and not pattern.fullmatch(digits):
        return False
    there = phonenumbers.PhoneNumber(
        country_code=phonenumbers.country_code_for_region(region),
        national_number=parsed.national_number,
        italian_leading_zero=parsed.italian_leading_zero,
        number_of_leading_zeros=parsed.number_of_leading_zeros)
    return phonenumbers.is_valid_number_for_region(there, region)


@cache
def _general_pattern(region: str) -> re.Pattern[str] | None:
    """The national number pattern of every valid number of ``region`` (compiled once)."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    desc = metadata.general_desc if metadata is not None else None
    if desc is None or not desc.national_number_pattern:
        return None
    return re.compile(desc.national_number_pattern)


def any_number(raw: str, region: str) -> str:
    """A number in any format, as a list of blocked numbers keeps it.

    E.164 when phonenumbers recognises it (valid, or possible for a foreign country):
    ``0145834778`` in France is ``+33145834778``, ``00442346950434`` is ``+442346950434``;
    otherwise the digits as typed, without separators (``+334786950``, ``3400``). Raises
    :class:`InvalidNumber` for anything but digits with an optional leading ``+``, or
    more than :data:`MAX_DIGITS` digits.
    """
    text = "".join(ch for ch in str(raw).strip() if ch not in SEPARATORS)
    digits = text.removeprefix("+")
    if not digits.isdigit() or len(digits) > MAX_DIGITS:
        raise InvalidNumber(raw)
    try:
        return to_e164(text, region)
    except InvalidNumber:
        pass
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return text
    foreign = parsed.country_code != phonenumbers.country_code_for_region(region)
    if foreign and phonenumbers.is_possible_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return text


def lacks_national_prefix(raw: str, e164: str) -> bool:
    """Whether ``raw``, digits written without ``+`` nor international prefix, leaves out
    the national prefix that its country writes: ``612345678`` for ``06 12 34 56 78`` in
    France. (In Canada, ``5145550199`` is how the number is written: it lacks nothing.)"""
    digits = re.sub(r"[\s.\-()/]", "", raw)
    if not digits.isdigit():
        return False
    number = phonenumbers.parse(e164, None)
    region = phonenumbers.region_code_for_number(number)
    try:
        typed = phonenumbers.parse(digits, region, keep_raw_input=True)
    except phonenumbers.NumberParseException:
        return False
    if typed.country_code_source != CountryCodeSource.FROM_DEFAULT_COUNTRY:
        return False
    written = re.sub(r"\D", "", phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.NATIONAL))
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    prefix = (metadata.national_prefix if metadata else None) or ""
    return digits not in (written, prefix + written)


@lru_cache(maxsize=65536)
def national(e164: str | None) -> str:
    """Format an E.164 number the way the carrier's customers write it at home."""
    if not e164:
        return ""
    parsed = phonenumbers.parse(e164, None)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


@lru_cache(maxsize=65536)
def for_display(e164: str | None, country: str) -> str:
    """A number as an agent of ``country`` reads it: national at home, international abroad."""
    if not e164:
        return ""
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    same = phonenumbers.region_code_for_number(parsed) == country
    style = phonenumbers.PhoneNumberFormat.NATIONAL if same \
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(parsed, style)
