"""The agents page, for the operator's and the carriers' administrators."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext

from backoffice.auth.agents import AgentRejected
from backoffice.auth.management import (
    add_agent,
    find_manageable,
    manageable_agents,
    manager_or_403,
    set_active,
)
from backoffice.auth.roles import ROLES
from backoffice.core.carriers import registry

bp = Blueprint("agents", __name__, url_prefix="/agents")


def _page(errors=None, values=None, status=200):
    manager = manager_or_403()
    carriers = registry().all() if manager.role_info.all_carriers else [
        registry()[manager.carrier_id]]
    return render_template("agents.html", agents=manageable_agents(manager), roles=ROLES,
                           carrier_entries=carriers, errors=errors or {},
                           values=values or {}), status


@bp.get("")
def index():
    return _page()


@bp.post("")
def create():
    manager = manager_or_403()
    form = request.form
    try:
        add_agent(manager, form.get("email", ""), form.get("password", ""),
                  form.get("role", ""), form.get("carrier_id") or None)
    except AgentRejected as refused:
        return _page(refused.localized(), form, 422)
    flash(gettext("Agent created."), "success")
    return redirect(url_for("agents.index"))


@bp.post("/<int:agent_id>/active")
def toggle(agent_id: int):
    manager = manager_or_403()
    agent = find_manageable(manager, agent_id)
    if agent is None:
        abort(404)
    try:
        set_active(manager, agent, request.form.get("active") == "1")
    except AgentRejected as refused:
        flash(" ".join(refused.localized().values()), "error")
    return redirect(url_for("agents.index"))
