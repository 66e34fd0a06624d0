"""The conformance kit run on NordTel, the test-only fifth carrier, with its own probe."""

import pytest
from marshmallow import ValidationError

from backoffice.testing.conformance import CarrierConformance
from backoffice.testing.probes import ProbeContext
from tests.fifth_carrier import NordTel


def probe_max_hours(ctx: ProbeContext) -> None:
    """The night service takes at most ``max_hours`` hours: refused past it, accepted at it."""
    block = ctx.settings_block()
    maximum, before = ctx.value, block.read(ctx.tenant, None)
    try:  # NordTel keeps its night service in memory: leave it as it was
        block.write(ctx.tenant, None, {"hours": maximum})
        assert block.read(ctx.tenant, None)["hours"] == maximum
        with pytest.raises(ValidationError) as refused:
            block.write(ctx.tenant, None, {"hours": maximum + 1})
        assert "hours" in refused.value.messages, f"{ctx.name}: the refusal names no hours"
    finally:
        block.write(ctx.tenant, None, before)


class TestNordTelConformance(CarrierConformance):
    carrier_id = "nordtel"
    extra_plugins = (NordTel(),)
    probes = {("night_service", "max_hours"): probe_max_hours}
