"""The call log's records: written by the network as it carries calls, read a page at a
time with the filters the carrier offers (002 Liste d'appels: "Sélectionnez la période, le
type d'appel (entrant ou sortant), les appels bloqués ou les appels enregistrés").

A page is one query over the index (tenant_id, started_at): newest first, the period
bounding the index range, and one row more than the page to know whether another follows
(no count over a table of millions of rows).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate, validates_schema
from sqlalchemy import select

from backoffice.core.call_log.models import CALL_TYPES, KINDS, CallRecord
from backoffice.core.carriers import offer_of
from backoffice.core.changes import from_marshmallow
from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.limits import CallLogLimits
from backoffice.core.models import Tenant
from backoffice.core.schemas import BaseSchema
from backoffice.extensions import db

FEATURE = "call_log"
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
TYPE_LABELS = {"incoming": N_("Incoming call"), "outgoing": N_("Outgoing call"),
               "missed": N_("Missed call"), "fax": N_("Fax")}
YES_NO = {"yes": N_("Only those"), "no": N_("All but those")}


def limits_of(tenant: Tenant) -> CallLogLimits:
    """The carrier's call-log limits (:class:`NotOffered` when it has no call log)."""
    return offer_of(tenant, FEATURE, scope="tenant").limits


def record_call(tenant: Tenant, *, started_at: datetime, call_type: str, caller: str = "",
                called: str = "", extension: str | None = None, seconds: int = 0,
                blocked: bool = False, recorded: bool = False,
                kind: str = "call") -> CallRecord:
    """Keep one call the network carried (the caller commits). A missed or blocked call
    lasted no time."""
    if call_type not in CALL_TYPES or kind not in KINDS:
        raise ValueError(f"unknown call type {call_type!r} or kind {kind!r}")
    if started_at.tzinfo is not None:
        started_at = started_at.astimezone(UTC).replace(tzinfo=None)
    record = CallRecord(tenant_id=tenant.id, started_at=started_at, call_type=call_type,
                        kind=kind, caller=caller, called=called, extension=extension,
                        seconds=0 if call_type == "missed" or blocked else max(0, seconds),
                        blocked=blocked, recorded=recorded and not blocked)
    db.session.add(record)
    return record


def carried_calls(tenant: Tenant) -> bool:
    """Whether the network has carried any call of ``tenant``'s yet."""
    return db.session.scalar(select(CallRecord.id).where(
        CallRecord.tenant_id == tenant.id).limit(1)) is not None


