"""SFR passes the conformance kit, with probes for its own features: user-line
announcements, the offer's counts (guide 004 §2.2.1) and collaboration options (§3.6)."""

import itertools

from backoffice.plugin import store_audio
from backoffice.testing.audio import wav_bytes
from backoffice.testing.conformance import CarrierConformance
from backoffice.testing.probes import ProbeContext, new_line, new_tenant
from plugins.sfr import collaboration, offer

_TENANTS = itertools.count(1)


def _fresh_tenant(ctx: ProbeContext):
    """A customer of its own, so that its counts start from nothing."""
    return new_tenant("sfr", f"Offre sonde {next(_TENANTS)}")


def probe_counted_plans(ctx: ProbeContext) -> None:
    """A line of a counted plan is activated while one is available, refused when all those
    subscribed are attributed."""
    tenant = _fresh_tenant(ctx)
    for plan in ctx.value:
        ctx.accepted(lambda p=plan: offer.BLOCK.write(tenant, None, {p: 1}),
                     f"one {plan} subscribed")
        ctx.accepted(lambda p=plan: new_line(tenant, p), f"the one {plan} line available")
        ctx.refused(lambda p=plan: new_line(tenant, p), "plan", f"a second {plan} line")
        ctx.refused(lambda p=plan: offer.BLOCK.write(tenant, None, {p: 0}), plan,
                    f"fewer {plan} subscribed than attributed")


def probe_counted_options(ctx: ProbeContext) -> None:
    """An option is set on a line while one is available, refused when none is."""
    tenant = _fresh_tenant(ctx)
    first, second = new_line(tenant, "fixe"), new_line(tenant, "fixe")
    for option in ctx.value:
        ctx.accepted(lambda o=option: offer.BLOCK.write(tenant, None, {o: 1}),
                     f"one {option} subscribed")
        ctx.accepted(lambda o=option: collaboration.BLOCK.write(tenant, first, {"option": o}),
                     f"the one {option} available")
        ctx.refused(lambda o=option: collaboration.BLOCK.write(tenant, second, {"option": o}),
                    "option", f"a second {option}")
        collaboration.BLOCK.write(tenant, first, {"option": collaboration.NONE})


def probe_participants(ctx: ProbeContext) -> None:
    """Each option's personal meeting room holds the declared number of participants."""
    tenant = _fresh_tenant(ctx)
    line = new_line(tenant, "fixe")
    for option, most in ctx.value.items():
        ctx.accepted(lambda o=option: collaboration.BLOCK.write(tenant, line, {"option": o}),
                     f"the option {option}")
        assert collaboration.BLOCK.read(tenant, line)["participants"] == most, option


def probe_line_announcement_audio(ctx: ProbeContext) -> None:
    """A greeting at the longest recording is accepted; one second more is refused."""
    block, line, limits = ctx.settings_block(), ctx.new_line(ctx.plans()[0]), ctx.value

    def store(seconds: int):
        return store_audio(ctx.tenant, wav_bytes(seconds, rate=800), "greeting.wav", limits,
                           object_type="line_announcements", field="greeting_audio_id")

    audio = ctx.accepted(lambda: store(limits.max_seconds), "the longest greeting")
    ctx.accepted(lambda: block.write(ctx.tenant, line, {"greeting_enabled": True,
                                                        "greeting_audio_id": audio.id}),
                 "the line's greeting with its recording")
    assert block.read(ctx.tenant, line)["greeting_audio_id"] == audio.id
    ctx.refused(lambda: store(limits.max_seconds + 1), "greeting_audio_id",
                "a greeting one second too long")
    ctx.refused(lambda: store_audio(ctx.tenant, wav_bytes(limits.max_bytes // 32000 + 1,
                                                          rate=32000), "big.wav", limits,
                                    object_type="line_announcements",
                                    field="greeting_audio_id"),
                "greeting_audio_id", "a greeting past the largest file")


class TestSfrConformance(CarrierConformance):
    carrier_id = "sfr"
    probes = {("line_announcements", "audio"): probe_line_announcement_audio,
              ("plan_inventory", "plans"): probe_counted_plans,
              ("plan_inventory", "options"): probe_counted_options,
              ("collaboration", "participants"): probe_participants}
