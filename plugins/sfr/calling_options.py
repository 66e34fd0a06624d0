"""SFR line services of §6.2 to §6.5 and §6.8 (guide 004): caller-ID presentation, automatic
callback on busy, call-restriction profiles, do not disturb, distinctive ring.

The limits are data (``carrier.py``: ``PROFILES`` below is §6.4's table); this module holds
the blocks, the classification of a dialled number into the table's columns, and the
call-path stages: do not disturb (after screening, it relies on busy forwarding) and the
restriction profile of an outgoing call.

Readings chosen where the extracted table is unclear: the "Fixe National" profiles have
three marks, read as Interne, Fixes and free special numbers (the profile's name excludes
mobiles); a "Fermeture" day closes every call outside the company (internal calls stay
allowed, the "Interne" column being marked on every profile); numbers of the overseas
departments fall in the "Eur Dom tom" column, and "Eur" is SFR's European zone of the
forwarding table (``destinations.DESTINATION_POLICY``). Emergency numbers always go out
(core's explainer), the guide not listing them.
"""

from __future__ import annotations

import re

from flask_babel import gettext
from sqlalchemy import select

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    RestrictionProfile,
    Tenant,
    call_permissions_block,
    caller_id_block,
    db,
    do_not_disturb_block,
    do_not_disturb_on,
    forward_step,
    line_rules,
    national_regions,
    offers,
    profile_of,
    reach,
    switch_block,
)
from plugins.sfr.destinations import DESTINATION_POLICY, HOME_REGION

GUIDE = "004_1c65287363dc7b18.txt"
CALLER_ID = f"{GUIDE} §6.2"
CALLBACK = f"{GUIDE} §6.3"
RESTRICTION = f"{GUIDE} §6.4"
DND = f"{GUIDE} §6.5"
DISTINCTIVE_RING = f"{GUIDE} §6.8"

_NATIONAL = ("internal", "fixed", "mobile")
_FREE = (*_NATIONAL, "special_free")
_EUR = (*_FREE, "europe_overseas")
PROFILES = (
    RestrictionProfile("fixe_mob_gratuits_eur_dom_7_7",
                       "Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7", _EUR),
    RestrictionProfile("fixe_mob_gratuits_eur_dom_l_s",
                       "Fixe+Mob Nat+Num spcx gratuits+Eur-DOM L-S", _EUR, (7,)),
    RestrictionProfile("fixe_mob_gratuits_eur_dom_l_v",
                       "Fixe+Mob Nat+Num spcx gratuits+Eur-DOM L-V", _EUR, (6, 7)),
    RestrictionProfile("fixe_mob_speciaux_eur_dom_7_7", "Fixe+Mob Nat+Num spéciaux+Eur-DOM 7/7",
                       (*_EUR, "special_paid")),
    RestrictionProfile("fixe_national_7_7", "Fixe National 7/7",
                       ("internal", "fixed", "special_free")),
    RestrictionProfile("fixe_national_l_v", "Fixe National L-V",
                       ("internal", "fixed", "special_free"), (6, 7)),
    RestrictionProfile("interne_7_7", "Interne 7/7", ("internal",)),
    RestrictionProfile("sans_restriction", "Sans restriction",
                       (*_EUR, "special_paid", "international")),
)
DEFAULT_PROFILE = "sans_restriction"
FREE_SHORT_NUMBERS = re.compile(r"123|900|907|950|102[345]|3[01]\d\d|116\d{3}")
PAID_SHORT_NUMBERS = re.compile(r"10\d\d|118\d{3}|3\d{3}")
FREE_LONG_PREFIX = "+3380"  # 080BPQ
INTERNAL_DIGITS = DESTINATION_POLICY["internal_digits"]
CLASS_WORDS = {
    "internal": N_("an internal call"), "fixed": N_("a national fixed number"),
    "mobile": N_("a national mobile number"),
    "special_free": N_("a free special number"), "special_paid": N_("a paid special number"),
    "europe_overseas": N_("a number in Europe or the overseas departments"),
    "international": N_("an international number outside Europe"),
}

