"""Problem codes: the one catalog of every stable ``code`` an error answer (or one of its
``errors``) may carry, with its meaning.

Every code reads ``<object>.<field>.<reason>``, in snake_case: the object the refusal is
about (``line``, ``forwarding``, ``blacklist_rule``, ``request`` for the request itself,
``auth`` for who makes it), the field it names (a dotted path, or ``item`` when it is
about the whole object) and why (``required``, ``invalid``, ``too_many``, ``in_use``...).
No carrier name: a carrier's rule refuses a field of an object, like core's do.

In the catalog, a part in angle brackets stands for what varies: ``<object>``,
``<field>``, ``<trigger>`` (a forwarding trigger), ``<feature>``, ``<status>``. Core's
codes are registered here; a carrier registers its own reasons with
:func:`register_codes` (reusing a generic reason is better).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from backoffice.core.errors import N_

_NAME = r"[a-z][a-z0-9_]*"
_PART = r"[a-z0-9_]+"
#: A concrete code: object, field (a dotted path), reason.
SCHEME = re.compile(rf"{_NAME}\.{_PART}(?:\.{_PART})*\.{_NAME}")
_PLACEHOLDER = re.compile(r"<[a-z_]+>")

_CATALOG: dict[str, str] = {}


def follows_scheme(code: str) -> bool:
    """Whether ``code`` (or a catalog pattern, its placeholders filled) reads
    ``<object>.<field>.<reason>``."""
    return SCHEME.fullmatch(_PLACEHOLDER.sub("x", code)) is not None


def register_codes(codes: Mapping[str, str]) -> None:
    """Add codes to the catalog: each code (placeholders allowed) with its meaning, an
    English msgid marked with ``N_``. A code already registered keeps its meaning."""
    for code, meaning in codes.items():
        if not follows_scheme(code):
            raise ValueError(f"{code!r} does not read <object>.<field>.<reason>")
        if _CATALOG.get(code, meaning) != meaning:
            raise ValueError(f"{code!r} is already registered with another meaning")
        _CATALOG[code] = meaning


def catalog() -> dict[str, str]:
    """Every registered code with its meaning (the msgid), sorted by code."""
    return dict(sorted(_CATALOG.items()))


def code_for(object_type: str, field: str, reason: str) -> str:
    """The code of a refusal of ``field`` (a dotted path, possibly written by the client)
    of ``object_type``, the field made snake_case (``item`` when there is none)."""
    part = re.sub(r"[^a-z0-9_.]+", "_", field.lower())
    part = re.sub(r"\.{2,}", ".", part).strip("._") or "item"
    return f"{object_type}.{part}.{reason}"


def _pattern(code: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(code)
    return re.compile(r"[a-z0-9_.]+".join(re.escape(part) for part in parts))


def is_known(code: str) -> bool:
    """Whether a concrete ``code`` is in the catalog, as itself or through a pattern."""
    return code in _CATALOG or any(
        _pattern(pattern).fullmatch(code) for pattern in _CATALOG if "<" in pattern)


register_codes({
    # Any object: the change pipeline and the schemas.
    "<object>.<field>.invalid": N_("The value is not valid: its type, format, length or "
                                   "choice (from the object's schema, or an unknown field)."),
    "<object>.<field>.required": N_("The field is required."),
    "<object>.version.conflict": N_("412: someone changed the object since it was read "
                                    "(`changed_by`, `changed_at`); read it again."),
    "<object>.item.duplicate": N_("A value that must be unique is already used by another "
                                  "record."),
    "<object>.item.out_of_range": N_("A value is too long or out of range for storage."),
    "<feature>.item.in_use": N_("409: the item is used elsewhere (by a forwarding rule, a "
                                "calendar...), so it is kept."),
    "change.item.rejected": N_("The change was refused."),
    # The request itself.
    "request.<field>.invalid": N_("A query parameter is out of range, or not a number."),
    "request.<field>.invalid_character": N_("The text holds a character that cannot be "
                                            "stored (a NUL, a control character)."),
    "request.body.invalid": N_("400: the body is not a JSON object."),
    "request.body.too_deep": N_("400: the JSON body nests deeper than `limit` levels."),
    "request.body.too_large": N_("400: the body is larger than `limit` bytes."),
    "request.item.not_found": N_("404: no such resource, or not the agent's to see."),
    "request.feature.not_offered": N_("404: the customer's carrier does not offer the "
                                      "feature (on this line's plan)."),
    "request.method.not_allowed": N_("405: the method is not answered here (`Allow`)."),
    "request.if_match.required": N_("428: send the ETag you read in If-Match."),
    "request.http.<status>": N_("Another HTTP error, named by its status "
                                "(`request.http.bad_request`...)."),
    "server.request.failed": N_("500: an error on the server's side; nothing was saved "
                                "(`request_id`)."),
    # Who makes the request.
    "auth.token.invalid": N_("401: no bearer token or session, or an unknown token."),
    "auth.token.revoked": N_("401: the token was revoked."),
    "auth.agent.inactive": N_("401: the agent's account is deactivated."),
    "auth.session.expired": N_("401: the session has expired; sign in again."),
    "auth.role.forbidden": N_("403: the agent's role does not allow this."),
    "auth.role.read_only": N_("403: the agent's role only reads."),
    "auth.role.not_admin": N_("403: only administrators manage agents."),
    "auth.login.throttled": N_("429: too many sign-in attempts (`limit`, `Retry-After`)."),
    "auth.csrf_token.missing": N_("400: the form was sent without its security token."),
    "auth.csrf_token.expired": N_("400: the page has expired."),
    "auth.csrf_token.invalid": N_("400: the form's security token is invalid."),
    # Agents, customers, sites, lines.
    "agent.<field>.invalid": N_("The agent's e-mail, password, role, carrier or `active` "
                                "flag is refused."),
    "tenant.name.duplicate": N_("Another customer has this name."),
    "tenant.carrier_id.unknown": N_("No such carrier."),
    "tenant.carrier_id.forbidden": N_("The agent may not create customers of this "
                                      "carrier."),
    "site.name.duplicate": N_("Another site of the customer has this name."),
    "site.<field>.set_once": N_("Only the site's name can change; its address is kept "
                                "(changing it would be a move)."),
    "site.name.automatic": N_("The automatic site, which is not a physical one, keeps its "
                              "name."),
    "site.id.automatic": N_("The automatic site, which is not a physical one, cannot be "
                            "deleted."),
    "site.lines.not_empty": N_("The site still has lines (the message says how many): it "
                               "cannot be deleted."),
    "line.site_id.not_allowed": N_("The automatic site holds the lines of some plans and only "
                                   "them (`limit` lists the plans)."),
    "line.<field>.duplicate": N_("Another line of the customer has this number, extension "
                                 "or e-mail."),
    "line.<field>.set_once": N_("The field is set when the line is created, and kept."),
    "line.extension.reserved": N_("The extension is reserved by the carrier (`limit` lists "
                                  "them)."),
    "line.plan.unknown": N_("The plan is not one of the carrier's."),
    "line.site_id.unknown": N_("The site is not one of the customer's."),
    "line.site.unknown": N_("The imported row's site is not one of the customer's."),
    "line.number.not_allowed": N_("The number's type does not fit the line's plan "
                                  "(`limit` lists the types allowed)."),
    # Line imports.
    "line_import.file.required": N_("No file was sent."),
    "line_import.file.unsupported_format": N_("The file is neither CSV nor XLSX."),
    "line_import.file.empty": N_("The file is empty."),
    "line_import.file.unreadable": N_("The file cannot be read."),
    "line_import.file.bad_encoding": N_("The CSV file is not UTF-8."),
    "line_import.file.bad_columns": N_("Columns are missing or unknown."),
    "line_import.file.too_many_rows": N_("The file has more rows than `limit`."),
    "line_import.file.formula": N_("A cell holds a formula."),
    "line_import.file.no_rows": N_("The file has a header but no row."),
    "line_import.status.not_ready": N_("409: the import's check found errors, or it has "
                                       "started already."),
    # Forwarding.
    "forwarding.<field>.not_offered": N_("This trigger, rule or destination kind is not "
                                         "offered (on this plan); `limit` lists what is."),
    "forwarding.<field>.not_allowed": N_("The destination is a number calls cannot be "
                                         "forwarded to (`limit` lists the types allowed)."),
    "forwarding.<field>.out_of_range": N_("The value is out of bounds (`limit`)."),
    "forwarding.<field>.not_in_list": N_("The number is not in the line's phone-number "
                                         "list."),
    "forwarding.<field>.unknown_extension": N_("No line of the customer has this "
                                               "extension."),
    "forwarding.<field>.own_line": N_("A line cannot forward to itself."),
    "forwarding.<field>.unknown": N_("The calendar is not one of the customer's."),
    "forwarding.<field>.exclusive": N_("This kind of forwarding cannot be on together with "
                                       "another one that is on."),
    "forwarding.<trigger>_new_calendar.duplicate": N_("A calendar of this name exists."),
    "forwarding.<trigger>_end.same_as_start": N_("The end time is the start time."),
    "forwarding_number.number.duplicate": N_("The number is already in the list."),
    "forwarding_number.number.in_use": N_("The number is used by the line's forwarding."),
    # Call blocking.
    "blacklist_rule.digits.duplicate": N_("A rule with these digits exists."),
    "blocked_number.number.duplicate": N_("The number is already blocked."),
    "blocked_number.number.too_many": N_("The list is full (`limit`)."),
    # Devices and their keys.
    "device.mac.duplicate":
        N_("Another device of the customer has this MAC address."),
    "device.model.plan":
        N_("This type of hardware is not offered for the line's plan (`limit` lists the types)."),
    "device_keys.keys.no_keys":
        N_("The line has no phone, or its model has no programmable keys."),
    "device_keys.keys.too_many":
        N_("More keys than the phone's programmable keys (`limit`)."),
    "device_keys.kind.order":
        N_("A key sits before the keys of an earlier category (`limit` lists the categories "
           "in order)."),
    "device_keys.kind.too_many":
        N_("More keys of this kind than the carrier allows (`limit`)."),
    "device_keys.line_id.plan":
        N_("The watched line's plan cannot be supervised (`limit` lists the plans)."),
    "device_keys.line_id.unknown":
        N_("The line is not one of the customer's."),
    "phone_assignment.device_id.duplicate":
        N_("The phone is already assigned to the extension: change its line keys."),
    "phone_assignment.device_id.fixed":
        N_("The phone of an assignment cannot change; remove it and assign the other phone."),
    "phone_assignment.device_id.unknown":
        N_("The phone is not in the customer's bank."),
    "phone_assignment.line_keys.duplicate":
        N_("A line key is already used on the phone by another extension."),
    "phone_assignment.line_keys.gap":
        N_("A line key would be left empty at the start or between extensions."),
    "phone_assignment.line_keys.required":
        N_("Choose at least one line key."),
    "phone_assignment.line_keys.too_many":
        N_("A line key past the model's line keys (`limit`)."),
    # Company directory and conferences.
    "external_contact.number.duplicate": N_("The number is already in the company directory."),
    "external_contact.item.too_many": N_("The company directory is full (`limit`)."),
    "address_book.name.duplicate": N_("Another shared address book has this name."),
    "address_book.owner_line_id.duplicate":
        N_("The user already has a personal address book (one per user)."),
    "address_book.owner_line_id.locked":
        N_("A book stays shared or personal, and a personal book stays its user's."),
    "address_book.owner_line_id.unknown": N_("The user is not one of the customer's."),
    "address_book.visible_to.personal": N_("A personal address book is seen by its user only."),
    "address_book.visible_to.unknown": N_("A user is not one of the customer's."),
    "address_book_contact.book_id.unknown":
        N_("The address book is not one of the customer's."),
    "address_book_contact.number.separators":
        N_("The number is typed with spaces or dashes, which the carrier refuses."),
    "phone_contact.entry.duplicate":
        N_("The contact is already on the phone."),
    "phone_contact.entry.unknown":
        N_("Neither an extension of the company nor a contact of a book the phone's user sees."),
    "phone_contact.favourite.not_extension":
        N_("Only the company's extensions can be favourites."),
    "phone_contact.position.duplicate":
        N_("Another contact of the phone has this position."),
    "conference.duration_minutes.too_long":
        N_("A one-time conference lasts at most `limit` minutes."),
    "conference.web_broadcast.not_allowed":
        N_("A permanent conference cannot be broadcast on the web."),
    "conference_participant.conference_id.unknown":
        N_("The conference is not one of the customer's."),
    "conference_participant.email.duplicate":
        N_("This e-mail is already invited to the conference."),
    # Call log.
    "call_log.<field>.not_offered":
        N_("The carrier's call log cannot be selected by this filter."),
    "call_log_email.<field>.required":
        N_("Sending the call log needs an e-mail address, and its day for a week or a "
           "month."),
    # Users and company numbers.
    "line.user_id.unknown": N_("The user is not one of the customer's."),
    "user.email.duplicate": N_("The e-mail is already another user's."),
    "user.email.set_once": N_("The e-mail given when the user was created cannot change."),
    "user.extension.unknown": N_("No line of the customer has this extension."),
    "user.extension.not_allowed": N_("The line of this extension is not one a user holds."),
    "user.extension.taken": N_("The extension is already assigned to another user."),
    "user.item.too_many": N_("The customer has as many users as allowed (`limit`)."),
    "company_number.number.duplicate": N_("The number is already the customer's."),
    "company_number.extension.required": N_("A number routed to an extension needs one."),
    "company_number.extension.unknown": N_("No line of the customer has this extension."),
    "company_number.item.too_many":
        N_("The customer has as many company numbers as allowed (`limit`)."),
    # Appearance.
    "appearance.logo.format": N_("The logo is not an image of the formats `limit` lists."),
    "appearance.logo.too_wide": N_("A side of the logo has more than `limit` pixels."),
    # Faxes.
    "fax.document.not_pdf": N_("The file is not a PDF document, whatever its name says."),
    "fax.document.encrypted": N_("The PDF document is encrypted (protected by a password)."),
    "fax.document.damaged": N_("The PDF document cannot be read, or has no page."),
    "fax.document.landscape":
        N_("A page (named in the message) is in landscape; `limit` lists the page sizes "
           "accepted, in portrait."),
    "fax.document.page_size":
        N_("A page (named in the message) is of another size than those `limit` lists."),
    "fax.sender_fax.not_of_tenant":
        N_("The sending fax number is not one of the customer's fax numbers."),
    "fax.sender_phone.not_of_tenant":
        N_("The sending phone number is not one of the customer's numbers."),
    # 9-1-1 addresses and Push-to-Talk.
    "e911_address.id.current": N_("The current address cannot be deleted."),
    "e911_location.outside.not_offered": N_("The carrier offers no location outside the country."),
    "ptt_<list>.name.duplicate": N_("Another sub-list or talk group of this kind has this name."),
    "ptt_<list>.members.unknown": N_("A member is not a contact of the master list."),
    "ptt_scan_entry.group_id.unknown": N_("The talk group is not one of the customer's."),
    "ptt_scan_entry.group_id.not_member": N_("The device is not a member of the talk group."),
    "ptt_scan_entry.group_id.duplicate": N_("The talk group is already on the scan list."),
    "ptt_messaging.location_services.locked": N_("Location services cannot be removed."),
    # Calling options and the quick-edit grid.
    "caller_id.name.too_long":
        N_("The caller-ID name is longer than the carrier allows (`limit`)."),
    "caller_id.number.not_of_tenant":
        N_("The alternate number must be one of the customer's line numbers."),
    "call_permissions.blocked_countries.unknown": N_("Not a country international calls reach."),
    "quick_edit.line_id.unknown":
        N_("A row of the quick-edit grid names a line that is not the customer's."),
    "<feature>.item.not_offered":
        N_("A row of the quick-edit grid sets an option its line's plan does not offer."),
    # Audio files and voicemail.
    "<object>.<field>.unreadable":
        N_("The file is no readable MP3 or WAV, whatever its name says (`limit` lists the "
           "formats)."),
    "<object>.<field>.format": N_("The audio format is not accepted here (`limit` lists them)."),
    "<object>.<field>.too_big": N_("The file is larger than `limit` bytes."),
    "<object>.<field>.too_long": N_("The value or recording is longer than `limit` allows."),
    "voicemail.<field>.unknown_extension": N_("No extension of the customer has this number."),
    "voicemail.recipient.unknown": N_("The message recipient is not a user of the customer."),
    # Groups and queues.
    "hunt_group.<field>.too_many":
        N_("The count or duration is above the carrier's maximum (`limit`)."),
    "hunt_group.<field>.too_few":
        N_("The count or duration is below the carrier's minimum (`limit`)."),
    "hunt_group.<field>.unknown":
        N_("The calendar or the audio file is not one of the customer's."),
    "hunt_group.member.duplicate": N_("The line is already a member of the group."),
    "hunt_group.member.line_fixed":
        N_("The member's line cannot be changed; remove the member and add the other line."),
    "hunt_group.member.plan":
        N_("A line of this plan cannot be a member (`limit` lists the plans)."),
    "hunt_group.member.too_many":
        N_("The group has as many members as the carrier allows (`limit`)."),
    "hunt_group.member.unknown": N_("The member is not a line of the customer."),
    "hunt_group.message_recipient.not_member":
        N_("The message recipient is not a member of the queue."),
    "pickup_group.members.other_group": N_("A line belongs to one pickup group only."),
    "pickup_group.members.other_site": N_("A member is a line of another site than the group's."),
    "pickup_group.members.plan": N_("A line of this plan cannot join a pickup group (`limit`)."),
    "pickup_group.members.unknown": N_("A member is not a line of the customer."),
    "pickup_group.name.duplicate": N_("Another pickup group has this name."),
    "pickup_group.name.special_characters": N_("The name has special characters."),
    "pickup_group.site_id.unknown": N_("The site is not one of the customer's."),
    # Voice menus and announcements.
    "announcement.name.duplicate": N_("Another announcement of the site has this name."),
    "announcement.name.in_use":
        N_("The announcement is used by a voice menu or a group (`limit` names it), so it is "
           "kept."),
    "announcement.name.reserved": N_("The name is one of the predefined announcements'."),
    "announcement.site_id.in_use":
        N_("The announcement is used on its site, so its site cannot change."),
    "announcement.site_id.unknown": N_("The site is not one of the customer's."),
    "ivr.calendar_id.unknown": N_("The calendar is not one of the customer's."),
    "ivr.line_id.unknown": N_("The line is not one of the customer's voice-menu lines."),
    "ivr_key.destination.kind":
        N_("This kind of destination is not offered at this level of the menu."),
    "ivr_key.kind.has_keys": N_("The key opens a sub-menu that still has keys."),
    "ivr_key.kind.too_deep": N_("A sub-menu cannot open another sub-menu (`limit` levels)."),
    "ivr_key.path.duplicate": N_("This key of this menu is already set."),
    "ivr_key.path.has_keys": N_("The sub-menu still has keys: remove them first."),
    "ivr_key.path.no_sub_menu": N_("The parent key does not open a sub-menu."),
    "ivr_key.path.too_deep": N_("The menu has at most `limit` levels."),
    "ivr_key.destination.unknown_extension": N_("Extension is not one of the company's."),
    "line_announcements.greeting_calendar_id.unknown":
        N_("The calendar is not one of the customer's."),
    # Calendars.
    "calendar.name.duplicate": N_("A calendar of this name exists."),
    "calendar.name.in_use": N_("The calendar is used (`limit` lists where), so it is "
                               "kept."),
    "calendar.line_id.unknown": N_("The line is not one of the customer's."),
    # The call-path explainer and provisioning orders.
    "call.<field>.invalid": N_("The explainer's line state or caller is not valid."),
    "history.<field>.invalid": N_("A day filter of the history is not a valid day in "
                                  "range."),
    "order.status.not_failed": N_("409: only a failed order is sent again."),
})
