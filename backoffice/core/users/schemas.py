"""The schema of a user, for the web form and the API alike."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from backoffice.core.errors import N_
from backoffice.core.schemas import BaseSchema, Email
from backoffice.core.users.models import MAX_NAME_LENGTH

LENGTH = _l("Between {min} and {max} characters.")


def extension_choices(tenant: Any) -> list[tuple[str, str]]:
    """The extensions a user may hold, each saying who holds it (none: unassigned)."""
    from backoffice.core.users.service import holdable_lines

    if tenant is None:
        return []
    return [("", gettext("No extension"))] + [
        (line.extension, f"{line.extension} — {line.display_name or gettext('unassigned')}"
         if line.user_id else f"{line.extension} — {gettext('unassigned')}")
        for line in holdable_lines(tenant)]


class UserSchema(BaseSchema):
    """A user's names, e-mail, department and the extension they hold."""

    id = fields.Integer(dump_only=True)
    first_name = fields.String(required=True, validate=validate.Length(
        min=1, max=MAX_NAME_LENGTH, error=LENGTH), metadata={"label": N_("First name")})
    last_name = fields.String(required=True, validate=validate.Length(
        min=1, max=MAX_NAME_LENGTH, error=LENGTH), metadata={"label": N_("Last name")})
    email = fields.String(required=True, validate=[
        validate.Length(min=1, max=254, error=LENGTH),
        Email(error=_l("Enter a valid e-mail address."))],
        metadata={"label": N_("E-mail")})
    department = fields.String(load_default="", validate=validate.Length(
        max=MAX_NAME_LENGTH, error=_l("At most {max} characters.")),
        metadata={"label": N_("Department")})
    extension = fields.String(load_default=None, allow_none=True, validate=validate.Regexp(
        r"^[0-9]{2,10}$", error=_l("Digits only, 2 to 10 of them.")), metadata={
            "label": N_("Extension"), "choices": extension_choices,
            "help": N_("The extension the user holds; leave empty for a user without one.")})
    version = fields.Integer(dump_only=True)
