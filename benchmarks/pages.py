"""Page benchmark: searches, tenant page, lines table and line page on PostgreSQL.

Seeds two fresh databases (10 tenants x 1,000 lines; the same and 990 more tenants =
1,000,000 lines) and measures each page at both sizes, in one run, the two sizes' requests
in turn, so that a slow or fast moment of the machine weighs on both sizes alike: median
and p95 time of the page, its number of SQL queries, and the same queries replayed raw on
the same connection. A last row, "one statement", measures the floor under every page: a
request whose view runs a single ORM statement of the agent's tenant scope, through the
same client, sign-in and request log as the pages, against its raw replay.

Targets, each judged against the same run (no absolute milliseconds, which depend on the
machine): a page's overhead over its raw SQL is at most 1.5x the floor's
((page/raw) / (one statement/raw) <= 1.5, at each size); data growth costs at most 30%
(the page's median at the large size <= 1.3x its median at 10k lines); and a query count
that does not grow with the data.

The searches: a number typed in full ("search"), its last six digits with spaces ("search
digits"; six digits are one line at every size, so it opens the line at both) and a name
typed without accents ("search name", as the live results that htmx asks while the agent
types, which stay a list). A search that finds one line answers with a redirect to it.

Every page is measured twice: behind the ORM wall only, and behind both walls (the ORM
scope and PostgreSQL's row-level security, the app connecting as an ordinary role); the
last table is the cost of the second wall on each page.

    .venv/bin/python benchmarks/pages.py            # BENCH_DATABASE_URL to change the server
    BENCH_LARGE_TENANTS=90 .venv/bin/python benchmarks/pages.py   # 100k lines, not 1M

Exits non-zero when a target is missed.
"""

from __future__ import annotations

import gc
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from itertools import count, islice

import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy import event

from backoffice import create_app
from backoffice.core.searchkeys import fold, reversed_digits
from backoffice.extensions import db
from backoffice.migrating import EVERY_HEAD
from backoffice.testing.fixtures import fresh_database as create_database

