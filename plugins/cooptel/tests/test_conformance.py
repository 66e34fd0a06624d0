"""Cooptel passes the conformance kit."""

from backoffice.testing.conformance import CarrierConformance


class TestCooptelConformance(CarrierConformance):
    carrier_id = "cooptel"
