"""Typed limits: what a carrier may declare about each common feature, checked at start-up.

A carrier declares limits as data in ``carrier_features``: either an instance of the
feature's limits class below, or a plain mapping that the registry parses into it. A
carrier's own feature declares a frozen dataclass of its own (or a mapping with its
``limits_class``). An unknown key, a wrong type or an impossible range stops start-up
with :class:`InvalidDeclaration`, which names the carrier, the feature and the key.

Every limit here is read by the code that enforces it; the conformance kit
(``backoffice.testing``) proves each declared one changes an outcome.

Each field says what it means to an agent in its metadata (:func:`said`): the carriers page
shows declared limits as these sentences, never as ``key = value``.
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

from backoffice.core.errors import N_

Destination = Literal["number", "extension", "voicemail"]
ScheduledBy = Literal["calendar", "schedule"]
BlacklistMode = Literal["block", "allow_only"]
AudioFormat = Literal["mp3", "wav"]
Notification = Literal["none", "notify", "attach"]
MatchKind = Literal["equals", "starts_with", "ends_with", "contains"]
CallerIdMode = Literal["line", "hidden", "alternate"]
CallClass = Literal["internal", "fixed", "mobile", "special_free", "special_paid",
                    "europe_overseas", "international"]
PermissionCategory = Literal["long_distance", "international"]
PermissionPolicy = Literal["disabled", "code", "unlimited"]


TRIGGER_WORDS = {
    "always": N_("all calls"), "busy": N_("when busy"), "no_answer": N_("on no answer"),
    "unreachable": N_("when unreachable"), "scheduled": N_("scheduled"),
    "out_of_service": N_("out of service"), "ring_together": N_("ring together"),
    "caller_confirms": N_("when the caller presses 1"), "find_me": N_("find-me/follow-me"),
    "do_not_disturb": N_("do not disturb"),
}
DESTINATION_WORDS = {"number": N_("a phone number"), "extension": N_("an extension"),
                     "voicemail": N_("the voicemail")}
SCHEDULED_BY_WORDS = {"calendar": N_("a calendar of the customer"),
                      "schedule": N_("its own days and hours")}
MODE_WORDS = {"block": N_("block the callers they match"),
              "allow_only": N_("let only the callers they match through")}
MATCH_WORDS = {"equals": N_("is equal to them"), "starts_with": N_("starts with them"),
               "ends_with": N_("ends with them"), "contains": N_("contains them")}


def said(words: str, *, otherwise: str = "",
         value_words: Mapping[str, str] | str | None = None,
         key_words: Mapping[str, str] | str | None = None, short: str = "",
         alternatives: bool = False, **options: Any) -> Any:
    """A limit field that says what it means: ``words`` (marked with ``N_``) with
    ``%(value)s`` for its value (and ``%(key)s`` for each key of a mapping, or the fields
    of a nested limit such as ``%(min)s``); ``otherwise`` for a false boolean; ``short``
    when a placeholder has no value; ``value_words``/``key_words`` name the codes
    (``"plan"``: the carrier's plan labels; ``value_words="subdivision"``: ISO 3166-2
    names; ``value_words="message"``: the value is itself a msgid); ``alternatives`` joins a tuple's
    items with "or" rather than "and". Other options go to ``field``."""
    meta = {"words": words, "otherwise": otherwise, "value_words": value_words or {},
            "key_words": key_words or {}, "short": short, "alternatives": alternatives}
    return field(metadata=meta, **options)
Distribution = Literal["linear", "longest_idle", "cyclic", "parallel"]
Overflow = Literal["none", "deterrent", "number", "voicemail"]
MemberOrder = Literal["position", "extension"]


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

    triggers: tuple[str, ...] = said(N_("Kinds of forwarding: %(value)s."),
                                     value_words=TRIGGER_WORDS)
    """The triggers offered, in display order."""
    destinations: tuple[Destination, ...] = said(
        N_("Forwards to %(value)s."), value_words=DESTINATION_WORDS, alternatives=True,
        default=("number", "extension", "voicemail"))
    """The destination kinds a rule may forward to."""
    triggers_per_plan: Mapping[str, tuple[str, ...]] = said(
        N_("A line of plan “%(key)s” may only use: %(value)s."), key_words="plan",
        value_words=TRIGGER_WORDS, default_factory=dict)
    """Plan -> the triggers a line of that plan may turn on (all of them when absent)."""
    fixed_destinations: Mapping[str, Destination] = said(
        N_("Forwarding “%(key)s” always goes to %(value)s."), key_words=TRIGGER_WORDS,
        value_words=DESTINATION_WORDS, default_factory=dict)
    """Trigger -> the destination it always has (no destination field)."""
    rings: Mapping[str, RingBounds] = said(
        N_("Forwarding “%(key)s”: from %(min)s to %(max)s rings, %(default)s by default."),
        short=N_("Forwarding “%(key)s”: from %(min)s to %(max)s rings."),
        key_words=TRIGGER_WORDS, default_factory=dict)
    """Trigger -> the bounds of its ring count."""
    ring_reminder: tuple[str, ...] = said(N_("A ring reminder is offered with: %(value)s."),
                                          value_words=TRIGGER_WORDS, default=())
    """The triggers that offer a ring reminder."""
    scheduled_by: Mapping[str, ScheduledBy] = said(
        N_("Forwarding “%(key)s” follows %(value)s."), key_words=TRIGGER_WORDS,
        value_words=SCHEDULED_BY_WORDS, default_factory=dict)
    """Trigger -> what decides when it forwards: a tenant calendar or a schedule."""
    calendar_feature: str | None = said(
        N_("A calendar can be created from the forwarding form."), default=None)
    """The feature whose calendars a scheduled rule uses; a new one may be made on the fly."""
    destination_from_list: bool = said(
        N_("Numbers are chosen from the line's phone-number list."), default=False)
    """Numbers are chosen from the line's phone-number list."""
    extensions_of_tenant: bool = said(
        N_("An extension must be one of the same customer's."), default=False)
    """An extension destination must be a line of the same customer."""
    optional: bool = said(N_("Call forwarding is an option to turn on for each line first."),
                          default=False)
    """The line needs the option turned on before any trigger."""
    priority: tuple[str, ...] = said(N_("A call meets them in this order: %(value)s."),
                                     value_words=TRIGGER_WORDS, default=())
    """The order in which a call meets the triggers."""
    exclusive: tuple[tuple[str, str], ...] = said(
        N_("“%(first)s” and “%(second)s” cannot be on together."), value_words=TRIGGER_WORDS,
        default=())
    """Pairs of triggers that cannot be on together."""
    defaults_per_plan: Mapping[str, Mapping[str, DefaultRule]] = said(
        N_("Until saved, a line of plan “%(key)s” has: %(value)s."), key_words="plan",
        value_words=TRIGGER_WORDS, default_factory=dict)
    """Plan -> trigger -> its state until saved."""
    find_me_destinations: tuple[Destination, ...] = said(
        N_("Find-me/follow-me forwards to %(value)s."), value_words=DESTINATION_WORDS,
        alternatives=True, default=())
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

    modes: tuple[BlacklistMode, ...] = said(N_("Rules may %(value)s."), value_words=MODE_WORDS,
                                            alternatives=True, default=("block",))
    """Tenant rules: block the matching callers, or allow only them."""
    match: tuple[MatchKind, ...] = said(N_("A rule's digits match a number that %(value)s."),
                                        value_words=MATCH_WORDS, alternatives=True,
                                        default=("equals",))
    """Tenant rules: how a rule's digits match the caller."""
    applies_to_anonymous: bool = said(
        N_("Rules also screen callers without a number."),
        otherwise=N_("Rules never apply to anonymous or withheld numbers."), default=False)
    """Tenant rules: whether callers without a number are screened too."""
    max_numbers: int | None = said(N_("At most %(value)s blocked numbers per line."),
                                   default=None)
    """Line list: the most numbers a line may block (no maximum when absent)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.modes or not self.match:
            raise LimitError("modes" if not self.modes else "match", "declare at least one")
        if self.max_numbers is not None and self.max_numbers < 1:
            raise LimitError("max_numbers", f"{self.max_numbers} is less than 1")


ConferenceLanguage = Literal["fr", "en"]
LANGUAGE_WORDS = {"fr": N_("French"), "en": N_("English")}


@dataclass(frozen=True)
class ConferenceLimits:
    """Audio conferences (``conferences``): languages, one-time length, opening, options."""

    languages: tuple[ConferenceLanguage, ...] = said(
        N_("Participants are greeted in %(value)s."), value_words=LANGUAGE_WORDS,
        alternatives=True, default=("fr", "en"))
    """The languages that greet participants, in the order offered."""
    max_minutes: int | None = said(
        N_("A one-time conference lasts at most %(value)s minutes."), default=None)
    """The longest a one-time conference may last (no maximum when absent)."""
    opens_minutes_before: int = said(
        N_("A one-time conference can be joined %(value)s minutes before it starts."),
        default=0)
    """How many minutes before its start a one-time conference can be joined."""
    web_broadcast_permanent: bool = said(
        N_("A permanent conference may be broadcast on the web."),
        otherwise=N_("A permanent conference cannot be broadcast on the web."), default=True)
    """Whether a permanent conference may be broadcast on the web."""
    recording_days: int | None = said(
        N_("Audio recordings of ended conferences are kept %(value)s days."),
        short=N_("Ended conferences keep no recording."), default=None)
    """How many days after a conference ends its audio recording is kept (``None``: the
    network keeps no recording and there is no history of ended conferences)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.languages:
            raise LimitError("languages", "declare at least one")
        if self.recording_days is not None and self.recording_days < 1:
            raise LimitError("recording_days", f"{self.recording_days} is less than 1")
        if self.max_minutes is not None and self.max_minutes < 1:
            raise LimitError("max_minutes", f"{self.max_minutes} is less than 1")
        if self.opens_minutes_before < 0:
            raise LimitError("opens_minutes_before", f"{self.opens_minutes_before} is negative")


