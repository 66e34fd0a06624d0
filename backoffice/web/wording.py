"""Changes in words: what an audit record or a provisioning order did, for agents.

Object types and field names are internal codes; pages show them as sentences in the
agent's language ("Renvoi d'appel modifié", "Numéro bloqué ajouté : 01 45 83 47 78").
A carrier's own object types are named after its blocks' titles.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from babel.dates import format_date

from backoffice.core.calendars.hours import DAY_NAMES
from backoffice.core.calendars.wording import weekdays_text
from backoffice.core.carriers import registry
from backoffice.core.errors import N_
from backoffice.core.limits import TRIGGER_WORDS
from backoffice.core.phone import for_display
from backoffice.i18n import current_language, gettext

# object type -> (what it is, added, changed, removed)
OBJECTS = {
    "line": (N_("Line"), N_("Line added"), N_("Line changed"), N_("Line deleted")),
    "site": (N_("Site"), N_("Site added"), N_("Site changed"), N_("Site deleted")),
    "tenant": (N_("Customer"), N_("Customer added"), N_("Customer changed"),
               N_("Customer deleted")),
    "forwarding": (N_("Call forwarding"), N_("Call forwarding set up"),
                   N_("Call forwarding changed"), N_("Call forwarding removed")),
    "forwarding_number": (N_("Forwarding number"), N_("Forwarding number added"),
                          N_("Forwarding number changed"), N_("Forwarding number deleted")),
    "blocked_number": (N_("Blocked number"), N_("Blocked number added"),
                       N_("Blocked number changed"), N_("Blocked number deleted")),
    "blacklist_rule": (N_("Blacklist rule"), N_("Blacklist rule added"),
                       N_("Blacklist rule changed"), N_("Blacklist rule deleted")),
    "external_contact": (N_("External contact"), N_("External contact added"),
                         N_("External contact changed"), N_("External contact deleted")),
    "user": (N_("User"), N_("User added"), N_("User changed"), N_("User deleted")),
    "company_number": (N_("Company number"), N_("Company number added"),
                       N_("Company number changed"), N_("Company number deleted")),
    "device": (N_("Hardware"), N_("Hardware associated"), N_("Hardware changed"),
               N_("Hardware removed")),
    "device_keys": (N_("Programmable keys"), N_("Keys configured"), N_("Keys configured"),
                    N_("Keys reset")),
    "phone": (N_("Phone"), N_("Phone added to the bank"), N_("Phone changed"),
              N_("Phone removed from the bank")),
    "phone_assignment": (N_("Phone of the extension"), N_("Phone assigned"),
                         N_("Phone assignment changed"), N_("Phone unassigned")),
    "softphone": (N_("Softphone"), N_("Softphone added"), N_("Softphone renamed"),
                  N_("Softphone removed")),
    "conference": (N_("Conference"), N_("Conference created"), N_("Conference changed"),
                   N_("Conference deleted")),
    "conference_participant": (N_("Conference participant"), N_("Participant invited"),
                               N_("Invitation changed"), N_("Invitation withdrawn")),
    "address_book": (N_("Address book"), N_("Address book added"),
                     N_("Address book changed"), N_("Address book deleted")),
    "address_book_contact": (N_("Address book contact"), N_("Contact added"),
                             N_("Contact changed"), N_("Contact deleted")),
    "appearance": (N_("Appearance"), N_("Appearance set up"), N_("Appearance changed"),
                   N_("Appearance removed")),
    "call_log_email": (N_("Call log by e-mail"), N_("Call log e-mail scheduled"),
                       N_("Call log e-mail changed"), N_("Call log e-mail removed")),
    "phone_contact": (N_("Contact on the phone"), N_("Contact put on the phone"),
                      N_("Contact on the phone changed"), N_("Contact taken off the phone")),
    "fax": (N_("Fax"), N_("Fax sent"), N_("Fax changed"), N_("Fax deleted")),
    "fax_numbers": (N_("Fax number settings"), N_("Fax number settings saved"),
                    N_("Fax number settings changed"), N_("Fax number settings removed")),
    "calendar": (N_("Calendar"), N_("Calendar added"), N_("Calendar changed"),
                 N_("Calendar deleted")),
    "call_waiting": (N_("Call waiting"), N_("Call waiting set up"), N_("Call waiting changed"),
                     N_("Call waiting removed")),
    "quick_edit": (N_("Quick edit"), N_("Quick edit saved"), N_("Quick edit saved"),
                   N_("Quick edit saved")),
    "caller_id": (N_("Caller ID"), N_("Caller ID set up"), N_("Caller ID changed"),
                  N_("Caller ID removed")),
    "call_permissions": (N_("Call permissions"), N_("Call permissions set up"),
                         N_("Call permissions changed"), N_("Call permissions removed")),
    "do_not_disturb": (N_("Do not disturb"), N_("Do not disturb set up"),
                       N_("Do not disturb changed"), N_("Do not disturb removed")),
    "voicemail": (N_("Voicemail"), N_("Voicemail set up"), N_("Voicemail changed"),
                  N_("Voicemail removed")),
    "voicemail_messages": (N_("Voicemail messages"), N_("Voicemail messages added"),
                           N_("Voicemail messages changed"), N_("Mailbox emptied")),
    "ivr": (N_("Voice menu"), N_("Voice menu set up"), N_("Voice menu changed"),
            N_("Voice menu removed")),
    "ivr_key": (N_("Voice menu key"), N_("Voice menu key added"), N_("Voice menu key changed"),
                N_("Voice menu key deleted")),
    "announcement": (N_("Announcement"), N_("Announcement added"), N_("Announcement changed"),
                     N_("Announcement deleted")),
    "anonymous_call_rejection": (N_("Anonymous call rejection"),
                                 N_("Anonymous call rejection set up"),
                                 N_("Anonymous call rejection changed"),
                                 N_("Anonymous call rejection removed")),
    "hunt_group": (N_("Hunt group"), N_("Hunt group set up"), N_("Hunt group changed"),
                   N_("Hunt group removed")),
    "hunt_group_member": (N_("Hunt group member"), N_("Hunt group member added"),
                          N_("Hunt group member changed"), N_("Hunt group member removed")),
    "pickup_group": (N_("Pickup group"), N_("Pickup group added"), N_("Pickup group changed"),
                     N_("Pickup group deleted")),
}
ACTIONS = {"create": N_("Added"), "update": N_("Changed"), "delete": N_("Deleted")}
_ACTION_INDEX = {"create": 1, "update": 2, "delete": 3}
FIELDS = {
    "enabled": N_("On"), "destination": N_("Destination"), "ring_count": N_("Rings"),
    "ring_seconds": N_("Ring time (seconds)"), "ring_reminder": N_("Ring reminder"),
    "ring_mode": N_("Ring mode"), "numbers": N_("Numbers"), "calendar_id": N_("Calendar"),
    "schedule": N_("Schedule"), "hold_music": N_("Hold music"), "screening": N_("Screening"),
    "subscribed": N_("Option subscribed"), "number": N_("Number"), "label": N_("Label"),
    "first_name": N_("First name"), "last_name": N_("Last name"), "email": N_("E-mail"),
    "extension": N_("Extension"), "plan": N_("Plan"), "site_id": N_("Site"), "mac": N_("MAC"),
    "associated_number": N_("Associated number"), "role": N_("Role"), "name": N_("Name"),
    "mode": N_("Mode"), "match": N_("Match"), "digits": N_("Digits"), "hours": N_("Hours"),
    "timezone": N_("Time zone"), "address": N_("Address"), "city": N_("City"),
    "street": N_("Street"), "postal_code": N_("Postal code"), "country": N_("Country"),
    "closures": N_("Closures"), "trigger": N_("Kind"), "first": N_("First day"),
    "last": N_("Last day"), "days": N_("Days"), "start": N_("From"), "end": N_("To"),
    "starts_on": N_("Starts on"), "ends": N_("Ends"), "until": N_("End date"),
    "occurrences": N_("Occurrences"), "opens": N_("Opens"), "closes": N_("Closes"),
    "lunch": N_("Lunch break"), "department": N_("Department"),
    "route": N_("Calls to this number go to"), "user_id": N_("User"),
    "kind": N_("Type"), "title": N_("Title"), "language": N_("Language"),
    "access_code": N_("Access code"), "start_date": N_("Start date"),
    "start_time": N_("Start time"), "duration_minutes": N_("Estimated length (minutes)"),
    "recording": N_("Record the audio"), "email_report": N_("E-mail a report"),
    "announce_participants": N_("Announce participants"),
    "web_broadcast": N_("Web broadcast"), "conference_id": N_("Conference"),
    "owner_line_id": N_("Personal book of"), "visible_to": N_("Visible to"),
    "book_id": N_("Address book"), "favourite": N_("Favourite"),
    "contact_id": N_("Contact"), "extension_line_id": N_("Extension"),
    "model": N_("Brand and model"), "keys": N_("Keys"), "line_id": N_("Line"),
    "device_id": N_("Phone"), "line_keys": N_("Line keys"),
    "profile": N_("Call restriction"), "long_distance": N_("Long-distance calls"),
    "international": N_("International calls"), "long_distance_code": N_("Access code"),
    "international_code": N_("Access code"), "blocked_countries": N_("Countries turned off"),
    "busy_behaviour": N_("When the user is already on the phone"),
    "record_incoming": N_("Record incoming calls"),
    "record_outgoing": N_("Record outgoing calls"), "pickup": N_("Call pickup"),
    "directory": N_("List in the directory"), "rows": N_("Rows"),
    "greeting": N_("Greeting"), "greeting_audio_id": N_("Custom greeting"),
    "notification": N_("E-mail notification"), "email_only": N_("E-mail only"),
    "max_message_seconds": N_("Maximum message length (seconds)"), "options": N_("Options"),
    "messages": N_("Messages"), "erase_greetings": N_("Personal greetings erased"),
    "distribution": N_("Distribution"),
    "rings": N_("Maximum number of rings"), "wrap_up": N_("Wrap-up time (seconds)"),
    "max_calls": N_("Maximum number of waiting calls"),
    "max_wait": N_("Maximum waiting time before overflow (seconds)"),
    "overflow": N_("Overflow"), "overflow_number": N_("Overflow number"),
    "position": N_("Position"), "present": N_("Connected"),
    "open_greeting_id": N_("Greeting, open hours"),
    "closed_greeting_id": N_("Greeting, closed hours"), "greeting_id": N_("Greeting"),
    "internal_number": N_("Internal number"), "no_input": N_("If the caller presses nothing"),
    "path": N_("Key"),
    "audio_id": N_("Recording"), "ivr_id": N_("Voice menu"),
    "frequency": N_("Send the call log"), "weekday": N_("Day of the week"),
    "month_day": N_("Day of the month"),
    "link_url": N_("Address opened by the logo"), "logo_key": N_("Logo"),
    "logo_format": N_("Logo format"), "logo_width": N_("Logo width"),
    "logo_height": N_("Logo height"),
    "subject": N_("Subject"), "recipient_name": N_("To"), "recipient_company": N_("Company"),
    "recipient_fax": N_("Recipient's fax number"),
    "recipient_phone": N_("Recipient's phone number"), "sender_name": N_("From"),
    "sender_company": N_("Sender's company"), "sender_fax": N_("Sending fax number"),
    "sender_phone": N_("Sending phone number"), "comments": N_("Comments"),
    "remember_subject": N_("Remember the subject"),
    "remember_company": N_("Remember the company name"),
    "hide_recipient_phone": N_("Hide the recipient's phone number"),
    "hide_sender_phone": N_("Hide the sending phone number"),
    "hide_sender_fax": N_("Hide the sending fax number"), "document_name": N_("Document"),
    "document_bytes": N_("Document size (bytes)"), "document_pages": N_("Document pages"),
    "confirmation_to": N_("Confirmation e-mailed to"), "sent_by": N_("Sent by"),
    "confirmation_email": N_("E-mail a sending confirmation"),
    "confirmation_address": N_("Confirmation e-mail address"),
}
CODES = {"never": N_("never"), "on_date": N_("on the end date"),
         "after_occurrences": N_("after a number of occurrences")}
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                        r"(?:Z|[+-]\d{2}:?\d{2})?)?")
HIDDEN = {"id", "version", "created_at", "updated_at", "tenant_id", "line_id", "forwarding_id",
          "document_key", "sender_line_id"}
NAMING = ("number", "digits", "name", "label", "email", "extension", "recipient_fax")


def _block_for(carrier_id: str | None, object_type: str):
    if not carrier_id:
        return None
    try:
        entry = registry()[carrier_id]
    except KeyError:
        return None
    wanted = {object_type, object_type.replace("_", "-")}
    return next((block for block in entry.blocks if block.id in wanted
                 or block.feature == object_type), None)


def object_words(object_type: str, carrier_id: str | None = None) -> str:
    """What the object is, in words."""
    if object_type in OBJECTS:
        return gettext(OBJECTS[object_type][0])
    block = _block_for(carrier_id, object_type)
    return gettext(block.title) if block else object_type.replace("_", " ").capitalize()


def change_words(object_type: str, action: str, carrier_id: str | None = None) -> str:
    """"Call forwarding changed": the change in words."""
    if object_type in OBJECTS and action in _ACTION_INDEX:
        return gettext(OBJECTS[object_type][_ACTION_INDEX[action]])
    subject = object_words(object_type, carrier_id)
    verb = gettext(ACTIONS[action]) if action in ACTIONS else action
    return gettext("%(subject)s: %(action)s", subject=subject, action=verb.lower())


def _triggers(carrier_id: str | None) -> dict[str, str]:
    """Each forwarding trigger's name in words, from the groups of the carrier's forms."""
    found: dict[str, str] = {}
    if not carrier_id:
        return found
    try:
        entry = registry()[carrier_id]
    except KeyError:
        return found
    from backoffice.core.blocks import CarrierScope

    for block in entry.blocks:
        try:
            schema = block.schema(CarrierScope(carrier_id))  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a schema that needs a real tenant: no words
            continue
        for name, schema_field in schema.fields.items():
            group = schema_field.metadata.get("group")
            if group and name.endswith("_enabled"):
                found.setdefault(name.removesuffix("_enabled"), gettext(group))
    return found


def moment_words(text: str, timezone: str = "UTC") -> str:
    """An ISO date or moment as the agent reads it: the agent's locale, and a moment in the
    customer's time zone (``timezone``); any other text as it is."""
    if not ISO_MOMENT.fullmatch(text):
        return text
    from backoffice.web import local_time

    moment = datetime.fromisoformat(text)
    if len(text) == 10:
        return format_date(moment.date(), "medium", locale=current_language())
    return local_time(moment, timezone)


