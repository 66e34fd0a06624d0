"""Typed limits: what a carrier may declare about each common feature, checked at start-up.

A carrier declares limits as data in ``carrier_features``: either an instance of the
feature's limits class below, or a plain mapping that the registry parses into it. A
carrier's own feature declares a frozen dataclass of its own (or a mapping with its
``limits_class``). An unknown key, a wrong type or an impossible range stops start-up
with :class:`InvalidDeclaration`, which names the carrier, the feature and the key.

Every limit here is read by the code that enforces it; the conformance kit
(``backoffice.testing``) proves each declared one changes an outcome.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import holidays
from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validate

Destination = Literal["number", "extension", "voicemail"]
ScheduledBy = Literal["calendar", "schedule"]
BlacklistMode = Literal["block", "allow_only"]
AudioFormat = Literal["mp3", "wav"]
MatchKind = Literal["equals", "starts_with", "ends_with", "contains"]


class InvalidDeclaration(Exception):
    """A carrier's declaration cannot be used: names the carrier, the feature and the key."""

    def __init__(self, carrier: str, feature: str, key: str, problem: str):
        super().__init__(f"carrier {carrier!r}, feature {feature!r}, limit {key!r}: {problem}")
        self.carrier, self.feature, self.key, self.problem = carrier, feature, key, problem


class LimitError(ValueError):
    """Raised by a limits class's ``check`` for one key; the registry adds carrier and feature."""

    def __init__(self, key: str, problem: str):
        super().__init__(problem)
        self.key = key


def _subset(key: str, values: typing.Iterable[str], allowed: typing.Iterable[str]) -> None:
    unknown = sorted(set(values) - set(allowed))
    if unknown:
        raise LimitError(key, f"{', '.join(unknown)} not among {sorted(set(allowed))}")


@dataclass(frozen=True)
class RingBounds:
    """How many rings before a call is forwarded: at least ``min``, at most ``max``."""

    min: int
    max: int
    default: int | None = None

    def check(self, key: str) -> None:
        if not 0 <= self.min <= self.max:
            raise LimitError(key, f"min {self.min} and max {self.max} are not 0 <= min <= max")
        if self.default is not None and not self.min <= self.default <= self.max:
            raise LimitError(f"{key}.default", f"{self.default} is outside {self.min}..{self.max}")


@dataclass(frozen=True)
class DefaultRule:
    """A forwarding rule's state on a line that never saved it."""

    enabled: bool = False
    destination: str | None = None  # "voicemail", "line:<field>" or a number


