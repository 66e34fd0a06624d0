"""Health check and request logs."""

import json
import logging

import pytest


def test_healthz_reports_the_database_without_signing_in(app):
    response = app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "checks": {"application": "ok", "database": "ok",
                                                        "migrations": "ok"}}


def test_liveness_asks_no_dependency_and_readiness_asks_every_one():
    from backoffice import create_app
    from backoffice.testing.fixtures import app_config

    broken = create_app(app_config("postgresql+psycopg://nobody@127.0.0.1:1/none",
                                   REDIS_URL="redis://127.0.0.1:1/0"))
    client = broken.test_client()
    assert client.get("/healthz/live").status_code == 200
    ready = client.get("/healthz/ready")
    assert ready.status_code == 503
    assert ready.json["checks"]["database"].startswith("error")
    assert ready.json["checks"]["redis"].startswith("error")
    assert client.get("/healthz").json == ready.json


def test_readiness_waits_for_the_migrations_at_every_head(app):
    from backoffice import observability

    client = app.test_client()
    assert client.get("/healthz/ready").json["checks"]["migrations"] == "ok"
    known = observability._expected_heads()
    app.extensions["migration_heads"] = known | {"0099_not_applied"}
    response = client.get("/healthz/ready")
    assert response.status_code == 503
    assert response.json["checks"]["migrations"] == "behind: 0099_not_applied not applied"


@pytest.mark.redis
def test_healthz_reports_redis_when_configured(make_app, redis_url):
    app = make_app(REDIS_URL=redis_url)
    assert app.test_client().get("/healthz").json["checks"]["redis"] == "ok"
    broken = make_app(REDIS_URL="redis://127.0.0.1:1/0")
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503 and response.json["checks"]["redis"].startswith("error")


def test_each_request_logs_one_json_line_with_its_request_id(app, caplog):
    with caplog.at_level(logging.INFO, logger="backoffice.request"):
        response = app.test_client().get("/healthz", headers={"X-Request-Id": "abc123"})
    assert response.headers["X-Request-Id"] == "abc123"
    entry = json.loads(caplog.records[-1].message)
    assert entry["request_id"] == "abc123" and entry["path"] == "/healthz"
    assert entry["status"] == 200 and entry["duration_ms"] >= 0
