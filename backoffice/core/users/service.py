"""Users: list, add, change, remove, within the carrier's limits; a user holds extensions.

Core checks what every carrier shares (names, a valid e-mail one user's only, the
extension held being one of the customer's and no one else's, the carrier's maximum and
an e-mail given once when the carrier says so); a carrier's rules for the ``users``
feature receive the line the user holds, so it can keep its own (the account's main
administrator...).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import gettext, ngettext
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change
from backoffice.core.declarations import FeatureOffer
from backoffice.core.errors import N_, Violation
from backoffice.core.lines import set_once_fields
from backoffice.core.models import Line, Tenant
from backoffice.core.structure import AccountSection, anchor, register_account_section
from backoffice.core.users.models import TenantUser
from backoffice.core.users.schemas import UserSchema
from backoffice.extensions import db

FEATURE = "users"
OBJECT_TYPE = "user"


def _offer(tenant: Tenant, line: Line | None = None) -> FeatureOffer:
    """The tenant-wide offer; :class:`NotOffered` for a line or a carrier without it."""
    return offer_of(tenant, FEATURE, line, scope="tenant")


def user_schema(tenant: Tenant) -> UserSchema:
    """The schema, with a department when the carrier's users have one."""
    limits = _offer(tenant).limits
    return UserSchema() if limits.department else UserSchema(exclude=("department",))


def list_users(tenant: Tenant, line: Line | None = None) -> list[TenantUser]:
    """The customer's users, by last then first name, with the lines they hold."""
    _offer(tenant, line)
    return list(db.session.scalars(
        select(TenantUser).where(TenantUser.tenant_id == tenant.id)
        .options(selectinload(TenantUser.lines))
        .order_by(TenantUser.last_name, TenantUser.first_name, TenantUser.id)))


def search_users(tenant: Tenant, line: Line | None, query: str) -> list[TenantUser]:
    """The users whose name, e-mail, department or extension contains ``query``."""
    text = query.strip().lower()
    return [user for user in list_users(tenant, line) if any(
        text in (value or "").lower() for value in (
            user.first_name, user.last_name, user.email, user.department,
            *(held.extension for held in user.lines)))]


def find_user(tenant: Tenant, line: Line | None, item_id: int) -> TenantUser | None:
    """One user of the customer's, or ``None``."""
    _offer(tenant, line)
    return db.session.scalar(select(TenantUser).where(
        TenantUser.id == item_id, TenantUser.tenant_id == tenant.id))


def count_users(tenant: Tenant) -> int:
    """How many users the customer has (for the tenant's structure page)."""
    return db.session.scalar(select(func.count()).select_from(TenantUser).where(
        TenantUser.tenant_id == tenant.id)) or 0


def holdable_lines(tenant: Tenant) -> list[Line]:
    """The customer's lines with an extension a user may hold, by extension."""
    query = select(Line).where(Line.tenant_id == tenant.id, Line.extension.is_not(None))
    plans = _offer(tenant).limits.line_plans
    if plans:
        query = query.where(Line.plan.in_(plans))
    return list(db.session.scalars(query.order_by(Line.extension)))


def unassigned_lines(tenant: Tenant) -> list[Line]:
    """The customer's extensions no user holds ("Postes non attribués"), by extension:
    those of the plans a user may hold."""
    query = select(Line).where(
        Line.tenant_id == tenant.id, Line.user_id.is_(None), Line.extension.is_not(None))
    plans = _offer(tenant).limits.line_plans
    if plans:
        query = query.where(Line.plan.in_(plans))
    return list(db.session.scalars(query.order_by(Line.extension)))


def users_overview(tenant: Tenant) -> dict[str, Any]:
    """What the tenant's structure page shows of users: their count, the users, and the
    extensions no one holds."""
    users = list_users(tenant)
    return {"count": len(users), "users": users, "unassigned": unassigned_lines(tenant)}


def _held_line(tenant: Tenant, extension: str | None) -> Line | None:
    if not extension:
        return None
    return db.session.scalar(select(Line).where(Line.tenant_id == tenant.id,
                                                Line.extension == extension))


