"""Small marshmallow fields shared by the forwarding and calendar forms."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields

from backoffice.core.calendars.hours import days_text, parse_days, parse_time
from backoffice.core.schemas import RegionalSchema


class ClockField(fields.Field):
    """A time of day: ``09:00``, ``9:00`` or ``9h00``; dumped as ``09:00``."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        try:
            return parse_time(value)
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(_l("“%(value)s” is not a time such as 09:00.",
                                     value=str(value))) from exc

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any):
        return value.strftime("%H:%M") if hasattr(value, "strftime") else value


class DaysField(fields.Field):
    """Days of the week: ``mon-fri``, ``lun,mer,ven`` or a list; dumped as ``mon-fri``."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        try:
            return parse_days(value)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ValidationError(_l("“%(value)s” is not a list of days such as mon-fri.",
                                     value=str(value))) from exc

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any):
        if isinstance(value, str):
            return value
        return days_text(value) if value else ""


class SettingsSchema(RegionalSchema):
    """A settings block is replaced as a whole: loading is never partial.

    A form leaves unticked boxes out, so a missing switch means "off", not "unchanged".
    """

    def load(self, data: Any, *, many: bool | None = None, partial: Any = None,
             unknown: Any = None) -> Any:
        return super().load(data, many=many, partial=False, unknown=unknown)