class CallFilterSchema(BaseSchema):
    """What an agent selects in the call log: the period (the customer's dates, both
    included), the type, blocked or recorded calls; the page."""

    since = fields.Date(load_default=None, allow_none=True, metadata={"label": N_("From")})
    until = fields.Date(load_default=None, allow_none=True, metadata={"label": N_("To")})
    call_type = fields.String(load_default=None, allow_none=True, metadata={
        "label": N_("Type"), "choice_labels": TYPE_LABELS})
    blocked = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(
        list(YES_NO), error=_l("Choose one of: {choices}.")), metadata={
        "label": N_("Blocked calls"), "choice_labels": YES_NO})
    recorded = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(
        list(YES_NO), error=_l("Choose one of: {choices}.")), metadata={
        "label": N_("Recorded calls"), "choice_labels": YES_NO})
    page = fields.Integer(load_default=1, strict=False, validate=validate.Range(
        min=1, max=2_000_000, error=_l("Between {min} and {max}.")))
    page_size = fields.Integer(load_default=PAGE_SIZE, strict=False, validate=validate.Range(
        min=1, max=MAX_PAGE_SIZE, error=_l("Between {min} and {max}.")))

    def __init__(self, *args: Any, limits: CallLogLimits | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        limits = limits or CallLogLimits()
        types = [*limits.call_types, *(["fax"] if limits.faxes else [])]
        field = self.fields["call_type"]
        field.validators = [validate.OneOf(types, error=_l("Choose one of: {choices}."))]
        field.metadata = {**field.metadata, "choice_labels": {
            code: label for code, label in TYPE_LABELS.items() if code in types}}

    @validates_schema
    def _ordered(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("since") and data.get("until") and data["since"] > data["until"]:
            raise ValidationError(_l("The period ends before it starts."), "until")


def filter_schema(tenant: Any) -> CallFilterSchema:
    """The filter schema with the carrier's call types (``tenant`` may be a carrier scope)."""
    from backoffice.core.carriers import registry

    offer = registry()[tenant.carrier_id].offer(FEATURE)
    return CallFilterSchema(limits=offer.limits if offer else None)


def read_filters(tenant: Tenant, args: Mapping[str, Any]) -> dict[str, Any]:
    """The filters of a query string, checked against the schema and the carrier's offer;
    :class:`ChangeRejected` names the field (``call_log.<field>.invalid`` or
    ``call_log.<filter>.not_offered``)."""
    limits = limits_of(tenant)
    raw = {name: args.get(name) for name in CallFilterSchema._declared_fields
           if args.get(name) not in (None, "")}
    try:
        data = CallFilterSchema(limits=limits).load(raw)
    except ValidationError as exc:
        raise ChangeRejected(from_marshmallow(FEATURE, exc.messages)) from None
    used = {"period": data["since"] or data["until"], "call_type": data["call_type"],
            "blocked": data["blocked"], "recorded": data["recorded"]}
    refused = [Violation(code=f"call_log.{name}.not_offered", field=name, params={
        "filter": name}, message=N_("The call log cannot be selected by this filter here."))
        for name, value in used.items() if value and name not in limits.filters]
    for violation in refused:
        if violation.field == "period":
            violation.field = "since" if data["since"] else "until"
            violation.code = f"call_log.{violation.field}.not_offered"
    if refused:
        raise ChangeRejected(refused)
    return data


def _bounds(tenant: Tenant, since: date | None, until: date | None
            ) -> tuple[datetime | None, datetime | None]:
    """The customer's dates as naive UTC bounds [start, end)."""
    zone = ZoneInfo(tenant.timezone)

    def utc(day: date) -> datetime:
        return datetime.combine(day, time(), zone).astimezone(UTC).replace(tzinfo=None)

    return (utc(since) if since else None,
            utc(until + timedelta(days=1)) if until else None)


def _where(tenant: Tenant, filters: Mapping[str, Any]) -> list[Any]:
    start, end = _bounds(tenant, filters.get("since"), filters.get("until"))
    where = [CallRecord.tenant_id == tenant.id]
    if start is not None:
        where.append(CallRecord.started_at >= start)
    if end is not None:
        where.append(CallRecord.started_at < end)
    kind = filters.get("call_type")
    if kind == "fax":
        where.append(CallRecord.kind == "fax")
    elif kind:
        where.append(CallRecord.call_type == kind)
    for name in ("blocked", "recorded"):
        if filters.get(name):
            where.append(getattr(CallRecord, name).is_(filters[name] == "yes"))
    if not limits_of(tenant).faxes:
        where.append(CallRecord.kind == "call")
    return where


@dataclass(frozen=True)
class CallPage:
    """One page of the log: its records, and whether another page follows."""

    records: list[CallRecord]
    page: int
    page_size: int
    has_next: bool


def call_page(tenant: Tenant, filters: Mapping[str, Any]) -> CallPage:
    """One page of the log, newest first, in one query."""
    page, size = filters.get("page", 1), filters.get("page_size", PAGE_SIZE)
    rows = list(db.session.scalars(
        select(CallRecord).where(*_where(tenant, filters))
        .order_by(CallRecord.started_at.desc(), CallRecord.id.desc())
        .offset((page - 1) * size).limit(size + 1)))
    return CallPage(rows[:size], page, size, len(rows) > size)


def all_calls(tenant: Tenant, filters: Mapping[str, Any], batch: int = 1000
              ) -> Iterator[CallRecord]:
    """Every record the filters select, oldest first, read in batches (for a CSV)."""
    query = select(CallRecord).where(*_where(tenant, filters)).order_by(
        CallRecord.started_at, CallRecord.id).execution_options(yield_per=batch)
    yield from db.session.scalars(query)


def type_of(record: CallRecord) -> str:
    """The Type column's code: ``fax`` for a fax, else incoming, outgoing or missed."""
    return "fax" if record.kind == "fax" else record.call_type


CSV_COLUMNS = (N_("Date and time"), N_("Type"), N_("From"), N_("To"), N_("Extension"),
               N_("Duration (seconds)"), N_("Blocked"), N_("Recorded"))


def csv_text(tenant: Tenant, records: Iterable[CallRecord], gettext: Any) -> str:
    """The records as CSV, in the customer's time zone, headers in ``gettext``'s language."""
    zone = ZoneInfo(tenant.timezone)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([gettext(column) for column in CSV_COLUMNS])
    yes, no = gettext("yes"), gettext("no")
    for record in records:
        moment = record.started_at.replace(tzinfo=UTC).astimezone(zone)
        writer.writerow([moment.strftime("%Y-%m-%d %H:%M:%S"), gettext(TYPE_LABELS[type_of(
            record)]), record.caller, record.called, record.extension or "", record.seconds,
            yes if record.blocked else no, yes if record.recorded else no])
    return out.getvalue()
