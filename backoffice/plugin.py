"""The one module a carrier plugin imports: everything core offers to carriers.

A carrier package (the four in ``plugins/`` and any installed from elsewhere) imports only
from here, and its tests from here and :mod:`backoffice.testing`; a test enforces it. What
is not listed in ``__all__`` is core's own business and may change without notice. Each
name is documented in ``docs/plugins.md``.
"""

from __future__ import annotations

from backoffice.core.blacklist.anonymous import FLAG as ANONYMOUS_FLAG
from backoffice.core.blacklist.anonymous import (
    read_anonymous_rejection,
    set_anonymous_rejection,
)
from backoffice.core.blacklist.blocked_numbers import add_blocked, list_blocked
from backoffice.core.blacklist.blocks import (
    anonymous_calls_block,
    blocked_numbers_block,
    rules_block,
)
from backoffice.core.blacklist.rules import add_rule, list_rules
from backoffice.core.blacklist.screening import (
    anonymous_rejection_steps,
    blocked_number_steps,
    rule_steps,
)
from backoffice.core.blocks import Block, CollectionBlock, SettingsBlock
from backoffice.core.calendars.models import Calendar
from backoffice.core.calendars.service import (
    CalendarUser,
    calendar_block,
    calendars_of,
    create_calendar,
    register_calendar_user,
)
from backoffice.core.call_log.blocks import call_log_email_block
from backoffice.core.call_log.records import carried_calls, record_call
from backoffice.core.calling.caller_id import caller_id_block
from backoffice.core.calling.caller_id import presentation as caller_id_presentation
from backoffice.core.calling.dnd import do_not_disturb_block, do_not_disturb_on
from backoffice.core.calling.grid import GridRejected, grid_rows, save_grid
from backoffice.core.calling.outgoing import Reach, reach
from backoffice.core.calling.permissions import (
    call_permissions_block,
    countries,
    permission_steps,
    profile_of,
)
from backoffice.core.calling.permissions import read as read_permissions
from backoffice.core.calling.store import OptionsBlock, options_block, switch_block, switch_on
from backoffice.core.carrier_plugin import CallStage, CarrierPlugin, Rule
from backoffice.core.carriers import carrier_country, offer_of, offers
from backoffice.core.changes import Change, add_row, apply_change, assign_to, delete_all
from backoffice.core.codes import register_codes
from backoffice.core.company_numbers.service import company_numbers_block
from backoffice.core.conferences.blocks import conferences_block, participants_block
from backoffice.core.conferences.history import purge_recordings
from backoffice.core.conferences.service import add_conference, add_participant
from backoffice.core.declarations import (
    CallContext,
    CallStep,
    Carrier,
    FeatureOffer,
    LineState,
    PageLink,
    Plan,
    PlannedFeature,
)
from backoffice.core.destinations import Destination, DestinationField, number_region_and_type
from backoffice.core.devices.blocks import (
    assignments_block,
    keys_block,
    line_device_block,
    phone_bank_block,
    softphones_block,
)
from backoffice.core.devices.service import lines_with_phones
from backoffice.core.directory.books import (
    add_book,
    address_book_contacts_block,
    address_books_block,
)
from backoffice.core.directory.books import add_contact as add_book_contact
from backoffice.core.directory.contacts import add_contact, external_contacts_block
from backoffice.core.directory.phones import phone_contacts_block
from backoffice.core.e911.blocks import e911_addresses_block, e911_location_block
from backoffice.core.errors import N_, ChangeRejected, NotOffered, Violation
from backoffice.core.fax.blocks import fax_number_block
from backoffice.core.fax.service import faxes_page, send_fax
from backoffice.core.forwarding.checks import destination_violations as destination_checks
from backoffice.core.forwarding.checks import required as required_when_on
from backoffice.core.forwarding.explain import (
    forward_step,
    forwarding_steps,
    line_rules,
    why_forwarded,
)
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.forwarding.models import RING_MODES, Forwarding
from backoffice.core.forwarding.numbers import add_number, numbers_block
from backoffice.core.forwarding.service import effective_states, forwarding_of, save_forwarding
from backoffice.core.forwarding.trigger_form import TriggerForm
from backoffice.core.groups.blocks import (
    hunt_group_block,
    hunt_group_members_block,
    hunt_group_memberships_block,
    pickup_groups_block,
)
from backoffice.core.groups.call_pickup import call_pickup_block, call_pickup_steps
from backoffice.core.groups.explain import distribution_steps, membership_steps, pickup_steps
from backoffice.core.groups.hunt_groups import effective_settings as group_settings
from backoffice.core.groups.hunt_groups import members_of, memberships
from backoffice.core.hookspecs import hookimpl
from backoffice.core.ivr.announcements import announcements_block
from backoffice.core.ivr.explain import menu_steps
from backoffice.core.ivr.keys import ivr_keys_block
from backoffice.core.ivr.menus import ivr_block
from backoffice.core.limits import (
    AddressBookLimits,
    AnnouncementLimits,
    AppearanceLimits,
    AudioLimits,
    BlacklistLimits,
    Bounds,
    CalendarLimits,
    CallerIdLimits,
    CallLogLimits,
    CallPermissionLimits,
    ConferenceLimits,
    DefaultRule,
    DeviceLimits,
    DeviceModel,
    DirectoryLimits,
    E911Limits,
    FaxLimits,
    ForwardingLimits,
    HolidaySpec,
    HuntGroupLimits,
    IvrLimits,
    KeyLimits,
    LimitError,
    LineLimits,
    NumberLimits,
    PhoneContactsLimits,
    PickupGroupLimits,
    PttLimits,
    PttScanLimits,
    RestrictionProfile,
    RingBounds,
    SiteLimits,
    SoftphoneLimits,
    SwitchLimits,
    UserLimits,
    VoicemailLimits,
    said,
)
from backoffice.core.lines import FoundLine, find_line
from backoffice.core.media.fields import AudioField
from backoffice.core.media.models import AudioFile
from backoffice.core.media.service import (
    audio_checks,
    audio_limits,
    find_audio,
    store_audio,
)
from backoffice.core.media.uploads import attach_uploads
from backoffice.core.models import (
    AuditRecord,
    Line,
    ProvisioningOrder,
    Site,
    Tenant,
    TenantOwned,
    Versioned,
)
from backoffice.core.network import LINE_STATUSES, Network, Outcome, SandboxNetwork
from backoffice.core.phone import InvalidNumber, national, national_regions, to_e164
from backoffice.core.provisioning import network_for
from backoffice.core.ptt.blocks import (
    contacts_block,
    messaging_block,
    scan_list_block,
    scanning_block,
    sub_lists_block,
    talk_groups_block,
)
from backoffice.core.rowsecurity import disable as disable_row_security
from backoffice.core.rowsecurity import enable as enable_row_security
from backoffice.core.schemas import BaseSchema, PhoneNumber
from backoffice.core.structure import AccountSection
from backoffice.core.users.assignment import assigned_lines_block
from backoffice.core.users.models import TenantUser
from backoffice.core.users.service import users_block
from backoffice.core.voicemail.blocks import voicemail_block, voicemail_messages_block
from backoffice.core.voicemail.contents import (
    leave_message,
    mailbox_state,
    purge_expired,
    record_greeting,
)
from backoffice.core.voicemail.explain import no_answer_steps as no_answer_voicemail_steps
from backoffice.core.voicemail.service import saved_mailbox
from backoffice.extensions import db
from backoffice.lookups import line_or_404, tenant_or_404

