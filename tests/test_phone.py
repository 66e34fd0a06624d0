"""Numbers as agents read them: national at home, international abroad."""

from __future__ import annotations

from backoffice.core.phone import for_display, lacks_national_prefix, national, to_e164


def test_national_formats() -> None:
    assert national("+33102123456") == "01 02 12 34 56"
    assert national("+15142123456") == "(514) 212-3456"
    assert national(None) == national("") == ""


def test_foreign_numbers_read_internationally() -> None:
    assert for_display("+33483050173", "FR") == "04 83 05 01 73"
    assert for_display("+442346950434", "FR") == "+44 23 4695 0434"
    assert for_display("+15149073400", "CA") == "(514) 907-3400"


def test_french_national_numbers_include_the_overseas_ranges() -> None:
    assert to_e164("0590 20 12 34", "FR") == "+590590201234"
    assert to_e164("0596 30 12 34", "FR") == "+596596301234"
    assert to_e164("0694 20 12 34", "FR") == "+594694201234"
    assert to_e164("08 99 12 34 56", "FR") == "+33899123456"
    assert to_e164("04 83 05 01 73", "FR") == "+33483050173"


def test_digits_that_leave_out_the_national_prefix_are_told_apart() -> None:
    assert lacks_national_prefix("612345678", "+33612345678")
    assert not lacks_national_prefix("06 12 34 56 78", "+33612345678")
    assert not lacks_national_prefix("+33 6 12 34 56 78", "+33612345678")
    assert not lacks_national_prefix("5145550199", "+15145550199")


def test_a_bulk_import_reads_a_numbers_region_and_type_as_a_fresh_parse_would():
    """Within parsing_once, the region and type kept from parsing a typed number are
    those an E.164 parse of the result gives (overseas and national ranges included)."""
    from backoffice.core.phone import parsing_once, region_and_type

    typed = ["06 12 34 56 78", "04 83 05 01 73", "0596 30 12 34", "0690 12 34 56",
             "0262 12 34 56", "09 70 12 34 56", "08 00 12 34 56", "+590 590 12 34 56"]
    fresh = {number: region_and_type(to_e164(number, "FR")) for number in typed}
    with parsing_once():
        kept = {number: region_and_type(to_e164(number, "FR")) for number in typed}
    assert kept == fresh
    assert fresh["0596 30 12 34"] == ("MQ", "FIXED_LINE")
    assert fresh["06 12 34 56 78"] == ("FR", "MOBILE")
