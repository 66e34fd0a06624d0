"""Reading and changing a line's forwarding, through the change pipeline.

Carriers may declare per-plan defaults in their forwarding limits (``defaults_per_plan``:
plan -> trigger -> ``{"enabled": ..., "destination": ...}``). They apply to every trigger
that was never saved for the line: no row is written when a line is created, so lines
created before a carrier declared its defaults get them too, and the read view shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from backoffice.core.carriers import offer_of, registry
from backoffice.core.changes import Change, apply_change
from backoffice.core.declarations import FeatureOffer
from backoffice.core.destinations import Destination
from backoffice.core.errors import Violation
from backoffice.core.forwarding.models import Forwarding, RuleState
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

Check = Callable[[dict[str, Any]], list[Violation]]


def forwarding_of(line: Line) -> Forwarding | None:
    """The saved forwarding of ``line``, if any."""
    return line.forwarding


def default_destination(spec: str | None, line: Line) -> Destination | None:
    """A destination declared as data: ``voicemail``, ``line:<field>`` or a number."""
    if not spec:
        return None
    if spec == "voicemail":
        return Destination.voicemail()
    if spec.startswith("line:"):
        value = getattr(line, spec.removeprefix("line:"), None)
        return Destination("number", value) if value else None
    return Destination("number", spec)


def default_states(line: Line, offer: FeatureOffer) -> dict[str, RuleState]:
    """The carrier's defaults for the line's plan, as unsaved rule states.

    A default whose destination the line lacks (no associated number yet) stays off.
    """
    defaults = offer.limits.defaults_per_plan.get(line.plan, {})
    states = {}
    for trigger, rule in defaults.items():
        destination = default_destination(rule.destination, line)
        states[trigger] = RuleState(trigger, enabled=bool(rule.enabled and destination),
                                    destination=destination)
    return states


def effective_states(line: Line, offer: FeatureOffer) -> dict[str, RuleState]:
    """Every rule of the line: the saved ones, and the carrier's defaults for the others."""
    states = default_states(line, offer)
    forwarding = forwarding_of(line)
    if forwarding is not None:
        states.update({rule.trigger: rule.state() for rule in forwarding.rules})
    return states


def is_subscribed(line: Line, offer: FeatureOffer) -> bool:
    """Whether the line has forwarding at all (an option per line for some carriers)."""
    forwarding = forwarding_of(line)
    if forwarding is not None:
        return forwarding.subscribed
    return not _optional(offer)


def _optional(offer: FeatureOffer | None) -> bool:
    return bool(offer and offer.limits.optional)


def save_forwarding(tenant: Tenant, line: Line, raw: dict[str, Any], *, feature: str,
                    schema: Any, apply: Callable[[Forwarding, dict[str, Any]], None],
                    checks: Sequence[Check] = ()) -> Forwarding:
    """Validate ``raw`` with ``schema``, ``checks`` and the carrier's rules for ``feature``,
    then let ``apply`` write the clean data onto the line's forwarding. One change."""
    return apply_change(forwarding_change(tenant, line, raw, feature=feature, schema=schema,
                                          apply=apply, checks=checks))


def forwarding_change(tenant: Tenant, line: Line, raw: dict[str, Any], *, feature: str,
                      schema: Any, apply: Callable[[Forwarding, dict[str, Any]], None],
                      checks: Sequence[Check] = ()) -> Change:
    """The change :func:`save_forwarding` applies (to validate it alone, first)."""
    offer_of(tenant, feature, line)
    forwarding_offer = registry()[tenant.carrier_id].offer("forwarding")
    existing = forwarding_of(line)

    def persist(clean: dict[str, Any]) -> Forwarding:
        forwarding = existing
        if forwarding is None:
            forwarding = Forwarding(tenant_id=tenant.id, line=line,
                                    subscribed=not _optional(forwarding_offer))
            db.session.add(forwarding)
        apply(forwarding, clean)
        forwarding.touch()
        return forwarding

    return Change(
        tenant=tenant, object_type="forwarding", action="update" if existing else "create",
        data=raw, schema=schema, persist=persist, target=existing, feature=feature,
        line=line, checks=list(checks),
    )
