"""Audio files served back to the page's player, only from the tenants the agent may see.

Form posts that carry an audio file (block forms, carrier pages) may be larger than other
bodies: their limit is ``MEDIA_MAX_UPLOAD``, raised before anything reads the body.
"""

from __future__ import annotations

from flask import Blueprint, Flask, abort, current_app, request

from backoffice.core.media.service import audio_response, find_audio
from backoffice.lookups import tenant_or_404

bp = Blueprint("media", __name__, url_prefix="/tenants/<int:tenant_id>")
MAX_UPLOAD = 16 * 1024 * 1024
UPLOAD_ENDPOINTS = {"blocks.save", "blocks.change_item", "api_media.AudioFiles",
                    "api_faxes.Faxes", "faxes.send"}


@bp.get("/audio/<int:audio_id>")
def play(tenant_id: int, audio_id: int):
    audio = find_audio(tenant_or_404(tenant_id), audio_id)
    if audio is None:
        abort(404)
    return audio_response(audio)


def allow_uploads() -> None:
    """Raise the body limit of the endpoints that take an audio file."""
    if request.endpoint in UPLOAD_ENDPOINTS or request.endpoint in current_app.config.get(
            "MEDIA_UPLOAD_ENDPOINTS", ()):
        request.max_content_length = int(current_app.config.get("MEDIA_MAX_UPLOAD",
                                                                MAX_UPLOAD))


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.before_request_funcs.setdefault(None, []).insert(0, allow_uploads)
