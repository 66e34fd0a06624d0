"""SFR lines: what a line of each plan takes (guide 004 §3.1.1, §3.2, §9.4); a new line
needs one of its plan available in the offer (§2.2.1, ``offer``).

- a user line's @mail is "unique et fonctionnelle" (§3.1.1, §3.2.1): no two lines of the
  customer share one, whatever its case;
- a fixed line is associated with a mobile line of the same customer (§3.2.2 "la ligne
  mobile doit être souscrite pour la même raison sociale", §9.4 "la liste des numéros
  mobiles de l'entreprise"): its associated number is a "mobile" line of the customer;
- a "mobile" line takes a mobile number; the fixed, fixed-number-for-mobile and analogue
  plans take a geographic number (01 to 05) (§3.1.1, §3.2.1, §3.3.1).

Not checked: "un numéro fixe géographique dont la zone (ZNE) correspond à celle de
l'adresse du site". The ZNE of an address is ARCEP's table of communes per zone, which
neither the guide nor phonenumbers carries: phonenumbers names only the main town of a
number's zone (Grasse for 04 83 05 01 73), which a site in another commune of the same
zone would not match.
"""

from __future__ import annotations

from typing import Any

from backoffice.plugin import (
    N_,
    Line,
    Tenant,
    Violation,
    find_line,
    national,
    number_region_and_type,
    register_codes,
)
from plugins.sfr import offer

register_codes({
    "line.associated_number.not_mobile": N_("The associated number is not a line of the "
                                            "plan named in `limit`."),
})

ASSOCIATED_PLAN = {"fixe": "mobile", "fixe_mobile": "mobile"}
"""Plan -> the plan of the line its associated number must be (§3.2.2, §9.4)."""
NUMBER_TYPES = {
    "mobile": ("MOBILE", "FIXED_LINE_OR_MOBILE"),
    "fixe": ("FIXED_LINE", "FIXED_LINE_OR_MOBILE"),
    "fixe_mobile": ("FIXED_LINE", "FIXED_LINE_OR_MOBILE"),
    "analogique": ("FIXED_LINE", "FIXED_LINE_OR_MOBILE"),
}
"""Plan -> the phonenumbers types its number may have."""
NUMBER_MESSAGES = {
    "mobile": N_("%(value)s is not a mobile number: a “Ligne mobile avec option PABX” line "
                 "takes a mobile number (06, 07)."),
    "fixed": N_("%(value)s is not a geographic number (01 to 05): a line of this plan is "
                "activated with a geographic fixed number."),
}


def validate_line(*, tenant: Tenant, line: Line | None, data: dict[str, Any]) -> list[Violation]:
    """A unique @mail, a mobile line as associated number, a number of the plan's type."""
    merged = {**_current(line), **data}
    return [*_email_violations(tenant, line, data.get("email")),
            *_association_violations(tenant, merged),
            *_number_violations(merged),
            *offer.plan_violations(tenant, line, merged)]


def _current(line: Line | None) -> dict[str, Any]:
    if line is None:
        return {}
    return {"plan": line.plan, "number": line.number,
            "associated_number": line.associated_number}


def _email_violations(tenant: Tenant, line: Line | None, email: str | None) -> list[Violation]:
    if not email:
        return []
    if find_line(tenant, "email", email, casefold=True, exclude=line) is None:
        return []
    return [Violation(
        code="line.email.duplicate", field="email", params={"value": email},
        message=N_("“%(value)s” is already the @mail of another line of this customer: each "
                   "user has a unique @mail, their sign-in to the user selfcare."))]


def _association_violations(tenant: Tenant, merged: dict[str, Any]) -> list[Violation]:
    wanted = ASSOCIATED_PLAN.get(merged.get("plan"))
    number = merged.get("associated_number")
    if wanted is None or not number:
        return []
    found = find_line(tenant, "number", number)
    if found is not None and found.plan == wanted:
        return []
    return [Violation(
        code="line.associated_number.not_mobile", field="associated_number",
        params={"value": national(number)}, limit=wanted,
        message=N_("%(value)s is not a mobile line of this customer: a fixed line is "
                   "associated with one of the customer's “Ligne mobile avec option PABX” "
                   "lines."))]


def _number_violations(merged: dict[str, Any]) -> list[Violation]:
    plan, number = merged.get("plan"), merged.get("number")
    types = NUMBER_TYPES.get(plan)
    if types is None or not number or number_region_and_type(number)[1] in types:
        return []
    kind = "mobile" if plan == "mobile" else "fixed"
    return [Violation(code="line.number.not_allowed", field="number", limit=list(types),
                      params={"value": national(number)}, message=NUMBER_MESSAGES[kind])]
