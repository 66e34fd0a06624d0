"""Adding a line assigned to a user: a new user (created with it, from the names and
e-mail given), an existing user (whose names and e-mail the line takes), or nobody, the
line then "managed by the administrator". The form proposes free extensions. Removing the
line asks the carrier's own question.

A carrier shows it with :func:`assigned_lines_block`, on its ``users`` offer; its own
creation options (a mailbox, a directory listing...) are extra fields it applies once the
line is added, each as its own audited and provisioned change, all in one unit with the
line: an option refused leaves no line, no user, no audit record and no order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate
from sqlalchemy import select

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import offer_of, registry
from backoffice.core.changes import Change, all_or_nothing, apply_change, record
from backoffice.core.errors import N_, Violation
from backoffice.core.lines import delete_line, new_line_change, reserved_extensions
from backoffice.core.models import Line, Tenant
from backoffice.core.provisioning import order_change
from backoffice.core.schemas import BaseSchema, Email
from backoffice.core.users.models import MAX_NAME_LENGTH, TenantUser
from backoffice.core.users.service import FEATURE, user_checks
from backoffice.extensions import db

NEW_USER, EXISTING_USER, ADMINISTRATOR = "new_user", "existing_user", "administrator"
ASSIGNMENTS = {NEW_USER: N_("Create a new user"),
               EXISTING_USER: N_("Assign to an existing user"),
               ADMINISTRATOR: N_("Managed by the administrator")}
USER_FIELDS = ("first_name", "last_name", "email")
Options = Callable[[], dict[str, fields.Field]]
ApplyOptions = Callable[[Tenant, Line, dict[str, Any]], None]


def proposed_extensions(tenant: Tenant) -> list[str]:
    """The first free 3-digit extensions from 100, neither taken nor reserved."""
    count = offer_of(tenant, FEATURE).limits.proposed_extensions
    reserved = set(reserved_extensions(registry()[tenant.carrier_id]))
    taken = set(db.session.scalars(select(Line.extension).where(
        Line.tenant_id == tenant.id, Line.extension.is_not(None))))
    free = (str(n) for n in range(100, 1000) if str(n) not in taken | reserved)
    return [extension for _, extension in zip(range(count), free, strict=False)]


def user_choices(tenant: Any) -> list[tuple[int | str, str]]:
    """The customer's users, by name, for "Assign to an existing user"."""
    if tenant is None:
        return []
    users = db.session.execute(select(TenantUser.id, TenantUser.first_name,
                                      TenantUser.last_name, TenantUser.email).where(
        TenantUser.tenant_id == tenant.id).order_by(TenantUser.last_name,
                                                    TenantUser.first_name))
    return [("", "—")] + [(row.id, f"{row.first_name} {row.last_name} ({row.email})")
                          for row in users]


class AssignedLineSchema(BaseSchema):
    """The new line's extension, to whom it is assigned, and the new user's details."""

    id = fields.Integer(dump_only=True)
    extension = fields.String(required=True, validate=validate.Regexp(
        r"^[0-9]{2,10}$", error=_l("Digits only, 2 to 10 of them.")),
        metadata={"label": N_("Extension")})
    assignment = fields.String(load_default=NEW_USER, validate=validate.OneOf(
        list(ASSIGNMENTS), error=_l("Choose one of: {choices}.")),
        metadata={"label": N_("Assigned to"), "choice_labels": ASSIGNMENTS})
    first_name = fields.String(load_default="", validate=validate.Length(
        max=MAX_NAME_LENGTH, error=_l("At most {max} characters.")),
        metadata={"label": N_("First name")})
    last_name = fields.String(load_default="", validate=validate.Length(
        max=MAX_NAME_LENGTH, error=_l("At most {max} characters.")),
        metadata={"label": N_("Last name")})
    email = fields.String(load_default=None, allow_none=True, validate=[
        validate.Length(max=254, error=_l("At most {max} characters.")),
        Email(error=_l("Enter a valid e-mail address."))], metadata={
            "label": N_("E-mail (user name)"),
            "help": N_("For a new user: it will receive the password, and cannot be "
                       "changed later.")})
    user_id = fields.Integer(load_default=None, allow_none=True, metadata={
        "label": N_("Existing user"), "choices": user_choices})
    version = fields.Integer(dump_only=True)


@dataclass
class AssignedLine:
    """A line as the list shows it: its extension and to whom it is assigned."""

    line: Line

    def __getattr__(self, name: str) -> Any:
        return getattr(self.line, name)

    @property
    def assignment(self) -> str:
        return ADMINISTRATOR if self.line.user_id is None else EXISTING_USER


def _schema(options: Options | None):
    def schema(tenant: Tenant) -> Schema:
        extra = options() if options else {}
        # the API document's schema is the carrier's (a CarrierScope, no tenant): no proposal
        proposed = proposed_extensions(tenant) if isinstance(tenant, Tenant) else []
        cls = AssignedLineSchema.from_dict(extra, name="AssignedLineSchema") \
            if extra else AssignedLineSchema
        built = cls()
        if proposed:
            field = built.fields["extension"]
            field.metadata = {**field.metadata, "help": gettext(
                "Type an extension, or take one the system proposes: %(extensions)s.",
                extensions=", ".join(proposed))}
        return built
    return schema


