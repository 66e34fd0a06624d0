"""The ``backoffice`` command: Flask's commands plus the backoffice's own."""

from __future__ import annotations

import json
import logging

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from backoffice.core.carriers import registry
from backoffice.extensions import migrate
from backoffice.migrating import db_commands
from backoffice.specs.cli import specs_group


def _create_app() -> Flask:
    from backoffice import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app)
def main() -> None:
    """Operator backoffice for business telephony."""


@click.command("carriers")
@click.option("--json", "as_json", is_flag=True, help="Print the matrix as JSON.")
@with_appcontext
def carriers_command(as_json: bool) -> None:
    """Print the capability matrix: carriers, their plans and features with limits."""
    entries = registry().all()
    if as_json:
        click.echo(json.dumps([entry.as_dict() for entry in entries], ensure_ascii=False,
                              indent=2))
        return
    for entry in entries:
        carrier = entry.carrier
        click.echo(f"{carrier.name} [{carrier.id}] {carrier.country} {carrier.timezone} "
                   f"{carrier.default_locale}")
        click.echo(f"  plans: {', '.join(plan.id for plan in entry.plans)}")
        for offer in entry.features:
            where = offer.scope if offer.scope == "tenant" else ", ".join(offer.plans)
            limits = ", ".join(f"{key}={value}" for key, value in offer.declared_limits().items())
            click.echo(f"  - {offer.feature} ({where}){': ' + limits if limits else ''}")
        for planned in entry.planned:
            where = planned.scope if planned.scope == "tenant" else ", ".join(planned.plans)
            click.echo(f"  ~ {planned.feature} ({where}): planned, not offered yet")


@click.command("demo")
@with_appcontext
def demo_command() -> None:
    """Load one demo tenant per carrier, from the guides' own examples (idempotent)."""
    from backoffice.demo import load_demo

    created = load_demo()
    click.echo(f"demo data: {created} object(s) created")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run an rq worker for provisioning jobs (needs REDIS_URL).

    It first queues again the orders whose job was lost (see ``sweep``), then keeps
    sweeping every ``PROVISIONING_SWEEP_AFTER`` seconds while it runs.
    """
    from rq import SimpleWorker

    from backoffice.core.jobs import RETRY_INTERVALS, rq_queue

    queue = rq_queue()
    if queue is None:
        raise click.ClickException("REDIS_URL is not set: jobs run in-process, no worker needed.")
    click.echo(f"worker on {current_app.config['REDIS_URL']} queue {queue.name}")
    _sweep()
    if not burst:
        _sweep_periodically(current_app._get_current_object())  # type: ignore[attr-defined]
    delayed = any(current_app.config.get("JOB_RETRY_INTERVALS", RETRY_INTERVALS))
    SimpleWorker([queue], connection=queue.connection).work(burst=burst, with_scheduler=delayed)


@click.command("sweep")
@click.option("--older-than", type=float, default=None,
              help="Seconds an order may wait (default: PROVISIONING_SWEEP_AFTER).")
@with_appcontext
def sweep_command(older_than: float | None) -> None:
    """Queue again the provisioning orders whose job was lost (worker killed, Redis reset)."""
    _sweep(older_than)


def _sweep(older_than: float | None = None) -> None:
    from backoffice.core.provisioning import sweep_stalled

    swept = sweep_stalled(older_than)
    click.echo(f"sweep: {len(swept)} waiting order(s) queued again")


def _sweep_periodically(app: Flask) -> None:
    """A daemon thread of the worker that sweeps every ``PROVISIONING_SWEEP_AFTER`` s."""
    import threading

    from backoffice.core.provisioning import sweep_stalled

    period = max(float(app.config.get("PROVISIONING_SWEEP_AFTER", 600)), 1.0)
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(period):
            try:
                with app.app_context():
                    sweep_stalled()
            except Exception:  # noqa: BLE001 - the next period tries again
                logging.getLogger(__name__).exception("provisioning sweep failed")

    threading.Thread(target=loop, name="provisioning-sweep", daemon=True).start()


@click.command("daily-jobs")
@with_appcontext
def daily_jobs_command() -> None:
    """Queue the day's scheduled jobs (run it once a day, from cron): each call log whose
    e-mail is due today, and the purge of the conference recordings kept long enough."""
    from backoffice.core.call_log.schedule import send_due
    from backoffice.core.conferences.history import queue_purge

    click.echo(f"call logs: {send_due()} e-mail(s) queued")
    click.echo(f"conference recordings: {queue_purge()} purge(s) queued")


@click.command("new-carrier")
@click.argument("carrier_id")
@click.option("--name", required=True, help="The carrier's display name.")
@click.option("--country", required=True, help="ISO 3166-1 alpha-2 country (numbers' region).")
@click.option("--locale", default=None, help="Default language of its tenants (fr or en).")
@click.option("--timezone", default=None, help="IANA time zone of its tenants.")
@click.option("--into", "parent", default=".", type=click.Path(file_okay=False),
              help="The folder to write the package in.")
@with_appcontext
def new_carrier_command(carrier_id: str, name: str, country: str, locale: str | None,
                        timezone: str | None, parent: str) -> None:
    """Write a new carrier package that installs with pip and passes the conformance kit."""
    from pathlib import Path

    from backoffice.scaffold import ScaffoldError, new_carrier, write_carrier

    try:
        carrier = new_carrier(carrier_id, name, country, locale=locale, timezone=timezone,
                              taken=tuple(registry().ids))
        root = write_carrier(carrier, Path(parent))
    except ScaffoldError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{name} [{carrier_id}] written to {root}; install it with "
               f"`pip install -e {root}`.")


def register(app: Flask) -> None:
    """Add the backoffice's commands to the app's CLI, and its ``db`` commands."""
    for command in (carriers_command, demo_command, worker_command, sweep_command,
                    daily_jobs_command, new_carrier_command):
        app.cli.add_command(command)
    app.cli.add_command(db_commands(), name=migrate.command)
    app.cli.add_command(specs_group)
