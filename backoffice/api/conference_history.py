"""The history of held conferences over the API (003 §16.4 "Conférences terminées"): the
sessions someone connected to, newest first, their participants' times and until when
each recording is kept; ``conference_id`` selects one conference's sessions."""

from __future__ import annotations

from flask import abort
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from backoffice.core.conferences.history import history, kept_until, recording_days
from backoffice.core.conferences.models import Conference
from backoffice.extensions import db
from backoffice.lookups import tenant_or_404

bp = Blueprint("api_conference_history", __name__,
               url_prefix="/api/v1/tenants/<int:tenant_id>",
               description="Ended conferences: who connected, and their recordings")


def _utc(moment) -> str | None:
    return moment.isoformat() + "Z" if moment is not None else None


class HistoryArgs(Schema):
    conference_id = fields.Integer(metadata={"description": "One conference's sessions"})
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=2**31 - 1))


DATE_TIME = {"format": "date-time"}


class AttendanceSchema(Schema):
    name = fields.String()
    joined_at = fields.String(metadata=DATE_TIME)
    left_at = fields.String(metadata=DATE_TIME)


class ConferenceSessionSchema(Schema):
    id = fields.Integer()
    conference_id = fields.Integer()
    title = fields.String()
    room = fields.String()
    started_at = fields.String(metadata=DATE_TIME)
    ended_at = fields.String(metadata=DATE_TIME)
    participants = fields.List(fields.Nested(AttendanceSchema))
    recording_seconds = fields.Integer(allow_none=True, metadata={
        "description": "The audio recording's length; null when none is kept"})
    recording_kept_until = fields.String(allow_none=True, metadata={
        **DATE_TIME, "description": "When the recording goes (the carrier keeps recordings "
                                    "a number of days)"})


class SessionPageSchema(Schema):
    items = fields.List(fields.Nested(ConferenceSessionSchema))
    page = fields.Integer()
    has_next = fields.Boolean()


def session_data(session, days: int | None) -> dict:
    """A held conference as the API shows it."""
    return {"id": session.id, "conference_id": session.conference_id,
            "title": session.conference.title, "room": session.conference.room,
            "started_at": _utc(session.started_at), "ended_at": _utc(session.ended_at),
            "participants": [{"name": a.name, "joined_at": _utc(a.joined_at),
                              "left_at": _utc(a.left_at)} for a in session.attendances],
            "recording_seconds": session.recording_seconds,
            "recording_kept_until": _utc(kept_until(session, days))}


@bp.route("/conference-history")
class ConferenceHistory(MethodView):
    @bp.arguments(HistoryArgs, location="query")
    @bp.response(200, SessionPageSchema)
    def get(self, args, tenant_id: int):
        """The customer's ended conferences that someone connected to, newest first."""
        tenant = tenant_or_404(tenant_id)
        days = recording_days(tenant)
        chosen = args.get("conference_id")
        if chosen is not None:
            conference = db.session.get(Conference, chosen)
            if conference is None or conference.tenant_id != tenant.id:
                abort(404)
        sessions, has_next = history(tenant, chosen, args["page"])
        return {"items": [session_data(session, days) for session in sessions],
                "page": args["page"], "has_next": has_next}
