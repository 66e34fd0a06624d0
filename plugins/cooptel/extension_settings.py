"""Cooptel extension settings (guide 003 §9.1, §9.2, §10): do not disturb, what a caller
hears while the user is on the phone, language, hold music; the administration settings
(recording, pickup, directory listing, long-distance and international calls, caller ID);
the quick-edit grid of §10.2 over them.

Readings chosen where the guide is silent: the hold-music choices are Arcade's usual ones
(default, none), the permissions default to "Illimité", recording and pickup to off and
the directory listing to on; "while the user is on the phone" applies when forwarding did
not already take the call.
"""

from __future__ import annotations

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import select

from backoffice.plugin import (
    N_,
    CallContext,
    CallStep,
    Line,
    SettingsSchema,
    Tenant,
    call_permissions_block,
    caller_id_block,
    db,
    do_not_disturb_block,
    do_not_disturb_on,
    offers,
    options_block,
    permission_steps,
)

CHOOSE = _l("Choose one of: {choices}.")
GUIDE = "003_1f8630d8cbff8d99.txt"
SETTINGS = f"{GUIDE} §9.1"
ADMIN = f"{GUIDE} §9.2"
QUICK_EDIT = f"{GUIDE} §10"
BUSY_BEHAVIOURS = {"ring": N_("Let it ring (default)"),
                   "message": N_("Play a message saying the user is on the phone"),
                   "voicemail": N_("Send the second call to voicemail")}
LANGUAGES = {"fr": N_("French"), "en": N_("English")}
HOLD_MUSIC = {"default": N_("Default hold music"), "none": N_("No hold music (silence)")}


class CooptelExtensionSettingsSchema(SettingsSchema):
    language = fields.String(
        load_default="fr", validate=validate.OneOf(list(LANGUAGES), error=CHOOSE),
        metadata={"label": N_("Default language"), "choice_labels": LANGUAGES})
    hold_music = fields.String(
        load_default="default", validate=validate.OneOf(list(HOLD_MUSIC), error=CHOOSE),
        metadata={"label": N_("Hold music"), "choice_labels": HOLD_MUSIC})
    busy_behaviour = fields.String(
        load_default="ring", validate=validate.OneOf(list(BUSY_BEHAVIOURS), error=CHOOSE),
        metadata={"label": N_("When the user is already on the phone"),
                  "choice_labels": BUSY_BEHAVIOURS})
    version = fields.Integer(dump_only=True)


class CooptelAdminSettingsSchema(SettingsSchema):
    record_incoming = fields.Boolean(load_default=False,
                                     metadata={"label": N_("Record incoming calls")})
    record_outgoing = fields.Boolean(load_default=False,
                                     metadata={"label": N_("Record outgoing calls")})
    pickup = fields.Boolean(load_default=False, metadata={"label": N_("Call pickup")})
    directory = fields.Boolean(load_default=True,
                               metadata={"label": N_("List in the directory")})
    version = fields.Integer(dump_only=True)


SETTINGS_BLOCK = options_block(
    id="extension-settings", feature="extension_settings", title=N_("Extension settings"),
    schema=lambda tenant: CooptelExtensionSettingsSchema(), guide_section=SETTINGS)
DND_BLOCK = do_not_disturb_block(guide_section=SETTINGS)
ADMIN_BLOCK = options_block(
    id="admin-settings", feature="admin_settings", title=N_("Administration settings"),
    schema=lambda tenant: CooptelAdminSettingsSchema(), guide_section=ADMIN)
PERMISSIONS_BLOCK = call_permissions_block(
    guide_section=ADMIN, title=N_("Long-distance and international calls"))
CALLER_ID_BLOCK = caller_id_block(guide_section=ADMIN, title=N_("Caller ID settings"))
BLOCKS = (SETTINGS_BLOCK, DND_BLOCK, ADMIN_BLOCK, PERMISSIONS_BLOCK, CALLER_ID_BLOCK)
QUICK_EDIT_BLOCKS = tuple(block.id for block in BLOCKS)


def do_not_disturb_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """§9.1: with do not disturb on, the caller hears the busy tone."""
    if not do_not_disturb_on(tenant, line):
        return []
    return [CallStep("busy_tone", gettext(
        "Do not disturb is on: the caller hears a tone saying the phone is busy."),
        SETTINGS, final=True, code="cooptel.do_not_disturb")]


def busy_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """§9.1 "Activer le message indiquant si l'usager est au téléphone": a second call while
    the user is on the phone rings, hears a message, or goes to voicemail."""
    if call.state != "busy" or not offers(tenant, SETTINGS_BLOCK.feature, line):
        return []
    behaviour = SETTINGS_BLOCK.read(tenant, line)["busy_behaviour"]
    if behaviour == "message":
        return [CallStep("announcement", gettext(
            "The user is on the phone: the caller hears a message saying so."), SETTINGS,
            final=True, code="cooptel.busy.message")]
    if behaviour == "voicemail":
        return [CallStep("voicemail", gettext(
            "The user is on the phone: the second call goes to the voicemail box."), SETTINGS,
            target="voicemail", final=True, code="cooptel.busy.voicemail")]
    return [CallStep("ring", gettext(
        "The user is on the phone and the extension lets a second call ring (the default)."),
        SETTINGS, final=True, code="cooptel.busy.ring")]


def permissions_stage(*, call: CallContext, tenant: Tenant, line: Line) -> list[CallStep]:
    """§9.2: long-distance and international calls disabled, with a code, or unlimited."""
    return permission_steps(call=call, tenant=tenant, line=line, guide_section=ADMIN)


def load_demo(factory, tenant: Tenant) -> None:
    """Sophie's calls show the company's name and her number (§9.2); Luc dials long
    distance freely and abroad with an access code. Skipped once set."""
    lines = {line.extension: line for line in db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id))}
    sophie, luc = lines.get("101"), lines.get("102")
    settings = [
        (sophie, CALLER_ID_BLOCK, {"mode": "alternate", "name": "Fromagerie Lac",
                                   "number": "514 907-3400"}),
        (luc, PERMISSIONS_BLOCK, {"long_distance": "unlimited", "international": "code",
                                  "international_code": "2468"}),
        (luc, SETTINGS_BLOCK, {"language": "fr", "hold_music": "default",
                               "busy_behaviour": "voicemail"}),
    ]
    for line, block, values in settings:
        if line is not None and block.read(tenant, line)["version"] is None:
            block.write(tenant, line, values)
            factory.created += 1
