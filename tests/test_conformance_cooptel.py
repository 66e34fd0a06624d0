"""The conformance kit run on Cooptel."""

from backoffice.testing.conformance import CarrierConformance


class TestCooptelConformance(CarrierConformance):
    carrier_id = "cooptel"
