"""The line page: its information, the features its plan offers, status, call explainer."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import phonenumbers
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from sqlalchemy.orm import joinedload

from backoffice.core.declarations import DIRECTIONS, LINE_STATES, CallContext
from backoffice.core.errors import N_, ChangeRejected, EditConflict
from backoffice.core.explainer import explain_call, member_inputs
from backoffice.core.line_status import status_label, statuses_of
from backoffice.core.lines import delete_line, line_schema, set_once_fields, update_line
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import InvalidNumber, any_number
from backoffice.extensions import db
from backoffice.lookups import carrier_of, tenant_and_line_or_404
from backoffice.web.forms import (
    build_form,
    display_values,
    payload_from_form,
    read_labels,
    shared_choices,
)
from backoffice.web.views import (
    Submitted,
    block_views,
    conflict_message,
    editing_from,
    recent_orders,
)

bp = Blueprint("lines", __name__, url_prefix="/tenants/<int:tenant_id>/lines")


def render_line(tenant, line, *, info_values=None, info_errors=None,
                submitted: Submitted | None = None, explanation=None, status=200,
                info_open=False, info_caution: str = ""):
    """The line page; only the form the agent opened (or that was refused) is built."""
    schema = line_schema(tenant)
    entry = carrier_of(tenant)
    stored = schema.dump(line)
    editing = editing_from(request)
    info_open = info_open or info_values is not None or (
        editing is not None and editing.target == "information")
    fixed = set_once_fields(line)
    with shared_choices():
        values = {**(info_values if info_values is not None else stored),
                  **{name: stored[name] for name in fixed}}
        info_form = build_form(schema, values, info_errors, tenant, readonly=fixed) \
            if info_open else []
        shown = display_values(schema, stored, tenant, entry.carrier.country)
        blocks = block_views(tenant, line, submitted, editing)
    now = datetime.now(ZoneInfo(tenant.timezone))
    return render_template(
        "lines/show.html", tenant=tenant, line=line, entry=entry, info_form=info_form,
        summary=call_summary(tenant, line, now), now=now,
        info_labels=read_labels(schema), info_general_errors=(info_errors or {}).get("", []),
        info_values=shown, blocks=blocks, orders=recent_orders(tenant, line),
        states=LINE_STATES, explanation=explanation, info_caution=info_caution,
        line_state=status_label(statuses_of(tenant, [line]).get(line.id)),
    ), status


STATE_WORDS = {"idle": N_("When the line is free"), "busy": N_("When it is busy"),
               "no_answer": N_("When nobody answers"),
               "unreachable": N_("When it is unreachable")}


def call_summary(tenant, line, now: datetime) -> list[dict]:
    """How the line handles a call right now, in each state and from an anonymous caller:
    the explainer's last step for each, for the summary on top of the line page."""
    country = carrier_of(tenant).carrier.country
    example = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    caller = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164) \
        if example else None
    rows = []
    cases = [(STATE_WORDS[state], caller, state) for state in LINE_STATES if state in STATE_WORDS]
    cases.append((N_("Anonymous caller"), None, "idle"))
    for label, who, state in cases:
        try:
            steps = explain_call(tenant, line, CallContext(who, now, state, ""))
        except Exception:  # noqa: BLE001 - the summary never keeps the page from showing
            continue
        if steps:
            rows.append({"label": gettext(label), "step": steps[-1]})
    return rows


def shown_with_the_line() -> tuple:
    """What the line page shows beside the line, joined to the line's own query: its
    tenant's sites (the site column) and its forwarding, each otherwise a lazy load."""
    return (joinedload(Line.tenant, innerjoin=True).joinedload(Tenant.sites),
            joinedload(Line.forwarding))


@bp.get("/<int:line_id>")
def show(tenant_id: int, line_id: int):
    return render_line(*tenant_and_line_or_404(tenant_id, line_id, *shown_with_the_line()))


@bp.post("/<int:line_id>")
def edit(tenant_id: int, line_id: int):
    tenant, line = tenant_and_line_or_404(tenant_id, line_id)
    schema = line_schema(tenant)
    payload = payload_from_form(schema, request.form)
    caution = email_change_caution(tenant, line, payload)
    # a value the schema refuses is shown first: the warning is for a change that can be saved
    if caution and request.form.get("acknowledge") != "yes" \
            and not schema.validate({name: value for name, value in payload.items()
                                     if name != "version"}, partial=True):
        return render_line(tenant, line, info_values=payload, info_caution=caution,
                           status=422)
    try:
        update_line(line, payload)
    except ChangeRejected as refused:
        return render_line(tenant, line, info_values=payload, info_errors=refused.by_field(),
                           status=422)
    except EditConflict as conflict:
        db.session.refresh(line)  # the form shows the values now saved, with their version
        return render_line(tenant, line, info_open=True,
                           info_errors={"": [conflict_message(conflict, tenant)]}, status=409)
    flash(gettext("Line saved."), "success")
    return redirect(url_for("lines.show", tenant_id=tenant.id, line_id=line.id))


