"""What a carrier declares about itself, as plain data.

A plugin returns these objects from its declaration hooks; core reads them to build
the capability matrix, to show only what a carrier offers, and to enforce limits.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
    """A feature a carrier offers: where it applies and its limits.

    ``limits`` is data (maximum lengths and counts, allowed values); anything that
    is more than a limit is a validation hook of the plugin.
    """

    feature: str
    scope: Scope
    plans: tuple[str, ...] = ()  # for line-scoped features: the plans that offer it
    limits: dict[str, Any] = field(default_factory=dict)
    guide_section: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["plans"] = list(self.plans)
        return data


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

    def label_for(self, locale: str) -> str:
        return label_in(self.label, locale, self.endpoint)
