"""SFR's sandbox: the fixed/mobile association is acknowledged at once but is effective only
later (guide 004 §9.4.2: "L'association de la ligne sera effective dans un délai maximum
d'1h"): its order stays pending with the expected time, then is applied.

The simulated delay is ``SFR_ASSOCIATION_DELAY`` seconds (app config), never more than the
declared ``LineLimits.association_within_minutes``; by default that whole hour.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask

from backoffice.plugin import (
    N_,
    AuditRecord,
    Outcome,
    ProvisioningOrder,
    SandboxNetwork,
    Tenant,
    db,
    offer_of,
)


class SfrSandbox(SandboxNetwork):
    def __init__(self, app: Flask):
        super().__init__(app)
        self.association_delay: float | None = app.config.get("SFR_ASSOCIATION_DELAY")

    def accept(self, order: ProvisioningOrder) -> Outcome:
        if order.object_type == "line" and _associates(order):
            expected = self.expected_at(order)
            if datetime.now(UTC) < expected:
                return Outcome(False, N_("Acknowledged: the association with the mobile line "
                                         "is effective within an hour at most."),
                               expected_at=expected)
            return Outcome(True, N_("The association with the mobile line is effective."))
        if order.object_type == "device_keys" and order.payload.get("restart"):
            # guide 004 §6.17: "La validation entraîne alors un redémarrage automatique"
            return Outcome(True, N_("Applied; the phone restarts automatically to take its "
                                    "keys."))
        if order.object_type == "device" and order.action == "delete":
            # guide 004 §9.3: "le poste IP peut être remis en configuration usine"
            return Outcome(True, N_("Applied; the phone is no longer associated with the "
                                    "line and can be reset to its factory settings."))
        return Outcome(True, N_("Applied at once."))

    def expected_at(self, order: ProvisioningOrder) -> datetime:
        """When the association is effective: the order's creation plus the simulated
        delay, at most the declared maximum."""
        tenant = db.session.get(Tenant, order.tenant_id)
        limit = offer_of(tenant, "lines").limits.association_within_minutes
        delay = limit * 60.0
        if self.association_delay is not None:
            delay = min(float(self.association_delay), delay)
        created = order.created_at
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        return created + timedelta(seconds=delay)


def _associates(order: ProvisioningOrder) -> bool:
    """Whether the order's change gives the line a new associated number."""
    audit = db.session.get(AuditRecord, order.audit_id) if order.audit_id else None
    if audit is None or not audit.after:
        return False
    new = audit.after.get("associated_number")
    return bool(new) and new != (audit.before or {}).get("associated_number")