def _checks(tenant: Tenant, plan: str):
    def check(data: dict[str, Any]) -> list[Violation]:
        assignment = data["assignment"]
        violations: list[Violation] = []
        if assignment == NEW_USER:
            violations += [Violation(code=f"line.{name}.required", field=name,
                                     message=N_("A new user needs this field."))
                           for name in USER_FIELDS if not data.get(name)]
            if not violations:
                violations += user_checks(tenant, None)({"email": data["email"]})
        elif assignment == EXISTING_USER:
            if data.get("user_id") is None:
                violations.append(Violation(code="line.user_id.required", field="user_id",
                                            message=N_("Choose the user.")))
            elif _user(tenant, data["user_id"]) is None:
                violations.append(Violation(
                    code="line.user_id.unknown", field="user_id",
                    message=N_("This user is not one of this customer's.")))
        line_data = {"plan": plan, "extension": data["extension"]}
        violations += new_line_change(tenant, line_data).checks[0](line_data)
        return violations
    return check


def _user(tenant: Tenant, user_id: int) -> TenantUser | None:
    return db.session.scalar(select(TenantUser).where(TenantUser.id == user_id,
                                                      TenantUser.tenant_id == tenant.id))


def _persist(tenant: Tenant, plan: str, option_names: tuple[str, ...]):
    def persist(clean: dict[str, Any]) -> Line:
        assignment = clean["assignment"]
        user = None
        if assignment == NEW_USER:
            user = TenantUser(tenant_id=tenant.id, **{name: clean[name] for name in USER_FIELDS})
            db.session.add(user)
            db.session.flush()
            after = {"id": user.id, "first_name": user.first_name,
                     "last_name": user.last_name, "email": user.email}
            audit = record(tenant, "user", user.id, "create", None, after)
            order_change(tenant, audit, payload=after)
        elif assignment == EXISTING_USER:
            user = _user(tenant, clean["user_id"])
        line = Line(tenant_id=tenant.id, plan=plan, extension=clean["extension"],
                    user_id=user.id if user else None,
                    first_name=user.first_name if user else "",
                    last_name=user.last_name if user else "",
                    email=user.email if user else None)
        db.session.add(line)
        return line
    return persist


def add_assigned_line(tenant: Tenant, data: dict[str, Any], *, plan: str,
                      options: Options | None = None,
                      apply_options: ApplyOptions | None = None) -> AssignedLine:
    """Add a ``plan`` line assigned to a new user, an existing one, or the administrator,
    in one change (the new user and the line, audited and provisioned together), then the
    carrier's creation options, each its own change: all saved together or none."""
    offer_of(tenant, FEATURE)
    schema = _schema(options)(tenant)
    option_names = tuple(options() if options else ())
    chosen: dict[str, Any] = {}

    def persist(clean: dict[str, Any]) -> Line:
        chosen.update({name: clean.pop(name) for name in option_names if name in clean})
        return _persist(tenant, plan, option_names)(clean)

    with all_or_nothing():
        line = apply_change(Change(
            tenant=tenant, object_type="line", action="create", data=data, schema=schema,
            persist=persist, feature="lines", checks=[_checks(tenant, plan)]))
        if apply_options is not None:
            apply_options(tenant, line, chosen)
    return AssignedLine(line)


def assigned_lines_block(*, plan: str, guide_section: str, block_id: str = "new-lines",
                         title: str = N_("Add or delete a line"),
                         options: Options | None = None,
                         apply_options: ApplyOptions | None = None,
                         removal_question: str | None = None) -> CollectionBlock:
    """The customer's ``plan`` lines: add one assigned to a user (or the administrator),
    delete one after the carrier's question."""

    def items(tenant: Tenant, line: Line | None) -> list[AssignedLine]:
        offer_of(tenant, FEATURE, line, scope="tenant")
        return [AssignedLine(found) for found in db.session.scalars(select(Line).where(
            Line.tenant_id == tenant.id, Line.plan == plan).order_by(Line.extension))]

    def find(tenant: Tenant, line: Line | None, item_id: int) -> AssignedLine | None:
        offer_of(tenant, FEATURE, line, scope="tenant")
        found = db.session.scalar(select(Line).where(
            Line.id == item_id, Line.tenant_id == tenant.id, Line.plan == plan))
        return AssignedLine(found) if found else None

    def add(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> AssignedLine:
        return add_assigned_line(tenant, data, plan=plan, options=options,
                                 apply_options=apply_options)

    def remove(item: AssignedLine) -> Line:
        delete_line(item.line)
        return item.line

    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=_schema(options),
        guide_section=guide_section, items=items, find=find, add=add, remove=remove,
        describe=lambda item: item.extension or "", removal_question=removal_question)
