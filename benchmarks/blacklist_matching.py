"""Matching one caller against 10, 1,000 and 10,000 blacklist rules, measured in one run.

    .venv/bin/python benchmarks/blacklist_matching.py [--database-url URL]

Rules are looked up by the caller's substrings in the ``(tenant_id, digits)`` index (see
``backoffice.core.blacklist.matching``), so the cost must not grow with the number of
rules: the script exits with status 1 when matching against 10,000 rules costs more than
5 times what it costs against 10. It reports ratios, not absolute times, which depend on
the machine. The default database is a throw-away SQLite file.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete, insert, text

from backoffice import create_app
from backoffice.core.blacklist.matching import MATCH_KINDS, MODES
from backoffice.core.blacklist.models import BlacklistRule
from backoffice.core.blacklist.rules import matching_rules
from backoffice.core.models import Tenant
from backoffice.extensions import db

SIZES = (10, 1_000, 10_000)
MAX_RATIO = 5.0
ROUNDS, CALLS_PER_ROUND = 15, 200


def seed(rng: random.Random, size: int) -> Tenant:
    """A tenant with ``size`` distinct random rules, inserted in bulk (not a pipeline test)."""
    tenant = Tenant(name=f"Bench {size}", carrier_id="cooptel", locale="fr",
                    timezone="America/Toronto", version=1)
    db.session.add(tenant)
    db.session.flush()
    rules = {}
    while len(rules) < size:
        key = (rng.choice(MODES), rng.choice(MATCH_KINDS),
               "".join(rng.choices("0123456789", k=rng.randint(3, 10))))
        rules[key] = {"tenant_id": tenant.id, "mode": key[0], "match": key[1],
                      "digits": key[2], "version": 1}
    db.session.execute(insert(BlacklistRule), list(rules.values()))
    db.session.commit()
    return tenant


def measure(tenants: dict[int, Tenant], callers: list[str]) -> dict[int, float]:
    """Median microseconds per match for each size, rounds interleaved to share any drift."""
    samples: dict[int, list[float]] = {size: [] for size in tenants}
    for _ in range(ROUNDS):
        for size, tenant in tenants.items():
            start = time.perf_counter()
            for caller in callers[:CALLS_PER_ROUND]:
                matching_rules(tenant, caller)
            samples[size].append((time.perf_counter() - start) / CALLS_PER_ROUND * 1e6)
    return {size: statistics.median(values) for size, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an existing, migrated database "
                        "(default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": None,
                          "SECRET_KEY": "benchmark"})
        with app.app_context():
            db.create_all()
            rng = random.Random(2026)
            tenants = {size: seed(rng, size) for size in SIZES}
            # Fresh statistics, as autovacuum keeps them in production: without them
            # PostgreSQL's planner uses the index for tenant_id only and filters the digits.
            db.session.execute(text("ANALYZE blacklist_rule"))
            db.session.commit()
            callers = ["".join(rng.choices("0123456789", k=10)) for _ in range(CALLS_PER_ROUND)]
            for tenant in tenants.values():  # warm up caches and the statement cache
                matching_rules(tenant, callers[0])
            medians = measure(tenants, callers)
            if args.database_url:  # leave a shared database as it was found
                ids = [tenant.id for tenant in tenants.values()]
                db.session.execute(delete(BlacklistRule).where(BlacklistRule.tenant_id.in_(ids)))
                db.session.execute(delete(Tenant).where(Tenant.id.in_(ids)))
                db.session.commit()
            db.engine.dispose()
    base = medians[SIZES[0]]
    print(f"{'rules':>7}  {'median µs/match':>15}  {'ratio to 10':>11}")
    for size, median in medians.items():
        print(f"{size:>7,}  {median:>15.1f}  {median / base:>11.2f}")
    worst = medians[SIZES[-1]] / base
    if worst > MAX_RATIO:
        print(f"FAIL: {SIZES[-1]:,} rules cost {worst:.2f}× {SIZES[0]} rules (max {MAX_RATIO}×)")
        return 1
    print(f"OK: {SIZES[-1]:,} rules cost {worst:.2f}× {SIZES[0]} rules (max {MAX_RATIO}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
