"""Announcements kept per site for menus and groups (guide 004 §4.5, §8.1).

On a carrier whose ``AnnouncementLimits.per_site`` says so, each announcement belongs to a
site; menus and groups of that site refer to it, so replacing it changes it on every one of
them; one that nothing uses can be deleted. ``predefined`` names the carrier's own
announcements, present on every site, neither editable nor deletable: their names cannot be
taken. Features that use announcements register themselves with
:func:`register_announcement_user`, so that deletion names them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate
from sqlalchemy import select

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import offer_of, registry
from backoffice.core.changes import Change, apply_change, assign_to
from backoffice.core.errors import N_, Violation
from backoffice.core.ivr.models import Announcement
from backoffice.core.limits import AnnouncementLimits
from backoffice.core.media.fields import AudioField
from backoffice.core.media.service import audio_checks
from backoffice.core.models import Line, Site, Tenant
from backoffice.core.schemas import BaseSchema, site_choices
from backoffice.extensions import db

FEATURE = "announcements"
OBJECT_TYPE = "announcement"
IN_USE = N_("The announcement “%(name)s” cannot be deleted: it is used by %(uses)s.")


@dataclass(frozen=True)
class AnnouncementUser:
    """A feature whose objects play announcements: ``uses(announcement)`` in words."""

    uses: Callable[[Announcement], list[str]]


ANNOUNCEMENT_USERS: list[AnnouncementUser] = []


def register_announcement_user(user: AnnouncementUser) -> AnnouncementUser:
    """Make ``user``'s uses keep an announcement from being deleted (idempotent)."""
    if user not in ANNOUNCEMENT_USERS:
        ANNOUNCEMENT_USERS.append(user)
    return user


def announcement_uses(announcement: Announcement) -> list[str]:
    """What plays the announcement (menus, groups...), in words."""
    return [use for user in ANNOUNCEMENT_USERS for use in user.uses(announcement)]


def _limits(tenant: Any) -> AnnouncementLimits:
    offer = registry()[tenant.carrier_id].offer(FEATURE)
    return offer.limits if offer is not None else AnnouncementLimits()


class AnnouncementSchema(BaseSchema):
    id = fields.Integer(dump_only=True)
    name = fields.String(required=True, validate=validate.Length(
        min=1, max=80, error=_l("Between {min} and {max} characters.")),
        metadata={"label": N_("Name")})
    site_id = fields.Integer(load_default=None, allow_none=True,
                             metadata={"label": N_("Site"), "choices": site_choices})
    audio_id = AudioField(use=f"{FEATURE}.audio", load_default=None,
                          metadata={"label": N_("Recording")})
    version = fields.Integer(dump_only=True)


def announcement_schema(tenant: Any) -> Schema:
    """The schema; a carrier without per-site announcements has no site field."""
    schema = AnnouncementSchema()
    if not _limits(tenant).per_site:
        schema = AnnouncementSchema(exclude=("site_id",))
    return schema


def announcements_of(tenant: Tenant, line: Line | None = None) -> list[Announcement]:
    """The tenant's announcements, by site then name."""
    return list(db.session.scalars(select(Announcement).where(
        Announcement.tenant_id == tenant.id).order_by(Announcement.site_id, Announcement.name)))


def find_announcement(tenant: Tenant, line: Line | None, item_id: int) -> Announcement | None:
    return db.session.scalar(select(Announcement).where(
        Announcement.id == item_id, Announcement.tenant_id == tenant.id))


def announcement_choices(tenant: Any) -> list[tuple[int, str]]:
    """The tenant's announcements, named with their site where they are kept per site."""
    if not isinstance(tenant, Tenant):
        return []
    sites = {site.id: site.name for site in tenant.sites}
    return [(item.id, f"{item.name} ({sites[item.site_id]})" if item.site_id in sites
             else item.name) for item in announcements_of(tenant)]


