"""Configuration from the environment, with embedded defaults (SQLite, jobs in-process)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any


def _secret_key(instance_path: Path) -> str:
    """SECRET_KEY from the environment, else one generated once per instance folder."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
    return key_file.read_text().strip()


def _database_url(instance_path: Path) -> str:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'backoffice.sqlite3'}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def from_environment(instance_path: Path) -> dict[str, Any]:
    """The settings of a running backoffice."""
    instance_path.mkdir(parents=True, exist_ok=True)
    return {
        "SECRET_KEY": _secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": _database_url(instance_path),
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        "RQ_QUEUE": os.environ.get("RQ_QUEUE") or "backoffice",
        # Seconds an order may wait before the sweep queues it again (its job was lost).
        "PROVISIONING_SWEEP_AFTER": float(os.environ.get("PROVISIONING_SWEEP_AFTER", 600)),
        "BABEL_DEFAULT_LOCALE": "fr",
        "BABEL_DEFAULT_TIMEZONE": "UTC",
        "LANGUAGES": ("fr", "en"),
        "API_TITLE": "Backoffice API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.1.0",
        "OPENAPI_URL_PREFIX": "/api",
        "OPENAPI_JSON_PATH": "openapi.json",
        "SANDBOX_FAULTS": {},
        # Request bodies past this many bytes answer 413 (forms and JSON are small).
        "MAX_CONTENT_LENGTH": int(os.environ.get("MAX_CONTENT_LENGTH") or 1024 * 1024),
        # The two walls of tenant isolation: the ORM scope, PostgreSQL row-level security.
        "TENANT_ORM_SCOPE": os.environ.get("TENANT_ORM_SCOPE", "1") != "0",
        "TENANT_DB_SCOPE": os.environ.get("TENANT_DB_SCOPE", "1") != "0",
        # Seconds each sandbox order takes, to rehearse slow networks and killed workers.
        "SANDBOX_DELAY": float(os.environ.get("SANDBOX_DELAY", 0)),
        # Where uploaded audio is kept (<instance>/media when unset) and the largest body
        # of a post that carries one.
        "MEDIA_ROOT": os.environ.get("MEDIA_ROOT") or None,
        "MEDIA_MAX_UPLOAD": int(os.environ.get("MEDIA_MAX_UPLOAD") or 16 * 1024 * 1024),
    }
