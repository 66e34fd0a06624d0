"""Phone numbers: parsed with phonenumbers, stored in E.164."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers


class InvalidNumber(ValueError):
    """The text is not a valid phone number for the given region."""


def to_e164(raw: str, region: str) -> str:
    """Parse ``raw`` (national or international format) and return it in E.164."""
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidNumber(raw) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidNumber(raw)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


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
