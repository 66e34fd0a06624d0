"""Load benchmark: support agents on the phone, against gunicorn on PostgreSQL (issue #24).

Seeds a fresh database (``BENCH_TENANTS`` x 1,000 lines, the four carriers, through
``pages.seed``), starts gunicorn with the repository's ``gunicorn.conf.py`` (jobs queued on
Redis, as in production; no worker runs them), signs ``BENCH_AGENTS`` support agents in
and lets them work for ``BENCH_DURATION`` seconds with locust: each agent, on lines of its
own carrier that no other agent touches, loops over

1. **search**: the line's last six digits typed with spaces (one match: the answer opens
   the line, a redirect);
2. **line page**: the page the search opened;
3. **edit form**: the line's information opened for editing (its "Modify" link);
4. **change**: the line's first name, posted with the form's CSRF token and version;
5. **explain**: the call explainer on that line;
6. **/healthz**: the readiness check, the floor each step is compared with, measured
   under the same load.

It prints each step's throughput, p50 and p95, each p50/p95 as a ratio to /healthz's,
and the errors; exits non-zero on any error (a refused change, a conflict, a 5xx...).

    .venv/bin/pip install -e ".[bench]"
    .venv/bin/python benchmarks/load.py            # BENCH_DATABASE_URL, BENCH_REDIS_URL
    BENCH_DURATION=20 BENCH_AGENTS=50 .venv/bin/python benchmarks/load.py

Locust runs in a child process of its own (``--swarm``): it patches the standard library
with gevent, which the seeding and the server must not see.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("BENCH_DATABASE_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
NAME = os.environ.get("BENCH_DATABASE_NAME", "backoffice_bench_load")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
QUEUE = "backoffice_bench_load"
APP_ROLE = "backoffice_app"
AGENTS = int(os.environ.get("BENCH_AGENTS", 50))
DURATION = float(os.environ.get("BENCH_DURATION", 60))
TENANTS = int(os.environ.get("BENCH_TENANTS", 20))
THINK = (float(os.environ.get("BENCH_THINK_MIN", 0.5)),
         float(os.environ.get("BENCH_THINK_MAX", 1.5)))
LINES_PER_AGENT = 20
STEPS = ("search", "line page", "edit form", "change", "explain", "/healthz")
CALLERS = {"sfr": "01 40 00 00 00", "bell": "514 555-0199", "cooptel": "819 555-0199",
           "telus": "604 555-0199"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(secret: str) -> tuple[str, list[dict]]:
    """A fresh, seeded database; each agent signed in, with its carrier and its lines."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pages
    import sqlalchemy as sa
    from flask_migrate import upgrade

    from backoffice import create_app
    from backoffice.extensions import db
    from backoffice.migrating import EVERY_HEAD
    from backoffice.testing.auth import PASSWORD, log_in, make_agent
    from backoffice.testing.fixtures import fresh_database

    url = fresh_database(SERVER, NAME, APP_ROLE)
    # Sign-in here, on an app of this process: the server's throttle (20 sign-ins per
    # address per 15 minutes) would refuse 50 agents from one address, rightly.
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None, "SECRET_KEY": secret,
                      "AUTH_THROTTLE_STORAGE_URI": "memory://",
                      "AUTH_LOGIN_LIMIT_ACCOUNT": "1000 per minute",
                      "AUTH_LOGIN_LIMIT_ADDRESS": "1000 per minute"})
    agents = []
    with app.app_context():
        upgrade(revision=EVERY_HEAD)
        pages.seed(1, TENANTS)
        with db.engine.begin() as conn:
            conn.execute(sa.text("SELECT set_config('backoffice.carriers', '*', true)"))
            lines = conn.execute(sa.text(
                "SELECT line.id, line.tenant_id, line.number, tenant.carrier_id FROM line "
                "JOIN tenant ON tenant.id = line.tenant_id ORDER BY line.id")).all()
        by_carrier: dict[str, list] = {}
        for line in lines:
            by_carrier.setdefault(line.carrier_id, []).append(line)
        carriers = sorted(by_carrier)
        for n in range(AGENTS):
            carrier = carriers[n % len(carriers)]
            email = f"agent{n}.{carrier}@load.example"
            make_agent("support_agent", carrier, email=email)
            client = app.test_client()
            assert log_in(client, email, PASSWORD).status_code == 302
            client.get("/")  # the session gets its CSRF secret, as after a browser's sign-in
            cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
            start = (n // len(carriers)) * LINES_PER_AGENT
            own = by_carrier[carrier][start:start + LINES_PER_AGENT]
            assert len(own) == LINES_PER_AGENT, "too few lines: raise BENCH_TENANTS"
            agents.append({"cookie": [cookie.key, cookie.value], "carrier": carrier,
                           "lines": [{"url": f"/tenants/{line.tenant_id}/lines/{line.id}",
                                      "digits": line.number[-6:]} for line in own]})
        db.engine.dispose()
    return url, agents


def start_server(url: str, secret: str, port: int, log: Path) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": secret,
           "REDIS_URL": REDIS_URL, "RQ_QUEUE": QUEUE, "SESSION_COOKIE_SECURE": "0",
           "GUNICORN_BIND": f"127.0.0.1:{port}"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
        start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer /healthz within 60 s: see {log}")


def swarm(host: str, agents_file: str, results_file: str) -> None:
    """The locust side (child process): run the agents, write each step's figures."""
    from gevent import monkey

    monkey.patch_all()
    import gevent
    from locust import HttpUser, between, task
    from locust.env import Environment

    agents = json.loads(Path(agents_file).read_text())
    csrf = re.compile(r'name="csrf_token" value="([^"]+)"')
    version = re.compile(r'name="version" value="(\d+)"')
    pool = iter(agents)

    class Agent(HttpUser):
        wait_time = between(*THINK)

        def on_start(self) -> None:
            self.me = next(pool)
            # The server's own host-only cookie: the one its answers replace when the session
            # changes (its CSRF secret, its once-a-minute "seen at").
            name, value = self.me["cookie"]
            self.client.cookies.set(name, value, domain=urlsplit(self.host).hostname, path="/")
            self.turn = 0

        def expect(self, response, status: int, what: str) -> bool:
            if response.status_code != status:
                response.failure(f"{what}: {response.status_code}, expected {status}")
                return False
            response.success()
            return True

        @task
        def on_a_call(self) -> None:
            line = self.me["lines"][self.turn % len(self.me["lines"])]
            self.turn += 1
            digits = line["digits"]
            query = f"{digits[:2]} {digits[2:4]} {digits[4:]}"
            with self.client.get("/search", params={"q": query}, name="search",
                                 allow_redirects=False, catch_response=True) as found:
                if not self.expect(found, 302, "search"):
                    return
                if found.headers.get("Location", "").split("?")[0] != line["url"]:
                    found.failure(f"search opened {found.headers.get('Location')}")
                    return
            with self.client.get(line["url"], name="line page", catch_response=True) as page:
                if not self.expect(page, 200, "line page"):
                    return
            with self.client.get(line["url"], params={"edit": "information"}, name="edit form",
                                 catch_response=True) as form:
                if not self.expect(form, 200, "edit form"):
                    return
                token, current = csrf.search(form.text), version.search(form.text)
                if not token or not current:
                    form.failure("no CSRF token or version in the form")
                    return
            with self.client.post(line["url"], name="change", allow_redirects=False,
                                  catch_response=True, data={
                                      "csrf_token": token.group(1), "version": current.group(1),
                                      "first_name": f"Agent {self.turn}"}) as changed:
                if not self.expect(changed, 302, "change"):
                    return
            with self.client.post(f"{line['url']}/explain", name="explain",
                                  headers={"HX-Request": "true"}, catch_response=True, data={
                                      "csrf_token": token.group(1), "date": "2026-11-23",
                                      "time": "10:00", "state": "idle",
                                      "caller": CALLERS.get(self.me["carrier"], "")}) as told:
                if self.expect(told, 200, "explain") and 'class="error"' in told.text:
                    told.failure("explain refused its form")
            with self.client.get("/healthz", name="/healthz", catch_response=True) as health:
                self.expect(health, 200, "/healthz")

    env = Environment(user_classes=[Agent], host=host)
    runner = env.create_local_runner()
    runner.start(len(agents), spawn_rate=max(1, len(agents) / 5))
    gevent.spawn_later(DURATION, runner.quit)
    runner.greenlet.join()
    figures = {"duration": DURATION, "steps": {}, "errors": {}}
    for name in STEPS:
        entry = next((e for (n, _), e in env.stats.entries.items() if n == name), None)
        if entry is None:
            figures["steps"][name] = None
            continue
        figures["steps"][name] = {
            "requests": entry.num_requests, "failures": entry.num_failures,
            "p50": entry.get_response_time_percentile(0.5),
            "p95": entry.get_response_time_percentile(0.95)}
    figures["errors"] = {f"{error.name}: {error.error}": error.occurrences
                         for error in env.stats.errors.values()}
    Path(results_file).write_text(json.dumps(figures))


def report(figures: dict) -> int:
    steps, duration = figures["steps"], figures["duration"]
    health = steps.get("/healthz")
    print(f"\n{AGENTS} agents, {duration:.0f} s, think time {THINK[0]}-{THINK[1]} s")
    print(f"{'step':10} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p50/healthz':>11} {'p95/healthz':>11} {'errors':>6}")
    for name in STEPS:
        step = steps.get(name)
        if not step:
            print(f"{name:10} (no request)")
            continue
        ratios = ("", "")
        if health and health["p50"] and health["p95"]:
            ratios = (f"{step['p50'] / health['p50']:10.1f}x",
                      f"{step['p95'] / health['p95']:10.1f}x")
        print(f"{name:10} {step['requests']:8d} {step['requests'] / duration:7.1f} "
              f"{step['p50']:7.0f} {step['p95']:7.0f} {ratios[0]:>11} {ratios[1]:>11} "
              f"{step['failures']:6d}")
    journeys = steps.get("/healthz") or {"requests": 0}
    print(f"journeys (search to explain) per second: {journeys['requests'] / duration:.1f}")
    errors = sum(figures["errors"].values())
    print(f"errors: {errors}")
    for what, count in figures["errors"].items():
        print(f"  {count} x {what}")
    missing = [name for name in STEPS if not steps.get(name)]
    return 1 if errors or missing else 0


def main() -> int:
    secret = secrets.token_hex(16)
    url, agents = prepare(secret)
    port = free_port()
    work = Path(tempfile.mkdtemp(prefix="bench_load_"))
    server = start_server(url, secret, port, work / "gunicorn.log")
    try:
        (work / "agents.json").write_text(json.dumps(agents))
        subprocess.run([sys.executable, __file__, "--swarm", f"http://127.0.0.1:{port}",
                        str(work / "agents.json"), str(work / "results.json")], check=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)
        from redis import Redis

        Redis.from_url(REDIS_URL).delete(f"rq:queue:{QUEUE}")
    return report(json.loads((work / "results.json").read_text()))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--swarm":
        swarm(*sys.argv[2:])
        sys.exit(0)
    sys.exit(main())
