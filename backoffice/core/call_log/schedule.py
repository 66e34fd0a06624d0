"""The call log e-mailed on a schedule (002 Liste d'appels: "Vous pouvez faire en sorte que
la Liste d'appels soit envoyée à une adresse de courriel chaque jour, chaque semaine ou
chaque mois à un jour précis").

The schedule is one setting per customer, saved through the change pipeline. Each day,
:func:`send_due` (``backoffice daily-jobs``, run by cron) queues one :func:`send_call_log`
job per schedule due on the customer's date; the job builds the CSV of the period that
ended at the start of that day and puts it in the mail outbox
(:class:`~backoffice.core.mail.OutgoingMail`), once per period even if run twice.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from flask_babel import force_locale, gettext
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.core.call_log.models import FREQUENCIES, WEEKDAYS, CallLogSchedule
from backoffice.core.call_log.records import FEATURE, all_calls, csv_text
from backoffice.core.changes import Change, apply_change
from backoffice.core.errors import N_, Violation
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.jobs import commit, enqueue
from backoffice.core.mail import send_mail, sent
from backoffice.core.models import Line, Tenant, utcnow
from backoffice.core.schemas import Email
from backoffice.extensions import db

OBJECT = "call_log_email"
FREQUENCY_LABELS = {"off": N_("Not sent"), "daily": N_("Every day"),
                    "weekly": N_("Every week"), "monthly": N_("Every month")}
WEEKDAY_LABELS = {"monday": N_("Monday"), "tuesday": N_("Tuesday"),
                  "wednesday": N_("Wednesday"), "thursday": N_("Thursday"),
                  "friday": N_("Friday"), "saturday": N_("Saturday"), "sunday": N_("Sunday")}


class CallLogEmailSchema(SettingsSchema):
    """Where and when the call log is e-mailed."""

    frequency = fields.String(load_default="off", validate=validate.OneOf(
        ["off", *FREQUENCIES], error=_l("Choose one of: {choices}.")), metadata={
        "label": N_("Send the call log"), "choice_labels": FREQUENCY_LABELS})
    weekday = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(
        list(WEEKDAYS), error=_l("Choose one of: {choices}.")), metadata={
        "label": N_("Day of the week"), "choice_labels": WEEKDAY_LABELS,
        "help": N_("For an e-mail every week.")})
    month_day = fields.Integer(load_default=None, allow_none=True, strict=False,
                               validate=validate.Range(min=1, max=31, error=_l(
                                   "Between {min} and {max}.")), metadata={
        "label": N_("Day of the month"),
        "help": N_("For an e-mail every month; the last day in a shorter month.")})
    email = fields.String(load_default=None, allow_none=True, validate=[
        validate.Length(max=254, error=_l("At most {max} characters.")),
        Email(error=_l("Enter a valid e-mail address."))], metadata={"label": N_("E-mail")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, frequencies: tuple[str, ...] = FREQUENCIES, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["frequency"]
        offered = ["off", *frequencies]
        field.validators = [validate.OneOf(offered, error=_l("Choose one of: {choices}."))]
        field.metadata = {**field.metadata, "choice_labels": {
            code: label for code, label in FREQUENCY_LABELS.items() if code in offered}}


def email_schema(tenant: Any) -> CallLogEmailSchema:
    """The schema, offering the carrier's frequencies (``tenant`` may be a carrier scope)."""
    from backoffice.core.carriers import registry

    offer = registry()[tenant.carrier_id].offer(FEATURE)
    return CallLogEmailSchema(frequencies=offer.limits.email_frequencies if offer else ())


def schedule_of(tenant: Tenant) -> CallLogSchedule | None:
    return db.session.scalar(select(CallLogSchedule).where(
        CallLogSchedule.tenant_id == tenant.id))


def read_schedule(tenant: Tenant, line: Line | None = None) -> dict[str, Any]:
    """The current schedule ("not sent" when never saved)."""
    schedule = schedule_of(tenant)
    if schedule is None:
        return {"frequency": "off", "weekday": None, "month_day": None, "email": None,
                "version": 0}
    return {"frequency": schedule.frequency, "weekday": schedule.weekday,
            "month_day": schedule.month_day, "email": schedule.email,
            "version": schedule.version}


