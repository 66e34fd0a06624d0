"""Demo data: one tenant per carrier from the guides' examples, loaded twice without change."""

from sqlalchemy import func, select

from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.extensions import db


def test_demo_loads_every_carrier_once_and_is_idempotent(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    audits = db.session.scalar(select(func.count()).select_from(AuditRecord))
    second = runner.invoke(args=["demo"])
    assert "0 object(s) created" in second.output
    assert db.session.scalar(select(func.count()).select_from(AuditRecord)) == audits
    tenants = {t.carrier_id: t.name for t in db.session.scalars(select(Tenant))}
    assert tenants["sfr"] == "Toine Immo"
    assert set(tenants) == {"bell", "cooptel", "sfr", "telus"}


def test_demo_lines_come_from_the_guides(app):
    app.test_cli_runner().invoke(args=["demo"])
    lines = {line.number or line.extension: line for line in db.session.scalars(select(Line))}
    assert lines["+33483050173"].last_name == "Biel"  # guide 004 §5.1
    assert lines["+33483050190"].associated_number == "+33617306473"  # guide 004 §5.2.1
    assert lines["+15149073400"].extension == "101"  # guide 003 §8 and §14
    queue = next(line for line in lines.values() if line.plan == "queue")
    assert queue.first_name == "Soutien de la clientèle"  # guide 002, Files d'attente


def test_home_page_lists_the_demo_tenants_without_a_query_per_row(app, agent_client):
    app.test_cli_runner().invoke(args=["demo"])
    client = agent_client()
    statements = []
    from sqlalchemy import event

    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        page = client.get("/?lang=fr")
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert page.status_code == 200
    assert "Toine Immo" in page.text and "Clients" in page.text
    # On PostgreSQL the database wall adds one set_config of the carrier scope: not a query.
    queries = [s for s in statements if "set_config" not in s]
    assert len(queries) <= 3 and len(statements) - len(queries) <= 1
