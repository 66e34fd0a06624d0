"""The TELUS call log (002 Liste d'appels): records carried by the sandbox network, filters
as the carrier offers them, pages without a query per row, the e-mail schedule and its job
through the mail outbox."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from backoffice.core.call_log.models import CallRecord
from backoffice.core.call_log.records import record_call
from backoffice.core.call_log.schedule import is_due, period_before, send_call_log, send_due
from backoffice.core.mail import OutgoingMail
from backoffice.core.models import Tenant
from backoffice.core.provisioning import network_for
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "telus", **{"Accept-Language": "fr"})


def telus() -> Tenant:
    return db.session.scalar(select(Tenant).where(Tenant.name == "Clinique Horizon"))


def test_the_demo_month_comes_from_the_network(api):
    tenant = telus()
    count = db.session.scalar(select(func.count(CallRecord.id)).where(
        CallRecord.tenant_id == tenant.id))
    assert count > 100
    kinds = set(db.session.execute(select(CallRecord.call_type, CallRecord.kind).where(
        CallRecord.tenant_id == tenant.id)).all())
    assert {("incoming", "call"), ("outgoing", "call"), ("missed", "call")} <= kinds


def test_filters_select_and_pages_follow(api):
    tenant = telus()
    answer = api("GET", f"/api/v1/tenants/{tenant.id}/calls?blocked=yes&page_size=500")
    assert answer.status_code == 200, answer.json
    assert answer.json["items"] and all(item["blocked"] for item in answer.json["items"])
    faxes = api("GET", f"/api/v1/tenants/{tenant.id}/calls?call_type=fax&page_size=500")
    assert {item["call_type"] for item in faxes.json["items"]} == {"fax"}
    first = api("GET", f"/api/v1/tenants/{tenant.id}/calls?page_size=10")
    second = api("GET", f"/api/v1/tenants/{tenant.id}/calls?page_size=10&page=2")
    assert first.json["has_next"] and len(first.json["items"]) == 10
    assert first.json["items"][-1]["started_at"] >= second.json["items"][0]["started_at"]


def test_an_empty_day_is_no_bound_as_the_search_form_sends_it(api):
    url = f"/api/v1/tenants/{telus().id}/calls?page_size=500"
    assert api("GET", f"{url}&since=&until=").json == api("GET", url).json


@pytest.mark.parametrize(("query", "field", "code"), [
    ("since=2026-13-01", "since", "call_log.since.invalid"),
    ("until=yesterday", "until", "call_log.until.invalid"),
    ("since=2026-11-10&until=2026-11-01", "until", "call_log.until.invalid"),
    ("call_type=forwarded", "call_type", "call_log.call_type.invalid"),
    ("recorded=maybe", "recorded", "call_log.recorded.invalid"),
    ("page_size=501", "page_size", "call_log.page_size.invalid"),
])
def test_bad_filters_are_refused_naming_the_field(api, query, field, code):
    answer = api("GET", f"/api/v1/tenants/{telus().id}/calls?{query}")
    assert answer.status_code == 422
    assert [(e["field"], e["code"]) for e in answer.json["errors"]] == [(field, code)]


def test_a_filter_the_carrier_does_not_offer_is_refused(api, app):
    tenant = db.session.scalar(select(Tenant).where(Tenant.carrier_id == "cooptel"))
    agent = bearer_client(app, "operator_admin", None)
    answer = agent("GET", f"/api/v1/tenants/{tenant.id}/calls")
    assert answer.status_code == 404
    assert answer.json["code"] == "request.feature.not_offered"


def test_the_period_is_the_customers_dates(api):
    tenant = telus()
    late = datetime(2026, 1, 5, 23, 30, tzinfo=UTC)  # 18:30 in Toronto, January 5
    record_call(tenant, started_at=late, call_type="incoming", caller="+16045550188",
                called="+16045550101", extension="101", seconds=60)
    db.session.commit()
    answer = api("GET", f"/api/v1/tenants/{tenant.id}/calls?since=2026-01-05&until=2026-01-05")
    assert [item["started_at"] for item in answer.json["items"]] == ["2026-01-05T23:30:00Z"]


def test_a_page_is_one_query_whatever_its_size(api, app):
    tenant = telus()
    client = app.test_client()
    statements = []

    def count(*args, **kwargs):
        statements.append(args[2])

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        small = bearer_client(app, "support_agent", "telus")
        small("GET", f"/api/v1/tenants/{tenant.id}/calls?page_size=5")
        few = len([s for s in statements if "call_record" in s])
        statements.clear()
        small("GET", f"/api/v1/tenants/{tenant.id}/calls?page_size=200")
        many = len([s for s in statements if "call_record" in s])
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert few == many == 1
    assert client is not None


def test_the_call_record_index_serves_the_log():
    indexes = {tuple(column.name for column in index.columns)
               for index in CallRecord.__table__.indexes}
    assert ("tenant_id", "started_at") in indexes


def test_the_page_shows_the_log_in_both_languages(app, agent_client):
    load_demo()
    tenant = telus()
    client = agent_client("support_agent", "telus")
    french = client.get(f"/tenants/{tenant.id}/calls?lang=fr")
    assert french.status_code == 200
    assert "<h1>Liste d'appels</h1>" in french.text and "Appel manqué" in french.text
    english = client.get(f"/tenants/{tenant.id}/calls?lang=en&call_type=missed")
    assert "Missed call" in english.text and "Incoming call" not in english.text.split(
        "<tbody>")[1]
    refused = client.get(f"/tenants/{tenant.id}/calls?lang=en&since=nope")
    assert refused.status_code == 422 and "Not a valid date" in refused.text
    csv = client.get(f"/tenants/{tenant.id}/calls.csv?lang=en&blocked=yes")
    assert csv.text.splitlines()[0].startswith("Date and time,Type,From,To")
    tenant_page = client.get(f"/tenants/{tenant.id}?lang=en")
    assert f"/tenants/{tenant.id}/calls" in tenant_page.text


def test_schedule_needs_address_and_day(api):
    url = f"/api/v1/tenants/{telus().id}/call-log-email"
    current = api("GET", url)
    answer = api("PUT", url, json={"frequency": "monthly"},
                 headers={"If-Match": current.headers["ETag"]})
    assert answer.status_code == 422
    assert sorted(e["code"] for e in answer.json["errors"]) == [
        "call_log_email.email.required", "call_log_email.month_day.required"]
    answer = api("PUT", url, json={"frequency": "hourly", "email": "a@b.ca"},
                 headers={"If-Match": current.headers["ETag"]})
    assert answer.json["errors"][0]["code"] == "call_log_email.frequency.invalid"
    saved = api("PUT", url, json={"frequency": "monthly", "month_day": 31,
                                  "email": "compta@cliniquehorizon.ca", "weekday": "friday"},
                headers={"If-Match": current.headers["ETag"]})
    assert saved.status_code == 200, saved.json
    assert saved.json["weekday"] is None and saved.json["month_day"] == 31


def test_due_days_and_periods():
    class Schedule:
        frequency, weekday, month_day = "monthly", None, 31

    assert is_due(Schedule, date(2026, 2, 28)) and not is_due(Schedule, date(2026, 3, 30))
    Schedule.frequency, Schedule.weekday = "weekly", "monday"
    assert is_due(Schedule, date(2026, 11, 30)) and not is_due(Schedule, date(2026, 12, 1))
    assert period_before("weekly", date(2026, 11, 30)) == (date(2026, 11, 23),
                                                             date(2026, 11, 29))
    assert period_before("monthly", date(2026, 3, 1)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_before("daily", date(2026, 3, 1)) == (date(2026, 2, 28), date(2026, 2, 28))


def test_the_job_mails_the_csv_once(api):
    tenant = telus()
    monday = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    record_call(tenant, started_at=monday - timedelta(days=2), call_type="missed",
                caller="+16045550188", called="+16045550101", extension="101")
    db.session.commit()
    assert send_due(monday) >= 1  # the demo's weekly e-mail, on Mondays
    mails = list(db.session.scalars(select(OutgoingMail).where(
        OutgoingMail.tenant_id == tenant.id)))
    assert len(mails) == 1 and mails[0].recipient == "nadia.roy@cliniquehorizon.ca"
    assert mails[0].attachment_name == "call-log-2026-11-23-2026-11-29.csv"
    lines = mails[0].attachment.splitlines()
    assert lines[0].startswith("Date et heure") and any("Appel manqué" in line
                                                         for line in lines)
    assert send_call_log(tenant.id, "2026-11-30") == "already sent"
    assert send_due(monday + timedelta(days=1)) == 0


def test_the_network_reports_calls(app):
    load_demo()
    tenant = telus()
    record = network_for("telus").carry_call(
        tenant, started_at=datetime(2026, 11, 2, 15, tzinfo=UTC), call_type="incoming",
        caller="+16045550188", called="+16045550101", extension="101", seconds=30,
        blocked=True, recorded=True)
    assert record.seconds == 0 and not record.recorded  # a blocked call is not answered


@pytest.fixture
def rq_app(make_app, redis_url, tmp_path):
    from backoffice.core import jobs

    app = make_app(REDIS_URL=redis_url, RQ_QUEUE=f"test-{tmp_path.name}",
                   JOB_RETRY_INTERVALS=[0])
    with app.app_context():
        yield app
        jobs.rq_queue().delete(delete_jobs=True)


@pytest.mark.redis
def test_with_redis_the_e_mail_is_an_rq_job_a_worker_runs(rq_app):
    from rq import SimpleWorker

    from backoffice.core import jobs

    load_demo()
    queue = jobs.rq_queue()
    SimpleWorker([queue], connection=queue.connection).work(burst=True)  # the demo's orders
    tenant = telus()
    monday = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    assert send_due(monday) == 1
    assert "send_call_log" in queue.jobs[0].func_name
    assert db.session.scalar(select(func.count(OutgoingMail.id))) == 0  # not before the worker
    SimpleWorker([queue], connection=queue.connection).work(burst=True)
    db.session.expire_all()
    mail = db.session.scalar(select(OutgoingMail).where(OutgoingMail.tenant_id == tenant.id))
    assert mail is not None and mail.reference == "call_log:2026-11-30"


def test_the_daily_jobs_command_queues_what_is_due(app):
    load_demo()
    result = app.test_cli_runner().invoke(args=["daily-jobs"])
    assert result.exit_code == 0, result.output
    assert "e-mail(s) queued" in result.output and "purge(s) queued" in result.output
