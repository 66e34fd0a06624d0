"""The README's curl examples change each carrier's forwarding as they say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from backoffice.auth.tokens import create_token
from backoffice.core.models import Line
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import make_agent

README = Path(__file__).resolve().parents[1] / "README.md"
LINES = {"Bell": "+15145550142", "TELUS": "+16045550101", "Cooptel": "+15149073400",
         "SFR": "+33483050173"}


def examples() -> dict[str, dict]:
    section = README.read_text().split("## API\n", 1)[1].split("\n## ", 1)[0]
    return {carrier: json.loads(body) for carrier, body in re.findall(
        r"# (\w+):[^\n]*\n[^\n]*\n\s*-d '([^']*)'", section)}


@pytest.mark.parametrize("carrier", list(LINES))
def test_the_readme_example_changes_the_forwarding(app, carrier):
    load_demo()
    body = examples()[carrier]
    _, token = create_token(make_agent("operator_admin", None), "readme")
    auth = {"Authorization": f"Bearer {token}"}
    line = db.session.scalar(select(Line).where(Line.number == LINES[carrier]))
    url = f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}/forwarding"
    client = app.test_client()
    etag = client.head(url, headers=auth).headers["ETag"]
    changed = client.put(url, json=body, headers={**auth, "If-Match": etag})
    assert changed.status_code == 200, changed.json
    assert {key: changed.json[key] for key in body if key.endswith("enabled")} == \
        {key: value for key, value in body.items() if key.endswith("enabled")}
    assert changed.headers["ETag"] != etag
