"""What an uploaded audio file really is (format from its content, duration, size), and the
limits it breaks, each refusal naming its limit."""

from __future__ import annotations

import io
from dataclasses import dataclass

from mutagen import MutagenError
from mutagen.mp3 import MP3
from mutagen.wave import WAVE

from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.limits import AudioLimits

MIME_TYPES = {"mp3": "audio/mpeg", "wav": "audio/wav"}
FORMAT_NAMES = {"mp3": "MP3", "wav": "WAV"}


@dataclass(frozen=True)
class AudioInfo:
    """An audio file as read from its bytes."""

    format: str  # "mp3" or "wav"
    seconds: float
    size: int

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]


def _looks_like_mp3(data: bytes) -> bool:
    """An ID3 tag or an MPEG audio frame sync at the very start (never a guess further in)."""
    return data.startswith(b"ID3") or (len(data) > 1 and data[0] == 0xFF
                                       and data[1] & 0xE0 == 0xE0)


def read_audio(data: bytes) -> AudioInfo | None:
    """The file's real format and duration, or ``None`` when it is no readable MP3 or WAV
    (whatever its name or declared type claims)."""
    try:
        if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
            wave = WAVE(io.BytesIO(data))
            fmt, seconds = "wav", wave.info.length
        elif _looks_like_mp3(data):
            mp3 = MP3(io.BytesIO(data))
            fmt, seconds = "mp3", mp3.info.length
        else:
            return None
    except (MutagenError, ValueError, EOFError, OSError):
        return None
    if not seconds or seconds <= 0:
        return None
    return AudioInfo(fmt, float(seconds), len(data))


def limit_violations(info: AudioInfo, limits: AudioLimits, *, object_type: str,
                     field: str) -> list[Violation]:
    """The limits ``info`` breaks, as violations ``<object>.<field>.<reason>``."""
    prefix = f"{object_type}.{field}"
    if info.format not in limits.formats:
        allowed = ", ".join(FORMAT_NAMES[name] for name in limits.formats)
        return [Violation(code=f"{prefix}.format", field=field, message=N_(
            "This file is %(format)s; the accepted formats are: %(allowed)s."),
            params={"format": FORMAT_NAMES[info.format], "allowed": allowed},
            limit=list(limits.formats))]
    violations = []
    if limits.max_seconds is not None and info.seconds > limits.max_seconds:
        violations.append(Violation(code=f"{prefix}.too_long", field=field, message=N_(
            "The recording lasts %(seconds)s s; the limit is %(max)s s (%(duration)s)."),
            params={"seconds": round(info.seconds, 1), "max": limits.max_seconds,
                    "duration": duration_words(limits.max_seconds)},
            limit=limits.max_seconds))
    if limits.max_bytes is not None and info.size > limits.max_bytes:
        violations.append(Violation(code=f"{prefix}.too_big", field=field, message=N_(
            "The file has %(size)s bytes; the limit is %(max)s bytes."),
            params={"size": info.size, "max": limits.max_bytes}, limit=limits.max_bytes))
    return violations


def inspect_audio(data: bytes, limits: AudioLimits, *, object_type: str,
                  field: str) -> AudioInfo:
    """The file as read, or :class:`ChangeRejected` naming the limit it breaks."""
    info = read_audio(data)
    if info is None:
        allowed = ", ".join(FORMAT_NAMES[name] for name in limits.formats)
        raise ChangeRejected([Violation(
            code=f"{object_type}.{field}.unreadable", field=field, message=N_(
                "This file is not a readable audio file (its content is neither MP3 nor "
                "WAV, whatever its name says). Accepted formats: %(allowed)s."),
            params={"allowed": allowed}, limit=list(limits.formats))])
    violations = limit_violations(info, limits, object_type=object_type, field=field)
    if violations:
        raise ChangeRejected(violations)
    return info


def duration_words(seconds: int | float) -> str:
    """``2 min``, ``1 min 30 s``, ``45 s``, ``4 h``: a length as the guides write it."""
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{hours} h" if hours else "", f"{minutes} min" if minutes else "",
             f"{secs} s" if secs else ""]
    return " ".join(part for part in parts if part) or "0 s"
