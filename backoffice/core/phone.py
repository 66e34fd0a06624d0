"""Phone numbers: parsed with phonenumbers, stored in E.164."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE, region_code_for_country_code


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


def national(e164: str | None) -> str:
    """Format an E.164 number the way the carrier's customers write it at home."""
    if not e164:
        return ""
    return phonenumbers.format_number(_parse_e164(e164), phonenumbers.PhoneNumberFormat.NATIONAL)


def _parse_e164(e164: str) -> PhoneNumber:
    """``phonenumbers.parse(e164, None)``, without its general parser for the common case.

    A stored number is already "+", a country code and the national number: split it
    directly unless ``parse`` would do more than that (a leading zero to keep, a national
    prefix it might strip, a length it refuses), in which case ``parse`` decides. A page
    formats up to fifty numbers, and ``parse`` is most of the cost of each.
    """
    digits = e164[1:]
    if e164[0] == "+" and digits.isascii() and digits.isdigit() and digits[0] != "0":
        for size in (1, 2, 3):
            code = int(digits[:size])
            if code in COUNTRY_CODE_TO_REGION_CODE:
                rest = digits[size:]
                if 2 <= len(rest) <= 17 and rest[0] != "0":
                    metadata = PhoneMetadata.metadata_for_region_or_calling_code(
                        code, region_code_for_country_code(code))
                    prefix = metadata.national_prefix_for_parsing if metadata else None
                    if not prefix or not re.match(prefix, rest):
                        return PhoneNumber(country_code=code, national_number=int(rest))
                break
    return phonenumbers.parse(e164, None)