PageSize = Literal["letter", "a4", "legal"]
PAGE_SIZE_WORDS = {"letter": N_("US Letter"), "a4": N_("A4"), "legal": N_("US Legal")}


@dataclass(frozen=True)
class FaxLimits:
    """Faxes sent from the customer's numbers (``faxes``): the PDF document and its pages,
    and which lines send them."""

    max_bytes: int | None = said(
        N_("A document weighs at most %(value)s bytes."), default=None)
    """The largest PDF document accepted, in bytes (the platform's upload limit when
    absent)."""
    page_sizes: tuple[PageSize, ...] = said(
        N_("Every page is %(value)s."), value_words=PAGE_SIZE_WORDS, alternatives=True,
        default=("letter", "a4", "legal"))
    """The page sizes accepted (a few points of tolerance; ``/Rotate`` honoured)."""
    portrait_only: bool = said(
        N_("Every page is in portrait."), otherwise=N_("Pages may be in landscape."),
        default=False)
    """Whether a landscape page is refused."""
    sender_plans: tuple[str, ...] = said(
        N_("Faxes are sent from a line of plan “%(value)s”."), value_words="plan",
        alternatives=True, default=())
    """The plans of the lines a fax may be sent from (any line with a number when empty)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.max_bytes is not None and self.max_bytes < 1:
            raise LimitError("max_bytes", f"{self.max_bytes} is less than 1")
        if not self.page_sizes:
            raise LimitError("page_sizes", "declare at least one page size")
        _subset("sender_plans", self.sender_plans, plans)


DeviceKind = Literal["ip_phone", "dect", "conference_phone", "sim", "ata", "softphone"]
KeyKind = Literal["supervision", "speed_dial", "pickup", "line"]
DEVICE_KIND_WORDS = {"ip_phone": N_("IP phone"), "dect": N_("DECT phone"),
                     "conference_phone": N_("conference phone"), "sim": N_("SIM card"),
                     "ata": N_("analogue adapter (ATA)"), "softphone": N_("softphone")}
KEY_KIND_WORDS = {"supervision": N_("supervision keys"), "speed_dial": N_("speed dials"),
                  "pickup": N_("pickup keys"), "line": N_("line keys")}
CATEGORY_WORDS = {"supervision": N_("supervision"), "shortcuts": N_("shortcuts"),
                  "lines": N_("lines")}


@dataclass(frozen=True)
class DeviceModel:
    """One model of the carrier's hardware catalog: its type and its programmable keys."""

    id: str
    label: str
    """The brand and model, as the carrier's guide writes it."""
    kind: DeviceKind
    keys: int = 0
    """How many programmable (or line) keys the model has."""

    def __str__(self) -> str:
        return f"{self.label} ({self.keys})"


