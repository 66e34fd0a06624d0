"""A tenant's audio files: store an upload within a feature's limits, find one, check a
feature's reference to one, serve its bytes."""

from __future__ import annotations

import uuid
from typing import IO

from flask import Response, abort
from sqlalchemy import select

from backoffice.core.carriers import offer_of
from backoffice.core.changes import current_actor
from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.jobs import commit
from backoffice.core.limits import AudioLimits
from backoffice.core.media.inspection import (
    MIME_TYPES,
    AudioInfo,
    inspect_audio,
    limit_violations,
)
from backoffice.core.media.models import AudioFile
from backoffice.core.media.storage import media_storage
from backoffice.core.models import Tenant
from backoffice.extensions import db


class UnknownUse(ValueError):
    """``use`` names no audio limits of a feature the tenant's carrier offers."""


def audio_limits(tenant: Tenant, use: str) -> AudioLimits:
    """The limits of ``use``, ``"<feature>.<limits attribute>"`` (``"voicemail.greeting"``),
    as the tenant's carrier declares them. :class:`NotOffered` when the feature is not
    offered; :class:`UnknownUse` when the feature has no such audio."""
    feature, _, name = use.partition(".")
    limits = getattr(offer_of(tenant, feature).limits, name, None) if name else None
    if not isinstance(limits, AudioLimits):
        raise UnknownUse(use)
    return limits


def store_audio(tenant: Tenant, data: bytes | IO[bytes], filename: str, limits: AudioLimits,
                *, object_type: str, field: str) -> AudioFile:
    """Inspect the upload against ``limits`` and keep it for the tenant (committed).

    Raises :class:`ChangeRejected` (``<object_type>.<field>.<reason>``) with nothing kept.
    """
    content = data if isinstance(data, bytes) else data.read()
    if not content:
        raise ChangeRejected([Violation(code=f"{object_type}.{field}.required", field=field,
                                        message=N_("Choose an MP3 or WAV file."))])
    info = inspect_audio(content, limits, object_type=object_type, field=field)
    key = f"tenants/{tenant.id}/{uuid.uuid4().hex}.{info.format}"
    storage = media_storage()
    storage.put(key, content)
    audio = AudioFile(tenant_id=tenant.id, key=key, filename=(filename or "")[-200:],
                      format=info.format, duration_ms=round(info.seconds * 1000),
                      size=info.size, uploaded_by=current_actor())
    db.session.add(audio)
    try:
        commit()
    except Exception:
        storage.delete(key)
        raise
    return audio


def find_audio(tenant: Tenant, audio_id: int | None) -> AudioFile | None:
    """One of the tenant's audio files, or ``None``."""
    if audio_id is None:
        return None
    return db.session.scalar(select(AudioFile).where(AudioFile.id == audio_id,
                                                     AudioFile.tenant_id == tenant.id))


def audio_checks(tenant: Tenant, audio_id: int | None, limits: AudioLimits, *,
                 object_type: str, field: str) -> list[Violation]:
    """A feature's reference to an audio file: the tenant's, and within ``limits`` (the API
    may name a file uploaded for another use)."""
    if audio_id is None:
        return []
    audio = find_audio(tenant, audio_id)
    if audio is None:
        return [Violation(code=f"{object_type}.{field}.unknown", field=field, message=N_(
            "No audio file #%(id)s was uploaded for this customer."), params={"id": audio_id})]
    info = AudioInfo(audio.format, audio.seconds, audio.size)
    return limit_violations(info, limits, object_type=object_type, field=field)


def audio_response(audio: AudioFile) -> Response:
    """The file's bytes, with its real type; the browser may cache it (files never change)."""
    data = audio_bytes(audio)
    if data is None:
        abort(404)
    response = Response(data, mimetype=MIME_TYPES[audio.format])
    response.headers["Content-Disposition"] = f'inline; filename="audio-{audio.id}.{audio.format}"'
    response.headers["Cache-Control"] = "private, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def audio_bytes(audio: AudioFile) -> bytes | None:
    """The stored bytes of ``audio`` (``None`` if the storage lost them)."""
    return media_storage().get(audio.key)
