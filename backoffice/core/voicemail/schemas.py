"""The mailbox block's schema: core's fields narrowed by the carrier's limits, plus the
carrier's own options (guides 002 voicemail, 003 §3.1, 004 §6.15.2)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate

from backoffice.core.carriers import registry
from backoffice.core.errors import N_
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.limits import VoicemailLimits
from backoffice.core.media.fields import AudioField

OptionFields = Callable[[], dict[str, fields.Field]]
"""The carrier's own fields of the mailbox (fresh instances on each call)."""

NOTIFICATION_LABELS = {
    "none": N_("No notification"),
    "notify": N_("Send a notification"),
    "attach": N_("Send a notification with the message attached"),
}
GREETING_LABELS = {"default": N_("Default"), "custom": N_("Custom")}
MESSAGE_SECONDS_CEILING = 3600
"""The longest message an agent may set when the carrier declares no maximum (one hour)."""


def limits_for(carrier_id: str) -> VoicemailLimits:
    offer = registry()[carrier_id].offer("voicemail")
    assert offer is not None, f"{carrier_id} does not offer voicemail"
    return offer.limits


def _choice(options: tuple[str, ...], labels: dict[str, str], **kwargs: Any) -> fields.String:
    return fields.String(validate=validate.OneOf(
        options, error=_l("Choose one of: {choices}.")), metadata={
        **kwargs.pop("metadata", {}), "choice_labels": {k: labels[k] for k in options}},
        **kwargs)


def core_fields(limits: VoicemailLimits) -> dict[str, fields.Field]:
    """The fields of core's model a carrier's limits offer, in the form's order."""
    found: dict[str, fields.Field] = {}
    if limits.switchable:
        found["enabled"] = fields.Boolean(load_default=False, metadata={
            "label": N_("Voicemail on")})
    if limits.greeting is not None:
        found["greeting"] = _choice(GREETINGS_ORDER, GREETING_LABELS, load_default="default",
                                    metadata={"label": N_("Greeting")})
        found["greeting_audio"] = AudioField(use="voicemail.greeting", load_default=None,
                                             metadata={"label": N_("Custom greeting")})
    else:
        found["recorded_greeting"] = fields.String(dump_only=True, metadata={
            "label": N_("Greeting")})
    found["notification"] = _choice(limits.notifications, NOTIFICATION_LABELS,
                                    load_default=limits.default_notification,
                                    metadata={"label": N_("E-mail notification")})
    found["email"] = fields.String(allow_none=True, load_default=None, validate=[
        validate.Length(max=254, error=_l("At most {max} characters.")),
        validate.Email(error=_l("Enter a valid e-mail address."))],
                                  metadata={"label": N_("E-mail address")})
    if limits.email_only:
        found["email_only"] = fields.Boolean(load_default=False, metadata={
            "label": N_("E-mail only, not kept on the server"),
            "help": N_("Messages are sent only by e-mail: they can no longer be heard "
                       "by phone.")})
    if limits.message_seconds_settable:
        ceiling = limits.max_message_seconds or MESSAGE_SECONDS_CEILING
        found["max_message_seconds"] = fields.Integer(
            strict=False, allow_none=True, load_default=None,
            validate=validate.Range(min=1, max=ceiling, error=_l(
                "A number of seconds from {min} to {max}.")),
            metadata={"label": N_("Maximum message length (seconds)")})
    return found


GREETINGS_ORDER = ("default", "custom")


def read_only_fields(limits: VoicemailLimits) -> dict[str, fields.Field]:
    """What the mailbox holds and how, shown but never written."""
    found: dict[str, fields.Field] = {
        "state": fields.String(dump_only=True, metadata={"label": N_("State")}),
        "messages": fields.String(dump_only=True, metadata={"label": N_("Messages")}),
    }
    if any((limits.max_greeting_seconds, limits.max_message_seconds, limits.max_box_seconds,
            limits.new_message_days, limits.archived_message_days, limits.max_messages)):
        found["box_limits"] = fields.String(dump_only=True, metadata={"label": N_("Limits")})
    if limits.shared_with_field:
        found["shared_with"] = fields.String(dump_only=True, allow_none=True, metadata={
            "label": N_("Shared mailbox of")})
    found["version"] = fields.Integer(dump_only=True)
    return found


_CLASSES: dict[tuple[str, int], type[Schema]] = {}


def mailbox_schema_class(carrier_id: str, options: OptionFields | None) -> type[Schema]:
    """The carrier's mailbox schema class (made once per carrier and options)."""
    key = (carrier_id, id(options))
    if key not in _CLASSES:
        limits = limits_for(carrier_id)
        attributes = {**core_fields(limits), **(options() if options else {}),
                      **read_only_fields(limits)}
        name = f"{carrier_id.title()}MailboxSchema"
        _CLASSES[key] = type(name, (SettingsSchema,), attributes)
    return _CLASSES[key]


def option_names(carrier_id: str, options: OptionFields | None) -> list[str]:
    """The carrier's own fields, kept in the mailbox's ``options``."""
    limits = limits_for(carrier_id)
    core = {*core_fields(limits), *read_only_fields(limits)}
    return [name for name in mailbox_schema_class(carrier_id, options)._declared_fields
            if name not in core]


class EmptyingSchema(SettingsSchema):
    """Emptying a mailbox: unticked, nothing happens (003 §3.2)."""

    messages = fields.String(dump_only=True, metadata={"label": N_("Messages")})
    empty = fields.Boolean(load_default=False, metadata={
        "label": N_("Empty the mailbox: delete every message")})
    erase_greetings = fields.Boolean(load_default=False, metadata={
        "label": N_("Do you also want to erase your personal greetings?")})
    version = fields.Integer(dump_only=True)