@dataclass(frozen=True)
class DeviceLimits:
    """Phones and other hardware (``devices``): the catalog of models and what a device needs."""

    models: tuple[DeviceModel, ...] = said(
        N_("Models offered (programmable keys): %(value)s."), default=())
    """The hardware catalog; a device is one of these models."""
    kinds_per_plan: Mapping[str, tuple[DeviceKind, ...]] = said(
        N_("A line of %(key)s takes: %(value)s."), key_words="plan",
        value_words=DEVICE_KIND_WORDS, default_factory=dict)
    """For hardware associated with a line: the types of hardware each plan takes."""
    model_required: bool = said(N_("A device's model is required."),
                                otherwise=N_("A device's model is optional."), default=False)
    """Whether a device must name its model."""
    name_required: bool = said(N_("A device's name is required."),
                               otherwise=N_("A device's name is optional."), default=False)
    """Whether a device must be given a name (a phone bank's)."""
    mac_required: bool = said(N_("A device's MAC address is required."),
                              otherwise=N_("A device's MAC address may be given later."),
                              default=False)
    """Whether a device must be registered with its MAC address."""
    timezones: Mapping[str, str] = said(
        N_("Time zone offered: %(value)s (%(key)s)."), value_words="message",
        default_factory=dict)
    """The time zones a phone may be set to: IANA name -> the guide's label (a msgid)."""
    default_timezone: str | None = said(N_("Until set, a phone's time zone is %(value)s."),
                                        default=None)
    """The IANA time zone a phone gets when none is chosen."""
    restart_minutes: int | None = said(
        N_("A phone takes up to %(value)s minutes to restart and apply a change."),
        default=None)
    """How long the phone may take to restart once a change is sent (none when absent)."""

    def check(self, plans: tuple[str, ...]) -> None:
        ids = [model.id for model in self.models]
        if len(ids) != len(set(ids)):
            raise LimitError("models", "two models have the same id")
        if any(model.keys < 0 for model in self.models):
            raise LimitError("models", "a model has a negative number of keys")
        if plans:
            _subset("kinds_per_plan", self.kinds_per_plan, plans)
        if self.default_timezone is not None and self.timezones \
                and self.default_timezone not in self.timezones:
            raise LimitError("default_timezone", f"{self.default_timezone} not among timezones")
        if self.restart_minutes is not None and self.restart_minutes < 1:
            raise LimitError("restart_minutes", f"{self.restart_minutes} is less than 1")


@dataclass(frozen=True)
class SoftphoneLimits:
    """Softphones (``softphones``): each its own SIP account on one extension."""

    server: str = said(N_("A softphone registers on the server (domain) %(value)s."),
                       default="")
    """The SIP server (or domain) a softphone's account gives, with its user name and
    password."""
    fees: tuple[str, ...] = said(
        N_("Fees, for information (never charged here): %(value)s."), value_words="message",
        default=())
    """The carrier's fees for a softphone, as its guide words them (msgids): shown to the
    agent as information only."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.server.strip():
            raise LimitError("server", "a softphone needs the SIP server of its account")


@dataclass(frozen=True)
class KeyLimits:
    """A phone's programmable keys (``programmable_keys``): kinds, their order and counts."""

    categories: Mapping[str, tuple[KeyKind, ...]] = said(
        N_("Keys of the category “%(key)s” (%(value)s) come after those of the categories "
           "before it, and are reordered only among themselves."),
        key_words=CATEGORY_WORDS, value_words=KEY_KIND_WORDS, default_factory=dict)
    """The key categories in the order they sit on the phone, each with its kinds."""
    max_per_kind: Mapping[str, int] = said(
        N_("At most %(value)s %(key)s."), key_words=KEY_KIND_WORDS, default_factory=dict)
    """The most keys of a kind, whatever the model's key count."""
    supervision_plans: tuple[str, ...] = said(
        N_("A supervision key watches an internal line of: %(value)s."), value_words="plan",
        default=())
    """The plans of the lines a supervision key may watch (all internal lines if empty)."""
    pickup_number: str = said(N_("A pickup key dials %(value)s."), default="")
    """The number a pickup key dials."""
    pickup_label: str = said(N_("A pickup key is labelled “%(value)s”."), default="")
    """The label a pickup key shows."""
    restarts_phone: bool = said(
        N_("Saving the keys restarts the phone."),
        otherwise=N_("The phone keeps running when its keys are saved."), default=False)
    """Whether validating the keys restarts the phone."""

    def check(self, plans: tuple[str, ...]) -> None:
        kinds = [kind for category in self.categories.values() for kind in category]
        if len(kinds) != len(set(kinds)):
            raise LimitError("categories", "a kind is in two categories")
        _subset("max_per_kind", self.max_per_kind, kinds)
        if any(count < 1 for count in self.max_per_kind.values()):
            raise LimitError("max_per_kind", "a maximum is less than 1")
        if "pickup" in kinds and not (self.pickup_number and self.pickup_label):
            raise LimitError("pickup_number", "a pickup key needs its number and label")


@dataclass(frozen=True)
class DirectoryLimits:
    """The company directory's external contacts (``external_contacts``)."""

    max_contacts: int | None = said(
        N_("At most %(value)s external contacts in the company directory."), default=None)
    """The most external contacts a customer may list (no maximum when absent)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.max_contacts is not None and self.max_contacts < 1:
            raise LimitError("max_contacts", f"{self.max_contacts} is less than 1")


@dataclass(frozen=True)
class AddressBookLimits:
    """Address books (``address_books``): shared books with per-user visibility, each
    user's personal book, and the company book computed from the lines."""

    personal_book: bool = said(
        N_("Each user has one personal address book, “My contacts”, that only they see."),
        otherwise=N_("Shared address books only: no personal book."), default=True)
    """Whether a user may have a personal book (one at most, seen by that user only)."""
    plain_digits: bool = said(
        N_("Contact numbers are typed without spaces or dashes."),
        otherwise=N_("Contact numbers may be typed with spaces or dashes."), default=False)
    """Whether a contact's number is refused when typed with spaces, dashes or other
    separators (a leading + is allowed)."""

    def check(self, plans: tuple[str, ...]) -> None:
        return None


