"""One small storage interface for media files: put, get and delete bytes by key.

The default keeps them in a folder, ``<instance>/media`` unless the ``MEDIA_ROOT`` setting
names another one. Another backend (an object store) is any object with the same three
methods, installed as ``app.extensions["media_storage"]``. Keys are relative paths of
safe characters; core puts each tenant's files under ``tenants/<tenant id>/``.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Protocol

from flask import Flask, current_app

_KEY = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9]+)?)*")


class MediaStorage(Protocol):
    def put(self, key: str, data: bytes) -> None: ...

    def get(self, key: str) -> bytes | None: ...

    def delete(self, key: str) -> None: ...


class InvalidKey(ValueError):
    """A key with characters or segments a storage refuses (``..``, absolute paths...)."""


def check_key(key: str) -> str:
    if not _KEY.fullmatch(key):
        raise InvalidKey(key)
    return key


class FolderStorage:
    """Files under one folder, one per key; written atomically."""

    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        return path.read_bytes() if path.is_file() else None

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


def media_storage(app: Flask | None = None) -> MediaStorage:
    """The application's storage: ``app.extensions["media_storage"]``, else the folder."""
    app = app or current_app
    storage = app.extensions.get("media_storage")
    if storage is None:
        root = app.config.get("MEDIA_ROOT") or Path(app.instance_path) / "media"
        storage = app.extensions["media_storage"] = FolderStorage(root)
    return storage
