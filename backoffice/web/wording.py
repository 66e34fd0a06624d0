"""Changes in words: what an audit record or a provisioning order did, for agents.

Object types and field names are internal codes; pages show them as sentences in the
agent's language ("Renvoi d'appel modifié", "Numéro bloqué ajouté : 01 45 83 47 78").
A carrier's own object types are named after its blocks' titles.
"""

from __future__ import annotations

from typing import Any

from backoffice.core.carriers import registry
from backoffice.core.errors import N_
from backoffice.core.phone import for_display
from backoffice.i18n import gettext

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
    "calendar": (N_("Calendar"), N_("Calendar added"), N_("Calendar changed"),
                 N_("Calendar deleted")),
    "call_waiting": (N_("Call waiting"), N_("Call waiting set up"), N_("Call waiting changed"),
                     N_("Call waiting removed")),
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
    "closures": N_("Closures"), "trigger": N_("Kind"),
    "open_greeting_id": N_("Greeting, open hours"),
    "closed_greeting_id": N_("Greeting, closed hours"), "greeting_id": N_("Greeting"),
    "internal_number": N_("Internal number"), "no_input": N_("If the caller presses nothing"),
    "path": N_("Key"), "kind": N_("Leads to"),
    "audio_id": N_("Recording"), "ivr_id": N_("Voice menu"),
}
HIDDEN = {"id", "version", "created_at", "updated_at", "tenant_id", "line_id", "forwarding_id"}
NAMING = ("number", "digits", "name", "label", "email", "extension")


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


def value_words(value: Any, country: str) -> str:
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
    if isinstance(value, list):
        return ", ".join(value_words(item, country) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{field_words(k)}: {value_words(v, country)}"
                         for k, v in value.items() if k not in HIDDEN)
    return str(value)


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
                name = triggers.get(item["trigger"]) or item["trigger"].replace("_", " ")
                rest = {k: v for k, v in item.items() if k != "trigger"}
                flat.update(_flatten(rest, triggers, f"{prefix}{name} · "))
        else:
            flat[label] = value
    return flat


def describe_change(object_type: str, action: str, before: dict | None, after: dict | None,
                    carrier_id: str | None, country: str) -> dict[str, Any]:
    """An audit record in words: its sentence, the item it names, the fields changed."""
    triggers = _triggers(carrier_id) if object_type == "forwarding" else {}
    old, new = _flatten(before or {}, triggers), _flatten(after or {}, triggers)
    changes = [(label, value_words(old.get(label), country), value_words(new.get(label), country))
               for label in dict.fromkeys([*old, *new])
               if old.get(label) != new.get(label)]
    if action != "update":  # an item added or removed: named, not listed field by field
        changes = [] if action == "delete" else [(label, "", after_words)
                                                  for label, _, after_words in changes
                                                  if after_words != "—"]
    source = after or before or {}
    item = next((value_words(source[key], country) for key in NAMING
                 if source.get(key) not in (None, "")), "")
    return {"sentence": change_words(object_type, action, carrier_id), "item": item,
            "changes": changes}