@dataclass(frozen=True)
class UserLimits:
    """The customer's users (``users``): who they are, and what cannot change."""

    department: bool = said(N_("A user has a department."),
                            otherwise=N_("Users have no department."), default=False)
    """Whether a user has a department ("service")."""
    email_set_once: bool = said(
        N_("A user's e-mail cannot be changed once given."),
        otherwise=N_("A user's e-mail can be changed."), default=False)
    """Whether the e-mail given when the user is created can no longer change."""
    max_users: int | None = said(N_("At most %(value)s users."), default=None)
    """The most users a customer may have (no maximum when absent)."""
    line_plans: tuple[str, ...] = said(N_("A user holds lines of the plans %(value)s."),
                                       value_words="plan", short=N_("A user holds any line."),
                                       default=())
    """The plans of the lines a user may hold (any plan when empty)."""
    proposed_extensions: int = said(
        N_("Adding an extension proposes the first %(value)s free extensions."), default=0)
    """How many free extensions (3 digits, from 100, neither taken nor reserved) a new
    extension's form proposes (none when 0)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.proposed_extensions < 0:
            raise LimitError("proposed_extensions", "is negative")
        if self.max_users is not None and self.max_users < 1:
            raise LimitError("max_users", f"{self.max_users} is less than 1")


@dataclass(frozen=True)
class NumberLimits:
    """The company's numbers (``company_numbers``): assigned or not, and where they go."""

    routes: tuple[str, ...] = said(N_("A number can be routed to: %(value)s."),
                                   value_words={"ivr": N_("the auto-receptionist"),
                                                "extension": N_("an extension")})
    """Where an assigned number's calls may go: ``ivr`` and/or ``extension``."""
    max_numbers: int | None = said(N_("At most %(value)s company numbers."), default=None)
    """The most numbers a customer may hold (no maximum when absent)."""

    def check(self, plans: tuple[str, ...]) -> None:
        unknown = sorted(set(self.routes) - {"ivr", "extension"})
        if unknown or not self.routes:
            raise LimitError("routes", f"routes are ivr and/or extension, not {unknown}")
        if self.max_numbers is not None and self.max_numbers < 1:
            raise LimitError("max_numbers", f"{self.max_numbers} is less than 1")


@dataclass(frozen=True)
class PhoneContactsLimits:
    """The contacts shown on a phone (``phone_contacts``): their order and favourites."""

    favourites_extensions_only: bool = said(
        N_("Only the company's extensions can be favourites: the phone shows their state."),
        otherwise=N_("Any contact can be a favourite."), default=False)
    """Whether only an extension of the company (not a contact of a book) may be a
    favourite, whose state (on the phone or not) the phone shows."""

    def check(self, plans: tuple[str, ...]) -> None:
        return None


@dataclass(frozen=True)
class SwitchLimits:
    """A per-line on/off feature (``anonymous_call_rejection``...)."""

    default: bool = said(N_("On until changed."), otherwise=N_("Off until changed."),
                         default=False)
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

    closures_repeat_yearly: bool = said(
        N_("Closures come back on the same dates every year."), default=False)
    """Closures come back on the same date every year."""
    holidays: HolidaySpec | None = said(
        N_("Public holidays offered: %(country)s (%(subdiv)s)."),
        short=N_("Public holidays offered: %(country)s."), default=None)
    """The public holidays offered to prefill closures (the carrier's country when absent)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.holidays is not None:
            self.holidays.check("holidays")


@dataclass(frozen=True)
class LineLimits:
    """Lines (``lines``), on core's own pages: what a line of the carrier may hold."""

    reserved_extensions: tuple[str, ...] = said(
        N_("Extensions kept for other services, refused for a line: %(value)s."), default=())
    """Extensions kept for other services, refused for a line."""

    email_change_resets: bool = said(
        N_("Changing a line's e-mail resets its user's customer space: the agent confirms "
           "it before it is saved."), default=False)
    """A new e-mail on a line resets its user's customer space: the form warns and the agent
    confirms; the API says so in its description."""
    association_within_minutes: int | None = said(
        N_("An associated number takes effect within %(value)s minutes; its order stays "
           "pending until then."), default=None)
    """How long the network takes at most to make a new associated number effective: the
    provisioning order is pending, with its expected time, until then (None: at once)."""
    associated_plans: Mapping[str, str] = said(
        N_("A line of plan “%(key)s” is associated with one of the customer's lines of plan "
           "%(value)s, chosen from a list."), key_words="plan", value_words="plan",
        default_factory=dict)
    """Plan -> the plan of the customer's line its associated number names: the line form
    offers those lines (number and user) to choose from."""

    def check(self, plans: tuple[str, ...]) -> None:
        bad = [value for value in self.reserved_extensions if not value.isdigit()]
        if bad:
            raise LimitError("reserved_extensions", f"not digits: {', '.join(bad)}")
        _subset("associated_plans", self.associated_plans, plans)
        _subset("associated_plans", self.associated_plans.values(), plans)
        if self.association_within_minutes is not None and self.association_within_minutes < 1:
            raise LimitError("association_within_minutes",
                             f"{self.association_within_minutes} is not a positive number")


@dataclass(frozen=True)
class SiteLimits:
    """Sites (``sites``), on core's own pages: what may change of a site, and the one site
    that is not a physical place."""

    address_fixed: bool = said(
        N_("Only a site's name can change; its address cannot (that would be a move)."),
        otherwise=N_("A site's name and address can change."), default=False)
    """The address is given when the site is created and kept."""
    virtual_site: str | None = said(
        N_("“%(value)s” is created automatically and is not a physical site: it holds the "
           "lines of the plans below."), default=None)
    """The name of the site every customer has from its creation, which is not a place."""
    virtual_site_plans: tuple[str, ...] = said(
        N_("Lines of these plans belong to the automatic site, and only they: %(value)s."),
        value_words="plan", default=())
    """The plans whose lines belong to the automatic site (it takes no other)."""

    def check(self, plans: tuple[str, ...]) -> None:
        _subset("virtual_site_plans", self.virtual_site_plans, plans)
        if self.virtual_site_plans and not self.virtual_site:
            raise LimitError("virtual_site", "virtual_site_plans need a virtual_site name")


