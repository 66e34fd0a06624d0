"""SFR's table of allowed and forbidden forwarding destinations (guide 004 §6.14).

The table, as data (``DESTINATION_POLICY``), checked with phonenumbers' types and regions:

- allowed: national geographic 01-05, non-geographic 09 and mobile 06/07 numbers (French
  numbers of the ``number_types``), internal short numbers of 4 to 9 digits
  (``internal_digits``), international numbers of the ``regions``;
- forbidden: emergency numbers (``shortnumberinfo.is_emergency_number``), special short
  numbers 10XY, 3BPQ, 118XYZ (valid short numbers), special long numbers 08AB (toll-free,
  shared cost, premium rate... types), other international numbers.

Reading chosen: "zone Euro" cannot mean the euro currency (Poland and Switzerland do not use
it) so it is read as SFR's "Europe" calling zone: every country bordering metropolitan
France (Belgium, Luxembourg, Germany, Switzerland, Italy, Monaco, Andorra, Spain), plus
Poland and the Netherlands.
"""

from __future__ import annotations

from typing import Any

import phonenumbers
from phonenumbers import shortnumberinfo

from backoffice.plugin import N_, Destination, Violation, number_region_and_type

DESTINATION_POLICY: dict[str, Any] = {
    "regions": ["FR", "BE", "LU", "DE", "CH", "IT", "MC", "AD", "ES", "PL", "NL"],
    "number_types": ["FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE", "VOIP"],
    "internal_digits": {"min": 4, "max": 9},
    "emergency_numbers": "forbidden",
    "special_short_numbers": "forbidden",
}
HOME_REGION = "FR"


def destination_violations(feature: str, field: str, destination: Destination | None,
                           policy: dict[str, Any] = DESTINATION_POLICY) -> list[Violation]:
    """The rows of the table that forbid ``destination``."""
    if destination is None or destination.kind == "voicemail":
        return []
    if destination.kind == "extension":
        return _short_number_violations(feature, field, destination.value, policy)
    region, type_name = number_region_and_type(destination.value)
    if type_name not in policy["number_types"]:
        return [Violation(
            code=f"sfr.{feature}.special_number", field=field, limit=policy["number_types"],
            params={"value": destination.display},
            message=N_("%(value)s is a special number (such as 08AB numbers): calls cannot "
                       "be forwarded to special numbers."))]
    if region not in policy["regions"]:
        return [Violation(
            code=f"sfr.{feature}.outside_zone", field=field, limit=policy["regions"],
            params={"value": destination.value, "regions": ", ".join(policy["regions"])},
            message=N_("%(value)s is an international number outside the allowed European "
                       "zone (%(regions)s): calls cannot be forwarded there."))]
    return []


def _short_number_violations(feature: str, field: str, digits: str,
                             policy: dict[str, Any]) -> list[Violation]:
    if shortnumberinfo.is_emergency_number(digits, HOME_REGION):
        return [Violation(
            code=f"sfr.{feature}.emergency_number", field=field, params={"value": digits},
            message=N_("%(value)s is an emergency number: calls cannot be forwarded to "
                       "emergency numbers."))]
    parsed = phonenumbers.parse(digits, HOME_REGION)
    if shortnumberinfo.is_valid_short_number_for_region(parsed, HOME_REGION):
        return [Violation(
            code=f"sfr.{feature}.special_number", field=field, params={"value": digits},
            message=N_("%(value)s is a special short number (10XY, 3BPQ, 118XYZ): calls "
                       "cannot be forwarded to special numbers."))]
    bounds = policy["internal_digits"]
    if not bounds["min"] <= len(digits) <= bounds["max"]:
        return [Violation(
            code=f"sfr.{feature}.internal_number_length", field=field, limit=bounds,
            params={"value": digits, **bounds},
            message=N_("%(value)s is neither a phone number nor an internal short number "
                       "(%(min)s to %(max)s digits)."))]
    return []
