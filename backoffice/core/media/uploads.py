"""Audio chosen in a block's web form: stored before the block's write sees the form."""

from __future__ import annotations

from typing import Any

from flask import request
from marshmallow import Schema

from backoffice.core.media.fields import AudioField
from backoffice.core.media.service import audio_limits, store_audio
from backoffice.core.models import Tenant


def audio_fields(schema: Schema) -> dict[str, AudioField]:
    return {name: field for name, field in schema.fields.items()
            if isinstance(field, AudioField) and not field.dump_only}


def attach_uploads(tenant: Tenant, schema: Schema, payload: dict[str, Any]) -> dict[str, Any]:
    """Store each audio file posted for one of the schema's audio fields and put its id in
    ``payload``; :class:`ChangeRejected` naming the limit when a file is refused."""
    for name, field in audio_fields(schema).items():
        upload = request.files.get(name)
        if upload is None or not upload.filename:
            continue
        audio = store_audio(tenant, upload.stream, upload.filename,
                            audio_limits(tenant, field.use),
                            object_type=field.use.partition(".")[0], field=name)
        payload[name] = audio.id
    return payload