def _checks(tenant: Tenant, existing: Announcement | None):
    limits = _limits(tenant)

    def check(data: dict[str, Any]) -> list[Violation]:
        found = []
        name = data.get("name", existing.name if existing else None)
        site_id = data.get("site_id", existing.site_id if existing else None)
        if name is not None and name.casefold() in {p.casefold() for p in limits.predefined}:
            found.append(Violation(
                code="announcement.name.reserved", field="name", limit=list(limits.predefined),
                params={"value": name, "names": ", ".join(limits.predefined)},
                message=N_("“%(value)s” is the name of a predefined announcement (%(names)s), "
                           "which cannot be replaced: choose another name.")))
        if limits.per_site and site_id is None:
            found.append(Violation(
                code="announcement.site_id.required", field="site_id",
                message=N_("Announcements are kept per site: choose the site.")))
        if site_id is not None and db.session.scalar(select(Site.id).where(
                Site.id == site_id, Site.tenant_id == tenant.id)) is None:
            found.append(Violation(code="announcement.site_id.unknown", field="site_id",
                                   message=N_("This site does not belong to this customer.")))
        found.extend(audio_checks(tenant, data.get("audio_id"), limits.audio,
                                  object_type=OBJECT_TYPE, field="audio_id"))
        if existing is not None and site_id != existing.site_id and announcement_uses(existing):
            found.append(Violation(
                code="announcement.site_id.in_use", field="site_id",
                params={"uses": "; ".join(announcement_uses(existing))},
                message=N_("The announcement is used by %(uses)s: it stays on its site.")))
        query = select(Announcement.id).where(Announcement.tenant_id == tenant.id,
                                              Announcement.site_id.is_(site_id)
                                              if site_id is None else
                                              Announcement.site_id == site_id,
                                              Announcement.name == name)
        if existing is not None:
            query = query.where(Announcement.id != existing.id)
        if name is not None and db.session.scalar(query) is not None:
            found.append(Violation(
                code="announcement.name.duplicate", field="name", params={"value": name},
                message=N_("An announcement named “%(value)s” already exists on this site.")))
        return found
    return check


def add_announcement(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> Announcement:
    """Add an announcement (a name, a recording, its site where they are kept per site)."""
    offer_of(tenant, FEATURE)

    def persist(clean: dict[str, Any]) -> Announcement:
        item = Announcement(tenant_id=tenant.id, name=clean["name"],
                            site_id=clean.get("site_id"), audio_id=clean.get("audio_id"))
        db.session.add(item)
        return item

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data,
        schema=announcement_schema(tenant), persist=persist, feature=FEATURE,
        checks=[_checks(tenant, None)]))


def change_announcement(item: Announcement, data: dict[str, Any]) -> Announcement:
    """Rename an announcement or replace its recording: every menu and group using it
    plays the new one (§4.5: "elle sera modifiée sur tous les groupements d'appels ou tous
    les AVI du site qui l'utilisent")."""
    tenant = db.session.get(Tenant, item.tenant_id)
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update", data=data,
        schema=announcement_schema(tenant), persist=assign_to(item), target=item,
        feature=FEATURE, checks=[_checks(tenant, item)]))


def _in_use(item: Announcement) -> list[Violation]:
    uses = announcement_uses(item)
    if not uses:
        return []
    return [Violation(code="announcement.name.in_use", field="name", limit=uses,
                      params={"name": item.name, "uses": "; ".join(uses)}, message=IN_USE)]


def remove_announcement(item: Announcement) -> Announcement:
    """Delete an announcement that nothing uses; the refusal names what uses it."""
    tenant = db.session.get(Tenant, item.tenant_id)

    def persist(clean: dict[str, Any]) -> Announcement:
        db.session.delete(item)
        return item

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="delete", data={}, schema=Schema(),
        persist=persist, target=item, feature=FEATURE, checks=[lambda data: _in_use(item)]))


def why_not_removable(item: Announcement) -> str | None:
    reasons = [gettext(v.message, **v.params) for v in _in_use(item)]
    return " ".join(reasons) or None


def predefined_summary(tenant: Tenant, line: Line | None) -> str:
    """The predefined announcements every site has, which the list does not hold."""
    predefined = _limits(tenant).predefined
    if not predefined:
        return ""
    return gettext("Every site also has the predefined announcements %(names)s, which can "
                   "be neither changed nor deleted.", names=", ".join(predefined))


def announcements_block(*, guide_section: str, title: str = N_("Announcements"),
                        block_id: str = "announcements") -> CollectionBlock:
    """The tenant's announcements: add, rename, delete one that nothing uses."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=announcement_schema,
        guide_section=guide_section, items=announcements_of, find=find_announcement,
        add=add_announcement, change=change_announcement, remove=remove_announcement,
        removable=why_not_removable, describe=lambda item: item.name,
        summary=predefined_summary)
