"""SFR multi-line ring, "Sonnerie sur plusieurs lignes" (guide 004 §6.9).

Up to 5 numbers besides the user's line, typed in international format ("+..."), ringing
all together or one after the other (the user's line first). They are forwarding
destinations for the network, so the §6.14 table applies to them. Stored as the line's
``ring_together`` forwarding rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from marshmallow import ValidationError, fields, validate

from backoffice.plugin import (
    N_,
    RING_MODES,
    CallContext,
    CallStep,
    Destination,
    Forwarding,
    InvalidNumber,
    LimitError,
    Line,
    SettingsBlock,
    SettingsSchema,
    Tenant,
    Violation,
    carrier_country,
    effective_states,
    forwarding_of,
    offer_of,
    register_codes,
    said,
    save_forwarding,
    to_e164,
)
from plugins.sfr.destinations import destination_violations

register_codes({
    "multi_line_ring.numbers.required": N_("Turned on, it needs at least one number."),
    "multi_line_ring.numbers.too_many": N_("More numbers than `limit`."),
    "multi_line_ring.numbers.invalid_format": N_("A number is not in international format "
                                                 "(starting with “+”)."),
})

GUIDE_SECTION = "004_1c65287363dc7b18.txt §6.9"
FEATURE = "multi_line_ring"


@dataclass(frozen=True)
class MultiLineRingLimits:
    """SFR's own limits of multi-line ring."""

    max_numbers: int = said(N_("At most %(value)s numbers ring besides the user's line."))
    """The most numbers that ring besides the user's line."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.max_numbers < 1:
            raise LimitError("max_numbers", f"{self.max_numbers} is less than 1")


class NumberList(fields.Field):
    """Numbers as a list (API) or as text, one per line or separated by commas (form)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        if isinstance(value, str):
            value = re.split(r"[\n,;]+", value)
        if not isinstance(value, list):
            raise ValidationError(_l("Give a list of numbers."))
        return [str(item).strip() for item in value if str(item).strip()]

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any):
        return list(value or [])


class SfrMultiLineRingSchema(SettingsSchema):
    enabled = fields.Boolean(load_default=False,
                             metadata={"label": N_("Multi-line ring")})
    mode = fields.String(load_default="simultaneous", validate=validate.OneOf(RING_MODES),
                         metadata={"label": N_("Ringing"), "choice_labels": {
                             "simultaneous": N_("simultaneous"),
                             "sequential": N_("sequential")}})
    numbers = NumberList(load_default=list, metadata={"label": N_("Numbers")})
    version = fields.Integer(dump_only=True)


def schema(tenant: Tenant) -> SfrMultiLineRingSchema:
    return SfrMultiLineRingSchema(region=carrier_country(tenant))


def validate_multi_line_ring(*, tenant: Tenant, line: Line | None,
                             data: dict[str, Any]) -> list[Violation]:
    """At most 5 numbers, in +international format, allowed by the §6.14 table."""
    limits = offer_of(tenant, FEATURE).limits
    numbers = data.get("numbers", [])
    found: list[Violation] = []
    if data.get("enabled") and not numbers:
        found.append(Violation(code="multi_line_ring.numbers.required", field="numbers",
                               message=N_("Add at least one number to ring.")))
    if len(numbers) > limits.max_numbers:
        found.append(Violation(
            code="multi_line_ring.numbers.too_many", field="numbers",
            limit=limits.max_numbers, params={"max": limits.max_numbers},
            message=N_("At most %(max)s numbers can ring besides the line.")))
    for number in numbers:
        if not number.startswith("+"):
            found.append(Violation(
                code="multi_line_ring.numbers.invalid_format", field="numbers",
                params={"value": number},
                message=N_("%(value)s: type the numbers in international format, starting "
                           "with “+”.")))
            continue
        try:
            destination = Destination("number", to_e164(number, "ZZ"))
        except InvalidNumber:
            found.append(Violation(code="multi_line_ring.numbers.invalid", field="numbers",
                                   params={"value": number},
                                   message=N_("%(value)s is not a valid phone number.")))
            continue
        found.extend(destination_violations(FEATURE, "numbers", destination))
    return found


def _apply(forwarding: Forwarding, clean: dict[str, Any]) -> None:
    rule = forwarding.rule("ring_together")
    rule.enabled = clean["enabled"]
    rule.ring_mode = clean["mode"]
    rule.numbers = [to_e164(number, "ZZ") for number in clean["numbers"]]


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    assert line is not None
    state = effective_states(line, offer_of(tenant, "forwarding")).get("ring_together")
    forwarding = forwarding_of(line)  # the row multi-line ring is kept in, with its version
    return {
        "version": forwarding.version if forwarding else None,
        "enabled": bool(state and state.enabled),
        "mode": (state.ring_mode if state and state.ring_mode else "simultaneous"),
        "numbers": list(state.numbers) if state else []}


def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> Forwarding:
    """Replace the line's multi-line ring settings."""
    assert line is not None
    return save_forwarding(tenant, line, raw, feature=FEATURE, schema=schema(tenant),
                           apply=_apply)


def ring_step(call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """The other lines ring with the user's (a step that does not end the call)."""
    if call.state not in ("idle", "no_answer"):
        return []
    state = effective_states(line, offer_of(tenant, "forwarding")).get("ring_together")
    if state is None or not state.enabled or not state.numbers:
        return []
    count = len(state.numbers)
    if state.ring_mode == "simultaneous":
        text = ngettext("Multi-line ring is on: the line and %(num)s other number ring all at "
                        "the same time.",
                        "Multi-line ring is on: the line and %(num)s other numbers ring all at "
                        "the same time.", count)
    else:
        text = ngettext("Multi-line ring is on: the line and %(num)s other number ring one "
                        "after the other, the user's line first.",
                        "Multi-line ring is on: the line and %(num)s other numbers ring one "
                        "after the other, the user's line first.", count)
    return [CallStep("ring_together", text, GUIDE_SECTION, target=", ".join(state.numbers),
                     code="sfr.multi_line_ring")]


BLOCK = SettingsBlock(id="multi-line-ring", feature=FEATURE, title=N_("Multi-line ring"),
                      schema=schema, read=read, write=write, guide_section=GUIDE_SECTION)
