"""Schemas of the conference blocks, for the web form and the API alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.core.conferences.models import KINDS, ROLES, Conference
from backoffice.core.errors import N_
from backoffice.core.schemas import BaseSchema, known_timezone
from backoffice.extensions import db

KIND_LABELS = {"permanent": N_("Permanent"), "one_time": N_("One-time")}
LANGUAGE_LABELS = {"fr": N_("French"), "en": N_("English")}
ROLE_LABELS = {"administrator": N_("Administrator"), "participant": N_("Participant")}
FOUR_DIGITS = validate.Regexp(r"^[0-9]{4}$", error=_l("Exactly 4 digits."))


def _one_of(options: Sequence[str]) -> validate.OneOf:
    return validate.OneOf(list(options), error=_l("Choose one of: {choices}."))


def _text(label: str, maximum: int) -> fields.String:
    return fields.String(required=True, validate=validate.Length(
        min=1, max=maximum, error=_l("Between {min} and {max} characters.")),
        metadata={"label": label})


class ConferenceSchema(BaseSchema):
    """A conference: its kind, title, language, one-time schedule and options."""

    id = fields.Integer(dump_only=True)
    kind = fields.String(required=True, validate=_one_of(KINDS), metadata={
        "label": N_("Type"), "choice_labels": KIND_LABELS})
    title = _text(N_("Title"), 120)
    language = fields.String(required=True, validate=_one_of(tuple(LANGUAGE_LABELS)),
                             metadata={"label": N_("Language"),
                                       "choice_labels": LANGUAGE_LABELS})
    room = fields.String(dump_only=True, metadata={"label": N_("Room number")})
    access_code = fields.String(load_default=None, allow_none=True, validate=FOUR_DIGITS,
                                metadata={"label": N_("Access code"),
                                          "help": N_("4 digits, optional.")})
    start_date = fields.Date(load_default=None, allow_none=True, metadata={
        "label": N_("Start date"), "group": N_("One-time conference")})
    start_time = fields.Time(load_default=None, allow_none=True, metadata={
        "label": N_("Start time"), "group": N_("One-time conference")})
    timezone = fields.String(load_default=None, allow_none=True, validate=known_timezone, metadata={
        "label": N_("Time zone"), "group": N_("One-time conference"),
        "help": N_("The customer's time zone when left empty.")})
    duration_minutes = fields.Integer(load_default=None, allow_none=True, strict=False,
                                      validate=validate.Range(min=1, error=_l(
                                          "At least {min}.")), metadata={
        "label": N_("Estimated length (minutes)"), "group": N_("One-time conference")})
    recording = fields.Boolean(load_default=False, metadata={
        "label": N_("Record the audio"), "group": N_("Options")})
    email_report = fields.Boolean(load_default=False, metadata={
        "label": N_("E-mail a report to the administrator"), "group": N_("Options")})
    announce_participants = fields.Boolean(load_default=False, metadata={
        "label": N_("Announce participants joining and leaving"), "group": N_("Options")})
    web_broadcast = fields.Boolean(load_default=False, metadata={
        "label": N_("Broadcast the conference on the web"), "group": N_("Options")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, languages: Sequence[str] = tuple(LANGUAGE_LABELS),
                 **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["language"]
        field.validators = [_one_of(languages)]
        field.metadata = {**field.metadata, "choice_labels": {
            code: label for code, label in LANGUAGE_LABELS.items() if code in languages}}


def conference_choices(tenant: Any) -> list[tuple[int, str]]:
    """The tenant's conferences, for a participant's conference field."""
    return [(conference.id, f"{conference.title} ({conference.room})")
            for conference in db.session.scalars(select(Conference).where(
                Conference.tenant_id == tenant.id).order_by(Conference.title))]


class ParticipantSchema(BaseSchema):
    """Someone invited to one of the customer's conferences."""

    id = fields.Integer(dump_only=True)
    conference_id = fields.Integer(required=True, strict=False, metadata={
        "label": N_("Conference"), "choices": conference_choices})
    name = _text(N_("Name"), 120)
    email = fields.String(required=True, validate=[
        validate.Length(max=254, error=_l("At most {max} characters.")),
        validate.Email(error=_l("Enter a valid e-mail address."))],
        metadata={"label": N_("E-mail")})
    role = fields.String(required=True, validate=_one_of(ROLES), metadata={
        "label": N_("Role"), "choice_labels": ROLE_LABELS})
    version = fields.Integer(dump_only=True)