@dataclass(frozen=True)
class ForwardingLimits:
    """Call forwarding (``forwarding``): triggers, destinations and their options."""

    triggers: tuple[str, ...]
    """The triggers offered, in display order."""
    destinations: tuple[Destination, ...] = ("number", "extension", "voicemail")
    """The destination kinds a rule may forward to."""
    triggers_per_plan: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Plan -> the triggers a line of that plan may turn on (all of them when absent)."""
    fixed_destinations: Mapping[str, Destination] = field(default_factory=dict)
    """Trigger -> the destination it always has (no destination field)."""
    rings: Mapping[str, RingBounds] = field(default_factory=dict)
    """Trigger -> the bounds of its ring count."""
    ring_reminder: tuple[str, ...] = ()
    """The triggers that offer a ring reminder."""
    scheduled_by: Mapping[str, ScheduledBy] = field(default_factory=dict)
    """Trigger -> what decides when it forwards: a tenant calendar or a schedule."""
    calendar_feature: str | None = None
    """The feature whose calendars a scheduled rule uses; a new one may be made on the fly."""
    destination_from_list: bool = False
    """Numbers are chosen from the line's phone-number list."""
    extensions_of_tenant: bool = False
    """An extension destination must be a line of the same customer."""
    optional: bool = False
    """The line needs the option turned on before any trigger."""
    priority: tuple[str, ...] = ()
    """The order in which a call meets the triggers."""
    exclusive: tuple[tuple[str, str], ...] = ()
    """Pairs of triggers that cannot be on together."""
    defaults_per_plan: Mapping[str, Mapping[str, DefaultRule]] = field(default_factory=dict)
    """Plan -> trigger -> its state until saved."""
    find_me_destinations: tuple[Destination, ...] = ()
    """The destination kinds of find-me/follow-me (offered when it has any)."""

    def check(self, plans: tuple[str, ...]) -> None:
        triggers = self.triggers
        if not triggers:
            raise LimitError("triggers", "declare at least one trigger")
        for key in ("ring_reminder", "priority"):
            _subset(key, getattr(self, key), triggers)
        for key in ("fixed_destinations", "rings", "scheduled_by"):
            _subset(key, getattr(self, key), triggers)
        for name, bounds in self.rings.items():
            bounds.check(f"rings.{name}")
        for plan, allowed in self.triggers_per_plan.items():
            _subset("triggers_per_plan", [plan], plans)
            _subset(f"triggers_per_plan.{plan}", allowed, triggers)
        for pair in self.exclusive:
            _subset("exclusive", pair, triggers)
        for plan, rules in self.defaults_per_plan.items():
            _subset("defaults_per_plan", [plan], plans)
            _subset(f"defaults_per_plan.{plan}", rules, triggers)
        if "calendar" in self.scheduled_by.values() and not self.calendar_feature:
            raise LimitError("calendar_feature", "a trigger scheduled by calendar needs it")


@dataclass(frozen=True)
class BlacklistLimits:
    """The blacklist (``blacklist``): account-wide rules (scope tenant) or blocked numbers
    per line (scope line)."""

    modes: tuple[BlacklistMode, ...] = ("block",)
    """Tenant rules: block the matching callers, or allow only them."""
    match: tuple[MatchKind, ...] = ("equals",)
    """Tenant rules: how a rule's digits match the caller."""
    applies_to_anonymous: bool = False
    """Tenant rules: whether callers without a number are screened too."""
    max_numbers: int | None = None
    """Line list: the most numbers a line may block (no maximum when absent)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.modes or not self.match:
            raise LimitError("modes" if not self.modes else "match", "declare at least one")
        if self.max_numbers is not None and self.max_numbers < 1:
            raise LimitError("max_numbers", f"{self.max_numbers} is less than 1")


@dataclass(frozen=True)
class SwitchLimits:
    """A per-line on/off feature (``anonymous_call_rejection``...)."""

    default: bool = False
    """Its state on a line that never set it."""

    def check(self, plans: tuple[str, ...]) -> None:
        return None


@dataclass(frozen=True)
class HolidaySpec:
    """Where the public holidays of a calendar's prefill come from."""

    country: str
    subdiv: str | None = None

    def check(self, key: str) -> None:
        supported = holidays.list_supported_countries()
        if self.country not in supported:
            raise LimitError(f"{key}.country", f"{self.country} has no public-holiday list")
        if self.subdiv is not None and self.subdiv not in supported[self.country]:
            raise LimitError(f"{key}.subdiv", f"{self.subdiv} is not a subdivision of "
                                              f"{self.country}")


@dataclass(frozen=True)
class CalendarLimits:
    """Calendars (``calendars``, ``business_hours``...): hours, closures, public holidays."""

    closures_repeat_yearly: bool = False
    """Closures come back on the same date every year."""
    holidays: HolidaySpec | None = None
    """The public holidays offered to prefill closures (the carrier's country when absent)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.holidays is not None:
            self.holidays.check("holidays")


@dataclass(frozen=True)
class LineLimits:
    """Lines (``lines``), on core's own pages: what a line of the carrier may hold."""

    reserved_extensions: tuple[str, ...] = ()
    """Extensions kept for other services, refused for a line."""

    def check(self, plans: tuple[str, ...]) -> None:
        bad = [value for value in self.reserved_extensions if not value.isdigit()]
        if bad:
            raise LimitError("reserved_extensions", f"not digits: {', '.join(bad)}")


