"""SFR's table of allowed and forbidden forwarding destinations (guide 004 §6.14).

The table, as data (``DESTINATION_POLICY``), checked with phonenumbers' types and regions:

- allowed: national geographic 01-05, non-geographic 09 and mobile 06/07 numbers (French
  numbers of the ``number_types``, the overseas departments' ranges included: 0590, 0262,
  0694...), internal short numbers of 4 to 9 digits written without a prefix
  (``internal_digits``), international numbers of the ``regions``;
- forbidden: emergency numbers (``shortnumberinfo.is_emergency_number``), special short
  numbers 10XY, 3BPQ, 118XYZ, which the table writes "préfixés par 0 pour sortir" (the
  ``outgoing_prefix`` followed by a valid short number), special long numbers 08AB
  (toll-free, shared cost, premium rate... types), other international numbers.

Reading chosen: "zone Euro" cannot mean the euro currency (Poland and Switzerland do not use
it) so it is read as SFR's "Europe" calling zone: every country bordering metropolitan
France (Belgium, Luxembourg, Germany, Switzerland, Italy, Monaco, Andorra, Spain), plus
Poland and the Netherlands. The table's "Format" column tells short numbers apart: without
a prefix they are internal numbers; with the outgoing prefix 0 they leave the company, and
the only short numbers that do so are the forbidden special ones.
"""

from __future__ import annotations

from typing import Any

import phonenumbers
from phonenumbers import shortnumberinfo

from backoffice.plugin import (
    N_,
    Destination,
    Violation,
    national,
    national_regions,
    number_region_and_type,
    register_codes,
)

register_codes({
    "<feature>.<field>.emergency_number": N_("The destination is an emergency number."),
    "<feature>.<field>.outside_zone": N_("The destination is an international number "
                                         "outside the allowed zone (`limit` lists it)."),
    "<feature>.<field>.prefixed_short_number": N_("The destination starts with the "
                                                  "outgoing prefix but is not a national "
                                                  "number."),
    "multi_line_ring.numbers.not_allowed": N_("A number is of a type calls cannot ring "
                                              "(`limit` lists the types allowed)."),
    "multi_line_ring.numbers.outside_zone": N_("A number is international, outside the "
                                               "allowed zone (`limit` lists it)."),
})

DESTINATION_POLICY: dict[str, Any] = {
    "regions": ["FR", "BE", "LU", "DE", "CH", "IT", "MC", "AD", "ES", "PL", "NL"],
    "number_types": ["FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE", "VOIP"],
    "internal_digits": {"min": 4, "max": 9},
    "outgoing_prefix": "0",
    "emergency_numbers": "forbidden",
    "special_short_numbers": "forbidden",
}
HOME_REGION = "FR"
SPECIAL_NUMBER_MESSAGES = {
    "TOLL_FREE": N_("%(value)s is a toll-free number (08AB): calls cannot be forwarded to "
                    "special numbers."),
    "SHARED_COST": N_("%(value)s is a shared-cost number (08AB): calls cannot be forwarded "
                      "to special numbers."),
    "PREMIUM_RATE": N_("%(value)s is a premium-rate number (08AB): calls cannot be forwarded "
                       "to special numbers."),
}
OTHER_SPECIAL_NUMBER = N_("%(value)s is a special number, neither geographic (01 to 05), "
                          "mobile (06, 07) nor 09: calls cannot be forwarded to special "
                          "numbers.")


def destination_violations(feature: str, field: str, destination: Destination | None,
                           policy: dict[str, Any] = DESTINATION_POLICY) -> list[Violation]:
    """The rows of the table that forbid ``destination``, each saying which row it is."""
    if destination is None or destination.kind == "voicemail":
        return []
    if destination.kind == "extension":
        return _short_number_violations(feature, field, destination.value, policy)
    region, type_name = number_region_and_type(destination.value)
    if type_name not in policy["number_types"]:
        return [Violation(
            code=f"{feature}.{field}.not_allowed", field=field, limit=policy["number_types"],
            params={"value": _shown(destination.value)},
            message=SPECIAL_NUMBER_MESSAGES.get(type_name, OTHER_SPECIAL_NUMBER))]
    if region not in national_regions(HOME_REGION) and region not in policy["regions"]:
        return [Violation(
            code=f"{feature}.{field}.outside_zone", field=field, limit=policy["regions"],
            params={"value": destination.value, "regions": ", ".join(policy["regions"])},
            message=N_("%(value)s is an international number outside the allowed European "
                       "zone (%(regions)s): calls cannot be forwarded there."))]
    return []


def _shown(e164: str) -> str:
    """A French number as the guide writes it (national), a foreign one in E.164."""
    region = phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    return national(e164) if region in national_regions(HOME_REGION) else e164


def _short_number_violations(feature: str, field: str, digits: str,
                             policy: dict[str, Any]) -> list[Violation]:
    prefix = policy["outgoing_prefix"]
    dialled = digits[len(prefix):] if digits.startswith(prefix) else None
    if any(number and shortnumberinfo.is_emergency_number(number, HOME_REGION)
           for number in (digits, dialled)):
        return [Violation(
            code=f"{feature}.{field}.emergency_number", field=field, params={"value": digits},
            message=N_("%(value)s is an emergency number: calls cannot be forwarded to "
                       "emergency numbers."))]
    if dialled is not None and _is_short_number(dialled):
        return [Violation(
            code=f"{feature}.{field}.not_allowed", field=field,
            params={"value": digits, "number": dialled, "prefix": prefix},
            message=N_("%(value)s is the special short number %(number)s dialled with the "
                       "outgoing prefix %(prefix)s: calls cannot be forwarded to special "
                       "short numbers (10XY, 3BPQ, 118XYZ)."))]
    if dialled is not None:
        return [Violation(
            code=f"{feature}.{field}.prefixed_short_number", field=field,
            params={"value": digits, "prefix": prefix},
            message=N_("%(value)s starts with the outgoing prefix %(prefix)s but is not a "
                       "national number of 10 digits; internal short numbers are written "
                       "without a prefix."))]
    bounds = policy["internal_digits"]
    if not bounds["min"] <= len(digits) <= bounds["max"]:
        return [Violation(
            code=f"{feature}.{field}.out_of_range", field=field, limit=bounds,
            params={"value": digits, **bounds},
            message=N_("%(value)s is neither a phone number nor an internal short number "
                       "(%(min)s to %(max)s digits, without a prefix)."))]
    return []


def _is_short_number(digits: str) -> bool:
    parsed = phonenumbers.parse(digits, HOME_REGION)
    return shortnumberinfo.is_valid_short_number_for_region(parsed, HOME_REGION)