def value_words(value: Any, country: str, timezone: str = "UTC") -> str:
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        return gettext("Yes")
    if value is False:
        return gettext("No")
    if isinstance(value, dict) and "kind" in value:
        if value.get("kind") == "voicemail":
            return gettext("voicemail")
        return value_words(value.get("value"), country)
    if isinstance(value, str) and value.startswith("+") and value[1:].isdigit():
        return for_display(value, country)
    if isinstance(value, list) and value and all(item in DAY_NAMES for item in value):
        return weekdays_text(DAY_NAMES.index(item) for item in value)
    if isinstance(value, list):
        return ", ".join(value_words(item, country, timezone) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{field_words(k)}: {value_words(v, country, timezone)}"
                         for k, v in value.items() if k not in HIDDEN)
    if isinstance(value, str) and value in CODES:
        return gettext(CODES[value])
    if isinstance(value, str):
        return moment_words(value, timezone)
    return str(value)


def trigger_words(trigger: str) -> str:
    """A kind of forwarding in words, when the carrier's form names it nowhere."""
    words = TRIGGER_WORDS.get(trigger)
    return gettext(words).capitalize() if words else trigger.replace("_", " ")


def field_words(name: str) -> str:
    return gettext(FIELDS[name]) if name in FIELDS else name.replace("_", " ").capitalize()


