"""Destinations: one typed value read from a form's text or the API's mapping."""

import pytest
from marshmallow import ValidationError

from backoffice.core.destinations import Destination, DestinationField, parse_destination
from backoffice.core.schemas import RegionalSchema


@pytest.mark.parametrize(("raw", "expected"), [
    ("voicemail", Destination("voicemail")),
    ("Messagerie", Destination("voicemail")),
    ("06 12 34 56 78", Destination("number", "+33612345678")),
    ("+32 2 555 12 34", Destination("number", "+3225551234")),
    ("102", Destination("extension", "102")),
    ("3949", Destination("extension", "3949")),
    ("612345678", Destination("extension", "612345678")),
    ("0590 20 12 34", Destination("number", "+590590201234")),
    ({"kind": "number", "value": "0483050173"}, Destination("number", "+33483050173")),
    ({"kind": "extension", "value": "1234"}, Destination("extension", "1234")),
    ({"kind": "voicemail"}, Destination("voicemail")),
])
def test_text_and_mappings_give_the_same_typed_destination(raw, expected):
    assert parse_destination(raw, "FR") == expected
    assert parse_destination(expected.text, "FR") == expected


@pytest.mark.parametrize("raw", ["nulle part", "1", {"kind": "fax", "value": "1"},
                                 {"kind": "extension", "value": "abc"}])
def test_anything_else_is_not_a_destination(raw):
    with pytest.raises(ValueError):
        parse_destination(raw, "FR")


class Form(RegionalSchema):
    destination = DestinationField(load_default=None, allow_none=True)


def test_the_field_loads_for_the_schemas_region_and_dumps_text(app):
    assert Form(region="CA").load({"destination": "514 555-0199"})["destination"] == \
        Destination("number", "+15145550199")
    assert Form(region="CA").load({"destination": ""})["destination"] is None
    assert Form().dump({"destination": Destination("number", "+15145550199")}) == {
        "destination": "+15145550199"}
    with pytest.raises(ValidationError) as refused:
        Form(region="FR").load({"destination": "n'importe où"})
    assert "destination" in refused.value.messages
