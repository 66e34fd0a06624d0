"""The change pipeline: validate, persist, record, dispatch. One transaction per change.

Every change to customer data goes through :func:`apply_change`, whatever started
it (web form, API, CLI, demo loader), so validation, the audit trail and the
provisioning order cannot be forgotten or done twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar

from flask import g, has_request_context
from marshmallow import Schema, ValidationError
from sqlalchemy import event, inspect
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from backoffice.core.carriers import registry
from backoffice.core.codes import code_for
from backoffice.core.errors import N_, ChangeRejected, EditConflict, Violation
from backoffice.core.jobs import commit
from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.core.provisioning import order_change
from backoffice.extensions import db

SYSTEM_ACTOR = "system"
Row = TypeVar("Row")
_UNIT = "backoffice.one_unit"


@dataclass
class Change:
    """What an agent asks for, before it is validated.

    ``persist`` receives the validated data and returns the object it created,
    changed or deleted (still attached to the session).
    """

    tenant: Tenant | None
    object_type: str
    action: str  # "create", "update" or "delete"
    data: dict[str, Any]
    schema: Schema
    persist: Callable[[dict[str, Any]], Any]
    target: Any = None  # the existing object, for updates and deletes
    feature: str | None = None  # the feature whose carrier rules apply
    line: Line | None = None
    checks: list[Callable[[dict[str, Any]], list[Violation]]] = field(default_factory=list)
    # Whether the carrier's network must hear of it: True for one order of the change, or
    # ``orders(tenant, audit, obj)`` writing the change's orders itself (a bulk import's).
    provision: bool | Callable[[Tenant, AuditRecord, Any], Any] = True
    expected_version: int | None = None  # the version the agent edited, when it is known
    actor: str | None = None  # who asked, for a change run by a job; else the current agent


def snapshot(obj: Any) -> dict[str, Any] | None:
    """The column values of an ORM object, as JSON-friendly data.

    A list (what a "delete all" removes) gives ``{"items": [...]}``, one snapshot per item.
    An aggregate whose children hold part of its state (a line's forwarding and its
    rules) gives its whole state through an ``audit_state()`` method instead. Derived
    columns (search keys) are left out: no one changes them, the trail does not show them.
    """
    if obj is None:
        return None
    if isinstance(obj, list | tuple):
        return {"items": [snapshot(item) for item in obj]}
    audit_state = getattr(obj, "audit_state", None)
    if callable(audit_state):
        return audit_state()
    return plain_columns(obj)


def plain_columns(obj: Any) -> dict[str, Any]:
    """The column values of one ORM object, dates as ISO text (a moment, kept in UTC
    without a zone, with its offset)."""
    values = {}
    for column in inspect(obj).mapper.column_attrs:
        if column.columns[0].info.get("derived"):
            continue
        value = getattr(obj, column.key)
        if isinstance(value, datetime) and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        values[column.key] = (value.isoformat() if isinstance(value, date | datetime | time)
                              else value)
    return values


def add_row(model: type[Row], **fixed: Any) -> Callable[[dict[str, Any]], Row]:
    """A ``persist`` step that adds a new ``model`` row built from the validated fields and
    the ``fixed`` ones (its tenant, its line), which the submitted data cannot override."""

    def persist(clean: dict[str, Any]) -> Row:
        row = model(**{**clean, **fixed})
        db.session.add(row)
        return row

    return persist


def assign_to(obj: Any) -> Callable[[dict[str, Any]], Any]:
    """A ``persist`` step that writes the validated fields onto ``obj``."""

    def persist(clean: dict[str, Any]) -> Any:
        for name, value in clean.items():
            setattr(obj, name, value)
        return obj

    return persist


def delete_all(target: Any) -> Callable[[dict[str, Any]], Any]:
    """A ``persist`` step that deletes ``target``, one row or a list of rows."""

    def persist(clean: dict[str, Any]) -> Any:
        for row in target if isinstance(target, list | tuple) else (target,):
            db.session.delete(row)
        return target

    return persist


def current_actor() -> str:
    """Who is making the change: the signed-in agent, or the system."""
    if has_request_context():
        return getattr(g, "actor", None) or SYSTEM_ACTOR
    return SYSTEM_ACTOR


def current_request_id() -> str | None:
    return getattr(g, "request_id", None) if has_request_context() else None


def validate(change: Change, loaded: dict[str, Any] | None = None) -> dict[str, Any]:
    """Schema first, then the change's own checks, then the carrier's rules.

    ``loaded`` is what ``change.schema`` loads from ``change.data``, when it was loaded
    ahead (a bulk import loads its rows in another process); the schema is not run again.
    """
    partial = change.action == "update"
    try:
        data = loaded if loaded is not None else change.schema.load(change.data,
                                                                    partial=partial)
    except ValidationError as exc:
        raise ChangeRejected(from_marshmallow(change.object_type, exc.messages)) from None
    violations: list[Violation] = []
    for check in change.checks:
        violations.extend(check(data))
    if not violations and change.feature and change.tenant is not None:
        results = registry().hook(change.tenant.carrier_id).validate_change(
            feature=change.feature, tenant=change.tenant, line=change.line, data=data,
            action=change.action,
        )
        violations.extend(v for group in results for v in group)
    if violations:
        raise ChangeRejected(violations)
    return data


class DuplicateValue(ChangeRejected):
    """A value the database keeps unique is already used by another record.

    On the first write of a setting (``action`` "create") it means another agent's first
    write committed in between; :meth:`SettingsBlock.save` answers that as a conflict.
    """

    def __init__(self, change: Change):
        super().__init__([Violation(code=f"{change.object_type}.item.duplicate", field="",
                                    message=N_("This value is already used by another "
                                               "record."))])
        self.object_type, self.action = change.object_type, change.action
        self.tenant, self.line = change.tenant, change.line


def apply_change(change: Change) -> Any:
    """Run the whole pipeline and commit. Raises :class:`ChangeRejected` with nothing saved.
    An update that leaves the target as it was is neither audited nor provisioned.

    A stale ``expected_version`` (or a concurrent commit of the same row) raises
    :class:`EditConflict` naming who changed it and when; nothing is overwritten.
    """
    check_version(change)
    data = validate(change)
    before = snapshot(change.target)
    try:
        obj = change.persist(data)
        db.session.flush()
        after = None if change.action == "delete" else snapshot(obj)
        if change.action == "update" and after == before:
            return _unchanged(obj)
        tenant = change.tenant if change.tenant is not None else obj
        line = obj if isinstance(obj, Line) else change.line
        audit = record(tenant, change.object_type, _object_id(obj, before), change.action,
                       before, after, line_id=line.id if line is not None else None,
                       actor=change.actor)
        if callable(change.provision):
            change.provision(tenant, audit, obj)
        elif change.provision:
            order_change(tenant, audit, payload=after or before or {})
        if db.session.info.get(_UNIT):
            db.session.flush()
        else:
            commit()
    except StaleDataError as exc:
        db.session.rollback()
        raise EditConflict.about(change.object_type, _object_id(change.target, before)) from exc
    except IntegrityError as exc:
        db.session.rollback()
        raise DuplicateValue(change) from exc
    except DataError as exc:
        db.session.rollback()
        raise ChangeRejected([Violation(
            code=f"{change.object_type}.item.out_of_range", field="",
            message=N_("A value is too long or out of range, so nothing was saved."),
        )]) from exc
    except Exception:
        db.session.rollback()
        raise
    return obj


def _unchanged(obj: Any) -> Any:
    """An update that changes nothing (a form saved as it was opened): nothing to audit,
    nothing to send to the network."""
    if not db.session.info.get(_UNIT):
        commit()
    return obj


@contextmanager
def all_or_nothing() -> Iterator[None]:
    """Run the changes of the block as one unit: each is validated, audited and given its
    provisioning order as :func:`apply_change` does, but they commit together at the end.

    Any exception (a refusal of the last change as well) rolls back every one of them:
    nothing is saved, no audit record or order remains, no job is dispatched. Units nest;
    the outermost one commits.
    """
    info = db.session.info
    outer = info.get(_UNIT, 0)
    info[_UNIT] = outer + 1
    try:
        yield
    except BaseException:
        info[_UNIT] = outer
        if not outer:
            db.session.rollback()
        raise
    info[_UNIT] = outer
    if not outer:
        commit()


def check_version(change: Change) -> None:
    """Refuse an edit made on a version that is no longer the current one.

    The version comes from the change itself or from a ``version`` field of the submitted
    data (a form's hidden field, an API payload or its If-Match header).
    """
    data = dict(change.data)
    submitted = data.pop("version", None)
    change.data = data
    expected = change.expected_version if change.expected_version is not None else submitted
    target = change.target
    if expected in (None, "") or target is None or not hasattr(target, "version"):
        return
    try:
        stale = int(expected) != target.version
    except (TypeError, ValueError):
        stale = True
    if stale:
        raise EditConflict.about(change.object_type, target.id)


def record(tenant: Tenant, object_type: str, object_id: int | None, action: str,
           before: dict[str, Any] | None, after: dict[str, Any] | None,
           line_id: int | None = None, actor: str | None = None) -> AuditRecord:
    """Write one audit record in the current transaction. The only writer of the trail."""
    audit = AuditRecord(
        actor=actor or current_actor(), tenant_id=tenant.id, line_id=line_id,
        object_type=object_type, object_id=object_id, action=action, before=before, after=after,
        request_id=current_request_id(),
    )
    db.session.add(audit)
    db.session.flush()
    return audit


def _object_id(obj: Any, before: dict[str, Any] | None) -> int | None:
    if before is not None:
        return before.get("id")
    return getattr(obj, "id", None)


def from_marshmallow(
    object_type: str, messages: dict[str, Any], prefix: str = ""
) -> list[Violation]:
    """Turn marshmallow's error tree into violations, one per field and message."""
    violations = []
    for name, value in messages.items():
        path = f"{prefix}{name}"
        if isinstance(value, dict):
            violations.extend(from_marshmallow(object_type, value, f"{path}."))
            continue
        for message in value if isinstance(value, list) else [value]:
            violations.append(Violation(
                code=code_for(object_type, path, "invalid"), field=path, message=str(message)))
    return violations


@event.listens_for(Session, "before_flush")
def _audit_is_append_only(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditRecord):
            raise PermissionError("audit records cannot be edited or deleted")
