"""Test fixtures: a real database per session (PostgreSQL when reachable), one app per test.

Under ``CI=true`` PostgreSQL and Redis are required: the session stops at once when
either is missing. Elsewhere the suite falls back to SQLite and the tests that need
Redis or PostgreSQL skip, saying why.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from backoffice import create_app
from backoffice.extensions import db
from backoffice.migrating import EVERY_HEAD

IN_CI = os.environ.get("CI") == "true"
POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _postgres_problem() -> str | None:
    try:
        engine = sa.create_engine(POSTGRES_ADMIN_URL)
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"PostgreSQL not reachable at {POSTGRES_ADMIN_URL}: {exc.__class__.__name__}"
    return None


def _redis_problem() -> str | None:
    from redis import Redis

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001
        return f"Redis not reachable at {REDIS_URL}: {exc.__class__.__name__}"
    return None


POSTGRES_PROBLEM = _postgres_problem()
REDIS_PROBLEM = _redis_problem()


def pytest_sessionstart(session: pytest.Session) -> None:
    problems = [p for p in (POSTGRES_PROBLEM, REDIS_PROBLEM) if p]
    if IN_CI and problems:
        pytest.exit("CI=true needs PostgreSQL and Redis: " + "; ".join(problems), returncode=3)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "postgres" in item.keywords and POSTGRES_PROBLEM:
            item.add_marker(pytest.mark.skip(reason=POSTGRES_PROBLEM))
        if "redis" in item.keywords and REDIS_PROBLEM:
            item.add_marker(pytest.mark.skip(reason=REDIS_PROBLEM))


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory):
    """A fresh database for this session, migrated to head, dropped at the end."""
    if POSTGRES_PROBLEM is None:
        name = f"backoffice_test_{uuid.uuid4().hex[:12]}"
        admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    else:
        admin, name = None, None
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    app = create_app(_test_config(url))
    with app.app_context():
        upgrade(revision=EVERY_HEAD)
        db.engine.dispose()
    yield url
    if admin is not None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def _test_config(url: str, **extra) -> dict:
    return {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None,
            "SECRET_KEY": "test", **extra}


@pytest.fixture
def make_app(database_url: str):
    """Build an app on the session database; every table is emptied after the test."""
    apps = []

    def factory(extra_plugins=(), **config):
        app = create_app(_test_config(database_url, **config), extra_plugins=extra_plugins)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.session.remove()
            with db.engine.begin() as conn:
                for table in reversed(db.metadata.sorted_tables):
                    conn.execute(table.delete())
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    app = make_app()
    with app.app_context():
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def agent_client(request: pytest.FixtureRequest):
    """Signs an agent in: ``agent_client(role="viewer", carrier="bell", app=None)``.

    Without ``app`` it uses the test's ``app`` fixture.
    """
    from tests.auth_helpers import signed_in_client

    def factory(role: str = "operator_admin", carrier: str | None = None, app=None):
        return signed_in_client(app or request.getfixturevalue("app"), role, carrier)

    return factory


@pytest.fixture
def redis_url() -> str:
    return REDIS_URL


ROOT = Path(__file__).resolve().parent.parent
