"""Every model of the application, imported so that the metadata (and Alembic) sees them all.

A core feature adds its models module here. A carrier's own models are imported with
its plugin, which the app factory loads before anything touches the database.
"""

from backoffice.auth.models import Agent, ApiToken, SecurityEvent
from backoffice.core.blacklist.models import BlacklistRule, BlockedNumber, LineFlag
from backoffice.core.bulk.models import LineImport
from backoffice.core.forwarding import models as forwarding_models  # noqa: F401 (+ calendars)
from backoffice.core.ivr.models import Announcement, Ivr, IvrKey
from backoffice.core.media.models import AudioFile
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Site, Tenant
from backoffice.specs.models import SpecResult, SpecRun

__all__ = ["Agent", "Announcement", "ApiToken", "AudioFile", "AuditRecord", "BlacklistRule",
           "BlockedNumber", "Ivr", "IvrKey", "Line", "LineFlag", "LineImport",
           "ProvisioningOrder", "SecurityEvent", "Site", "SpecResult", "SpecRun", "Tenant"]
