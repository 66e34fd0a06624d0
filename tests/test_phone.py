"""The national format of stored numbers: the shortcut gives what phonenumbers.parse gives."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from phonenumbers import PhoneNumberFormat

from backoffice.core.phone import _parse_e164, national


def _samples() -> list[str]:
    numbers = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in range(11):
            example = phonenumbers.example_number_for_type(region, kind)
            if example:
                numbers.append(phonenumbers.format_number(example, PhoneNumberFormat.E164))
    rng = random.Random(7)
    numbers += [f"+{rng.randint(1, 999)}{rng.randint(0, 10 ** rng.randint(1, 14))}"
                for _ in range(5000)]
    return numbers + ["+390612345678", "+79123456789", "+5491123456789", "+8001234567"]


def test_the_shortcut_parses_as_phonenumbers_does() -> None:
    for number in _samples():
        try:
            expected = phonenumbers.parse(number, None)
        except phonenumbers.NumberParseException:
            with pytest.raises(phonenumbers.NumberParseException):
                _parse_e164(number)
            continue
        assert _parse_e164(number) == expected, number


def test_national_formats() -> None:
    assert national("+33102123456") == "01 02 12 34 56"
    assert national("+15142123456") == "(514) 212-3456"
    assert national(None) == national("") == ""
