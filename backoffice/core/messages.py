"""Translatable default messages for marshmallow's fields and validators.

marshmallow formats its messages when it raises; giving it lazy strings makes the
text come out in the language of the request that is being validated.
"""

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields

FIELD_MESSAGES = {
    fields.Field: {
        "required": _l("This field is required."),
        "null": _l("This field cannot be empty."),
        "validator_failed": _l("Invalid value."),
    },
    fields.String: {"invalid": _l("Enter text.")},
    fields.Integer: {"invalid": _l("Enter a whole number.")},
    fields.Boolean: {"invalid": _l("Enter yes or no.")},
    fields.DateTime: {"invalid": _l("Enter a valid date and time (YYYY-MM-DDTHH:MM).")},
    fields.Date: {"invalid": _l("Enter a valid date (YYYY-MM-DD).")},
    fields.Time: {"invalid": _l("Enter a valid time (HH:MM).")},
}


SCHEMA_MESSAGES = {
    "type": _l("Invalid input type."),
    "unknown": _l("Unknown field."),
}


def install() -> None:
    """Make marshmallow's default messages translatable (idempotent)."""
    Schema._default_error_messages = {**Schema._default_error_messages, **SCHEMA_MESSAGES}
    for field_class, messages in FIELD_MESSAGES.items():
        field_class.default_error_messages = {**field_class.default_error_messages, **messages}