@dataclass(frozen=True)
class AudioLimits:
    """An uploaded audio file (a greeting, an announcement): its formats, length and size.

    A feature's own limits class holds one per kind of audio it takes (for example
    ``greeting: AudioLimits``); the upload is refused past any of them, naming the limit.
    """

    formats: tuple[AudioFormat, ...] = ("mp3", "wav")
    """The formats accepted, as read from the file's content (never from its name)."""
    max_seconds: int | None = None
    """The longest recording accepted, in seconds (no maximum when absent)."""
    max_bytes: int | None = None
    """The largest file accepted, in bytes (the platform's upload limit when absent)."""

    def check(self, key: str) -> None:
        if not self.formats:
            raise LimitError(f"{key}.formats", "declare at least one format")
        for name in ("max_seconds", "max_bytes"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise LimitError(f"{key}.{name}", f"{value} is less than 1")


NoInput = Literal["operator", "disconnect"]


@dataclass(frozen=True)
class IvrLimits:
    """A voice menu (``ivr``): greeting, keys 1 to 9, sub-menus, closed hours."""

    levels: int = 1
    """How deep the menus go: 1, or 2 when a key of the main menu may open a sub-menu."""
    closed_menu: bool = False
    """A calendar of the customer's may close the menu: a second greeting and menu answer
    while it is closed (without a calendar, the same menu 24/7)."""
    default_greeting: bool = False
    """Without a greeting of its own the menu speaks a default one (the company's name);
    otherwise the menu cannot be switched on without a greeting."""
    no_input: tuple[NoInput, ...] = ()
    """What may happen when the caller presses nothing: connect to the operator, disconnect."""
    internal_number: bool = False
    """The menu has an internal number besides its public one."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.levels not in (1, 2):
            raise LimitError("levels", f"{self.levels} is not 1 or 2")


@dataclass(frozen=True)
class AnnouncementLimits:
    """Announcements (``announcements``): the recordings menus and groups play."""

    per_site: bool = False
    """Announcements are kept per site, shared by the menus and groups of that site."""
    predefined: tuple[str, ...] = ()
    """The names of the predefined announcements every site has, neither editable nor
    deletable (their names cannot be taken)."""
    audio: AudioLimits = AudioLimits()
    """The recordings accepted (``AudioField(use="announcements.audio")``)."""

    def check(self, plans: tuple[str, ...]) -> None:
        self.audio.check("audio")


LIMITS: dict[str, type] = {
    "forwarding": ForwardingLimits,
    "blacklist": BlacklistLimits,
    "anonymous_call_rejection": SwitchLimits,
    "calendars": CalendarLimits,
    "business_hours": CalendarLimits,
    "lines": LineLimits,
    "ivr": IvrLimits,
    "announcements": AnnouncementLimits,
}
"""Common feature -> its limits class. A carrier's own feature brings its own class."""


def limits_class(feature: str) -> type | None:
    """The limits class of a common feature, or ``None`` for a carrier's own feature."""
    return LIMITS.get(feature)


def parse_limits(cls: type, data: Any, plans: tuple[str, ...] = ()) -> Any:
    """``data`` (a mapping or an instance of ``cls``) as a checked instance of ``cls``.

    Raises :class:`LimitError` naming the first key in fault.
    """
    raw = as_mapping(data) if dataclasses.is_dataclass(data) else data
    if not isinstance(raw, Mapping):
        raise LimitError("", f"expected a mapping or {cls.__name__}, got {type(data).__name__}")
    try:
        limits = _schema_for(cls)().load(raw)
    except ValidationError as exc:
        key, problem = _first_error(exc.messages)
        raise LimitError(key, problem) from None
    check = getattr(limits, "check", None)
    if check is not None:
        check(plans)
    return limits


def as_mapping(limits: Any) -> dict[str, Any]:
    """The limits as plain JSON-friendly data (lists for tuples)."""
    if dataclasses.is_dataclass(limits):
        return _plain(dataclasses.asdict(limits))
    return _plain(dict(limits or {}))


def declared(limits: Any) -> dict[str, Any]:
    """Only the limits that differ from their class's defaults: what the carrier said."""
    if not dataclasses.is_dataclass(limits):
        return as_mapping(limits)
    values = {}
    for item in dataclasses.fields(limits):
        value = getattr(limits, item.name)
        default = item.default if item.default is not dataclasses.MISSING else (
            item.default_factory() if item.default_factory is not dataclasses.MISSING
            else dataclasses.MISSING)
        if value != default:
            values[item.name] = _plain(dataclasses.asdict(limits)[item.name])
    return values


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _first_error(messages: Any, prefix: str = "") -> tuple[str, str]:
    if isinstance(messages, dict):
        key, value = next(iter(messages.items()))
        if key in ("_schema", "value", "key"):  # marshmallow's own levels, not limit keys
            return _first_error(value, prefix)
        return _first_error(value, f"{prefix}.{key}" if prefix else str(key))
    if isinstance(messages, list):
        return prefix, "; ".join(str(m) for m in messages)
    return prefix, str(messages)


_SCHEMAS: dict[type, type[Schema]] = {}


def _schema_for(cls: type) -> type[Schema]:
    """A marshmallow schema derived from the dataclass's type hints; it loads an instance."""
    if cls not in _SCHEMAS:
        hints = typing.get_type_hints(cls)
        attributes: dict[str, Any] = {
            item.name: _field(hints[item.name], required=(
                item.default is dataclasses.MISSING
                and item.default_factory is dataclasses.MISSING))
            for item in dataclasses.fields(cls)}

        class Meta:
            unknown = RAISE

        @post_load
        def make(self: Schema, data: dict[str, Any], **kwargs: Any) -> Any:
            return cls(**data)

        _SCHEMAS[cls] = type(f"{cls.__name__}Schema", (Schema,),
                             {**attributes, "Meta": Meta, "make": make})
    return _SCHEMAS[cls]


class _Tuple(fields.List):
    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> tuple:
        if isinstance(value, str):
            raise self.make_error("invalid")
        return tuple(super()._deserialize(value, attr, data, **kwargs))


class _Pair(fields.Tuple):
    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> tuple:
        return super()._deserialize(tuple(value) if isinstance(value, list) else value,
                                    attr, data, **kwargs)


class _StrictInteger(fields.Integer):
    default_error_messages = {"invalid": "Not a valid integer."}

    def _validated(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


class _StrictBoolean(fields.Boolean):
    default_error_messages = {"invalid": "Not a valid boolean."}

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class _StrictString(fields.String):
    default_error_messages = {"invalid": "Not a valid string."}

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        if not isinstance(value, str):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


def _field(hint: Any, **options: Any) -> fields.Field:
    """The marshmallow field that loads a value of type ``hint``, and nothing else."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        inner = next(arg for arg in args if arg is not type(None))
        return _field(inner, **options, allow_none=True)
    if origin is Literal:
        return _StrictString(validate=validate.OneOf([str(arg) for arg in args]), **options)
    if hint is bool:
        return _StrictBoolean(**options)
    if hint is int:
        return _StrictInteger(**options)
    if hint is str:
        return _StrictString(**options)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _Tuple(_field(args[0]), **options)
    if origin is tuple:
        return _Pair(tuple(_field(arg) for arg in args), **options)
    if origin in (Mapping, dict):
        return fields.Dict(keys=_StrictString(), values=_field(args[1]), **options)
    if dataclasses.is_dataclass(hint):
        return fields.Nested(_schema_for(hint), **options)
    raise TypeError(f"no limit field for {hint!r}")
