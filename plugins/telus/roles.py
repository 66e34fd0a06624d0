"""TELUS users' roles and the super administrator (guide 002, Utilisateurs > Info sur
l'utilisateur > Super administrateur; Gérer les rôles et les autorisations).

Each user has one of the 7 predefined roles (the ``roles`` offer's ``predefined`` limit),
which cannot be edited. The super administrator is the user of extension 101 (the
``super_admin_extension`` limit): "Par défaut, ce rôle est attribué au poste 101 [...]
Vous pouvez attribuer ce poste à n'importe quel utilisateur de votre compte". That user
"ne peut être supprimé. Les permissions d'administrateur ne peuvent pas lui être retirées
non plus": the line of extension 101 cannot be deleted, nor take another role, nor leave
its extension or the user plan; no other user takes the super administrator's role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from backoffice.plugin import (
    N_,
    BaseSchema,
    Change,
    LimitError,
    Line,
    SettingsBlock,
    Tenant,
    Violation,
    apply_change,
    assign_to,
    offer_of,
    register_codes,
    said,
)

register_codes({
    "line.<field>.locked": N_("The super administrator's line keeps its role, extension "
                              "and plan, and is not deleted."),
    "line.role.not_allowed": N_("Only the user of the super administrator's extension is "
                                "super administrator."),
})

GUIDE_SECTION = "002_6093346da80557bc.txt Gérer les rôles et les autorisations"
SUPER_ADMIN = "super_admin"
DEFAULT_ROLE = "standard"  # reading chosen: the guide names no default; the least privileged
USER_PLAN = "user"
LABELS = {
    "super_admin": N_("Super administrator"),
    "phone_system_admin": N_("Phone system administrator"),
    "billing_admin": N_("Billing administrator"),
    "user_admin": N_("User administrator"),
    "manager": N_("Manager"),
    "standard_international": N_("Standard (international)"),
    "standard": N_("Standard"),
}
KEPT = N_("Extension %(extension)s is the super administrator's: “the Super administrator "
          "acts as the account's main administrator and cannot be deleted. Administrator "
          "permissions cannot be taken away from them either.”")


@dataclass(frozen=True)
class RolesLimits:
    """TELUS's own limits of users' roles."""

    predefined: tuple[str, ...] = said(N_("The roles, which cannot be edited: %(value)s."),
                                       value_words=LABELS)
    """The roles a user may have; they cannot be edited."""
    super_admin_extension: str = said(N_(
        "The super administrator is extension %(value)s: they can be neither deleted nor "
        "lose their administrator rights."))
    """The extension of the super administrator, who can be neither deleted nor demoted."""

    def check(self, plans: tuple[str, ...]) -> None:
        unknown = sorted(set(self.predefined) - set(LABELS))
        if unknown:
            raise LimitError("predefined", f"no label for {', '.join(unknown)}")
        if SUPER_ADMIN not in self.predefined:
            raise LimitError("predefined", f"{SUPER_ADMIN} must be one of them")
        if not self.super_admin_extension.isdigit():
            raise LimitError("super_admin_extension", "an extension is digits")


def _limits(tenant: Tenant) -> RolesLimits:
    return offer_of(tenant, "roles").limits


def super_admin_extension(tenant: Tenant) -> str:
    return _limits(tenant).super_admin_extension


class TelusRoleSchema(BaseSchema):
    """A user's role, one of the predefined ones."""

    role = fields.String(required=True, metadata={"label": N_("Role"),
                                                  "choice_labels": LABELS})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, roles: list[str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["role"].validators = [validate.OneOf(
            roles or list(LABELS), error=_l("Choose one of: {choices}."))]


def schema(tenant: Tenant) -> TelusRoleSchema:
    return TelusRoleSchema(roles=list(_limits(tenant).predefined))


def read_role(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    """The user's role; the user of extension 101 is the super administrator."""
    assert line is not None
    role = SUPER_ADMIN if line.extension == super_admin_extension(tenant) else (
        line.role or DEFAULT_ROLE)
    return {"role": role, "version": line.version}


def write_role(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> Line:
    """Give the user one of the predefined roles, through the change pipeline."""
    assert line is not None
    return apply_change(Change(
        tenant=tenant, object_type="line", action="update", data=data, schema=schema(tenant),
        persist=assign_to(line), target=line, line=line, feature="roles"))


def validate_role(*, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> list[Violation]:
    """The super administrator keeps the role; nobody else takes it."""
    extension = super_admin_extension(tenant)
    role = data.get("role")
    if line is None or role is None:
        return []
    if line.extension == extension and role != SUPER_ADMIN:
        return [_kept("line.role.locked", "role", extension)]
    if line.extension != extension and role == SUPER_ADMIN:
        return [Violation(
            code="line.role.not_allowed", field="role", params={"extension": extension},
            message=N_("The super administrator is the user of extension %(extension)s: give "
                       "this user extension %(extension)s to make them super administrator."))]
    return []


def validate_line(*, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> list[Violation]:
    """The super administrator's line keeps its extension and stays a user."""
    extension = super_admin_extension(tenant)
    if line is None or line.extension != extension:
        return []
    if "extension" in data and data["extension"] != extension:
        return [_kept("line.extension.locked", "extension", extension)]
    if "plan" in data and data["plan"] != USER_PLAN:
        return [_kept("line.plan.locked", "plan", extension)]
    return []


def validate_removal(*, tenant: Tenant, line: Line | None,
                     data: dict[str, Any]) -> list[Violation]:
    """The super administrator's line cannot be deleted."""
    extension = super_admin_extension(tenant)
    if line is None or line.extension != extension:
        return []
    return [_kept("line.item.locked", "", extension)]


def _kept(code: str, field: str, extension: str) -> Violation:
    return Violation(code=code, field=field, message=KEPT, params={"extension": extension})


BLOCK = SettingsBlock(id="role", feature="roles", title=N_("Role"), schema=schema,
                      read=read_role, write=write_role, guide_section=GUIDE_SECTION)
