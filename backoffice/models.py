"""Every model of the application, imported so that the metadata (and Alembic) sees them all.

A core feature adds its models module here. A carrier's own models are imported with
its plugin, which the app factory loads before anything touches the database.
"""

from backoffice.auth.models import Agent, ApiToken, SecurityEvent
from backoffice.core.appearance.service import TenantAppearance
from backoffice.core.blacklist.models import BlacklistRule, BlockedNumber, LineFlag
from backoffice.core.bulk.models import LineImport
from backoffice.core.call_log.models import CallLogSchedule, CallRecord
from backoffice.core.calling.models import CallingOption
from backoffice.core.company_numbers.models import CompanyNumber
from backoffice.core.conferences.models import (
    Conference,
    ConferenceAttendance,
    ConferenceParticipant,
    ConferenceSession,
)
from backoffice.core.devices.models import Device, DeviceKey
from backoffice.core.directory.models import (
    AddressBook,
    AddressBookAccess,
    AddressBookContact,
    ExternalContact,
    PhoneContact,
)
from backoffice.core.e911.models import E911Address, E911Selection
from backoffice.core.fax.models import Fax
from backoffice.core.forwarding import models as forwarding_models  # noqa: F401 (+ calendars)
from backoffice.core.groups.models import HuntGroup, HuntGroupMember, PickupGroup, PickupMember
from backoffice.core.ivr.models import Announcement, Ivr, IvrKey
from backoffice.core.mail import OutgoingMail
from backoffice.core.media.models import AudioFile
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Site, Tenant
from backoffice.core.ptt.models import PttContact, PttDevice, PttList, PttMember, PttScanEntry
from backoffice.core.users.models import TenantUser
from backoffice.core.voicemail.models import Mailbox, VoicemailMessage
from backoffice.specs.models import SpecResult, SpecRun

__all__ = ["AddressBook", "AddressBookAccess", "AddressBookContact",
           "Agent", "Announcement", "ApiToken", "AudioFile", "AuditRecord", "BlacklistRule",
           "BlockedNumber", "CallLogSchedule", "CallRecord", "CallingOption", "CompanyNumber",
           "Conference", "ConferenceAttendance", "ConferenceParticipant", "ConferenceSession",
           "Device", "DeviceKey",
           "E911Address", "E911Selection", "ExternalContact", "Fax", "HuntGroup",
           "HuntGroupMember",
           "Ivr", "IvrKey", "Line", "LineFlag", "LineImport", "Mailbox", "OutgoingMail",
           "PhoneContact", "PickupGroup", "PickupMember", "ProvisioningOrder", "PttContact",
           "PttDevice", "PttList",
           "PttMember", "PttScanEntry", "SecurityEvent", "Site", "SpecResult", "SpecRun",
           "Tenant", "TenantAppearance", "TenantUser", "VoicemailMessage"]