def user_checks(tenant: Tenant, user: TenantUser | None):
    """Core's checks of a new (``user`` None) or changed user's data: the e-mail one
    user's only (and given once when the carrier says so), the extension held, the
    maximum."""
    limits = _offer(tenant).limits

    def check(data: dict[str, Any]) -> list[Violation]:
        violations: list[Violation] = []
        email = data.get("email")
        if user is not None and limits.email_set_once and email is not None \
                and email.lower() != user.email.lower():
            violations.append(Violation(
                code="user.email.set_once", field="email",
                message=N_("The e-mail given when the user was created cannot be changed.")))
        elif email is not None:
            other = db.session.scalar(select(TenantUser).where(
                TenantUser.tenant_id == tenant.id,
                func.lower(TenantUser.email) == email.lower()))
            if other is not None and other is not user:
                violations.append(Violation(
                    code="user.email.duplicate", field="email",
                    message=N_("%(value)s is already the e-mail of %(name)s."),
                    params={"value": email, "name": other.display_name}))
        if "extension" in data and data["extension"]:
            held = _held_line(tenant, data["extension"])
            if held is None:
                violations.append(Violation(
                    code="user.extension.unknown", field="extension",
                    message=N_("Extension %(value)s is not one of this customer's."),
                    params={"value": data["extension"]}))
            elif limits.line_plans and held.plan not in limits.line_plans:
                violations.append(Violation(
                    code="user.extension.not_allowed", field="extension",
                    message=N_("Extension %(value)s is not a line a user holds."),
                    params={"value": data["extension"]}))
            elif held.user_id is not None and (user is None or held.user_id != user.id):
                violations.append(Violation(
                    code="user.extension.taken", field="extension",
                    message=N_("Extension %(value)s is already assigned to another user."),
                    params={"value": data["extension"]}))
        if user is None:
            # Lock the tenant so that two agents adding at once cannot pass the maximum.
            db.session.execute(select(Tenant.id).where(Tenant.id == tenant.id)
                               .with_for_update())
            if limits.max_users is not None and count_users(tenant) >= limits.max_users:
                violations.append(Violation(
                    code="user.item.too_many", field="",
                    message=N_("This customer has at most %(max)s users."),
                    params={"max": limits.max_users}, limit=limits.max_users))
        return violations

    return check


def _sync(user: TenantUser, line: Line) -> None:
    """The line takes its user's names, and e-mail unless its plan keeps the one given."""
    line.user_id = user.id
    line.first_name, line.last_name = user.first_name, user.last_name
    if "email" not in set_once_fields(line):
        line.email = user.email


def _persist(tenant: Tenant, user: TenantUser | None):
    def persist(clean: dict[str, Any]) -> TenantUser:
        extension = clean.pop("extension", None) if "extension" in clean else False
        target = user or TenantUser(tenant_id=tenant.id)
        for name, value in clean.items():
            setattr(target, name, value)
        if user is None:
            db.session.add(target)
        db.session.flush()
        if extension is not False:
            for held in list(target.lines):
                if held.extension != extension:
                    held.user_id = None
            held = _held_line(tenant, extension)
            if held is not None:
                _sync(target, held)
        else:
            for held in target.lines:
                _sync(target, held)
        db.session.flush()
        db.session.expire(target, ["lines"])
        return target
    return persist


def add_user(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> TenantUser:
    """Create a user, holding the given extension if any ("Sauvegarder et activer")."""
    _offer(tenant, line)
    held = _held_line(tenant, data.get("extension")) if isinstance(
        data.get("extension"), str) else None
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data,
        schema=user_schema(tenant), persist=_persist(tenant, None), feature=FEATURE,
        line=held, checks=[user_checks(tenant, None)]))


def change_user(user: TenantUser, data: dict[str, Any]) -> TenantUser:
    """Change a user's information or the extension they hold."""
    tenant = user.tenant
    held = user.lines[0] if user.lines else None
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update", data=data,
        schema=user_schema(tenant), persist=_persist(tenant, user), target=user,
        feature=FEATURE, line=held, checks=[user_checks(tenant, user)]))


def remove_user(user: TenantUser) -> TenantUser:
    """Delete a user; the extensions they held stay, unassigned."""
    held = user.lines[0] if user.lines else None

    def persist(clean: dict[str, Any]) -> TenantUser:
        for line in user.lines:
            line.user_id = None
        db.session.flush()
        db.session.delete(user)
        return user

    return apply_change(Change(
        tenant=user.tenant, object_type=OBJECT_TYPE, action="delete", data={},
        schema=UserSchema(only=()), persist=persist, target=user, feature=FEATURE,
        line=held))


def describe_user(user: TenantUser) -> str:
    """The user in words, to confirm their removal."""
    extension = user.extension
    return f"{user.display_name} ({extension})" if extension else user.display_name


def users_summary(tenant: Tenant, line: Line | None = None) -> str:
    """How many users, and which extensions no one holds."""
    count = count_users(tenant)
    words = ngettext("%(num)d user", "%(num)d users", count)
    free = [held.extension for held in unassigned_lines(tenant)]
    if free:
        words += " · " + gettext("Unassigned extensions: %(extensions)s",
                                 extensions=", ".join(free))
    return words


def users_block(*, guide_section: str, title: str = N_("Users"), block_id: str = "users",
                removable: Callable[[TenantUser], str | None] | None = None
                ) -> CollectionBlock:
    """The customer's users: add (to an unassigned extension or none), edit, remove;
    ``removable`` says why the carrier keeps a user (the page disables its Delete)."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=user_schema,
        guide_section=guide_section, items=list_users, find=find_user, add=add_user,
        change=change_user, remove=remove_user, search=search_users, describe=describe_user,
        summary=users_summary, removable=removable)


register_account_section(AccountSection("users", N_("Users"), count_users, anchor("users"),
                                        25, feature=FEATURE))
