"""Sending a fax and reading the faxes sent, through the change pipeline.

A fax is checked (its cover page by :class:`FaxSchema`, its sending number among the
customer's fax numbers, its document against the carrier's :class:`FaxLimits`), then its
document is kept in the media storage, and the fax, its audit record and its provisioning
order are saved in one transaction. Its status is its order's: queued until the carrier's
network answers, then sent or failed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import IO, Any

from flask import Response, abort
from sqlalchemy import and_, func, select

from backoffice.core.carriers import carrier_country, offer_of, offers
from backoffice.core.changes import Change, apply_change, current_actor
from backoffice.core.declarations import FeatureOffer
from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.fax.document import PdfInfo, document_violations
from backoffice.core.fax.models import Fax
from backoffice.core.fax.schemas import REQUIRED_NUMBERS, FaxSchema
from backoffice.core.media.storage import media_storage
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.core.provisioning import order_change
from backoffice.extensions import db

FEATURE = "faxes"
NUMBER_FEATURE = "fax_numbers"
STATUS_OF_ORDER = {ProvisioningOrder.PENDING: "queued", ProvisioningOrder.RETRIED: "queued",
                   ProvisioningOrder.APPLIED: "sent", ProvisioningOrder.FAILED: "failed"}


def fax_offer(tenant: Tenant) -> FeatureOffer:
    """The carrier's offer of faxes; :class:`NotOffered` when it has none."""
    return offer_of(tenant, FEATURE, scope="tenant")


def fax_schema(tenant: Tenant) -> FaxSchema:
    """The schema of a fax, reading numbers in the carrier's country."""
    return FaxSchema(region=carrier_country(tenant))


def sender_lines(tenant: Tenant) -> list[Line]:
    """The lines the customer sends faxes from: numbered lines of the offer's plans."""
    plans = fax_offer(tenant).limits.sender_plans
    query = select(Line).where(Line.tenant_id == tenant.id, Line.number.is_not(None))
    if plans:
        query = query.where(Line.plan.in_(plans))
    return list(db.session.scalars(query.order_by(Line.number)))


def confirmation_of(tenant: Tenant, line: Line | None) -> str | None:
    """Where the sending confirmation of a fax sent from ``line`` is e-mailed: the fax
    number's address when its option is on (guide 003 §6.4), else ``None``."""
    from backoffice.core.calling.store import option_row

    if line is None or not offers(tenant, NUMBER_FEATURE, line):
        return None
    row = option_row(tenant, line, NUMBER_FEATURE)
    values = row.values if row is not None else {}
    if not values.get("confirmation_email"):
        return None
    return values.get("confirmation_address") or None


def _checks(tenant: Tenant, document: bytes | None, found: dict[str, Any]):
    limits = fax_offer(tenant).limits

    def check(data: dict[str, Any]) -> list[Violation]:
        violations = [Violation(code=f"fax.{name}.required", field=name,
                                message=N_("Enter a phone number."))
                      for name in REQUIRED_NUMBERS if not data.get(name)]
        if data.get("sender_fax"):
            line = next((line for line in sender_lines(tenant)
                         if line.number == data["sender_fax"]), None)
            if line is None:
                violations.append(Violation(
                    code="fax.sender_fax.not_of_tenant", field="sender_fax", message=N_(
                        "The sending fax number must be one of the customer's fax numbers.")))
            found["line"] = line
        if data.get("sender_phone") and db.session.scalar(select(Line.id).where(
                Line.tenant_id == tenant.id, Line.number == data["sender_phone"])) is None:
            violations.append(Violation(
                code="fax.sender_phone.not_of_tenant", field="sender_phone", message=N_(
                    "The sending phone number must be one of the customer's numbers.")))
        if not document:
            violations.append(Violation(code="fax.document.required", field="document",
                                        message=N_("Choose a PDF document to send.")))
        else:
            info, refused = document_violations(document, limits)
            violations += refused
            found["info"] = info
        return violations
    return check


