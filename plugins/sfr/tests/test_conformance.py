"""SFR passes the conformance kit, with a probe for its own user-line announcements."""

from backoffice.plugin import store_audio
from backoffice.testing.audio import wav_bytes
from backoffice.testing.conformance import CarrierConformance
from backoffice.testing.probes import ProbeContext


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
    probes = {("line_announcements", "audio"): probe_line_announcement_audio}
