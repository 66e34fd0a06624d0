"""Small real audio files for tests, made on the spot: WAV with the standard library, MP3
as a run of silent MPEG-1 Layer III frames (no encoder needed)."""

from __future__ import annotations

import io
import math
import wave

MP3_FRAME_HEADER = bytes([0xFF, 0xFB, 0x18, 0xC4])
"""MPEG-1 Layer III, no CRC, 32 kbit/s, 32 kHz, mono: 144-byte frames of 36 ms."""
MP3_FRAME_BYTES = 144
MP3_FRAME_SECONDS = 1152 / 32000


def wav_bytes(seconds: float, *, rate: int = 8000) -> bytes:
    """A mono 8-bit WAV of ``seconds`` (8 kB a second at 8 kHz)."""
    frames = int(seconds * rate)
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(1)
        writer.setframerate(rate)
        writer.writeframes(bytes(128 for _ in range(frames)))
    return out.getvalue()


def mp3_bytes(seconds: float) -> bytes:
    """A silent MP3 of about ``seconds`` (4 kB a second)."""
    frames = max(2, math.floor(seconds / MP3_FRAME_SECONDS))
    frame = MP3_FRAME_HEADER + bytes(MP3_FRAME_BYTES - len(MP3_FRAME_HEADER))
    return frame * frames


def fake_mp3_bytes() -> bytes:
    """Text that only claims to be an MP3 (by the name it is uploaded under)."""
    return b"This is not audio, only a text file renamed greeting.mp3.\n" * 20
