"""Numbers as agents read them: national at home, international abroad."""

from __future__ import annotations

from backoffice.core.phone import for_display, national


def test_national_formats() -> None:
    assert national("+33102123456") == "01 02 12 34 56"
    assert national("+15142123456") == "(514) 212-3456"
    assert national(None) == national("") == ""


def test_foreign_numbers_read_internationally() -> None:
    assert for_display("+33483050173", "FR") == "04 83 05 01 73"
    assert for_display("+442346950434", "FR") == "+44 23 4695 0434"
    assert for_display("+15149073400", "CA") == "(514) 907-3400"
