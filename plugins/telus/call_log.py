"""TELUS call log, "Liste d'appels" (guide 002, Portail administrateur > Liste d'appels):

- "La Liste d'appels fournit des rapports sur les télécopies et les appels entrants et
  sortants pour le numéro de l'entreprise et les postes spécifiés";
- "Sélectionnez la période, le type d'appel (entrant ou sortant), les appels bloqués ou les
  appels enregistrés";
- "Dans la colonne Type, vous verrez des icônes pour les types d'appel suivants : Appel
  entrant, Appel sortant, Appel manqué";
- "Vous pouvez faire en sorte que la Liste d'appels soit envoyée à une adresse de courriel
  chaque jour, chaque semaine ou chaque mois à un jour précis".

The calls come from the sandbox network (:meth:`SandboxNetwork.carry_call`); the demo has
the network carry a month of calls for the demo company.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from backoffice.plugin import (
    AppearanceLimits,
    CallLogLimits,
    FeatureOffer,
    Line,
    call_log_email_block,
    carried_calls,
    db,
    network_for,
)

GUIDE = "002_6093346da80557bc.txt"
SECTION = f"{GUIDE} Liste d'appels"

OFFER = FeatureOffer("call_log", "tenant", (), CallLogLimits(
    call_types=("incoming", "outgoing", "missed"), faxes=True,
    filters=("period", "call_type", "blocked", "recorded"),
    email_frequencies=("daily", "weekly", "monthly")), SECTION)
BLOCKS = (call_log_email_block(guide_section=SECTION),)
# Outils > Apparence: the guide sets no limit on the logo; the defaults (PNG, JPEG or GIF,
# 500 kB, 1000 pixels a side) are this backoffice's, said as such in the feature.
APPEARANCE = FeatureOffer("appearance", "tenant", (), AppearanceLimits(),
                          f"{GUIDE} Outils > Apparence")

DAYS = 30
CALLERS = ("+16045550188", "+17785550142", "+16135550111", "+14165550199", "+15145550123",
           "+16045550177", "+12505550166")


def load_demo(factory, tenant) -> None:
    """The network carries a month of the company's calls, once: business-hours traffic on
    weekdays, a few missed and blocked calls, some recorded, a fax now and then; and the
    log is e-mailed to Nadia every Monday."""
    if carried_calls(tenant):
        return
    lines = list(db.session.scalars(select(Line).where(
        Line.tenant_id == tenant.id, Line.plan == "user", Line.number.is_not(None))
        .order_by(Line.extension)))
    network = network_for(tenant.carrier_id)
    zone = ZoneInfo(tenant.timezone)
    pick = random.Random(f"{tenant.name}-call-log")  # the same month at every load
    today = datetime.now(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    for back in range(DAYS, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:
            continue
        for _ in range(pick.randint(6, 14)):
            line = pick.choice(lines)
            started = day + timedelta(hours=pick.randint(8, 16), minutes=pick.randint(0, 59),
                                      seconds=pick.randint(0, 59))
            outside = pick.choice(CALLERS)
            roll = pick.random()
            kind = "fax" if roll < 0.04 else "call"
            call_type = "outgoing" if roll < 0.4 else "missed" if roll > 0.88 else "incoming"
            blocked = call_type == "incoming" and pick.random() < 0.05
            caller, called = ((line.number, outside) if call_type == "outgoing"
                              else ("" if blocked and pick.random() < 0.5 else outside,
                                    line.number))
            network.carry_call(tenant, started_at=started, call_type=call_type, kind=kind,
                               caller=caller, called=called, extension=line.extension,
                               seconds=pick.randint(20, 900), blocked=blocked,
                               recorded=kind == "call" and pick.random() < 0.15)
            factory.created += 1
    db.session.commit()
    factory.created += 1
    nadia = next((line for line in lines if line.extension == "101"), None)
    BLOCKS[0].write(tenant, None, {"frequency": "weekly", "weekday": "monday",
                                   "email": nadia.email if nadia else None})

