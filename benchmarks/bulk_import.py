"""Bulk import benchmark: 10,000 lines through the import vs a raw ``executemany``.

On PostgreSQL, as the application's ordinary role (row-level security on). Each round
imports the same 10,000 rows into a fresh tenant twice, alternately:

- **raw**: one ``executemany`` of the rows, already in their stored form (search keys
  included), into ``line``, then a commit: the floor under any import;
- **import**: what the job does: read the CSV file, check every row as a single new line
  (schema, core checks, the carrier's rules, duplicates inside the file), insert the lines,
  write the ``line_import`` audit record and the provisioning order(s), commit.

A first import, left out of the medians, warms the process up as a long-running rq worker
is (its time is printed: it also starts the fork server and the schema workers of a large
import).
The import's orders go to an rq queue on Redis, as in production (``BENCH_REDIS_URL``, a
queue of the benchmark's own, emptied after each round): the network's work is the
workers', not the import's. It prints the median of each, their ratio (target: import <=
2x raw) and the import's rows per second. Bell takes an import as one batched order;
``BENCH_CARRIER=sfr`` measures a carrier with rules that look the lines up (unique @mail,
associated mobile) and one order per line.

    .venv/bin/python benchmarks/bulk_import.py   # BENCH_DATABASE_URL, BENCH_REDIS_URL,
    BENCH_CARRIER=sfr BENCH_ROWS=10000 BENCH_ROUNDS=3 .venv/bin/python benchmarks/bulk_import.py
"""

from __future__ import annotations

import io
import logging
import os
import statistics
import sys
import time

import sqlalchemy as sa

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from flask_migrate import upgrade  # noqa: E402

from backoffice import create_app  # noqa: E402
from backoffice.core import rowsecurity  # noqa: E402
from backoffice.core.jobs import rq_queue  # noqa: E402
from backoffice.core.searchkeys import fold, reversed_digits  # noqa: E402
from backoffice.extensions import db  # noqa: E402
from backoffice.migrating import EVERY_HEAD  # noqa: E402
from backoffice.testing.fixtures import fresh_database as create_database  # noqa: E402

SERVER = os.environ.get("BENCH_DATABASE_URL",
                        "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
NAME = os.environ.get("BENCH_DATABASE_NAME", "backoffice_bench_bulk")
APP_ROLE = "backoffice_app"
ROWS = int(os.environ.get("BENCH_ROWS", 10_000))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0") or None
QUEUE = "backoffice_bench_bulk"
CARRIER = os.environ.get("BENCH_CARRIER", "bell")
TARGET = 2.0
FORMATS = {"bell": ("liaisons_sip", "+1514{:07d}", "514{:07d}"),
           "sfr": ("mobile", "+336{:08d}", "06{:08d}")}
COLUMNS = ("tenant_id", "plan", "number", "extension", "first_name", "last_name", "email",
           "mac", "version", "number_tail", "first_name_key", "last_name_key")


def fresh_database() -> str:
    return create_database(SERVER, NAME, APP_ROLE)


def rows(offset: int) -> list[dict[str, str]]:
    plan, stored, typed = FORMATS[CARRIER]
    return [{"plan": plan, "stored": stored.format(2_000_000 + offset + i),
             "number": typed.format(2_000_000 + offset + i), "extension": str(10_000 + i),
             "first_name": "Prénom", "last_name": f"Nom{i}",
             "email": f"user{offset + i}@client.test", "mac": f"{offset + i:012X}"}
            for i in range(ROWS)]


def csv_file(data: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    out.write("plan,number,extension,first_name,last_name,email,site,associated_number,mac\n")
    for row in data:
        out.write(f"{row['plan']},{row['number']},{row['extension']},{row['first_name']},"
                  f"{row['last_name']},{row['email']},,,{row['mac']}\n")
    return out.getvalue().encode()


def new_tenant(name: str) -> int:
    from backoffice.core.tenants import create_tenant

    return create_tenant({"name": name, "carrier_id": CARRIER}).id


def raw(tenant_id: int, data: list[dict[str, str]]) -> float:
    """One executemany of the stored rows, on the pool's connection, and its commit."""
    values = [(tenant_id, row["plan"], row["stored"], row["extension"], row["first_name"],
               row["last_name"], row["email"], row["mac"], 1, reversed_digits(row["stored"]),
               fold(row["first_name"]), fold(row["last_name"])) for row in data]
    statement = (f"INSERT INTO line ({', '.join(COLUMNS)}) "
                 f"VALUES ({', '.join(['%s'] * len(COLUMNS))})")
    connection = db.engine.raw_connection()
    try:
        start = time.perf_counter()
        cursor = connection.cursor()
        cursor.execute("SELECT set_config(%s, %s, true)", (rowsecurity.SETTING,
                                                           rowsecurity.EVERY_CARRIER))
        cursor.executemany(statement, values)
        connection.commit()
        return time.perf_counter() - start
    finally:
        connection.close()


def imported(tenant_id: int, content: bytes) -> float:
    """The import as its job runs it, from the file's bytes to the commit."""
    from backoffice.core.bulk.importing import run_import
    from backoffice.core.bulk.models import LineImport
    from backoffice.core.bulk.reading import read_rows
    from backoffice.core.jobs import commit

    db.session.remove()
    start = time.perf_counter()
    data = read_rows("lines.csv", io.BytesIO(content), ROWS)
    job = LineImport(tenant_id=tenant_id, actor="bench", filename="lines.csv",
                     status=LineImport.QUEUED, total=len(data), rows=data, report=[])
    db.session.add(job)
    commit()
    status = run_import(job.id)
    elapsed = time.perf_counter() - start
    assert status == "done", (status, db.session.get(LineImport, job.id).report[:3])
    return elapsed


def main() -> int:
    logging.getLogger("backoffice.request").propagate = False
    app = create_app({"SQLALCHEMY_DATABASE_URI": fresh_database(), "REDIS_URL": REDIS_URL,
                      "RQ_QUEUE": QUEUE, "BULK_MAX_ROWS": ROWS})
    raws, imports = [], []
    with app.app_context():
        upgrade(revision=EVERY_HEAD)
        data = rows(0)
        content = csv_file(data)
        first = imported(new_tenant("Warm-up"), content)
        if rq_queue() is not None:
            rq_queue().empty()
        print(f"warm-up: import {first:.2f} s (the process's first import also starts the "
              "fork server and its schema workers; not in the medians)")
        for number in range(ROUNDS):
            raws.append(raw(new_tenant(f"Raw {number}"), data))
            imports.append(imported(new_tenant(f"Import {number}"), content))
            if rq_queue() is not None:  # BENCH_REDIS_URL= (empty): orders pushed in-process
                rq_queue().empty()
            print(f"round {number + 1}: raw {raws[-1]:.2f} s, import {imports[-1]:.2f} s")
        lines = db.session.scalar(sa.text("SELECT count(*) FROM line"))
        assert lines == (2 * ROUNDS + 1) * ROWS, lines
    raw_s, import_s = statistics.median(raws), statistics.median(imports)
    ratio = import_s / raw_s
    print(f"\n{ROWS:,} lines, carrier {CARRIER}, median of {ROUNDS} rounds")
    print(f"raw executemany   {raw_s:7.2f} s  {ROWS / raw_s:9,.0f} rows/s")
    print(f"import (checked)  {import_s:7.2f} s  {ROWS / import_s:9,.0f} rows/s")
    print(f"ratio import/raw  {ratio:7.2f}x  (target <= {TARGET:.1f}x)")
    if ratio > TARGET:
        print("MISSED: the import costs more than 2x a raw executemany")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
