"""The conformance kit run on Bell."""

from backoffice.testing.conformance import CarrierConformance


class TestBellConformance(CarrierConformance):
    carrier_id = "bell"
