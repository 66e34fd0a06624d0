"""Probes of :class:`FaxLimits`: each declared limit acts on a fax sent from the carrier's
demo tenant, through the fax service (the change pipeline), with PDF documents made by
pypdf (blank pages of given sizes, documents of an exact size)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from backoffice.core.fax.document import SIZES_PT
from backoffice.plugin import FaxLimits, Line, db, send_fax
from backoffice.testing.pdf import blank_pdf, landscape, pdf_of_bytes
from backoffice.testing.probes import Probe, ProbeContext, fresh_number


def sender(ctx: ProbeContext) -> Line:
    """A numbered line of a plan faxes are sent from (a new one when the demo has none)."""
    plans = ctx.limits.sender_plans or ctx.plans()
    found = db.session.scalar(select(Line).where(
        Line.tenant_id == ctx.tenant.id, Line.plan.in_(plans), Line.number.is_not(None))
        .order_by(Line.id))
    return found or ctx.new_line(plans[0], number=fresh_number(ctx.tenant))


def cover(ctx: ProbeContext, line: Line) -> dict[str, Any]:
    """Every field of the cover page, sent from ``line``."""
    return {"subject": "Probe", "recipient_name": "Probe", "recipient_company": "Probe",
            "recipient_fax": fresh_number(ctx.tenant), "recipient_phone":
            fresh_number(ctx.tenant), "sender_name": "Probe", "sender_company": "Probe",
            "sender_fax": line.number, "sender_phone": line.number, "comments": "Probe",
            "language": "fr"}


def sending(ctx: ProbeContext, document: bytes, line: Line | None = None):
    line = line or sender(ctx)
    return lambda: send_fax(ctx.tenant, cover(ctx, line), document, "probe.pdf")


def portrait(ctx: ProbeContext) -> tuple[float, float]:
    """A page of the first size the carrier accepts, in portrait."""
    return SIZES_PT[ctx.limits.page_sizes[0]]


def probe_max_bytes(ctx: ProbeContext) -> None:
    """A document of exactly the limit is sent; one byte more is refused on ``document``."""
    ctx.accepted(sending(ctx, pdf_of_bytes(ctx.value, portrait(ctx))), "a document at the limit")
    ctx.refused(sending(ctx, pdf_of_bytes(ctx.value + 1, portrait(ctx))), "document",
                "a document one byte past the limit")


def probe_page_sizes(ctx: ProbeContext) -> None:
    """Each size among those declared is sent; each other one is refused on ``document``."""
    for name, size in SIZES_PT.items():
        if name in ctx.value:
            ctx.accepted(sending(ctx, blank_pdf(size)), f"a {name} page")
        else:
            ctx.refused(sending(ctx, blank_pdf(size)), "document", f"a {name} page")


def probe_portrait_only(ctx: ProbeContext) -> None:
    """A landscape page of an accepted size is refused when only portrait is declared, and
    sent otherwise."""
    document = blank_pdf(landscape(portrait(ctx)))
    if ctx.value:
        ctx.refused(sending(ctx, document), "document", "a landscape page")
    else:
        ctx.accepted(sending(ctx, document), "a landscape page")


def probe_sender_plans(ctx: ProbeContext) -> None:
    """A fax is sent from a line of a declared plan, refused from a line of another plan."""
    ctx.accepted(sending(ctx, blank_pdf(portrait(ctx))), "sent from a declared plan")
    others = [plan for plan in ctx.plans() if plan not in ctx.value]
    assert others, f"{ctx.name}: every plan sends faxes; declare no sender_plans"
    line = ctx.new_line(others[0], number=fresh_number(ctx.tenant))
    ctx.refused(sending(ctx, blank_pdf(portrait(ctx)), line), "sender_fax",
                f"sent from a line of plan {others[0]}")


PROBES: dict[tuple[type | None, str], Probe] = {
    (FaxLimits, "max_bytes"): probe_max_bytes,
    (FaxLimits, "page_sizes"): probe_page_sizes,
    (FaxLimits, "portrait_only"): probe_portrait_only,
    (FaxLimits, "sender_plans"): probe_sender_plans,
}
