"""Cooptel call forwarding of an extension (guide 003 §2 and §9.1).

One switch, one rule (always; only on no answer, after the extension's ring duration; ring
the extension and the number together; only when the caller presses 1) and one destination
(an external number or another extension of the customer). The ring duration ("Faire sonner
pendant", seconds) belongs to the extension: 0 means it rings forever. Find-me/follow-me
(number, ring time before transfer, hold music instead of ringback, caller screening) is
engaged only while forwarding is off.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask_babel import gettext, ngettext
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    DestinationField,
    Forwarding,
    Line,
    SettingsBlock,
    SettingsSchema,
    Tenant,
    Violation,
    carrier_country,
    destination_checks,
    forward_step,
    forwarding_of,
    line_rules,
    offer_of,
    required_when_on,
    save_forwarding,
    why_forwarded,
)

GUIDE = "003_1f8630d8cbff8d99.txt"
SECTION = f"{GUIDE} §2, §9.1"
RULES = ("always", "no_answer", "ring_together", "caller_confirms")
RULE_LABELS = {  # the guide's words (§9.1, "Règle")
    "always": N_("Always forward"),
    "no_answer": N_("Only on no answer"),
    "ring_together": N_("Ring the number and the extension together"),
    "caller_confirms": N_("When the caller presses 1"),
}
SECONDS = validate.Range(min=0, error=_l("A number of seconds, 0 or more."))


def rule_choices(tenant: Tenant | None) -> list[tuple[str, str]]:
    """The rules the tenant's offer declares (``triggers``), for the form's list."""
    rules = offer_of(tenant, "forwarding").limits.triggers if tenant is not None else RULES
    return [(rule, gettext(RULE_LABELS[rule]) if rule in RULE_LABELS else rule)
            for rule in rules]


class CooptelForwardingSchema(SettingsSchema):
    ring_seconds = fields.Integer(load_default=None, allow_none=True, validate=SECONDS,
                                  metadata={"label": N_("Ring for (seconds, 0 = forever)")})
    enabled = fields.Boolean(load_default=False, metadata={"label": N_("Call forwarding")})
    # the declared triggers are the choices, and the limit check refuses any other rule
    rule = fields.String(load_default="always",
                         metadata={"label": N_("Rule"), "choices": rule_choices})
    destination = DestinationField(load_default=None, allow_none=True,
                                   metadata={"label": N_("Destination")})
    find_me_enabled = fields.Boolean(load_default=False,
                                     metadata={"label": N_("Find-me/follow-me")})
    find_me_destination = DestinationField(load_default=None, allow_none=True,
                                           metadata={"label": N_("Find-me/follow-me number")})
    find_me_ring_seconds = fields.Integer(
        load_default=None, allow_none=True, validate=SECONDS,
        metadata={"label": N_("Ring time before transfer (seconds)")})
    find_me_hold_music = fields.Boolean(load_default=False,
                                        metadata={"label": N_("Hold music instead of ringback")})
    find_me_screening = fields.Boolean(load_default=False,
                                       metadata={"label": N_("Caller screening")})
    version = fields.Integer(dump_only=True)


def schema(tenant: Tenant) -> CooptelForwardingSchema:
    return CooptelForwardingSchema(region=carrier_country(tenant))


def validate_forwarding(*, tenant: Tenant, line: Line | None,
                        data: dict[str, Any]) -> list[Violation]:
    """The declared rules and destinations; find-me/follow-me only while forwarding is off
    (§9.1, "Attention!")."""
    assert line is not None
    limits = offer_of(tenant, "forwarding").limits
    found: list[Violation] = []
    if data["enabled"] and data["destination"] is None:
        found.append(required_when_on("destination"))
    found.extend(destination_checks(tenant, line, "destination", data["destination"], limits))
    if data["find_me_enabled"] and data["find_me_destination"] is None:
        found.append(required_when_on("find_me_destination"))
    found.extend(destination_checks(
        tenant, line, "find_me_destination", data["find_me_destination"],
        replace(limits, destinations=limits.find_me_destinations)))
    if data["rule"] not in limits.triggers:
        found.append(Violation(
            code="forwarding.rule.not_offered", field="rule", limit=list(limits.triggers),
            params={"value": data["rule"]},
            message=N_("“%(value)s” is not a forwarding rule offered here.")))
    if data["find_me_enabled"] and not limits.find_me_destinations:
        found.append(Violation(
            code="forwarding.find_me_enabled.not_offered", field="find_me_enabled",
            message=N_("Find-me/follow-me is not offered here.")))
    if data.get("enabled") and data.get("find_me_enabled"):
        found.append(Violation(
            code="forwarding.find_me_enabled.exclusive", field="find_me_enabled",
            message=N_("Find-me/follow-me only works while call forwarding is off: turn call "
                       "forwarding off to use it.")))
    return found


def _apply(forwarding: Forwarding, clean: dict[str, Any]) -> None:
    forwarding.ring_seconds = clean["ring_seconds"]
    chosen = forwarding.rule(clean["rule"])
    forwarding.rules = [rule for rule in forwarding.rules
                        if rule.trigger not in RULES or rule is chosen]
    chosen.enabled = clean["enabled"]
    chosen.destination = clean["destination"]
    find_me = forwarding.rule("find_me")
    find_me.enabled = clean["find_me_enabled"]
    find_me.destination = clean["find_me_destination"]
    find_me.ring_seconds = clean["find_me_ring_seconds"]
    find_me.hold_music = clean["find_me_hold_music"]
    find_me.screening = clean["find_me_screening"]


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    assert line is not None
    forwarding = forwarding_of(line)
    rules = {rule.trigger: rule for rule in forwarding.rules} if forwarding else {}
    chosen = next((rules[name] for name in RULES if name in rules), None)
    find_me = rules.get("find_me")
    return {
        "ring_seconds": forwarding.ring_seconds if forwarding else None,
        "enabled": bool(chosen and chosen.enabled),
        "rule": chosen.trigger if chosen else "always",
        "destination": chosen.destination if chosen else None,
        "find_me_enabled": bool(find_me and find_me.enabled),
        "find_me_destination": find_me.destination if find_me else None,
        "find_me_ring_seconds": find_me.ring_seconds if find_me else None,
        "find_me_hold_music": bool(find_me and find_me.hold_music),
        "find_me_screening": bool(find_me and find_me.screening),
        "version": forwarding.version if forwarding else None,
    }


def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> Forwarding:
    """Replace the extension's forwarding settings."""
    assert line is not None
    return save_forwarding(tenant, line, raw, feature="forwarding", schema=schema(tenant),
                           apply=_apply)


