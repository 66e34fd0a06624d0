"""Where a call can be sent: one typed value reused by forwarding, IVR keys, hunt-group overflow.

A :class:`Destination` is a phone number (E.164), an internal extension or short number
(digits), or the line's voicemail. :class:`DestinationField` loads one from a form's text
("voicemail", "102", "06 12 34 56 78") or from the API's ``{"kind": ..., "value": ...}``,
parsing national numbers for the tenant's carrier country, and dumps it as text that loads
back to the same value: digits that leave out the national prefix their country writes
(``612345678`` in France) are a short number, never a national number in disguise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields

from backoffice.core.errors import N_
from backoffice.core.phone import (
    InvalidNumber,
    lacks_national_prefix,
    national,
    region_and_type,
    to_e164,
)

Kind = Literal["number", "extension", "voicemail"]
KINDS: tuple[Kind, ...] = ("number", "extension", "voicemail")
VOICEMAIL_WORDS = {"voicemail", "messagerie", "messagerie vocale", "boîte vocale", "boite vocale"}
SHORT_NUMBER = re.compile(r"^[0-9]{2,10}$")


@dataclass(frozen=True)
class Destination:
    """A typed destination: ``kind`` and, for numbers and extensions, ``value``."""

    kind: Kind
    value: str = ""

    @classmethod
    def voicemail(cls) -> Destination:
        return cls("voicemail")

    @property
    def text(self) -> str:
        """The form of the destination that :func:`parse_destination` reads back."""
        return "voicemail" if self.kind == "voicemail" else self.value

    @property
    def display(self) -> str:
        """How an agent reads it: numbers in their national format."""
        if self.kind == "number":
            return national(self.value)
        return self.text

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "value": self.value}


def parse_destination(raw: Any, region: str) -> Destination:
    """Read a destination from text or a ``{"kind", "value"}`` mapping.

    Text: a voicemail word, a phone number valid for ``region`` (or international) written
    as that country writes it, or 2 to 10 digits that are no such number (an extension or
    an internal short number). Raises :class:`ValueError` when it is none of them.
    """
    if isinstance(raw, Destination):
        return raw
    if isinstance(raw, dict):
        kind = raw.get("kind")
        value = str(raw.get("value") or "").strip()
        if kind == "voicemail":
            return Destination.voicemail()
        if kind == "number":
            return Destination("number", to_e164(value, region))
        if kind == "extension" and SHORT_NUMBER.match(value):
            return Destination("extension", value)
        raise ValueError(raw)
    text = str(raw).strip()
    if text.lower() in VOICEMAIL_WORDS:
        return Destination.voicemail()
    compact = re.sub(r"[\s.\-()]", "", text)
    try:
        number = to_e164(text, region)
    except InvalidNumber:
        number = None
    if number is not None and not lacks_national_prefix(compact, number):
        return Destination("number", number)
    if SHORT_NUMBER.match(compact):
        return Destination("extension", compact)
    raise ValueError(text)


def number_region_and_type(e164: str) -> tuple[str, str]:
    """The region (ISO code) and the phonenumbers type name of a valid E.164 number."""
    return region_and_type(e164)


class DestinationField(fields.Field):
    """A :class:`Destination`, parsed for the schema's ``region`` (see ``RegionalSchema``)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any):
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        region = getattr(self.root, "region", None) or "ZZ"
        if isinstance(value, dict) and value.get("kind") in ("number", "extension") \
                and not str(value.get("value") or "").strip():
            raise ValidationError(_l("Give the number or the extension to send calls to."))
        try:
            return parse_destination(value, region)
        except (ValueError, InvalidNumber) as exc:
            if isinstance(value, dict) and value.get("kind") == "number":
                raise ValidationError(_l(
                    "“%(value)s” is not a phone number.", value=str(value.get("value")))) \
                    from exc
            if isinstance(value, dict) and value.get("kind") == "extension":
                raise ValidationError(_l(
                    "“%(value)s” is not an extension: 2 to 10 digits.",
                    value=str(value.get("value")))) from exc
            raise ValidationError(_l(
                "“%(value)s” is not a destination: write “voicemail”, a phone number or "
                "an extension.", value=value if isinstance(value, str) else str(value),
            )) from exc

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any):
        if isinstance(value, dict) and value.get("kind") in KINDS:  # as stored in JSON
            value = Destination(value["kind"], str(value.get("value") or ""))
        return value.text if isinstance(value, Destination) else value

    def display_text(self, value: Any) -> str:
        """How the agent reads a dumped destination: voicemail in its language."""
        return gettext(N_("voicemail")) if value == "voicemail" else str(value or "")
