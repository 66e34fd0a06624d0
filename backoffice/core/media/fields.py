"""The schema field of a feature's audio: the id of one of the tenant's audio files.

The web form shows it as a player, a file input and a "remove" box; the form's post stores
the chosen file first (:func:`backoffice.core.media.uploads.attach_uploads`). The API takes
the id of a file uploaded to ``/api/v1/tenants/<id>/audio`` with the same ``use``.
"""

from __future__ import annotations

from typing import Any

from marshmallow import fields


class AudioField(fields.Integer):
    """An audio file id, or ``None``; ``use`` names its limits (``"voicemail.greeting"``)."""

    def __init__(self, *, use: str, **kwargs: Any):
        kwargs.setdefault("allow_none", True)
        metadata = {**kwargs.pop("metadata", {}), "widget": "audio", "use": use}
        super().__init__(metadata=metadata, strict=True, **kwargs)
        self.use = use