@dataclass(frozen=True)
class E911Limits:
    """Emergency (9-1-1) addresses of a line: the provinces offered and the outside option."""

    provinces: tuple[str, ...] = said(N_("Provinces and territories offered: %(value)s."),
                                      value_words="subdivision")
    """The ISO 3166-2 codes (``"CA-QC"``) the province field offers, all of one country."""
    outside_option: str | None = said(
        N_("“%(value)s” can always be chosen as the current location."),
        value_words="message", default=None)
    """An English msgid in ``N_()`` ("Outside Canada"): a current location offered besides
    the saved addresses, for a number used abroad (none when absent)."""
    emergency_numbers: tuple[str, ...] = said(
        N_("A call to %(value)s sends the current address."), alternatives=True, default=())
    """The numbers whose call sends the current address (``"911"``), for the explainer."""

    def check(self, plans: tuple[str, ...]) -> None:
        import pycountry

        bad = [number for number in self.emergency_numbers if not number.isdigit()]
        if bad:
            raise LimitError("emergency_numbers", f"not digits: {', '.join(bad)}")
        if not self.provinces:
            raise LimitError("provinces", "at least one province")
        unknown = [code for code in self.provinces
                   if pycountry.subdivisions.get(code=code) is None]
        if unknown:
            raise LimitError("provinces", f"not ISO 3166-2 codes: {', '.join(unknown)}")
        countries = {code.split("-")[0] for code in self.provinces}
        if len(countries) > 1:
            raise LimitError("provinces", f"of several countries: {sorted(countries)}")


@dataclass(frozen=True)
class PttLimits:
    """Push-to-talk contacts, sub-lists and talk groups of a customer."""

    contact_name_max: int = said(N_("An external contact's name has at most %(value)s "
                                    "characters."))
    """The longest name of an external contact, in characters."""
    contact_number_digits: int = said(N_("An external contact's number has exactly "
                                         "%(value)s digits."))
    """How many digits an external contact's phone number has, exactly."""
    device_plans: tuple[str, ...] = said(N_("Push-to-talk devices are the lines of: "
                                            "%(value)s."), value_words="plan")
    """The plans whose lines are the customer's push-to-talk devices (contacts of the
    master list, members of sub-lists and talk groups)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.contact_name_max < 1:
            raise LimitError("contact_name_max", f"{self.contact_name_max} is less than 1")
        if not 3 <= self.contact_number_digits <= 15:
            raise LimitError("contact_number_digits",
                             f"{self.contact_number_digits} is not 3..15")
        if not self.device_plans:
            raise LimitError("device_plans", "at least one plan")
        _subset("device_plans", self.device_plans, plans)


@dataclass(frozen=True)
class PttScanLimits:
    """Talk-group scanning of a push-to-talk device."""

    priorities: int = said(N_("A talk group on the scan list has a priority from 1 "
                              "(highest) to %(value)s."))
    """The priorities a group on the scan list may have: 1 (highest) to ``priorities``."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.priorities < 1:
            raise LimitError("priorities", f"{self.priorities} is less than 1")


CALLER_ID_WORDS = {"line": N_("the line's number"), "hidden": N_("no number (hidden)"),
                   "alternate": N_("an alternate number")}
CATEGORY_WORDS = {"long_distance": N_("long distance"), "international": N_("international")}
POLICY_WORDS = {"disabled": N_("turned off"), "code": N_("allowed with an access code"),
                "unlimited": N_("unlimited")}