def send_fax(tenant: Tenant, data: dict[str, Any], document: bytes | IO[bytes] | None,
             filename: str = "") -> Fax:
    """Send a fax: checked, its document kept, audited and ordered from the carrier's
    network in one transaction. :class:`ChangeRejected` with nothing saved or kept."""
    fax_offer(tenant)
    content = document.read() if document is not None and not isinstance(
        document, bytes) else document
    found: dict[str, Any] = {}
    key = f"tenants/{tenant.id}/faxes/{uuid.uuid4().hex}.pdf"
    storage = media_storage()

    def persist(clean: dict[str, Any]) -> Fax:
        info: PdfInfo = found["info"]
        line: Line = found["line"]
        storage.put(key, content)
        fax = Fax(**clean, tenant_id=tenant.id, sender_line_id=line.id, document_key=key,
                  document_name=(filename or "document.pdf")[-200:],
                  document_bytes=info.size, document_pages=len(info.pages),
                  confirmation_to=confirmation_of(tenant, line), sent_by=current_actor())
        db.session.add(fax)
        return fax

    def provision(tenant: Tenant, audit: AuditRecord, fax: Fax) -> None:
        order_change(tenant, audit, payload={
            **(audit.after or {}), "pages": fax.pages, "confirmation_to": fax.confirmation_to})

    try:
        return apply_change(Change(
            tenant=tenant, object_type="fax", action="create", data=data,
            schema=fax_schema(tenant), persist=persist, feature=FEATURE,
            checks=[_checks(tenant, content, found)], provision=provision))
    except ChangeRejected as refused:
        storage.delete(key)
        if "info" in found or not content:
            raise
        # the cover page was refused before the document was read: say both at once
        _, document = document_violations(content, fax_offer(tenant).limits)
        raise ChangeRejected(refused.violations + document) from None
    except Exception:
        storage.delete(key)
        raise


@dataclass(frozen=True)
class FaxRow:
    """A fax with its status, as a list shows it."""

    fax: Fax
    status: str  # queued, sent, failed
    detail: str  # the network's answer (an English msgid)

    def dump(self) -> dict[str, Any]:
        from backoffice.i18n import gettext

        return {**FaxSchema().dump(self.fax), "status": self.status,
                "status_detail": gettext(self.detail) if self.detail else ""}


def _with_status():
    order = ProvisioningOrder
    return (select(Fax, order.status, order.detail, func.count().over())
            .outerjoin(order, and_(order.tenant_id == Fax.tenant_id,
                                   order.object_type == "fax", order.object_id == Fax.id,
                                   order.action == "create")))


def _row(fax: Fax, status: str | None, detail: str | None) -> FaxRow:
    return FaxRow(fax, STATUS_OF_ORDER.get(status or "", "queued"), detail or "")


def faxes_page(tenant: Tenant, page: int = 1, size: int = 50) -> tuple[list[FaxRow], int]:
    """One page of the customer's faxes, newest first, each with its status; with the
    total. One query (the total rides along as a window count)."""
    fax_offer(tenant)
    found = db.session.execute(_with_status().where(Fax.tenant_id == tenant.id)
                               .order_by(Fax.created_at.desc(), Fax.id.desc())
                               .offset((page - 1) * size).limit(size)).all()
    if found:
        total = found[0][3]
    elif page == 1:
        total = 0
    else:
        total = db.session.scalar(select(func.count(Fax.id)).where(
            Fax.tenant_id == tenant.id)) or 0
    return [_row(fax, status, detail) for fax, status, detail, _ in found], total


def find_fax(tenant: Tenant, fax_id: int) -> FaxRow | None:
    """One of the customer's faxes with its status, or ``None``."""
    fax_offer(tenant)
    found = db.session.execute(_with_status().where(
        Fax.tenant_id == tenant.id, Fax.id == fax_id)).first()
    return _row(*found[:3]) if found else None


def fax_document(fax: Fax) -> bytes | None:
    """The fax's PDF document, as sent (``None`` if the storage lost it)."""
    return media_storage().get(fax.document_key)


def document_response(row: FaxRow | None) -> Response:
    """The PDF of a fax, never sniffed as anything else; 404 when there is none."""
    if row is None:
        abort(404)
    data = fax_document(row.fax)
    if data is None:
        abort(404)
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="fax-{row.fax.id}.pdf"'
    response.headers["Cache-Control"] = "private, max-age=3600"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def remembered(tenant: Tenant) -> dict[str, Any]:
    """What the next fax's form starts with: the subject and company name of the last fax
    that asked to remember them (guide 003 §6.2), and its language."""
    last = db.session.scalars(select(Fax).where(Fax.tenant_id == tenant.id)
                              .order_by(Fax.created_at.desc(), Fax.id.desc()).limit(1)).first()
    if last is None:
        return {}
    values: dict[str, Any] = {"language": last.language}
    if last.remember_subject:
        values.update(subject=last.subject, remember_subject=True)
    if last.remember_company:
        values.update(sender_company=last.sender_company, remember_company=True)
    return values