def _flatten(data: Any, triggers: dict[str, str], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    if not isinstance(data, dict):
        return flat
    for key, value in data.items():
        if key in HIDDEN:
            continue
        label = f"{prefix}{field_words(key)}"
        if isinstance(value, list) and value and all(
                isinstance(item, dict) and "trigger" in item for item in value):
            for item in value:
                name = triggers.get(item["trigger"]) or trigger_words(item["trigger"])
                rest = {k: v for k, v in item.items() if k != "trigger"}
                flat.update(_flatten(rest, triggers, f"{prefix}{name} · "))
        else:
            flat[label] = value
    return flat


def describe_change(object_type: str, action: str, before: dict | None, after: dict | None,
                    carrier_id: str | None, country: str,
                    timezone: str = "UTC") -> dict[str, Any]:
    """An audit record in words: its sentence, the item it names, the fields changed."""
    triggers = _triggers(carrier_id) if object_type == "forwarding" else {}
    old, new = _flatten(before or {}, triggers), _flatten(after or {}, triggers)
    changes = [(label, value_words(old.get(label), country, timezone),
                value_words(new.get(label), country, timezone))
               for label in dict.fromkeys([*old, *new])
               if old.get(label) != new.get(label)]
    changes = [change for change in changes if change[1] != change[2]]  # same words: no change
    if action != "update":  # an item added or removed: named, not listed field by field
        changes = [] if action == "delete" else [(label, "", after_words)
                                                  for label, _, after_words in changes
                                                  if after_words != "—"]
    source = after or before or {}
    item = next((value_words(source[key], country, timezone) for key in NAMING
                 if source.get(key) not in (None, "")), "")
    return {"sentence": change_words(object_type, action, carrier_id), "item": item,
            "changes": changes}