@dataclass(frozen=True)
class CallerIdLimits:
    """Caller-ID presentation (``caller_id``): what the callee of an outgoing call sees."""

    modes: tuple[CallerIdMode, ...] = said(
        N_("The callee sees %(value)s."), value_words=CALLER_ID_WORDS, alternatives=True,
        default=("line", "hidden", "alternate"))
    """The presentations offered: the line's number, hidden, an alternate number."""
    default: CallerIdMode = said(N_("Until set, the callee sees %(value)s."),
                                 value_words=CALLER_ID_WORDS, default="line")
    """The presentation of a line that never set it."""
    name_max_length: int | None = said(N_("A caller-ID name has at most %(value)s "
                                          "characters."), default=None)
    """The longest caller-ID name (no name field when absent)."""
    name_and_number: bool = said(N_("An alternate caller ID needs both a name and a "
                                    "number."), default=False)
    """An alternate presentation needs both a name and a number."""
    numbers_of_tenant: bool = said(N_("The alternate number is one of the customer's "
                                      "lines."), default=False)
    """The alternate number must be one of the customer's own line numbers."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.modes:
            raise LimitError("modes", "declare at least one")
        if self.default not in self.modes:
            raise LimitError("default", f"{self.default} not among {list(self.modes)}")
        if self.name_max_length is not None and self.name_max_length < 1:
            raise LimitError("name_max_length", f"{self.name_max_length} is less than 1")
        if self.name_and_number and self.name_max_length is None:
            raise LimitError("name_and_number", "needs name_max_length (a name field)")


@dataclass(frozen=True)
class RestrictionProfile:
    """One call-restriction profile: the destinations it lets a line call, and when."""

    id: str
    label: str
    """The profile's name, as the carrier's guide writes it."""
    allows: tuple[CallClass, ...]
    """The classes of destination the line may call."""
    closed_weekdays: tuple[int, ...] = ()
    """ISO weekdays (1 Monday .. 7 Sunday) when only internal calls go out."""

    def __str__(self) -> str:
        return self.label

    def check(self, key: str) -> None:
        bad = [day for day in self.closed_weekdays if not 1 <= day <= 7]
        if bad:
            raise LimitError(f"{key}.closed_weekdays", f"{bad} are not ISO weekdays 1..7")


@dataclass(frozen=True)
class CallPermissionLimits:
    """Outgoing-call permissions (``call_permissions``): restriction profiles, a policy per
    category of call (long distance, international), or international calls per country."""

    profiles: tuple[RestrictionProfile, ...] = said(
        N_("Call restriction profiles: %(value)s."), default=())
    """The restriction profiles a line may be given (none: no profile field)."""
    default_profile: str | None = said(N_("Until set, a line's profile is %(value)s."),
                                       default=None)
    """The profile of a line that never set one."""
    categories: tuple[PermissionCategory, ...] = said(
        N_("Each of these calls has its own permission: %(value)s."),
        value_words=CATEGORY_WORDS, default=())
    """The categories of call that each have a policy."""
    policies: tuple[PermissionPolicy, ...] = said(
        N_("A permission may be %(value)s."), value_words=POLICY_WORDS, alternatives=True,
        default=("disabled", "code", "unlimited"))
    """The policies a category may have; "code" asks for an access code."""
    default_policy: PermissionPolicy = said(N_("Until set, a permission is %(value)s."),
                                            value_words=POLICY_WORDS, default="unlimited")
    """The policy of a category never set."""
    countries: bool = said(N_("International calls are turned on or off per country."),
                           default=False)
    """International calls are switched per destination country, under a global switch."""
    default_enabled: bool = said(N_("International calls are on until set."),
                                 otherwise=N_("International calls are off until set."),
                                 default=False)
    """With ``countries``: whether international calls are on until set."""

    def check(self, plans: tuple[str, ...]) -> None:
        ids = [profile.id for profile in self.profiles]
        if len(set(ids)) != len(ids):
            raise LimitError("profiles", "two profiles have the same id")
        for index, profile in enumerate(self.profiles):
            profile.check(f"profiles.{index}")
        if self.profiles and self.default_profile not in ids:
            raise LimitError("default_profile", f"{self.default_profile} not among {ids}")
        if not self.profiles and self.default_profile is not None:
            raise LimitError("default_profile", "no profiles declared")
        if self.default_policy not in self.policies:
            raise LimitError("default_policy",
                             f"{self.default_policy} not among {list(self.policies)}")
        if not (self.profiles or self.categories or self.countries):
            raise LimitError("", "declare profiles, categories or countries")


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


NOTIFICATION_WORDS = {"none": N_("no notification"), "notify": N_("a notification"),
                      "attach": N_("a notification with the message attached")}
SHARED_FIELD_WORDS = {"associated_number": N_("associated number")}


@dataclass(frozen=True)
class VoicemailLimits:
    """Voicemail (``voicemail``): a mailbox per line, what the agent may set, what it holds."""

    default_enabled: bool = said(N_("A line's mailbox works until it is turned off."),
                                 otherwise=N_("A line's mailbox is off until it is turned on."),
                                 default=True)
    """Whether a line has a working mailbox before anything is saved."""
    switchable: bool = said(N_("The mailbox can be turned on and off."), default=False)
    """The agent may turn a line's mailbox on and off."""
    greeting: AudioLimits | None = said(
        N_("A custom greeting can be uploaded: at most %(max_seconds)s seconds and "
           "%(max_bytes)s bytes."), short=N_("A custom greeting can be uploaded."),
        default=None)
    """A custom greeting may be uploaded, within these limits (none offered when absent)."""
    max_greeting_seconds: int | None = said(
        N_("A greeting recorded at the phone lasts at most %(value)s seconds."), default=None)
    """The longest greeting the mailbox records itself (at the phone), in seconds."""
    notifications: tuple[Notification, ...] = said(
        N_("E-mail notifications offered: %(value)s."), value_words=NOTIFICATION_WORDS,
        default=("none", "notify", "attach"))
    """The e-mail notifications offered: none, a notification, one with the message."""
    default_notification: Notification = said(
        N_("Until set, the e-mail notification is %(value)s."), value_words=NOTIFICATION_WORDS,
        default="none")
    """The notification until one is saved."""
    email_only: bool = said(N_("Messages can be sent by e-mail only, without being kept."),
                            default=False)
    """The option "e-mail only, not kept on the server" is offered."""
    max_messages: int | None = said(
        N_("A mailbox keeps at most %(value)s messages; when full, callers cannot leave one."),
        default=None)
    """The most messages a mailbox keeps; when full, callers cannot leave one."""
    max_message_seconds: int | None = said(
        N_("A message lasts at most %(value)s seconds."), default=None)
    """The longest message a caller may leave, in seconds."""
    message_seconds_settable: bool = said(
        N_("The longest message is set for each mailbox."), default=False)
    """The agent sets each mailbox's longest message (up to ``max_message_seconds``)."""
    max_box_seconds: int | None = said(
        N_("A mailbox keeps at most %(value)s seconds of messages."), default=None)
    """The most seconds of messages a mailbox keeps; when reached, it is full."""
    new_message_days: int | None = said(N_("New messages are kept %(value)s days."),
                                        default=None)
    """Days a new (unheard) message is kept."""
    archived_message_days: int | None = said(
        N_("Archived messages are kept %(value)s days."), default=None)
    """Days an archived message is kept."""
    may_empty: bool = said(
        N_("A mailbox can be emptied, and its personal greetings erased too."), default=False)
    """The agent may empty a mailbox (and then erase its personal greetings too)."""
    shared_with_field: str | None = said(
        N_("A line shares one mailbox with the line of its %(value)s."),
        value_words=SHARED_FIELD_WORDS, default=None)
    """A line field holding another line's number: the two lines share one mailbox."""
    shared_owner_plans: tuple[str, ...] = said(
        N_("The shared mailbox is kept by the line of: %(value)s."), value_words="plan",
        default=())
    """With ``shared_with_field``: the plans whose line keeps the shared mailbox."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.notifications:
            raise LimitError("notifications", "declare at least one")
        if self.default_notification not in self.notifications:
            raise LimitError("default_notification",
                             f"{self.default_notification} is not among the notifications")
        for name in ("max_greeting_seconds", "max_messages", "max_message_seconds",
                     "max_box_seconds", "new_message_days", "archived_message_days"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise LimitError(name, f"{value} is less than 1")
        if self.greeting is not None:
            self.greeting.check("greeting")
        _subset("shared_owner_plans", self.shared_owner_plans, plans)
        if self.shared_owner_plans and not self.shared_with_field:
            raise LimitError("shared_with_field", "shared_owner_plans needs it")


@dataclass(frozen=True)
class Bounds:
    """A count or a duration an agent sets: at least ``min``, at most ``max``."""

    min: int
    max: int
    default: int

    def check(self, key: str) -> None:
        if not 0 <= self.min <= self.default <= self.max:
            raise LimitError(key, f"min {self.min}, default {self.default} and max {self.max} "
                                  "are not 0 <= min <= default <= max")

    @property
    def fixed(self) -> bool:
        """Whether the value cannot be chosen (``min == max``)."""
        return self.min == self.max


DISTRIBUTION_WORDS = {"linear": N_("in order (linear)"),
                      "longest_idle": N_("to the member idle longest"),
                      "cyclic": N_("in turn (cyclic)"), "parallel": N_("to all at once")}
ORDER_WORDS = {"position": N_("in the group's order"),
               "extension": N_("in ascending order of extension numbers")}
OVERFLOW_WORDS = {"none": N_("nowhere (it ends)"), "deterrent": N_("a deterrent announcement"),
                  "number": N_("a number"), "voicemail": N_("the group's voicemail")}


@dataclass(frozen=True)
class HuntGroupLimits:
    """Hunt groups and call queues (``hunt_groups``): a line of the group's plan hands its
    calls to member lines, holds them waiting, and overflows."""

    member_plans: tuple[str, ...] = said(N_("Members are lines of: %(value)s."),
                                         value_words="plan")
    """The plans of the lines that may be members."""
    distributions: tuple[Distribution, ...] = said(
        N_("Calls are handed to members: %(value)s."), value_words=DISTRIBUTION_WORDS,
        alternatives=True, default=("linear", "longest_idle", "cyclic", "parallel"))
    """How calls are handed to members, in display order."""
    default_distribution: Distribution = said(
        N_("Until saved, calls are handed %(value)s."), value_words=DISTRIBUTION_WORDS,
        default="longest_idle")
    """The distribution of a group never saved."""
    cyclic_order: MemberOrder = said(N_("Members ring in turn %(value)s."),
                                     value_words=ORDER_WORDS, default="position")
    """The order a cyclic distribution goes round: the members' position, or ascending
    extension numbers."""
    max_members: int | None = said(N_("A group has at most %(value)s members."),
                                   default=None)
    """The most members a group may have (no maximum when absent)."""
    rings: Bounds | None = said(
        N_("Each member rings %(min)s to %(max)s times, %(default)s by default."), default=None)
    """The rings before the call goes to the next member (not set by agents when absent)."""
    wrap_up: Bounds | None = said(
        N_("A wrap-up time of %(min)s to %(max)s seconds can be turned on (%(default)s "
           "proposed)."), default=None)
    """Seconds a member stays unavailable after a call, when turned on (not offered when
    absent); ``default`` is the duration proposed when it is turned on."""
    max_calls: Bounds = said(
        N_("From %(min)s to %(max)s calls may wait, %(default)s by default."),
        default_factory=lambda: Bounds(1, 50, 20))
    """Calls that may wait in the queue; the next one overflows."""
    max_wait: Bounds | None = said(
        N_("A call waits %(min)s to %(max)s seconds at most, %(default)s by default."),
        default=None)
    """Seconds a call may wait before it overflows (no maximum when absent)."""
    overflows: tuple[Overflow, ...] = said(
        N_("A call that cannot wait goes to %(value)s."), value_words=OVERFLOW_WORDS,
        alternatives=True, default=("none",))
    """Where a call goes when it cannot wait: hang up, a deterrent announcement, a number,
    the group's voicemail."""
    default_overflow: Overflow = said(N_("Until saved, a call that cannot wait goes to "
                                         "%(value)s."), value_words=OVERFLOW_WORDS,
                                      default="none")
    """The overflow of a group never saved."""
    presence: bool = said(N_("Each member has a present/away switch in the group."),
                          default=False)
    """Each member has a present/away switch in each group ("connected" when added)."""
    prevails_over_forwarding: bool = said(
        N_("Group calls ring a member whatever the forwarding of the member's line."),
        default=False)
    """Calls from the group ring a member whatever the forwarding of its line."""
    greeting: AudioLimits | None = said(
        N_("A greeting can play before the call is connected: the default one or a "
           "recording of at most %(max_seconds)s seconds and %(max_bytes)s bytes."),
        short=N_("A greeting can play before the call is connected: the default one or an "
                 "uploaded recording."), default=None)
    """The group's greeting may be turned on, the default one or a custom recording within
    these limits (``AudioField(use="<feature>.greeting")``); not offered when absent."""
    hold_music: AudioLimits | None = said(
        N_("Waiting callers hear the default hold music or a recording of at most "
           "%(max_seconds)s seconds and %(max_bytes)s bytes."),
        short=N_("Waiting callers hear the default hold music or an uploaded recording."),
        default=None)
    """The hold music waiting callers hear: the default one or a custom recording within
    these limits (``AudioField(use="<feature>.hold_music")``); not offered when absent."""
    after_hours: Overflow | None = said(
        N_("A group may have its own hours (24 hours, or hours for each day from a "
           "calendar); outside them, calls go to %(value)s."), value_words=OVERFLOW_WORDS,
        default=None)
    """The group may follow a calendar of the customer's (none: 24 hours); outside its
    hours the after-hours greeting plays and calls go there, no member rings. Not offered
    when absent."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.member_plans:
            raise LimitError("member_plans", "declare at least one plan")
        if not self.distributions:
            raise LimitError("distributions", "declare at least one")
        if self.default_distribution not in self.distributions:
            raise LimitError("default_distribution", "not among distributions")
        if not self.overflows:
            raise LimitError("overflows", "declare at least one")
        if self.default_overflow not in self.overflows:
            raise LimitError("default_overflow", "not among overflows")
        if self.max_members is not None and self.max_members < 1:
            raise LimitError("max_members", f"{self.max_members} is less than 1")
        for key in ("rings", "wrap_up", "max_calls", "max_wait"):
            bounds = getattr(self, key)
            if bounds is not None:
                bounds.check(key)
        for key in ("greeting", "hold_music"):
            audio = getattr(self, key)
            if audio is not None:
                audio.check(key)


@dataclass(frozen=True)
class PickupGroupLimits:
    """Pickup groups (``pickup_groups``): lines that answer each other's calls with a code."""

    member_plans: tuple[str, ...] = said(N_("Members are lines of: %(value)s."),
                                         value_words="plan")
    """The plans of the lines that may be members."""
    code: str = said(N_("Members pick up a call by dialling %(value)s."), default="")
    """What a member dials to pick up a call ringing another member (``*98``)."""
    same_site: bool = said(N_("A group belongs to a site; its members are lines of that "
                              "site."), default=False)
    """A group belongs to a site and its members are lines of that site."""
    one_group_per_line: bool = said(N_("A line belongs to one group at most."),
                                    otherwise=N_("A line may belong to several groups."),
                                    default=True)
    """A line belongs to one group at most."""
    plain_name: bool = said(N_("A group's name has no special characters."), default=False)
    """The name has letters, digits and spaces only (no special characters)."""
    max_name_length: int = said(N_("A group's name has at most %(value)s characters."),
                                default=60)
    """The longest name."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.member_plans:
            raise LimitError("member_plans", "declare at least one plan")
        if not 1 <= self.max_name_length <= 60:
            raise LimitError("max_name_length", f"{self.max_name_length} is outside 1..60")
NoInput = Literal["operator", "disconnect"]


NO_INPUT_WORDS = {"operator": N_("connect to the operator"), "disconnect": N_("hang up")}


@dataclass(frozen=True)
class IvrLimits:
    """A voice menu (``ivr``): greeting, keys 1 to 9, sub-menus, closed hours."""

    levels: int = said(N_("Menus go %(value)s levels deep (a key may open a sub-menu)."),
                       default=1)
    """How deep the menus go: 1, or 2 when a key of the main menu may open a sub-menu."""
    closed_menu: bool = said(N_("A calendar may close the menu: a second greeting and menu "
                                "answer then."), default=False)
    """A calendar of the customer's may close the menu: a second greeting and menu answer
    while it is closed (without a calendar, the same menu 24/7)."""
    default_greeting: bool = said(N_("Without a greeting of its own, the menu speaks a default "
                                     "one with the company's name."), default=False)
    """Without a greeting of its own the menu speaks a default one (the company's name);
    otherwise the menu cannot be switched on without a greeting."""
    no_input: tuple[NoInput, ...] = said(
        N_("When the caller presses nothing: %(value)s."), value_words=NO_INPUT_WORDS,
        alternatives=True, default=())
    """What may happen when the caller presses nothing: connect to the operator, disconnect."""
    internal_number: bool = said(N_("A menu has an internal number besides its public one."),
                                 default=False)
    """The menu has an internal number besides its public one."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.levels not in (1, 2):
            raise LimitError("levels", f"{self.levels} is not 1 or 2")


@dataclass(frozen=True)
class AnnouncementLimits:
    """Announcements (``announcements``): the recordings menus and groups play."""

    per_site: bool = said(N_("Announcements are kept per site, shared by its menus and "
                             "groups."), default=False)
    """Announcements are kept per site, shared by the menus and groups of that site."""
    predefined: tuple[str, ...] = said(
        N_("Predefined announcements, neither editable nor deletable: %(value)s."), default=())
    """The names of the predefined announcements every site has, neither editable nor
    deletable (their names cannot be taken)."""
    audio: AudioLimits = said(
        N_("A recording lasts at most %(max_seconds)s seconds and weighs at most %(max_bytes)s "
           "bytes."), short=N_("Recordings are MP3 or WAV files."), default=AudioLimits())
    """The recordings accepted (``AudioField(use="announcements.audio")``)."""

    def check(self, plans: tuple[str, ...]) -> None:
        self.audio.check("audio")


ImageFormat = Literal["png", "jpeg", "gif"]


@dataclass(frozen=True)
class AppearanceLimits:
    """The portal's appearance (``appearance``): the logo's image and its size."""

    formats: tuple[ImageFormat, ...] = said(
        N_("The logo is a %(value)s image."), alternatives=True,
        value_words={"png": "PNG", "jpeg": "JPEG", "gif": "GIF"},
        default=("png", "jpeg", "gif"))
    """The image formats accepted, read from the file's content."""
    max_bytes: int = said(N_("The logo weighs at most %(value)s bytes."), default=512_000)
    """The largest logo file."""
    max_side: int = said(N_("Each side of the logo has at most %(value)s pixels."),
                         default=1000)
    """The longest side of the logo's image, in pixels."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.formats:
            raise LimitError("formats", "declare at least one")
        if self.max_bytes < 1 or self.max_side < 1:
            raise LimitError("max_bytes" if self.max_bytes < 1 else "max_side",
                             "is less than 1")


CallType = Literal["incoming", "outgoing", "missed"]
CallFilter = Literal["period", "call_type", "blocked", "recorded"]
LogFrequency = Literal["daily", "weekly", "monthly"]
CALL_TYPE_WORDS = {"incoming": N_("incoming"), "outgoing": N_("outgoing"),
                   "missed": N_("missed")}
CALL_FILTER_WORDS = {"period": N_("period"), "call_type": N_("call type"),
                     "blocked": N_("blocked calls"), "recorded": N_("recorded calls")}
FREQUENCY_WORDS = {"daily": N_("every day"), "weekly": N_("every week"),
                   "monthly": N_("every month")}


@dataclass(frozen=True)
class CallLogLimits:
    """The call log (``call_log``): what it shows, how agents select, when it is e-mailed."""

    call_types: tuple[CallType, ...] = said(
        N_("The Type column shows %(value)s calls."), value_words=CALL_TYPE_WORDS,
        default=("incoming", "outgoing", "missed"))
    """The call types the log shows (its Type column), each one a filter choice."""
    faxes: bool = said(N_("The call log also reports faxes."),
                       otherwise=N_("The call log reports calls only."), default=False)
    """Whether the log reports the faxes the network carried beside the calls."""
    filters: tuple[CallFilter, ...] = said(
        N_("Calls are selected by %(value)s."), value_words=CALL_FILTER_WORDS,
        default=("period", "call_type"))
    """The filters agents may use; a filter not listed is refused."""
    email_frequencies: tuple[LogFrequency, ...] = said(
        N_("The call log can be e-mailed %(value)s."), value_words=FREQUENCY_WORDS,
        alternatives=True, short=N_("The call log is not e-mailed."), default=())
    """How often the log may be e-mailed on a chosen day (none: never)."""

    def check(self, plans: tuple[str, ...]) -> None:
        if not self.call_types:
            raise LimitError("call_types", "declare at least one")
        if "period" not in self.filters:
            raise LimitError("filters", "the period is always a filter")


LIMITS: dict[str, type] = {
    "forwarding": ForwardingLimits,
    "blacklist": BlacklistLimits,
    "anonymous_call_rejection": SwitchLimits,
    "calendars": CalendarLimits,
    "business_hours": CalendarLimits,
    "lines": LineLimits,
    "sites": SiteLimits,
    "external_contacts": DirectoryLimits,
    "users": UserLimits,
    "company_numbers": NumberLimits,
    "conferences": ConferenceLimits,
    "address_books": AddressBookLimits,
    "call_log": CallLogLimits,
    "phone_contacts": PhoneContactsLimits,
    "appearance": AppearanceLimits,
    "faxes": FaxLimits,
    "devices": DeviceLimits,
    "programmable_keys": KeyLimits,
    "softphones": SoftphoneLimits,
    "e911_addresses": E911Limits,
    "ptt_groups": PttLimits,
    "ptt_scanning": PttScanLimits,
    "caller_id": CallerIdLimits,
    "call_permissions": CallPermissionLimits,
    "do_not_disturb": SwitchLimits,
    "voicemail": VoicemailLimits,
    "hunt_groups": HuntGroupLimits,
    "pickup_groups": PickupGroupLimits,
    "call_pickup": SwitchLimits,
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
    plain = dataclasses.asdict(limits)
    for item in dataclasses.fields(limits):
        value = getattr(limits, item.name)
        default = item.default if item.default is not dataclasses.MISSING else (
            item.default_factory() if item.default_factory is not dataclasses.MISSING
            else dataclasses.MISSING)
        if value != default:
            values[item.name] = _plain(plain[item.name])
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