def call_from_form(tenant: Tenant, form) -> tuple[CallContext | None, str | None]:
    """The call an explain form describes, at a moment in the tenant's time zone, or why
    it cannot be read."""
    caller = None
    try:
        if form.get("caller", "").strip():
            caller = any_number(form["caller"], carrier_of(tenant).carrier.country)
        moment = datetime.fromisoformat(f"{form['date']}T{form['time']}").replace(
            tzinfo=ZoneInfo(tenant.timezone))
        state = form.get("state", "idle")
        if state not in LINE_STATES:
            raise ValueError(state)
        direction = form.get("direction", "incoming")
        if direction not in DIRECTIONS:
            raise ValueError(direction)
        group = member_inputs(form, carrier_of(tenant).carrier.country)
        if not (0 <= group["calls_waiting"] <= 1000 and 0 <= group["waited"] <= 86400):
            raise ValueError(group)
    except InvalidNumber:
        return None, gettext("“%(value)s” is not a phone number: use digits, with an "
                             "optional leading +.", value=form.get("caller"))
    except (KeyError, ValueError):
        return None, gettext("Give a date, a time and a line state (and whole numbers of "
                             "waiting calls and seconds).")
    dialled = None
    if direction == "outgoing":
        text = form.get("dialled", "").strip()
        try:
            dialled = any_number(text, carrier_of(tenant).carrier.country) if text else None
        except InvalidNumber:
            dialled = None
        if dialled is None:
            return None, gettext("Give the number the line dials, in digits, with an "
                                 "optional leading +.")
    return CallContext(caller, moment, state, form.get("digits", "").strip(), direction,
                       dialled, **group), None


def email_change_caution(tenant: Tenant, line: Line, payload: dict) -> str:
    """What the agent acknowledges before a new e-mail is saved, where the carrier says it
    resets the user's customer space (``LineLimits.email_change_resets``; guide 004 §9.1.2)."""
    offer = carrier_of(tenant).offer("lines")
    if offer is None or not offer.limits.email_change_resets:
        return ""
    new = (payload.get("email") or "").strip()
    if "email" not in payload or new.casefold() == (line.email or "").casefold():
        return ""
    return gettext("Changing the e-mail resets the customer space of the line's user. If the "
                   "line now goes to another person, reset the settings the previous user "
                   "changed (greeting, forwarding...).")


@bp.get("/<int:line_id>/delete")
def confirm_delete(tenant_id: int, line_id: int):
    """The confirmation page of a line's deletion (guide 004 §4.9), no JavaScript needed."""
    tenant, line = tenant_and_line_or_404(tenant_id, line_id)
    return render_template("lines/delete.html", tenant=tenant, line=line,
                           entry=carrier_of(tenant))


@bp.post("/<int:line_id>/delete")
def delete(tenant_id: int, line_id: int):
    """Delete the line once confirmed; its settings go with it, its history stays."""
    tenant, line = tenant_and_line_or_404(tenant_id, line_id)
    if request.form.get("confirm") != "yes":
        return redirect(url_for("lines.confirm_delete", tenant_id=tenant.id, line_id=line.id))
    try:
        delete_line(line)
    except ChangeRejected as refused:
        return render_template("lines/delete.html", tenant=tenant, line=line,
                               entry=carrier_of(tenant),
                               errors=[v.localized() for v in refused.violations]), 422
    flash(gettext("Line deleted."), "success")
    return redirect(url_for("tenants.show", tenant_id=tenant.id) + "#lines")


@bp.post("/<int:line_id>/explain")
def explain(tenant_id: int, line_id: int):
    """The path of a call to this line, at a moment in the tenant's time zone."""
    tenant, line = tenant_and_line_or_404(tenant_id, line_id)
    form = request.form
    call, error = call_from_form(tenant, form)
    steps = None if call is None else explain_call(tenant, line, call)
    explanation = {"steps": steps, "error": error, "form": form}
    if request.headers.get("HX-Request"):
        return render_template("lines/_explanation.html", explanation=explanation)
    return render_line(tenant, line, explanation=explanation, status=422 if error else 200)