def forwarding_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """The extension's one rule, or find-me/follow-me while forwarding is off."""
    rules = line_rules(tenant, line)
    forwarding = forwarding_of(line)
    ring_seconds = forwarding.ring_seconds if forwarding else None
    chosen = next((rules[name] for name in RULES if name in rules and rules[name].enabled),
                  None)
    if chosen is None:
        return _find_me_steps(call, rules.get("find_me"))
    code = f"cooptel.forwarding.{chosen.trigger}"
    if chosen.trigger == "ring_together":
        return [CallStep("ring_together", gettext(
            "Forwarding rings the extension and the forwarding number together."), SECTION,
            target=chosen.destination.value, final=True, code=code)]
    if chosen.trigger in ("no_answer", "caller_confirms") and call.state == "no_answer" \
            and ring_seconds == 0:
        return [CallStep("ring", gettext(
            "The ring duration is 0: the extension rings forever and forwarding on no answer "
            "never starts."), SECTION, final=True, code="cooptel.forwarding.rings_forever")]
    why = why_forwarded(chosen, call, tenant)
    if why:
        if ring_seconds and chosen.trigger != "always":
            why += " " + ngettext("The extension rings for %(num)s second first.",
                                  "The extension rings for %(num)s seconds first.",
                                  ring_seconds)
        return [forward_step(chosen, why, section=SECTION, code=code)]
    if chosen.trigger == "caller_confirms" and call.state == "no_answer":
        return [CallStep("no_forward", gettext(
            "The caller did not press 1: the call is not forwarded."), SECTION, code=code)]
    return []


def _find_me_steps(call: CallContext, find_me) -> list[CallStep]:
    if find_me is None or not find_me.enabled or call.state != "no_answer":
        return []
    if find_me.ring_seconds:
        texts = [ngettext("Find-me/follow-me is on and call forwarding is off: the call is "
                          "transferred after %(num)s second.",
                          "Find-me/follow-me is on and call forwarding is off: the call is "
                          "transferred after %(num)s seconds.", find_me.ring_seconds)]
    else:
        texts = [gettext("Find-me/follow-me is on and call forwarding is off: the call is "
                         "transferred.")]
    if find_me.hold_music:
        texts.append(gettext("The caller hears hold music instead of ringback."))
    if find_me.screening:
        texts.append(gettext("The caller is asked to identify themselves."))
    return [forward_step(find_me, " ".join(texts), section=f"{GUIDE} §9.1",
                         code="cooptel.forwarding.find_me")]


BLOCK = SettingsBlock(id="forwarding", feature="forwarding", title=N_("Call forwarding"),
                      schema=schema, read=read, write=write, guide_section=SECTION)
