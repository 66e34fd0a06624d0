"""The calendar schema: one for the form (text, one item per line) and the API (lists)."""

from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate

from backoffice.core.calendars.hours import Closure, DayType, without_repeated_days
from backoffice.core.errors import N_
from backoffice.core.schemas import BaseSchema

YEARLY_NOTE = N_("These closures repeat every year on the same dates: remove the ones that "
                 "are not valid every year.")


def known_timezone(value: str) -> None:
    """An IANA time zone name that zoneinfo knows."""
    if value not in available_timezones():
        raise ValidationError(_l("“%(value)s” is not a known time zone.", value=value))


class LinesField(fields.Field):
    """A list of values given as a list (API) or as text with one value per line (form)."""

    item_type: Any = None
    error = ""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        items = value.splitlines() if isinstance(value, str) else value
        if not isinstance(items, list):
            raise ValidationError(_l("Give a list, or one value per line."))
        parsed = []
        for item in items:
            if isinstance(item, str) and not item.strip():
                continue
            try:
                parsed_item = self.item_type.parse(item)
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                raise ValidationError(self.message(item)) from exc
            if parsed_item.problem():
                raise ValidationError(self.message(item))
            parsed.append(parsed_item)
        return parsed

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any):
        return [self.item_type.parse(item).text for item in value or []]

    def message(self, item: Any) -> str:
        raise NotImplementedError


class DayTypesField(LinesField):
    """Opening hours, one day type per line: ``mon-fri 09:00-19:00 lunch 12:00-14:00``."""

    item_type = DayType

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        return without_repeated_days(super()._deserialize(value, attr, data, **kwargs))

    def message(self, item: Any) -> str:
        return _l("“%(value)s” is not a day type: write days, opening and closing times and "
                  "an optional lunch break inside them, as in “mon-fri 09:00-19:00 lunch "
                  "12:00-14:00”.", value=str(item))


class ClosuresField(LinesField):
    """Closures, one per line: ``2026-12-25``, ``2026-12-24..2026-12-31``, ``... 12:00-18:00``."""

    item_type = Closure

    def display_text(self, item: str) -> str:
        """A closure as a read view shows it: « 24–31 déc. 2026, 12:00 – 18:00 »."""
        from backoffice.core.calendars.wording import hours_text, period_text

        closure = Closure.parse(item)
        period = period_text(closure.first, closure.last)
        return f"{period}, {hours_text(*closure.hours)}" if closure.hours else period

    def message(self, item: Any) -> str:
        return _l("“%(value)s” is not a closure: write a day (2026-12-25), a period "
                  "(2026-12-24..2026-12-31) and optional hours (12:00-18:00), first before "
                  "last.", value=str(item))


def line_choices(tenant: Any) -> list[tuple[int, str]]:
    """The customer's lines a calendar may belong to, by number (or extension)."""
    from sqlalchemy import select

    from backoffice.core.models import Line
    from backoffice.core.phone import for_display
    from backoffice.extensions import db

    country = _carrier_country(tenant)
    rows = db.session.execute(select(Line.id, Line.number, Line.extension).where(
        Line.tenant_id == tenant.id).order_by(Line.number, Line.extension))
    return [(line_id, for_display(number, country) if number else extension)
            for line_id, number, extension in rows]


def _carrier_country(tenant: Any) -> str:
    from backoffice.core.carriers import carrier_country

    return carrier_country(tenant)


class CalendarSchema(BaseSchema):
    """A calendar: name, time zone, opening hours, closures, optional public holidays."""

    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(
        min=1, max=80, error=_l("Between {min} and {max} characters.")),
        metadata={"label": N_("Name")})
    timezone = fields.String(load_default=None, allow_none=True, validate=known_timezone,
                             metadata={"label": N_("Time zone"), "help": N_(
                                 "Empty: the customer's time zone.")})
    line_id = fields.Integer(load_default=None, allow_none=True, metadata={
        "label": N_("Number it applies to"), "choices": line_choices})
    hours = DayTypesField(required=True, validate=validate.Length(
        min=1, error=_l("Give the opening hours of at least one day type.")),
        metadata={"label": N_("Opening hours"), "help": N_(
            "One day type per line, as in “mon-fri 09:00-19:00 lunch 12:00-14:00”.")})
    closures = ClosuresField(load_default=list, metadata={"label": N_("Closures"), "help": N_(
        "One per line: a day (2026-12-25) or a period (2026-12-24..2026-12-31), with "
        "optional hours (12:00-18:00).")})
    prefill_holidays = fields.Boolean(load_default=False, load_only=True, metadata={
        "label": N_("Add the public holidays to the closures")})
    closures_yearly = fields.Boolean(dump_only=True)
    note = fields.Method("yearly_note", dump_only=True)
    version = fields.Integer(dump_only=True)

    def yearly_note(self, calendar: Any) -> str:
        return gettext(YEARLY_NOTE) if getattr(calendar, "closures_yearly", False) else ""
