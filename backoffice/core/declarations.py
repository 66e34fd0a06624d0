"""What a carrier declares about itself, as plain data.

A plugin returns these objects from its declaration hooks; core reads them to build
the capability matrix, to show only what a carrier offers, and to enforce limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

Scope = Literal["tenant", "line"]
PageScope = Literal["global", "tenant", "line"]


def label_in(labels: dict[str, str], locale: str, fallback: str) -> str:
    """A declared label in ``locale``, else in French, else in the one language given."""
    return labels.get(locale) or labels.get("fr") or next(iter(labels.values()), fallback)


@dataclass(frozen=True)
class Carrier:
    """A carrier's identity."""

    id: str
    name: str
    country: str  # ISO 3166-1 alpha-2, the region used to parse national numbers
    default_locale: str
    timezone: str  # IANA name
    guides: tuple[str, ...] = ()  # guide files this carrier's rules come from


@dataclass(frozen=True)
class Plan:
    """A line type (a "forfait", a kind of "poste"...) and what a line of it needs.

    ``set_once`` lists the line fields given when the line is created that can never change
    afterwards (an e-mail that is the user's sign-in): the line form shows them read-only.

    ``answered_by`` says what answers a call to a line of the plan, for the call-path
    explainer: ``"phone"``, a person's phone, which rings; ``"voicemail"`` (every call goes
    to the line's mailbox), ``"announcement"`` (the caller hears an announcement only),
    ``"distribution"`` (a queue or hunt group hands calls to its members), ``"menu"`` (a
    voice menu). Any other word names a kind of line the explainer does not model.
    """

    id: str
    label: dict[str, str]  # locale -> label, in the guide's words for "fr"
    requires: tuple[str, ...] = ()  # line fields that must be filled: "number", "site_id"...
    guide_section: str = ""
    answered_by: str = "phone"
    set_once: tuple[str, ...] = ()  # line fields that cannot change once given

    def label_for(self, locale: str) -> str:
        return label_in(self.label, locale, self.id)


@dataclass(frozen=True)
class FeatureOffer:
    """A feature a carrier offers to agents: where it applies and its limits.

    ``limits`` is data (maximum lengths and counts, allowed values): an instance of the
    feature's limits class (:mod:`backoffice.core.limits`), or a mapping the registry parses
    into it. A carrier's own feature gives an instance of its own frozen dataclass, or a
    mapping with ``limits_class``. Anything that is more than a limit is a rule (a hook).
    An offered feature must be usable: it has a block or a page.
    """

    feature: str
    scope: Scope
    plans: tuple[str, ...] = ()  # for line-scoped features: the plans that offer it
    limits: Any = None
    guide_section: str = ""
    limits_class: type | None = None

    def declared_limits(self) -> dict[str, Any]:
        """The limits the carrier set, leaving out those at their class's default."""
        from backoffice.core.limits import declared

        return declared(self.limits)

    def as_dict(self) -> dict[str, Any]:
        from backoffice.core.limits import as_mapping

        return {"feature": self.feature, "scope": self.scope, "plans": list(self.plans),
                "limits": as_mapping(self.limits), "guide_section": self.guide_section,
                "status": "offered"}


@dataclass(frozen=True)
class PlannedFeature:
    """A feature the carrier's guide describes that agents cannot use here yet.

    Shown as planned, never as offered; it declares no limits, since nothing enforces them.
    """

    feature: str
    scope: Scope
    plans: tuple[str, ...] = ()
    guide_section: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "scope": self.scope, "plans": list(self.plans),
                "guide_section": self.guide_section, "status": "planned"}


@dataclass(frozen=True)
class PageLink:
    """Where the navigation links to one of the carrier's own pages (``web_blueprints``).

    ``scope`` says where the link appears and what the endpoint takes: ``"global"``, in the
    top navigation of the agents who see this carrier (no argument); ``"tenant"``, on the
    carrier's tenant pages (``tenant_id``); ``"line"``, on its line pages (``tenant_id``,
    ``line_id``), only for ``plans`` when given.
    """

    endpoint: str  # the Flask endpoint: "<blueprint name>.<view function>"
    label: dict[str, str]  # locale -> label
    scope: PageScope = "tenant"
    plans: tuple[str, ...] = ()
    feature: str = ""  # the feature the page lets agents use, if it is one of the carrier's

    def label_for(self, locale: str) -> str:
        return label_in(self.label, locale, self.endpoint)


LineState = Literal["idle", "busy", "no_answer", "unreachable"]
LINE_STATES: tuple[LineState, ...] = ("idle", "busy", "no_answer", "unreachable")
Direction = Literal["incoming", "outgoing"]
DIRECTIONS: tuple[Direction, ...] = ("incoming", "outgoing")


@dataclass(frozen=True)
class CallContext:
    """The call to explain: who calls (``None`` when anonymous), when, and the line's state.

    For a call to a hunt group or a queue, the state of its members and of its queue:
    which members are on a call or offline (by number or extension), how many calls already
    wait, how long this one has waited, and who answered the last call (cyclic order).

    ``caller`` is what :func:`backoffice.core.phone.any_number` reads from the agent's text:
    E.164 when recognised, else digits as typed, so that any number a list of blocked
    numbers may hold can be tried as a caller.

    An ``outgoing`` call is made by the line to ``dialled`` (E.164 when recognised, else the
    digits as typed: an extension, a short number); ``digits`` are then the access code the
    user keys in, when a permission asks for one.
    """

    caller: str | None
    moment: datetime  # aware, in the tenant's time zone
    state: LineState = "idle"
    digits: str = ""
    direction: Direction = "incoming"
    dialled: str | None = None
    busy_members: tuple[str, ...] = ()  # group members on a call (numbers or extensions)
    offline_members: tuple[str, ...] = ()  # group members whose phone is off or signed out
    calls_waiting: int = 0  # calls already waiting in the group's queue
    waited: int = 0  # seconds this call has already waited in the queue
    last_answered: str | None = None  # the member who answered the group's last call


@dataclass(frozen=True)
class CallStep:
    """One step of the path: what happens, the rule that decided it and where it is written."""

    action: str  # "ring", "forward", "reject", "voicemail", "busy_tone", ...
    rule: str  # in the agent's language, written when the step is made
    guide_section: str
    target: str = ""
    final: bool = False
    code: str = ""  # the stable id of the rule: "forwarding.always", "<carrier>.call_waiting"