def _checks(data: dict[str, Any]) -> list[Violation]:
    """A schedule that sends needs an address, and its day for a week or a month."""
    frequency = data["frequency"]
    needed = [] if frequency == "off" else ["email"]
    needed += {"weekly": ["weekday"], "monthly": ["month_day"]}.get(frequency, [])
    return [Violation(code=f"{OBJECT}.{name}.required", field=name,
                      message=N_("Sending the call log needs this field."))
            for name in needed if not data.get(name)]


def _normalized(clean: dict[str, Any]) -> dict[str, Any]:
    """Only the day the frequency uses is kept."""
    frequency = clean["frequency"]
    return {"frequency": frequency,
            "weekday": clean.get("weekday") if frequency == "weekly" else None,
            "month_day": clean.get("month_day") if frequency == "monthly" else None,
            "email": clean.get("email")}


def write_schedule(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> CallLogSchedule:
    """Save when and where the call log is e-mailed."""
    from backoffice.core.call_log.records import limits_of

    limits_of(tenant)
    existing = schedule_of(tenant)

    def persist(clean: dict[str, Any]) -> CallLogSchedule:
        schedule = existing or CallLogSchedule(tenant_id=tenant.id)
        for name, value in _normalized(clean).items():
            setattr(schedule, name, value)
        db.session.add(schedule)
        return schedule

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT, action="update" if existing else "create",
        data=raw, schema=email_schema(tenant), persist=persist, target=existing,
        feature=FEATURE, checks=[_checks]))


# Sending ---------------------------------------------------------------------------------


def is_due(schedule: CallLogSchedule, day: date) -> bool:
    """Whether ``schedule`` sends on the customer's date ``day``."""
    if schedule.frequency == "daily":
        return True
    if schedule.frequency == "weekly":
        return schedule.weekday == WEEKDAYS[day.weekday()]
    if schedule.frequency == "monthly" and schedule.month_day:
        last = calendar.monthrange(day.year, day.month)[1]
        return day.day == min(schedule.month_day, last)
    return False


def period_before(frequency: str, day: date) -> tuple[date, date]:
    """The customer's dates (both included) an e-mail sent on ``day`` covers: the day
    before, the 7 days before, or the month before."""
    span = {"daily": relativedelta(days=1), "weekly": relativedelta(days=7),
            "monthly": relativedelta(months=1)}[frequency]
    return day - span, day - timedelta(days=1)


def send_due(now: datetime | None = None) -> int:
    """Queue a :func:`send_call_log` job for each schedule due today (the customer's date);
    how many were queued."""
    now = now or utcnow()
    queued = 0
    rows = db.session.execute(select(CallLogSchedule, Tenant.timezone).join(
        Tenant, Tenant.id == CallLogSchedule.tenant_id).where(
        CallLogSchedule.frequency != "off")).all()
    for schedule, timezone in rows:
        day = now.astimezone(ZoneInfo(timezone)).date()
        if is_due(schedule, day):
            enqueue(send_call_log, schedule.tenant_id, day.isoformat())
            queued += 1
    commit()
    return queued


def send_call_log(tenant_id: int, day_iso: str) -> str:
    """Job: e-mail the call log of the period before ``day_iso`` to the schedule's address,
    as a CSV attachment; ``sent``, ``already sent`` or ``not due``."""
    from backoffice.core.call_log.records import limits_of

    tenant = db.session.get(Tenant, tenant_id)
    schedule = schedule_of(tenant) if tenant is not None else None
    day = date.fromisoformat(day_iso)
    if schedule is None or schedule.frequency == "off" or not schedule.email \
            or schedule.frequency not in limits_of(tenant).email_frequencies:
        return "not due"
    reference = f"call_log:{day_iso}"
    if sent(tenant.id, reference) is not None:
        return "already sent"
    since, until = period_before(schedule.frequency, day)
    records = all_calls(tenant, {"since": since, "until": until})
    with force_locale(tenant.locale):
        attachment = csv_text(tenant, records, gettext)
        subject = gettext("Call log of %(name)s, %(since)s to %(until)s", name=tenant.name,
                          since=since.isoformat(), until=until.isoformat())
        body = gettext("The call log of %(since)s to %(until)s is attached (CSV).",
                       since=since.isoformat(), until=until.isoformat())
    send_mail(tenant.id, schedule.email, subject, body, reference=reference,
              attachment_name=f"call-log-{since.isoformat()}-{until.isoformat()}.csv",
              attachment=attachment)
    commit()
    return "sent"
