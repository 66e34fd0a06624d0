"""The backoffice's test kit, for the tests of any carrier package.

Its pytest plugin (:mod:`backoffice.testing.fixtures`, registered through the ``pytest11``
entry point) gives every test session the fixtures ``database_url``, ``make_app``, ``app``,
``client``, ``agent_client`` and ``redis_url``, and the markers ``postgres``, ``redis`` and
``browser``. This module re-exports what a carrier's tests need from the core, beside the
helpers of :mod:`backoffice.testing.helpers`: carrier tests import from here and from their
own carrier package only.
"""

import pytest

# Before the helpers are imported, so that their asserts explain themselves.
pytest.register_assert_rewrite("backoffice.testing.auth", "backoffice.testing.helpers",
                              "backoffice.testing.conformance", "backoffice.testing.probes")

from backoffice.core.declarations import CallContext  # noqa: E402
from backoffice.core.errors import ChangeRejected, NotOffered  # noqa: E402
from backoffice.core.explainer import explain_call  # noqa: E402
from backoffice.core.line_status import statuses_of  # noqa: E402
from backoffice.core.lines import create_line  # noqa: E402
from backoffice.core.models import AuditRecord, ProvisioningOrder  # noqa: E402
from backoffice.core.tenants import create_site, create_tenant  # noqa: E402
from backoffice.extensions import db  # noqa: E402
from backoffice.testing.helpers import (  # noqa: E402
    agent_request,
    block,
    call,
    carrier,
    count,
    dial,
    path,
    rejected,
    row_counts,
    screened,
    shown,
)

__all__ = [
    "AuditRecord",
    "CallContext",
    "ChangeRejected",
    "NotOffered",
    "ProvisioningOrder",
    "agent_request",
    "block",
    "call",
    "carrier",
    "count",
    "create_line",
    "create_site",
    "create_tenant",
    "db",
    "dial",
    "explain_call",
    "path",
    "rejected",
    "row_counts",
    "screened",
    "shown",
    "statuses_of",
]
