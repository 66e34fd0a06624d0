"""Call-path steps of the blacklist: what a carrier's screening stage returns.

A carrier's stage calls these with its own guide section; they come first in its
``call_stages``. Each returns no step where its feature is not offered. A step that
rejects the call is final; a step that lets it through is not. The rule texts are
written in the agent's language when the step is made, since they carry values.
"""

from __future__ import annotations

from flask_babel import gettext

from backoffice.core.blacklist import anonymous, blocked_numbers, rules
from backoffice.core.blacklist.matching import caller_digits
from backoffice.core.carriers import carrier_country, offer_of, offers
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.models import Line, Tenant


def rule_steps(*, call: CallContext, tenant: Tenant, guide_section: str) -> list[CallStep]:
    """Account-wide rules: a matching "block" rule rejects; "allow only" rules reject the rest.

    A block rule wins over an allow-only rule that also matches. Calls without a number
    are screened only when the offer's ``applies_to_anonymous`` limit says so.
    """
    if not offers(tenant, rules.FEATURE, scope="tenant") or not rules.has_rules(tenant):
        return []
    allow_only = rules.has_rules(tenant, "allow_only")
    if call.caller is None:
        if not offer_of(tenant, rules.FEATURE, scope="tenant").limits.applies_to_anonymous:
            return [CallStep("allow", gettext(
                "Blacklist rules do not apply to calls without a number (anonymous or "
                "withheld)."), guide_section)]
        if allow_only:
            return [CallStep("reject", gettext(
                "Allow-only rules exist and a call without a number matches none of them."),
                guide_section, final=True)]
        return []
    digits = caller_digits(call.caller, carrier_country(tenant))
    matched = rules.matching_rules(tenant, digits)
    for mode, action in (("block", "reject"), ("allow_only", "allow")):
        rule = next((rule for rule in matched if rule.mode == mode), None)
        if rule is not None:
            text = gettext("Blacklist rule #%(id)s “%(rule)s” matches the caller %(digits)s.",
                           id=rule.id, rule=rules.describe_rule(rule), digits=digits)
            return [CallStep(action, text, guide_section, final=action == "reject")]
    if allow_only:
        return [CallStep("reject", gettext(
            "Allow-only rules exist and none matches the caller %(digits)s.", digits=digits),
            guide_section, final=True)]
    return []


def blocked_number_steps(*, call: CallContext, tenant: Tenant, line: Line,
                         guide_section: str) -> list[CallStep]:
    """The line's blocked numbers: the caller on the list is rejected."""
    if call.caller is None or not offers(tenant, blocked_numbers.FEATURE, line, scope="line"):
        return []
    entry = blocked_numbers.blocked_entry(tenant, line, call.caller)
    if entry is None:
        return []
    return [CallStep("reject", gettext(
        "The caller %(caller)s is on the line's blocked numbers (entry “%(entry)s”).",
        caller=call.caller, entry=entry.number), guide_section, final=True)]


def anonymous_rejection_steps(*, call: CallContext, tenant: Tenant, line: Line,
                              guide_section: str, announcement: str = "") -> list[CallStep]:
    """A call without a number to a line that rejects them ends; ``target`` is what is heard."""
    if call.caller is not None or not offers(tenant, anonymous.FEATURE, line, scope="line"):
        return []
    if not anonymous.read_anonymous_rejection(tenant, line)[anonymous.FLAG]:
        return []
    return [CallStep("reject", gettext(
        "The line rejects anonymous calls and the caller's number is withheld."),
        guide_section, target=announcement, final=True)]
