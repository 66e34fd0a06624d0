"""SFR passes the conformance kit."""

from backoffice.testing.conformance import CarrierConformance


class TestSfrConformance(CarrierConformance):
    carrier_id = "sfr"
