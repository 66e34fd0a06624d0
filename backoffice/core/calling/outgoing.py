"""Outgoing calls: where a dialled number goes, and what ends the path of a line's call.

``reach`` tells which kind of call a dialled number is for the line that dials it
(internal, emergency, toll-free, national, long distance, international), with
phonenumbers' regions and types; carriers' permission stages read it. ``connect_step`` ends
an outgoing call that nothing refused: it goes out, and the callee sees the line's
caller-ID presentation.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from flask_babel import gettext
from phonenumbers import shortnumberinfo
from sqlalchemy import or_, select

from backoffice.core.calling import caller_id
from backoffice.core.carriers import carrier_country, offer_of, offers
from backoffice.core.declarations import CallContext, CallStep
from backoffice.core.models import Line, Tenant
from backoffice.core.phone import national, national_regions
from backoffice.extensions import db

CORE_SECTION = "DESIGN.md §6"
NANP_MAINLAND = ("CA", "US")
"""Regions of country code 1 that dial each other as long distance, not international."""


@dataclass(frozen=True)
class Reach:
    """What kind of call a dialled number is: ``kind`` and the number's ``region``."""

    kind: str  # internal, emergency, short, toll_free, national, long_distance, international
    region: str | None = None
    number_type: str | None = None
    internal_line: Line | None = None


def domestic_regions(country: str) -> tuple[str, ...]:
    """The regions a call from ``country`` reaches without being international."""
    home = national_regions(country)
    return (*home, *(r for r in NANP_MAINLAND if r not in home)) if country in NANP_MAINLAND \
        else home


def internal_line(tenant: Tenant, dialled: str) -> Line | None:
    """The customer's line that has this number or extension, if any."""
    return db.session.scalar(select(Line).where(
        Line.tenant_id == tenant.id,
        or_(Line.number == dialled, Line.extension == dialled)).limit(1))


def reach(tenant: Tenant, line: Line, dialled: str) -> Reach:
    """The kind of call ``dialled`` (E.164, or digits as typed) is for ``line``."""
    country = carrier_country(tenant)
    target = internal_line(tenant, dialled)
    if target is not None:
        return Reach("internal", internal_line=target)
    if not dialled.startswith("+"):
        if shortnumberinfo.is_emergency_number(dialled, country):
            return Reach("emergency", country)
        return Reach("short", country)
    parsed = phonenumbers.parse(dialled, None)
    region = phonenumbers.region_code_for_number(parsed)
    type_name = _type_name(parsed)
    if region not in domestic_regions(country):
        return Reach("international", region, type_name)
    if type_name == "TOLL_FREE":
        return Reach("toll_free", region, type_name)
    if parsed.country_code == 1 and _long_distance(line, parsed, country):
        return Reach("long_distance", region, type_name)
    return Reach("national", region, type_name)


def _type_name(parsed: phonenumbers.PhoneNumber) -> str:
    kind = phonenumbers.number_type(parsed)
    return next(name for name, value in vars(phonenumbers.PhoneNumberType).items()
                if value == kind and name.isupper())


def _long_distance(line: Line, parsed: phonenumbers.PhoneNumber, country: str) -> bool:
    """A North American number is long distance outside the line's own area code (or in
    another country of the plan): the reading kept, the plan's local calling areas being
    finer than the area code and not known to phonenumbers."""
    if phonenumbers.region_code_for_number(parsed) != country or not line.number:
        return phonenumbers.region_code_for_number(parsed) != country
    own = phonenumbers.parse(line.number, None)
    area = phonenumbers.length_of_geographical_area_code(own) or 3
    return str(own.national_number)[:area] != str(parsed.national_number)[:area]


def emergency_steps(call: CallContext) -> list[CallStep]:
    """An emergency number always goes out, whatever the line's restrictions."""
    return [CallStep("connect", gettext(
        "%(number)s is an emergency number: emergency calls always go out, whatever the "
        "line's restrictions.", number=call.dialled), CORE_SECTION, target=call.dialled or "",
        final=True, code="outgoing.emergency")]


def connect_step(tenant: Tenant, line: Line, call: CallContext) -> CallStep:
    """Nothing refused the call: it goes out, and the callee sees the presentation."""
    dialled = national(call.dialled) if (call.dialled or "").startswith("+") else call.dialled
    if offers(tenant, caller_id.FEATURE, line):
        shown, why = caller_id.presentation(tenant, line)
        section = _section(tenant)
    else:
        shown = line.number or ""
        why = gettext("The callee sees the line's number %(number)s.",
                      number=national(line.number)) if line.number else ""
        section = CORE_SECTION
    return CallStep("connect", " ".join(filter(None, (gettext(
        "The call to %(number)s goes out.", number=dialled), why))), section, target=shown,
        final=True, code="outgoing.connect")


def _section(tenant: Tenant) -> str:
    return offer_of(tenant, caller_id.FEATURE).guide_section or CORE_SECTION
