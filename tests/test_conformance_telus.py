"""The conformance kit run on Telus."""

from backoffice.testing.conformance import CarrierConformance


class TestTelusConformance(CarrierConformance):
    carrier_id = "telus"
