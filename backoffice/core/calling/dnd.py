"""Do not disturb: a per-line switch (``SwitchLimits``: off or on until set).

What a call meets while it is on is each carrier's: its call stage reads
:func:`do_not_disturb_on` (the caller hears a busy tone, or the line's busy forwarding
takes the call...).
"""

from __future__ import annotations

from backoffice.core.calling import store
from backoffice.core.carriers import offers
from backoffice.core.errors import N_
from backoffice.core.models import Line, Tenant

FEATURE = "do_not_disturb"


def do_not_disturb_block(*, guide_section: str, title: str = N_("Do not disturb"),
                         block_id: str = "do-not-disturb") -> store.OptionsBlock:
    """The line's do-not-disturb switch."""
    return store.switch_block(id=block_id, feature=FEATURE, title=title,
                              label=N_("Do not disturb"), guide_section=guide_section)


def do_not_disturb_on(tenant: Tenant, line: Line) -> bool:
    """Whether do not disturb is on for the line (never, where it is not offered)."""
    return offers(tenant, FEATURE, line) and store.switch_on(tenant, line, FEATURE)
