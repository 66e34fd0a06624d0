"""A tenant's audio files (greetings, announcements): upload one for a use, read what
inspection found, fetch its bytes.

A feature's settings refer to an audio file by id: upload the file here with the ``use``
the feature's field names (``voicemail.greeting``), then put the answer's ``id`` in the
feature's field. The upload is checked against that use's limits (formats read from the
content, longest recording, largest file) and refused with the limit named.
"""

from __future__ import annotations

from flask import abort, request, url_for
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backoffice.core.errors import N_
from backoffice.core.media.models import AudioFile
from backoffice.core.media.service import (
    UnknownUse,
    audio_limits,
    audio_response,
    find_audio,
    store_audio,
)
from backoffice.lookups import tenant_or_404
from backoffice.problems import Refused

bp = Blueprint("api_media", __name__, url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="Audio files of a customer (greetings, announcements)")

UPLOAD = {"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file", "use"],
    "properties": {
        "file": {"type": "string", "format": "binary",
                 "description": "An MP3 or WAV file (its content decides, not its name)"},
        "use": {"type": "string", "examples": ["voicemail.greeting"],
                "description": "What the file is for, `<feature>.<audio>`: the field's "
                               "`use` in the feature's schema; its limits apply"}}}}}}


class AudioFileSchema(Schema):
    id = fields.Integer()
    filename = fields.String(metadata={"description": "As uploaded"})
    format = fields.String(metadata={"description": "mp3 or wav, read from the content"})
    seconds = fields.Float(metadata={"description": "Duration"})
    size = fields.Integer(metadata={"description": "Bytes"})
    content_url = fields.Method("content", metadata={"description": "Where its bytes are"})

    def content(self, audio: AudioFile) -> str:
        return url_for("api_media.AudioContent", tenant_id=audio.tenant_id, audio_id=audio.id)


def _audio_or_404(tenant_id: int, audio_id: int) -> AudioFile:
    audio = find_audio(tenant_or_404(tenant_id), audio_id)
    if audio is None:
        abort(404)
    return audio


@bp.route("/audio")
class AudioFiles(MethodView):
    @bp.doc(requestBody=UPLOAD)
    @bp.response(201, AudioFileSchema)
    def post(self, tenant_id: int):
        """Upload an audio file for a use; refused (422) past the use's limits."""
        tenant = tenant_or_404(tenant_id)
        use = (request.form.get("use") or "").strip()
        try:
            limits = audio_limits(tenant, use)
        except UnknownUse:
            raise Refused(422, "audio.use.invalid", N_(
                "“%(use)s” names no audio of a feature offered to this customer."),
                field="use", use=use) from None
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            raise Refused(422, f"{use.partition('.')[0]}.file.required",
                          N_("Choose an MP3 or WAV file."), field="file")
        return store_audio(tenant, upload.stream, upload.filename, limits,
                           object_type=use.partition(".")[0], field="file")


@bp.route("/audio/<int:audio_id>")
class OneAudioFile(MethodView):
    @bp.response(200, AudioFileSchema)
    def get(self, tenant_id: int, audio_id: int):
        """What inspection found of one audio file."""
        return _audio_or_404(tenant_id, audio_id)


@bp.route("/audio/<int:audio_id>/content")
class AudioContent(MethodView):
    @bp.doc(responses={"200": {"description": "The file's bytes", "content": {
        "audio/mpeg": {"schema": {"type": "string", "format": "binary"}},
        "audio/wav": {"schema": {"type": "string", "format": "binary"}}}}})
    def get(self, tenant_id: int, audio_id: int):
        """The audio file itself, to listen to."""
        return audio_response(_audio_or_404(tenant_id, audio_id))
