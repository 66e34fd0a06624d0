"""Rule violations: one shape for every refusal, from a schema, a limit or a carrier rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask_babel import gettext


def N_(message: str) -> str:
    """Mark a message for translation where it is declared; it is translated when shown."""
    return message


@dataclass(frozen=True)
class Violation:
    """One broken rule.

    ``code`` is stable and machine-readable (``acme.blocked_numbers.too_many``);
    ``message`` is an English msgid translated with ``params`` at display time.
    """

    code: str
    field: str
    message: str
    params: dict[str, Any] = field(default_factory=dict)
    limit: Any = None

    def localized(self) -> str:
        """The message in the current request's language."""
        return gettext(self.message, **self.params)

    def as_dict(self) -> dict[str, Any]:
        data = {"code": self.code, "field": self.field, "message": self.localized()}
        if self.limit is not None:
            data["limit"] = self.limit
        return data


class ChangeRejected(Exception):
    """A change was refused; nothing of it was saved."""

    def __init__(self, violations: list[Violation]):
        super().__init__("; ".join(f"{v.field}: {v.code}" for v in violations))
        self.violations = violations

    def by_field(self) -> dict[str, list[str]]:
        """Localized messages grouped by field, for forms."""
        grouped: dict[str, list[str]] = {}
        for violation in self.violations:
            grouped.setdefault(violation.field, []).append(violation.localized())
        return grouped


class EditConflict(Exception):
    """Someone else changed the object since the agent loaded it; nothing was saved."""

    def __init__(self, object_type: str, object_id: int | None, actor: str | None,
                 at: datetime | None):
        super().__init__(f"{object_type} {object_id} changed by {actor} at {at}")
        self.object_type, self.object_id, self.actor, self.at = object_type, object_id, actor, at

    @classmethod
    def about(cls, object_type: str, object_id: int | None) -> EditConflict:
        """The conflict on an object, naming the last change recorded for it."""
        from sqlalchemy import select

        from backoffice.core.models import AuditRecord
        from backoffice.extensions import db

        last = db.session.scalars(
            select(AuditRecord)
            .where(AuditRecord.object_type == object_type, AuditRecord.object_id == object_id)
            .order_by(AuditRecord.id.desc()).limit(1)).first()
        return cls(object_type, object_id, last.actor if last else None,
                   last.at if last else None)

    @classmethod
    def latest(cls, object_type: str, tenant_id: int, line_id: int | None) -> EditConflict:
        """The conflict on a tenant's (or a line's) object of this type, naming its last
        recorded change: for a setting whose row another agent has just created."""
        from sqlalchemy import select

        from backoffice.core.models import AuditRecord
        from backoffice.extensions import db

        last = db.session.scalars(
            select(AuditRecord)
            .where(AuditRecord.object_type == object_type, AuditRecord.tenant_id == tenant_id,
                   AuditRecord.line_id == line_id)
            .order_by(AuditRecord.id.desc()).limit(1)).first()
        return cls(object_type, last.object_id if last else None,
                   last.actor if last else None, last.at if last else None)

    def localized(self) -> str:
        if self.actor is None:
            return gettext("Someone else changed this in the meantime. Reload and try again.")
        return gettext("%(actor)s changed this on %(at)s UTC. Reload to see their change, "
                       "then try again.", actor=self.actor,
                       at=self.at.strftime("%Y-%m-%d %H:%M:%S") if self.at else "?")


class NotOffered(Exception):
    """The tenant's carrier does not offer this feature (or not on this plan)."""

    def __init__(self, carrier_name: str, feature: str):
        super().__init__(f"{carrier_name} does not offer {feature}")
        self.carrier_name = carrier_name
        self.feature = feature