__all__ = [
    # the contract
    "hookimpl", "CarrierPlugin", "Rule", "CallStage",
    # declarations and typed limits
    "Carrier", "Plan", "FeatureOffer", "PlannedFeature", "PageLink", "AccountSection",
    "ForwardingLimits", "RingBounds", "DefaultRule", "BlacklistLimits", "SwitchLimits",
    "CalendarLimits", "HolidaySpec", "LineLimits", "SiteLimits", "DirectoryLimits",
    "ConferenceLimits", "AddressBookLimits", "PhoneContactsLimits", "FaxLimits",
    "DeviceLimits", "DeviceModel", "KeyLimits", "SoftphoneLimits",
    "E911Limits", "PttLimits", "PttScanLimits", "CallerIdLimits", "CallPermissionLimits",
    "RestrictionProfile", "AudioLimits", "VoicemailLimits", "HuntGroupLimits",
    "PickupGroupLimits", "Bounds", "IvrLimits", "AnnouncementLimits", "CallLogLimits",
    "AppearanceLimits", "LimitError", "said", "UserLimits", "NumberLimits",
    # refusals and translation
    "Violation", "ChangeRejected", "NotOffered", "N_", "register_codes",
    # what a carrier offers a tenant
    "offer_of", "offers", "carrier_country",
    # models and the change pipeline
    "db", "Tenant", "Site", "Line", "TenantOwned", "Versioned", "ProvisioningOrder",
    "AuditRecord",
    "find_line", "FoundLine",
    # in a carrier's migrations: its tenant-owned tables behind the carrier scope
    "enable_row_security", "disable_row_security",
    "Change", "apply_change", "assign_to", "add_row", "delete_all",
    # blocks
    "Block", "SettingsBlock", "CollectionBlock", "SettingsSchema", "BaseSchema",
    # the call-path explainer
    "CallContext", "CallStep", "LineState",
    # the carrier's network
    "Network", "Outcome", "SandboxNetwork", "network_for", "LINE_STATUSES",
    # the call log: calls the network carried, and its e-mail
    "call_log_email_block", "record_call", "carried_calls",
    # phone numbers and destinations
    "to_e164", "InvalidNumber", "national", "national_regions", "Destination",
    "DestinationField", "number_region_and_type",
    # the forwarding toolkit
    "TriggerForm", "Forwarding", "RING_MODES", "forwarding_of", "effective_states",
    "save_forwarding", "forwarding_steps", "forward_step", "line_rules", "why_forwarded",
    "destination_checks", "required_when_on", "numbers_block", "add_number",
    # the calendar toolkit
    "Calendar", "calendar_block", "calendars_of", "create_calendar", "CalendarUser",
    "register_calendar_user",
    # the blacklist toolkit
    "rules_block", "blocked_numbers_block", "anonymous_calls_block", "rule_steps",
    "blocked_number_steps", "anonymous_rejection_steps", "list_rules", "add_rule",
    "list_blocked", "add_blocked", "read_anonymous_rejection", "set_anonymous_rejection",
    "ANONYMOUS_FLAG",
    # the company directory
    "external_contacts_block", "add_contact",
    # address books
    "address_books_block", "address_book_contacts_block", "add_book", "add_book_contact",
    # users and the company's numbers
    "users_block", "assigned_lines_block", "TenantUser", "company_numbers_block",
    "phone_contacts_block",
    # devices and their keys
    "line_device_block", "keys_block", "phone_bank_block", "assignments_block",
    "softphones_block", "lines_with_phones",
    # audio conferences
    "conferences_block", "participants_block", "add_conference", "add_participant",
    "purge_recordings",
    # faxes
    "fax_number_block", "send_fax", "faxes_page",
    # the emergency-address toolkit
    "e911_addresses_block", "e911_location_block",
    # the push-to-talk toolkit
    "contacts_block", "sub_lists_block", "talk_groups_block", "scanning_block",
    "scan_list_block", "messaging_block",
    # the calling-options toolkit
    "OptionsBlock", "options_block", "switch_block", "switch_on", "caller_id_block",
    "caller_id_presentation", "do_not_disturb_block", "do_not_disturb_on",
    "call_permissions_block", "read_permissions", "profile_of", "permission_steps",
    "countries", "Reach", "reach", "grid_rows", "save_grid", "GridRejected",
    # the voice-menu toolkit
    "ivr_block", "ivr_keys_block", "announcements_block", "menu_steps",
    # the audio toolkit (greetings, announcements)
    "AudioField", "AudioFile", "audio_checks", "audio_limits", "find_audio", "store_audio",
    "attach_uploads",
    # the voicemail toolkit
    "voicemail_block", "voicemail_messages_block", "no_answer_voicemail_steps",
    "mailbox_state", "leave_message", "record_greeting", "purge_expired", "saved_mailbox",
    "PhoneNumber",
    # the group toolkit
    "hunt_group_block", "hunt_group_members_block", "hunt_group_memberships_block",
    "pickup_groups_block",
    "distribution_steps", "membership_steps", "pickup_steps", "members_of", "memberships",
    "group_settings",
    "call_pickup_block", "call_pickup_steps",
    # pages of a carrier's own
    "tenant_or_404", "line_or_404",
]
