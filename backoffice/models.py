"""Every model of the application, imported so that the metadata (and Alembic) sees them all.

A core feature adds its models module here. A carrier's own models are imported with
its plugin, which the app factory loads before anything touches the database.
"""

from backoffice.core.blacklist.models import BlacklistRule, BlockedNumber, LineFlag
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Site, Tenant

__all__ = ["AuditRecord", "BlacklistRule", "BlockedNumber", "Line", "LineFlag",
           "ProvisioningOrder", "Site", "Tenant"]
