"""The conformance kit run on Sfr."""

from backoffice.testing.conformance import CarrierConformance


class TestSfrConformance(CarrierConformance):
    carrier_id = "sfr"
