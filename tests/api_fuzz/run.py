"""Schemathesis against the API, as CI runs it: ``python tests/api_fuzz/run.py``.

A fresh PostgreSQL database (owned by the application's ordinary role, so row-level
security applies), migrated, with the demo data; the app served on a free loopback port;
Schemathesis run twice with every check, once as the operator's administrator and once as
a support agent of one carrier, with a fixed seed and a bounded number of examples per
operation, each carrier's document on a tenant of that carrier. The other path ids are
mostly those of real lines and items (and ``If-Match`` often ``*``), so that generated
writes reach the feature blocks instead of stopping at 404 or 412. Ids start far from 1.
A failure prints the request that reproduces it (a curl command). The server is stopped
and the database dropped whatever happens. Exit status: that of the worst run.

Options: ``--examples N`` (per operation and phase, default 10), ``--seed S``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from backoffice.testing.fixtures import APP_ROLE, ensure_app_role, postgres_admin_url  # noqa: E402

ADMIN = "admin@demo.backoffice.test"
SUPPORT = "support_agent.sfr@demo.backoffice.test"
#: Each run: the agent, the carrier whose document it goes through (a carrier's document
#: has the core resources and that carrier's blocks; its tenants' ids are the path ids) and
#: whether the core resources are tested again or only the carrier's blocks.
#: (agent, carrier whose ids fill the dictionaries, document, what to fuzz). The admin sees
#: every carrier's tenants: it fuzzes core's resources on the main document, which
#: describes every carrier's variant, and each carrier's blocks on that carrier's own
#: document (Schemathesis reuses ids it reads in answers, so a carrier's document run with
#: core's tenant list would reach other carriers' tenants, which it does not describe).
RUNS = (("admin", "sfr", "main", "core"), ("admin", "sfr", "sfr", "blocks"),
        ("admin", "bell", "bell", "blocks"), ("admin", "telus", "telus", "blocks"),
        ("admin", "cooptel", "cooptel", "blocks"), ("support_agent", "sfr", "sfr", "all"))
DOCUMENTS = {"main": "/api/openapi.json"}
SCOPES = {"core": ["--exclude-tag", "api_blocks"], "blocks": ["--include-tag", "api_blocks"],
          "all": []}

#: Answers a schema-valid request may get without the API being wrong: the business
#: rules (422), the preconditions of writes (412 stale If-Match, 428 none), state (409),
#: ids of nothing or of another carrier's (404), a method the tenant's carrier does not
#: answer on this path (405), and for the support agent, administrators' resources (403).
ACCEPTED = ["2xx", 403, 404, 405, 409, 412, 422, 428]
#: How a request that breaks the schema may be refused. A stale If-Match answers 412
#: before the body is read: RFC 9110 §13.2.1 evaluates preconditions before the content.
REJECTED = [400, 401, 403, 404, 405, 406, 409, 412, 415, 422, 428, 429, "5xx"]
#: A write without its required If-Match answers 428 (Precondition Required, RFC 6585).
MISSING_HEADER = [400, 401, 403, 406, 415, 422, 428]

CONFIG = """\
seed = {seed}
workers = 1  # hypothesis describes lambdas by parsing source, which races across threads
request-timeout = 30.0
headers = {{ Authorization = "Bearer {token}" }}

[generation]
max-examples = {examples}
database = "none"
allow-x00 = false

[checks.positive_data_acceptance]
expected-statuses = {accepted}

[checks.negative_data_rejection]
expected-statuses = {rejected}

[checks.missing_required_header]
expected-statuses = {missing}

[parameters]
"path.tenant_id" = {{ dictionary = "tenant_id", probability = 1.0 }}
"body.carrier_id" = {{ dictionary = "this_carrier", probability = 1.0 }}
"path.line_id" = {{ dictionary = "line_ids", probability = 0.9 }}
"path.item_id" = {{ dictionary = "item_ids", probability = 0.7 }}
"path.order_id" = {{ dictionary = "order_ids", probability = 0.7 }}
"path.carrier_id" = {{ dictionary = "carrier_ids", probability = 0.8 }}
"header.If-Match" = {{ dictionary = "any_version", probability = 0.6 }}

[dictionaries.tenant_id]
values = [{tenant_id}]

[dictionaries.this_carrier]
values = ["{carrier}"]

[dictionaries.line_ids]
values = {line_ids}

[dictionaries.item_ids]
values = {item_ids}

[dictionaries.order_ids]
values = {order_ids}

[dictionaries.carrier_ids]
values = ["bell", "telus", "cooptel", "sfr"]

