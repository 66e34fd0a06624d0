"""Cooptel extensions: a reserved number is refused by the carrier's rule (guide 003 §11.1)."""

from backoffice.testing import create_line, create_tenant, rejected


def test_cooptel_reserved_extension_is_refused_by_the_carrier_rule(app):
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    assert rejected(create_line, tenant, {"plan": "extension", "extension": "911"}) == {
        "extension": "line.extension.reserved"}
