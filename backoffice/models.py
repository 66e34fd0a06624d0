"""Every model of the application, imported so that the metadata (and Alembic) sees them all.

A core feature adds its models module here. A carrier's own models are imported with
its plugin, which the app factory loads before anything touches the database.
"""

from backoffice.core.forwarding import models as forwarding_models  # noqa: F401 (+ calendars)
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Site, Tenant

__all__ = ["AuditRecord", "Line", "ProvisioningOrder", "Site", "Tenant"]