SERVER = os.environ.get("BENCH_DATABASE_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
NAME = os.environ.get("BENCH_DATABASE_NAME", "backoffice_bench")
APP_ROLE = "backoffice_app"  # not a superuser: row-level security applies to it
LARGE_TENANTS = int(os.environ.get("BENCH_LARGE_TENANTS", 990))
LINES_PER_TENANT = 1000
RUNS = 60
PAGE_CARRIER = "sfr"
PAGES = ("search", "search digits", "search name", "tenant page", "lines table", "line page")
CARRIERS = {"sfr": ("fixe", "+331{:08d}"), "bell": ("liaisons_sip", "+1514{:07d}"),
            "cooptel": ("extension", "+1819{:07d}"), "telus": ("user", "+1604{:07d}")}
FIRST = ["Julie", "Marc", "Camille", "Antoine", "Valérie", "Stéphane", "Nadia", "Olivier"]


def fresh_database(name: str) -> str:
    return create_database(SERVER, name, APP_ROLE)


def carrier_of(tenant_id: int) -> str:
    """The carrier of a tenant; its lines get that carrier's plan, whichever seeding step."""
    return list(CARRIERS)[(tenant_id - 1) % len(CARRIERS)]


def free_extensions(carrier: str) -> list[str]:
    """A tenant's extensions from 100 up, leaving out those the carrier reserves (seeded
    lines bypass the checks, and an agent saving one of them would be refused)."""
    from backoffice.core.carriers import registry
    from backoffice.core.lines import reserved_extensions

    reserved = set(reserved_extensions(registry()[carrier]))
    return list(islice((str(n) for n in count(100) if str(n) not in reserved),
                       LINES_PER_TENANT))


def seed(first_tenant: int, tenants: int) -> None:
    """Tenants, one site each and their lines, through COPY (the pipeline is not measured)."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        # System work: COPY refuses row-level security, so the owner lifts it for this
        # transaction only (DDL is transactional: no other transaction sees it lifted).
        for table in ("tenant", "site", "line"):
            cursor.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        with cursor.copy("COPY tenant (id, name, name_key, carrier_id, locale, timezone, "
                         "created_at, version) FROM STDIN") as copy:
            for t in range(first_tenant, first_tenant + tenants):
                carrier = carrier_of(t)
                zone = "Europe/Paris" if carrier == "sfr" else "America/Toronto"
                name = f"Client {t:04d}"
                copy.write_row((t, name, fold(name), carrier, "fr", zone, "2026-01-01", 1))
        with cursor.copy("COPY site (id, tenant_id, name, street, postal_code, city, country, "
                         "version) FROM STDIN") as copy:
            for t in range(first_tenant, first_tenant + tenants):
                copy.write_row((t, t, f"Siège {t}", "1 RUE DU PORT", "06520", "GRASSE", "FR", 1))
        extensions = {carrier: free_extensions(carrier) for carrier in CARRIERS}
        with cursor.copy("COPY line (tenant_id, site_id, plan, number, extension, first_name, "
                         "last_name, email, version, number_tail, first_name_key, "
                         "last_name_key) FROM STDIN") as copy:
            for t in range(first_tenant, first_tenant + tenants):
                plan, pattern = CARRIERS[carrier_of(t)]
                for n, extension in enumerate(extensions[carrier_of(t)]):
                    i = t * LINES_PER_TENANT + n
                    number, first, last = pattern.format(2_000_000 + i), FIRST[i % len(FIRST)], \
                        f"Nom{i}"
                    copy.write_row((t, t, plan, number, extension, first, last,
                                    f"user{i}@client{t}.test", 1, reversed_digits(number),
                                    fold(first), fold(last)))
        for table in ("tenant", "site", "line"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                           f"(SELECT max(id) FROM {table}))")
            cursor.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        raw.commit()
        # As after any bulk load: statistics for the planner, every new row's visibility
        # settled and the load's pages written out, so that neither the first reads,
        # autovacuum's catching up nor the checkpoint that the load's WAL calls for land
        # inside the timed runs.
        connection = raw.driver_connection
        connection.autocommit = True
        try:
            cursor.execute("VACUUM (ANALYZE) tenant, site, line")
        finally:
            connection.autocommit = False
    finally:
        raw.close()
    server = sa.create_engine(SERVER, isolation_level="AUTOCOMMIT")  # the server's admin
    try:
        with server.connect() as admin:
            admin.execute(sa.text("CHECKPOINT"))
    finally:
        server.dispose()


class Recorder:
    """The statements a page sends, to count them and replay them raw."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, object]] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.statements.append((statement, parameters))


def measure(sides: list[tuple[sa.Engine, Callable[[], None]]]) -> list[dict]:
    """Time each side's ``run`` (one request) and its statements replayed raw, run by run,
    the sides (one per database size) in turn.

    The statements are recorded on one untimed run, so no listener runs inside the timed
    ones. Each timed run is followed by one raw replay of those statements on a
    connection of the same pool, and each side's run by the next side's, so a slow or fast
    moment of the machine weighs on both sides of the ratio, and on every size, alike. Each
    request runs in its own app context, as under a WSGI server: a fresh session, so the
    agent and the tenant are loaded by SQL every time. The raw replay ends its transaction
    inside the timing, as the page does.
    """
    recorded = [_recorded(engine, run) for engine, run in sides]
    times = [{"page": [], "raw": []} for _ in sides]
    with ExitStack() as connections:
        replays = [_replay(connections.enter_context(engine.connect()), statements)
                   for (engine, _), statements in zip(sides, recorded, strict=True)]
        for replay in replays:
            for _ in range(3):
                replay()
        for _ in range(RUNS):
            for (_, run), replay, timed in zip(sides, replays, times, strict=True):
                start = time.perf_counter()
                run()
                timed["page"].append(time.perf_counter() - start)
                timed["raw"].append(replay())
    return [{"queries": len(statements), **timed}
            for statements, timed in zip(recorded, times, strict=True)]


def _recorded(engine: sa.Engine, run: Callable[[], None]) -> list[tuple[str, object]]:
    recorder = Recorder()
    for _ in range(3):
        run()
    event.listen(engine, "before_cursor_execute", recorder)
    run()
    event.remove(engine, "before_cursor_execute", recorder)
    return list(recorder.statements)


def _replay(conn: sa.Connection, statements: list[tuple[str, object]]) -> Callable[[], float]:
    dbapi = conn.connection.dbapi_connection

    def replay() -> float:
        start = time.perf_counter()
        with dbapi.cursor() as cursor:
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                if cursor.description:
                    cursor.fetchall()
        dbapi.rollback()
        return time.perf_counter() - start

    return replay


def page_request(client, path: str, headers: dict | None) -> Callable[[], None]:
    """A GET of ``path``: a page, or a search's redirect to the one line it found."""
    def run() -> None:
        response = client.get(path, headers=headers)
        assert response.status_code in (200, 302), (path, response.status_code)
    return run


FLOOR_PATH = "/benchmark/one-statement/<int:line_id>"


def add_floor_route(app) -> None:
    """The floor's view, on the benchmark's apps only: one ORM statement of the agent's scope
    (fetch a line by its key, as the pages do) and an empty answer."""
    from backoffice.core.models import Line

    def one_statement_view(line_id: int) -> tuple[str, int]:
        return "", 200 if db.session.get(Line, line_id) is not None else 404

    app.add_url_rule(FLOOR_PATH, "benchmark_one_statement", one_statement_view)


def one_statement(client, line_id: int) -> Callable[[], None]:
    """The floor under every page: one ORM statement in a request, through the same client,
    sign-in, tenant scope, request log and teardown as the pages, with no page around it.
    What every request costs is under the floor as it is under each page."""
    return page_request(client, FLOOR_PATH.replace("<int:line_id>", str(line_id)), None)


def quantiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def page_runs(app) -> tuple[sa.Engine, dict[str, Callable[[], None]]]:
    """The app's engine and, for each page and the floor, one request of it."""
    from backoffice.testing.auth import signed_in_client

    # A carrier's support agent, as on the phone all day: every statement carries the
    # tenant-isolation criteria of its carrier.
    client = signed_in_client(app, "support_agent", PAGE_CARRIER)
    with app.app_context():
        engine = db.engine
        # The newest SFR tenant at both sizes: the same carrier, so the same feature blocks
        # (SFR's "fixe" line page has the most), and query counts compare like for like.
        tenant_id = db.session.scalar(sa.text(
            "SELECT max(id) FROM tenant WHERE carrier_id = :c"), {"c": PAGE_CARRIER})
        line_id, number, first, last = db.session.execute(sa.text(
            "SELECT id, number, first_name, last_name FROM line WHERE tenant_id = :t "
            "ORDER BY id LIMIT 1 OFFSET 500"), {"t": tenant_id}).one()
    national = "0" + number[3:] if number.startswith("+33") else number[2:]
    digits = f"{number[-6:-4]} {number[-4:-2]} {number[-2:]}"
    pages = {
        "search": (f"/search?q={national}", None),
        "search digits": (f"/search?q={digits}", None),
        "search name": (f"/search?q={fold(first)} {fold(last)}", {"HX-Request": "true"}),
        "tenant page": (f"/tenants/{tenant_id}", None),
        "lines table": (f"/tenants/{tenant_id}?page=7&sort=name",
                        {"HX-Target": "lines-table"}),
        "line page": (f"/tenants/{tenant_id}/lines/{line_id}", None),
    }
    runs = {name: page_request(client, path, headers)
            for name, (path, headers) in pages.items()}
    runs["one statement"] = one_statement(client, line_id)
    return engine, runs


def run_pages(apps: dict[str, object]) -> dict[str, list[tuple]]:
    """Every page at every size (``apps``: one per size, by label), the sizes interleaved;
    for each size, a row per page."""
    # Seeding built and dropped millions of Python objects: collect now and freeze what
    # survives, so no full collection of the seeding's leftovers lands inside a timed run.
    gc.collect()
    gc.freeze()
    sides = {label: page_runs(app) for label, app in apps.items()}
    rows: dict[str, list[tuple]] = {label: [] for label in apps}
    for name in (*PAGES, "one statement"):
        results = measure([(engine, runs[name]) for engine, runs in sides.values()])
        for label, result in zip(sides, results, strict=True):
            page_median, page_p95 = quantiles(result["page"])
            raw_median, raw_p95 = quantiles(result["raw"])
            rows[label].append((label, name, result["queries"], page_median, page_p95,
                                raw_median, raw_p95, page_median / raw_median))
    return rows


#: A page's page/raw ratio at most this many times the floor's (one statement's) page/raw.
FLOOR_TARGET = 1.5
#: A page's median at the large size at most this many times its median at 10k lines.
GROWTH_TARGET = 1.3
WALLS = {"ORM wall": {"TENANT_DB_SCOPE": False}, "both walls": {"TENANT_DB_SCOPE": True}}


def main() -> int:
    small_url, large_url = fresh_database(f"{NAME}_10k"), fresh_database(NAME)
    large_label = f"{(10 + LARGE_TENANTS) * LINES_PER_TENANT // 1000:,}k lines"
    sizes = {"10k lines": small_url, large_label: large_url}
    apps = {(wall, label): create_app({"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None,
                                       **config})
            for wall, config in WALLS.items() for label, url in sizes.items()}
    for app in apps.values():
        add_floor_route(app)
    # Each request still formats and writes its JSON log line, but to /dev/null, and once:
    # alembic's logging set-up would otherwise print every line twice on the terminal.
    request_log = logging.getLogger("backoffice.request")
    request_log.propagate = False
    for handler in request_log.handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(open(os.devnull, "w"))  # noqa: SIM115 - for the whole run
    first_wall = next(iter(WALLS))
    with apps[first_wall, "10k lines"].app_context():
        upgrade(revision=EVERY_HEAD)
        seed(1, 10)
    with apps[first_wall, large_label].app_context():
        upgrade(revision=EVERY_HEAD)
        started = time.perf_counter()
        seed(1, 10)
        seed(11, LARGE_TENANTS)
        print(f"seeded {(10 + LARGE_TENANTS) * LINES_PER_TENANT:,} lines in "
              f"{time.perf_counter() - started:.0f} s")
    small, large = {}, {}
    for wall in WALLS:
        rows = run_pages({label: apps[wall, label] for label in sizes})
        small[wall], large[wall] = rows["10k lines"], rows[large_label]
    failures = []
    for wall in WALLS:
        print(f"\n{wall}")
        print(f"{'data':10} {'page':13} {'queries':>7} {'median ms':>10} {'p95 ms':>8} "
              f"{'raw med':>8} {'raw p95':>8} {'page/raw':>8}")
        for row in small[wall] + large[wall]:
            print(f"{row[0]:10} {row[1]:13} {row[2]:7d} {row[3]:10.2f} {row[4]:8.2f} "
                  f"{row[5]:8.2f} {row[6]:8.2f} {row[7]:8.1f}x")
        failures += [f"{wall}, {big[1]}: queries grew {few[2]} -> {big[2]}"
                     for few, big in zip(small[wall], large[wall], strict=True)
                     if big[2] > few[2]]
        print(f"\n{'data':10} {'page':13} {'vs floor':>8} (target <= {FLOOR_TARGET}x)   "
              f"{'growth':>6} (large/10k median, target <= {GROWTH_TARGET}x)")
        for few, big in zip(small[wall], large[wall], strict=True):
            if few[1] not in PAGES:
                continue
            floors = {rows[-1][0]: rows[-1][7] for rows in (small[wall], large[wall])}
            growth = big[3] / few[3]
            for row in (few, big):
                versus = row[7] / floors[row[0]]
                print(f"{row[0]:10} {row[1]:13} {versus:7.2f}x"
                      + (f"   {growth:6.2f}x" if row is big else ""))
                if versus > FLOOR_TARGET:
                    failures.append(f"{wall}, {row[1]} at {row[0]}: {versus:.2f}x the floor's "
                                    f"page/raw ({row[7]:.1f}x vs {floors[row[0]]:.1f}x)")
            if growth > GROWTH_TARGET:
                failures.append(f"{wall}, {big[1]}: {big[0]} median is {growth:.2f}x its "
                                f"10k median ({few[3]:.2f} -> {big[3]:.2f} ms)")
    print("\ncost of the second wall (row-level security): both walls vs ORM wall only")
    print(f"{'data':10} {'page':13} {'ORM ms':>8} {'both ms':>8} {'+ms':>7} {'+%':>6} "
          f"{'+queries':>8}")
    for orm, both in zip(small["ORM wall"] + large["ORM wall"],
                         small["both walls"] + large["both walls"], strict=True):
        print(f"{orm[0]:10} {orm[1]:13} {orm[3]:8.2f} {both[3]:8.2f} "
              f"{both[3] - orm[3]:7.2f} {(both[3] / orm[3] - 1) * 100:5.0f}% "
              f"{both[2] - orm[2]:8d}")
    for failure in failures:
        print("MISSED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
