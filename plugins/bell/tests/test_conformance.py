"""Bell passes the conformance kit."""

from backoffice.testing.conformance import CarrierConformance


class TestBellConformance(CarrierConformance):
    carrier_id = "bell"
