"""Whole numbers as the database stores them: ASCII digits, no fraction, 32-bit range.

marshmallow's ``Integer`` truncates ``1.5`` to 1 and reads ``"١٢"`` (Arabic-Indic digits)
as 12; past 2**31 - 1 the database refuses the value with a server error. :func:`install`
makes every ``Integer`` field (core's, carriers', query arguments') refuse all three,
naming the field.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields

DB_INT_MIN = -(2**31)
DB_INT_MAX = 2**31 - 1
_DIGITS = re.compile(r"\s*[+-]?[0-9]+\s*")
_original = fields.Integer._validated


def _fractional(value: Any) -> bool:
    """Whether a number has a fraction, or is infinite or not a number."""
    if isinstance(value, float):
        return not value.is_integer()
    if isinstance(value, Decimal):
        return not value.is_finite() or value != value.to_integral_value()
    return False


def _validated(self: fields.Integer, value: Any) -> int | None:
    if _fractional(value):
        raise self.make_error("invalid", input=value)
    if isinstance(value, str) and not _DIGITS.fullmatch(value):
        raise self.make_error("invalid", input=value)
    number = _original(self, value)
    if number is not None and not DB_INT_MIN <= number <= DB_INT_MAX:
        raise ValidationError(_l("Enter a whole number between %(min)d and %(max)d.",
                                 min=DB_INT_MIN, max=DB_INT_MAX))
    return number


def install() -> None:
    """Make every marshmallow ``Integer`` strict about digits, fractions and range
    (idempotent)."""
    fields.Integer._validated = _validated  # type: ignore[method-assign]


def row_id(value: Any) -> int | None:
    """``value`` (from a request, not yet validated) as an id the database can look up,
    or ``None``: not a whole number, or out of the database's range (no row has it)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if DB_INT_MIN <= number <= DB_INT_MAX else None