[dictionaries.any_version]
values = ["*"]
"""


def ids_far_from_one(url: sa.URL) -> None:
    """Start every id sequence far from 1, each at its own place: a generated boundary id
    (1) is then of nothing, instead of another carrier's tenant and line, which a carrier's
    document does not describe."""
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        sequences = conn.scalars(sa.text(
            "SELECT sequence_name FROM information_schema.sequences ORDER BY 1")).all()
        for number, sequence in enumerate(sequences, start=1):
            conn.execute(sa.text("SELECT setval(:s, :v, false)"),
                         {"s": sequence, "v": number * 100_000})
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def backoffice(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([str(BIN / "backoffice"), *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"backoffice {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def get(base: str, token: str, path: str):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)


def wait_for(base: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("the server stopped before answering")
        try:
            urllib.request.urlopen(base + "/api/openapi.json", timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"the server did not answer at {base} within {seconds}s")


def ids(base: str, token: str, carrier: str) -> dict[str, list[int]]:
    """Real ids of ``carrier``'s tenants the agent may see: tenants, lines, items, orders."""
    found: dict[str, set[int]] = {"tenant": set(), "line": set(), "item": set(), "order": set()}
    document = get(base, token, f"/api/v1/carriers/{carrier}/openapi.json")
    item_paths = [p for p in document["paths"] if p.endswith("{item_id}")]
    for tenant in get(base, token, f"/api/v1/tenants?carrier={carrier}&page_size=200")["items"]:
        tid = tenant["id"]
        found["tenant"].add(tid)
        lines = get(base, token, f"/api/v1/tenants/{tid}/lines?page_size=200")["items"]
        found["order"].update(o["id"] for o in get(
            base, token, f"/api/v1/tenants/{tid}/orders?page_size=200")["items"])
        found["line"].update(line["id"] for line in lines)
        for path in item_paths:
            collection = path.rsplit("/", 1)[0]
            for line in lines if "{line_id}" in collection else [None]:
                url = collection.replace("{tenant_id}", str(tid))
                if line is not None:
                    url = url.replace("{line_id}", str(line["id"]))
                with contextlib.suppress(urllib.error.HTTPError):  # not on this line's plan
                    found["item"].update(i["id"] for i in get(base, token, url)["items"])
    return {kind: sorted(values) or [1] for kind, values in found.items()}


def fuzz(base: str, token: str, label: str, carrier: str, document: str, scope: str,
         examples: int, seed: int, work: Path) -> tuple[int, int]:
    """One Schemathesis run on ``document`` (``main`` or a carrier's), with ``carrier``'s
    ids: its exit status and its case count."""
    known = ids(base, token, carrier)
    name = f"{label}-{document}-{scope}"
    url = DOCUMENTS.get(document, f"/api/v1/carriers/{document}/openapi.json")
    config = work / f"{name}.toml"
    config.write_text(CONFIG.format(
        seed=seed, token=token, examples=examples, accepted=json.dumps(ACCEPTED),
        missing=json.dumps(MISSING_HEADER), rejected=json.dumps(REJECTED),
        tenant_id=known["tenant"][0], carrier=carrier, line_ids=known["line"],
        item_ids=known["item"], order_ids=known["order"]))
    print(f"== Schemathesis as {label} on the {document} document ({scope}): "
          f"{len(known['tenant'])} "
          f"tenant(s), {len(known['line'])} lines, {len(known['item'])} items", flush=True)
    started = time.monotonic()
    done = subprocess.run(
        [str(BIN / "schemathesis"), "--config-file", str(config), "run",
         f"{base}{url}", "--url", base,
         "--checks", "all", "--no-color", "--report", "junit",
         "--report-dir", str(work / name), *SCOPES[scope]],
        cwd=work, check=False, capture_output=True, text=True)
    output = done.stdout + done.stderr
    summary = output if done.returncode else output[output.rfind("SUMMARY"):]
    print(summary, flush=True)
    cases = sum(int(n) for n in re.findall(r"(\d+) generated", output))
    print(f"== {name}: exit {done.returncode}, {cases} generated cases, "
          f"{time.monotonic() - started:.0f}s", flush=True)
    return done.returncode, cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10)
    parser.add_argument("--seed", type=int, default=20261130)
    options = parser.parse_args()

    admin = sa.create_engine(postgres_admin_url(), isolation_level="AUTOCOMMIT")
    ensure_app_role(admin)
    name = f"backoffice_fuzz_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" OWNER "{APP_ROLE}"'))
    url = sa.make_url(postgres_admin_url()).set(username=APP_ROLE, password=None,
                                                database=name)
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(DATABASE_URL=url.render_as_string(hide_password=False),
               SECRET_KEY="fuzz-" + uuid.uuid4().hex, SESSION_COOKIE_SECURE="0")
    server = None
    try:
        with tempfile.TemporaryDirectory(prefix="api-fuzz-") as work:
            backoffice(env, "db", "upgrade")
            ids_far_from_one(url.set(username=sa.make_url(postgres_admin_url()).username))
            backoffice(env, "demo")
            tokens = {label: backoffice(env, "create-token", email, "--name", "fuzz").strip()
                      for label, email in (("admin", ADMIN), ("support_agent", SUPPORT))}
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            server = subprocess.Popen(
                [str(BIN / "backoffice"), "run", "--host", "127.0.0.1", "--port", str(port),
                 "--with-threads"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                stderr=open(Path(work) / "server.log", "w"))  # noqa: SIM115
            wait_for(base, server)
            status, total, started = 0, 0, time.monotonic()
            for label, carrier, document, scope in RUNS:
                code, cases = fuzz(base, tokens[label], label, carrier, document, scope,
                                   options.examples, options.seed, Path(work))
                status, total = max(status, code), total + cases
            print(f"== Schemathesis: {total} generated cases, "
                  f"{'failures' if status else 'no failure'}, "
                  f"{time.monotonic() - started:.0f}s", flush=True)
            if status:
                print((Path(work) / "server.log").read_text()[-20000:])
            return status
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
