"""The backoffice's pytest plugin, loaded through the ``pytest11`` entry point.

Any carrier package tested with the backoffice installed gets these fixtures: a fresh
database per session (PostgreSQL when reachable, else SQLite), one app per test, signed-in
clients and the Redis URL. On PostgreSQL the apps connect as an ordinary role
(:data:`APP_ROLE`), so the database's row-level security is exercised too. Under
``CI=true`` PostgreSQL and Redis are required: the session stops at once when either is
missing. Elsewhere the tests marked ``postgres`` or ``redis``
skip, saying why.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import uuid
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from backoffice import create_app
from backoffice.core import rowsecurity
from backoffice.extensions import db


def _serve_the_demo_from_a_copy() -> None:
    """Tests load the demo from the session's copy (:mod:`backoffice.testing.demo_snapshot`)."""
    import backoffice.demo
    from backoffice.testing.demo_snapshot import cached

    if not hasattr(backoffice.demo.load_demo, "__wrapped__"):
        backoffice.demo.load_demo = cached(backoffice.demo.load_demo)


_serve_the_demo_from_a_copy()

MARKERS = {
    "postgres": "needs a real PostgreSQL server",
    "redis": "needs a real Redis server",
    "browser": "drives Debian's chromium through Playwright",
}

AppFactory = Callable[..., Flask]
AgentClientFactory = Callable[..., FlaskClient]


def in_ci() -> bool:
    """True when ``CI=true``: missing services then fail the run instead of skipping."""
    return os.environ.get("CI") == "true"


def postgres_admin_url() -> str:
    """The server where each session creates its database (``TEST_POSTGRES_URL``)."""
    return os.environ.get(
        "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


#: The role the test apps connect as on PostgreSQL: not a superuser, so the row-level
#: security of tenant data applies to it (it owns the tables, which FORCE covers).
APP_ROLE = "backoffice_app"


def ensure_app_role(admin: sa.Engine, role: str = APP_ROLE) -> None:
    """Create the application's ordinary login role on the server unless it exists."""
    with admin.connect() as conn:
        if conn.scalar(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}):
            return
        with contextlib.suppress(sa.exc.DBAPIError):  # another session created it meanwhile
            conn.execute(sa.text(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER NOBYPASSRLS'))


def fresh_database(server_url: str, name: str, role: str = APP_ROLE) -> str:
    """Create database ``name`` anew on ``server_url``, owned by ``role``; its URL as
    ``role`` (for benchmarks, which keep their database between runs of one script)."""
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    ensure_app_role(admin, role)
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}" OWNER "{role}"'))
    admin.dispose()
    url = sa.make_url(server_url).set(username=role, password=None, database=name)
    return url.render_as_string(hide_password=False)


def redis_test_url() -> str:
    """The Redis the job tests use (``TEST_REDIS_URL``)."""
    return os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@cache
def postgres_problem() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    url = postgres_admin_url()
    try:
        engine = sa.create_engine(url)
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return f"PostgreSQL not reachable at {url}: {exc.__class__.__name__}"
    return None


@cache
def redis_problem() -> str | None:
    """Why Redis cannot be used, or None when it answers."""
    from redis import Redis

    url = redis_test_url()
    try:
        Redis.from_url(url, socket_connect_timeout=2).ping()
    except Exception as exc:  # noqa: BLE001
        return f"Redis not reachable at {url}: {exc.__class__.__name__}"
    return None


def migrate_to_head() -> None:
    """Bring the current app's database to the newest schema (needs an app context).

    The one place where tests migrate: change it here if the migrations change shape.
    """
    from flask_migrate import upgrade

    from backoffice.migrating import EVERY_HEAD

    upgrade(revision=EVERY_HEAD)


def app_config(url: str, **extra: Any) -> dict[str, Any]:
    """The configuration of a test app on the database at ``url``."""
    return {"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None,
            "SECRET_KEY": "test", "MEDIA_ROOT": tempfile.mkdtemp(prefix="backoffice-media-"),
            **extra}


def pytest_configure(config: pytest.Config) -> None:
    for name, description in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {description}")
    if config.pluginmanager.has_plugin("pytest-bdd"):
        from backoffice.testing import scenario_reports

        config.pluginmanager.register(scenario_reports, "backoffice-scenario-reports")


def pytest_sessionstart(session: pytest.Session) -> None:
    problems = [p for p in (postgres_problem(), redis_problem()) if p]
    if in_ci() and problems:
        pytest.exit("CI=true needs PostgreSQL and Redis: " + "; ".join(problems), returncode=3)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "postgres" in item.keywords and postgres_problem():
            item.add_marker(pytest.mark.skip(reason=postgres_problem()))
        if "redis" in item.keywords and redis_problem():
            item.add_marker(pytest.mark.skip(reason=redis_problem()))


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh database for this session, migrated to head, dropped at the end."""
    admin: sa.Engine | None = None
    name = ""
    if postgres_problem() is None:
        name = f"backoffice_test_{uuid.uuid4().hex[:12]}"
        admin = sa.create_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
        ensure_app_role(admin)
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" OWNER "{APP_ROLE}"'))
        url = sa.make_url(postgres_admin_url()).set(username=APP_ROLE, password=None,
                                                    database=name)
        url = url.render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    app = create_app(app_config(url))
    with app.app_context():
        migrate_to_head()
        db.engine.dispose()
    yield url
    if admin is not None:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def make_app(database_url: str) -> Iterator[AppFactory]:
    """``make_app(extra_plugins=(), **config)``: an app on the session database.

    Every table is emptied after the test.
    """
    apps: list[Flask] = []

    def factory(extra_plugins: Iterable[object] = (), **config: Any) -> Flask:
        app = create_app(app_config(database_url, **config), extra_plugins=extra_plugins)
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.session.remove()
            with db.engine.begin() as conn:
                rowsecurity.as_system(conn)
                for table in reversed(db.metadata.sorted_tables):
                    conn.execute(table.delete())
            db.engine.dispose()


@pytest.fixture
def app(make_app: AppFactory) -> Iterator[Flask]:
    """The app of the test, its app context pushed."""
    app = make_app()
    with app.app_context():
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """An anonymous test client of ``app``."""
    return app.test_client()


@pytest.fixture
def agent_client(request: pytest.FixtureRequest) -> AgentClientFactory:
    """Signs an agent in: ``agent_client(role="viewer", carrier="bell", app=None)``.

    Without ``app`` it uses the test's ``app`` fixture.
    """
    from backoffice.testing.auth import signed_in_client

    def factory(role: str = "operator_admin", carrier: str | None = None,
                app: Flask | None = None) -> FlaskClient:
        return signed_in_client(app or request.getfixturevalue("app"), role, carrier)

    return factory


@pytest.fixture
def redis_url() -> str:
    """The Redis URL of the job tests; tests that need it are marked ``redis``."""
    return redis_test_url()


@pytest.fixture
def in_english(app: Flask) -> Iterator[None]:
    """Explainer steps and messages in English: texts are written in the agent's language."""
    from flask_babel import force_locale

    with force_locale("en"):
        yield
