"""A client can be generated from the OpenAPI document and works against the API.

openapi-python-client writes a Python package from each document (the main one and a
carrier's own); the test imports the carrier's and, through an httpx transport onto the
app itself, changes a line's forwarding with If-Match and reads it back.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import warnings
from pathlib import Path

import httpx
import pytest
from openapi_spec_validator import validate
from sqlalchemy import select

from backoffice.auth.tokens import create_token
from backoffice.core.models import Line
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import make_agent

GENERATOR = Path(sys.executable).with_name("openapi-python-client")


def generate(document: dict, where: Path, package: str) -> Path:
    """Run the generator on ``document``; the package's folder, on ``sys.path`` at ``where``."""
    validate(document)
    source = where / f"{package}.json"
    source.write_text(json.dumps(document))
    config = where / "config.json"
    # audio files, logos and documents download as bytes: the generator reads them as any
    # binary content
    config.write_text(json.dumps({
        "post_hooks": [], "package_name_override": package,
        "content_type_overrides": {kind: "application/octet-stream" for kind in (
            "audio/mpeg", "audio/wav", "image/png", "image/jpeg", "image/gif",
            "application/pdf")}}))
    done = subprocess.run(
        [str(GENERATOR), "generate", "--path", str(source), "--meta", "none",
         "--output-path", str(where / package), "--config", str(config), "--fail-on-warning"],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return where / package


@pytest.fixture
def generated(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in [m for m in sys.modules if m.startswith("client_")]:
        del sys.modules[name]


def test_a_generated_client_changes_a_forwarding_and_reads_it_back(app, generated):
    load_demo()
    _, token = create_token(make_agent("operator_admin", None), "client")
    client = app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    main = client.get("/api/openapi.json", headers=auth).json
    generate(main, generated, "client_main")
    importlib.import_module("client_main.api.api_blocks."
                            "put_api_v1_tenants_tenant_id_lines_line_id_forwarding")
    generate(client.get("/api/v1/carriers/bell/openapi.json").json, generated, "client_bell")

    line = db.session.scalar(select(Line).where(Line.number == "+15145550142"))  # Bell's
    tenant_id, line_id = line.tenant_id, line.id
    db.session.remove()
    package = importlib.import_module("client_bell")
    read = importlib.import_module(
        "client_bell.api.api_blocks.get_api_v1_tenants_tenant_id_lines_line_id_forwarding")
    write = importlib.import_module(
        "client_bell.api.api_blocks.put_api_v1_tenants_tenant_id_lines_line_id_forwarding")
    bell_forwarding = importlib.import_module("client_bell.models.bell_forwarding")
    api = package.AuthenticatedClient(
        base_url="http://backoffice.test", token=token,
        httpx_args={"transport": httpx.WSGITransport(app=app)})

    with api:
        before = read.sync_detailed(tenant_id, line_id, client=api)
        assert before.status_code == 200
        current = before.parsed
        assert isinstance(current, bell_forwarding.BellForwarding)
        assert current.subscribed and not current.always_enabled
        current.always_enabled = True
        current.always_destination = "+15145550199"  # in the line's list of numbers
        stale = write.sync_detailed(tenant_id, line_id, client=api, body=current,
                                    if_match='"999"')
        assert stale.status_code == 412
        written = write.sync_detailed(tenant_id, line_id, client=api, body=current,
                                      if_match=before.headers["ETag"])
        assert written.status_code == 200, written.content
        after = read.sync(tenant_id, line_id, client=api)
    assert after.always_enabled is True and after.always_destination == "+15145550199"
    assert after.version == current.version + 1


def test_component_names_are_the_schemas_own_whatever_the_order(make_app):
    """No schema name is made unique by a counter (``Line1``): a PATCH body is ``LinePatch``,
    and building the document warns of nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        app = make_app()
        with app.app_context():
            document = app.extensions["api"].document()
    names = set(document["components"]["schemas"])
    assert {"Line", "LinePatch", "LinePage"} <= names
    assert not [name for name in names if name[-1].isdigit()]
