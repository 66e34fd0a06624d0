"""Schemas of the blacklist blocks: one per block, for the web form and the API alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate

from backoffice.core.blacklist.matching import MATCH_KINDS, MODES
from backoffice.core.blacklist.models import MAX_RULE_DIGITS
from backoffice.core.errors import N_
from backoffice.core.phone import MAX_DIGITS, SEPARATORS, InvalidNumber, any_number
from backoffice.core.schemas import BaseSchema, RegionalSchema

MODE_LABELS = {"block": N_("Block"), "allow_only": N_("Allow only")}
MATCH_LABELS = {"equals": N_("is equal to"), "starts_with": N_("starts with"),
                "ends_with": N_("ends with"), "contains": N_("contains")}


def _compact(text: str) -> str:
    return "".join(ch for ch in text if ch not in SEPARATORS)


class DigitSequence(fields.String):
    """Digits only. Spaces, dashes, dots and parentheses typed by habit are removed."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        digits = _compact(super()._deserialize(value, attr, data, **kwargs))
        other = next((ch for ch in digits if not ch.isdigit()), None)
        if other is not None:
            raise ValidationError(_l("Digits only: “%(char)s” is not a digit.", char=other))
        if not digits:
            raise ValidationError(_l("Enter at least one digit."))
        if len(digits) > MAX_RULE_DIGITS:
            raise ValidationError(_l("At most %(max)s digits.", max=MAX_RULE_DIGITS))
        return digits


class AnyNumber(fields.String):
    """A number in any format: E.164 when phonenumbers recognises it, else as typed.

    ``0145834778`` in France becomes ``+33145834778`` and ``00442346950434`` becomes
    ``+442346950434``; a number it cannot place (``+334786950``, ``3400``) is kept as
    typed, without separators (see :func:`backoffice.core.phone.any_number`).
    """

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return any_number(text, getattr(self.root, "region", None) or "ZZ")
        except InvalidNumber:
            if len(_compact(text).removeprefix("+")) > MAX_DIGITS:
                raise ValidationError(_l("At most %(max)s digits.", max=MAX_DIGITS)) from None
            raise ValidationError(_l(
                "“%(value)s” is not a phone number: use digits, with an optional leading +.",
                value=value)) from None


def _one_of(options: Sequence[str]) -> validate.OneOf:
    return validate.OneOf(list(options), error=_l("Choose one of: {choices}."))


def _choice(labels: dict[str, str], label: str, **metadata: str) -> fields.String:
    return fields.String(required=True, validate=_one_of(list(labels)),
                         metadata={"label": label, "choice_labels": dict(labels), **metadata})


class BlacklistRuleSchema(BaseSchema):
    """An account-wide rule: block or allow only, how to match, which digits."""

    id = fields.Integer(dump_only=True)
    mode = _choice(MODE_LABELS, N_("Rule"), help=N_(
        "“Allow only”: as soon as one such rule exists, every caller that none of them "
        "matches is rejected."))
    match = _choice(MATCH_LABELS, N_("Match"))
    digits = DigitSequence(required=True, metadata={
        "label": N_("Digits"),
        "help": N_("Digits only; spaces, dashes, dots and parentheses are removed.")})
    version = fields.Integer(dump_only=True)

    def __init__(self, *args: Any, modes: Sequence[str] = MODES,
                 match_kinds: Sequence[str] = MATCH_KINDS, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for name, options in (("mode", modes), ("match", match_kinds)):
            field = self.fields[name]  # this instance's copy, whose metadata is shared
            field.validators = [_one_of(options)]
            field.metadata = {**field.metadata, "choice_labels": {
                option: label for option, label in field.metadata["choice_labels"].items()
                if option in options}}


class BlockedNumberSchema(RegionalSchema):
    """A blocked number of a line, in any format."""

    id = fields.Integer(dump_only=True)
    number = AnyNumber(required=True, metadata={"label": N_("Blocked number")})


class AnonymousCallRejectionSchema(BaseSchema):
    """Whether a line rejects the calls whose number is withheld. An unticked box is off."""

    reject_anonymous = fields.Boolean(
        load_default=False, metadata={"label": N_("Reject anonymous calls")})
    version = fields.Integer(dump_only=True)