BLOCKS = (
    caller_id_block(guide_section=CALLER_ID, title=N_("Caller ID presentation")),
    switch_block(id="busy-callback", feature="busy_callback",
                 title=N_("Automatic callback on busy"),
                 label=N_("Automatic callback on busy"), guide_section=CALLBACK),
    call_permissions_block(guide_section=RESTRICTION, title=N_("Call restriction profile"),
                           block_id="call-restriction"),
    do_not_disturb_block(guide_section=DND),
    switch_block(id="distinctive-ring", feature="distinctive_ring",
                 title=N_("Distinctive ring for internal and external calls"),
                 label=N_("Distinctive ring for internal and external calls"),
                 guide_section=DISTINCTIVE_RING),
)


def call_class(tenant: Tenant, line: Line, dialled: str) -> str:
    """The column of §6.4's table a dialled number falls in."""
    where = reach(tenant, line, dialled)
    if where.kind == "internal":
        return "internal"
    if not dialled.startswith("+"):
        digits = dialled[1:] if dialled.startswith("0") and len(dialled) > 3 else dialled
        if FREE_SHORT_NUMBERS.fullmatch(digits):
            return "special_free"
        if PAID_SHORT_NUMBERS.fullmatch(digits):
            return "special_paid"
        if INTERNAL_DIGITS["min"] <= len(dialled) <= INTERNAL_DIGITS["max"]:
            return "internal"
        return "special_paid"
    region = where.region
    if region == HOME_REGION:
        if where.number_type in ("FIXED_LINE", "VOIP", "FIXED_LINE_OR_MOBILE"):
            return "fixed"
        if where.number_type == "MOBILE":
            return "mobile"
        return "special_free" if dialled.startswith(FREE_LONG_PREFIX) else "special_paid"
    if region in national_regions(HOME_REGION) or region in DESTINATION_POLICY["regions"]:
        return "europe_overseas"
    return "international"


def restriction_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """§6.4: the line's profile lets the dialled number's column out, on that day."""
    if not call.dialled or not offers(tenant, "call_permissions", line):
        return []
    profile = profile_of(tenant, line)
    if profile is None:
        return []
    column = call_class(tenant, line, call.dialled)
    words = gettext(CLASS_WORDS[column])
    if column != "internal" and call.moment.isoweekday() in profile.closed_weekdays:
        return [CallStep("reject", gettext(
            "The restriction profile “%(profile)s” closes calls outside the company on this "
            "day: the call to %(kind)s does not go out.", profile=profile.label, kind=words),
            RESTRICTION, final=True, code="sfr.call_restriction.closed")]
    if column not in profile.allows:
        return [CallStep("reject", gettext(
            "The restriction profile “%(profile)s” does not allow %(kind)s: the call does "
            "not go out.", profile=profile.label, kind=words), RESTRICTION, final=True,
            code=f"sfr.call_restriction.{column}")]
    return [CallStep("allow", gettext(
        "The restriction profile “%(profile)s” allows %(kind)s.", profile=profile.label,
        kind=words), RESTRICTION, code="sfr.call_restriction.allowed")]


def do_not_disturb_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """§6.5: with do not disturb on, busy forwarding takes every call; without it, the call
    does not go through."""
    if not do_not_disturb_on(tenant, line):
        return []
    busy = line_rules(tenant, line).get("busy")
    if busy is not None and busy.enabled:
        return [forward_step(busy, gettext(
            "Do not disturb is on: the line relies on forwarding on busy, which is on."),
            section=DND, code="sfr.do_not_disturb.busy_forwarding")]
    return [CallStep("reject", gettext(
        "Do not disturb is on and forwarding on busy is off: the call does not go through."),
        DND, final=True, code="sfr.do_not_disturb")]


def load_demo(factory, tenant: Tenant) -> None:
    """Antoine Pinson's line: §6.2's example (it shows the reception's number, so that
    customers call the reception back) and restricted to weekdays (§6.4). Do not disturb
    (§6.5) stays off: his line plays its greeting and rings (§6.10). Skipped once set."""
    lines = {line.number: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    pinson = lines.get("+33483050172")
    settings = [(pinson, "caller-id", {"mode": "alternate", "number": "04 83 05 01 75"}),
                (pinson, "call-restriction", {"profile": "fixe_mob_gratuits_eur_dom_l_v"})]
    blocks = {block.id: block for block in BLOCKS}
    for line, block_id, values in settings:
        block = blocks[block_id]
        if line is not None and block.read(tenant, line)["version"] is None:
            block.write(tenant, line, values)
            factory.created += 1
