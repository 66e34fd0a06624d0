"""The keys of a voice menu (guide 004 §3.5.1, §8.1.1; guide 002 "Paramètres de
l'Auto-réception").

Keys 1 to 9, not all required. A key of the main menu sends the call to a number or, when
the carrier's ``IvrLimits.levels`` is 2, opens a sub-menu with its own greeting; a key of a
sub-menu (path ``"21"``: key 1 of the sub-menu of key 2) sends the call to a number only.
With ``closed_menu``, each key belongs to the open-hours menu or to the closed-hours one.
Destinations are numbers or internal numbers (never voicemail); the carrier's rule for
``ivr`` checks them against its own table.
"""

from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate
from sqlalchemy import select

from backoffice.core.blocks import CollectionBlock
from backoffice.core.carriers import carrier_country
from backoffice.core.changes import Change, apply_change
from backoffice.core.destinations import DestinationField
from backoffice.core.errors import N_, Violation
from backoffice.core.ivr.announcements import announcement_choices
from backoffice.core.ivr.menus import (
    FEATURE,
    _offer,
    _tenant_wide,
    greeting_checks,
    ivr_limits,
    ivr_of,
)
from backoffice.core.ivr.models import HOURS, KEY_KINDS, Ivr, IvrKey
from backoffice.core.models import Line, Tenant
from backoffice.core.schemas import RegionalSchema
from backoffice.extensions import db

OBJECT_TYPE = "ivr_key"
PATH = re.compile(r"^[1-9]{1,2}$")
HOURS_LABELS = {"open": N_("Open hours"), "closed": N_("Closed hours")}
KIND_LABELS = {"number": N_("A number"), "menu": N_("A sub-menu")}


def key_schema(tenant: Any) -> Schema:
    """The schema of one key; hours and sub-menus only where the carrier's limits allow."""
    limits = ivr_limits(tenant)
    declared: dict[str, Any] = {"id": fields.Integer(dump_only=True)}
    if limits.closed_menu:
        declared["hours"] = fields.String(
            load_default="open", validate=validate.OneOf(
                list(HOURS), error=_l("Choose one of: {choices}.")),
            metadata={"label": N_("Menu"), "choice_labels": HOURS_LABELS})
    declared["path"] = fields.String(required=True, validate=validate.Regexp(
        PATH, error=_l("A key from 1 to 9, or two of them for a key of a sub-menu (21: key 1 "
                       "of the sub-menu of key 2).")),
        metadata={"label": N_("Key"), "help": N_(
            "1 to 9; in a sub-menu, the sub-menu's key then its own (21).")
            if limits.levels > 1 else N_("1 to 9.")})
    if limits.levels > 1:
        declared["kind"] = fields.String(
            load_default="number", validate=validate.OneOf(
                list(KEY_KINDS), error=_l("Choose one of: {choices}.")),
            metadata={"label": N_("Leads to"), "choice_labels": KIND_LABELS})
    declared["destination"] = DestinationField(
        load_default=None, allow_none=True,
        metadata={"label": N_("Number"), "kinds": ("number", "extension")})
    declared["label"] = fields.String(load_default="", validate=validate.Length(
        max=60, error=_l("At most {max} characters.")), metadata={"label": N_("Label")})
    if limits.levels > 1:
        declared["greeting_id"] = fields.Integer(load_default=None, allow_none=True, metadata={
            "label": N_("Greeting of the sub-menu"), "choices": announcement_choices})
    declared["version"] = fields.Integer(dump_only=True)
    name = "".join(part.capitalize() for part in getattr(tenant, "carrier_id", "").split("_"))
    schema_class = type(f"{name}IvrKeySchema", (RegionalSchema,), declared)
    region = carrier_country(tenant) if isinstance(tenant, Tenant) else None
    return schema_class(region=region)


def keys_of(tenant: Tenant, line: Line | None) -> list[IvrKey]:
    """The menu's keys: open hours first, each menu in key order."""
    _offer(tenant, line)
    ivr = ivr_of(tenant, line)
    if ivr is None:
        return []
    return sorted(db.session.scalars(select(IvrKey).where(IvrKey.ivr_id == ivr.id)),
                  key=lambda key: (HOURS.index(key.hours), key.path))


def find_key(tenant: Tenant, line: Line | None, item_id: int) -> IvrKey | None:
    _offer(tenant, line)
    ivr = ivr_of(tenant, line)
    if ivr is None:
        return None
    return db.session.scalar(select(IvrKey).where(IvrKey.id == item_id, IvrKey.ivr_id == ivr.id))


def _site_of(tenant: Tenant, line: Line | None, ivr: Ivr | None) -> int | None:
    if ivr is not None and ivr.line_id:
        menu_line = db.session.get(Line, ivr.line_id)
        return menu_line.site_id if menu_line else None
    return line.site_id if line is not None and not _tenant_wide(tenant) else None


def _checks(tenant: Tenant, line: Line | None, ivr: Ivr | None, existing: IvrKey | None):
    limits = ivr_limits(tenant)

    def check(data: dict[str, Any]) -> list[Violation]:
        hours = data.get("hours", existing.hours if existing else "open")
        path = data.get("path", existing.path if existing else "")
        kind = data.get("kind", existing.kind if existing else "number")
        greeting_id = data.get("greeting_id", existing.greeting_id if existing else None)
        destination = data.get("destination", existing.target if existing else None)
        found: list[Violation] = []
        if len(path) > limits.levels:
            return [Violation(
                code="ivr_key.path.too_deep", field="path", limit=limits.levels,
                params={"value": path, "max": limits.levels},
                message=N_("“%(value)s” is a key of a sub-menu, and the menus have "
                           "%(max)s level(s) only: use one key from 1 to 9.")
                if limits.levels == 1 else
                N_("“%(value)s” goes deeper than the %(max)s levels of the menus."))]
        siblings = {key.path: key for key in (db.session.scalars(select(IvrKey).where(
            IvrKey.ivr_id == ivr.id, IvrKey.hours == hours)) if ivr is not None else [])
            if existing is None or key.id != existing.id}
        if path in siblings:
            found.append(Violation(
                code="ivr_key.path.duplicate", field="path", params={"value": path},
                message=N_("Key %(value)s is already set in this menu: change it instead.")))
        if len(path) == 2:
            parent = siblings.get(path[0])
            if parent is None or parent.kind != "menu":
                found.append(Violation(
                    code="ivr_key.path.no_sub_menu", field="path",
                    params={"value": path, "key": path[0]},
                    message=N_("Key %(key)s of the main menu does not open a sub-menu, so "
                               "“%(value)s” leads nowhere: set key %(key)s to a sub-menu "
                               "first.")))
            if kind == "menu":
                found.append(Violation(
                    code="ivr_key.kind.too_deep", field="kind", limit=limits.levels,
                    message=N_("A key of a sub-menu sends the call to a number only.")))
        if kind == "menu":
            if greeting_id is None:
                found.append(Violation(
                    code="ivr_key.greeting_id.required", field="greeting_id",
                    message=N_("A sub-menu needs its own greeting, which tells the caller "
                               "its keys.")))
            found.extend(greeting_checks(tenant, _site_of(tenant, line, ivr), "greeting_id",
                                         greeting_id, "ivr_key"))
        else:
            if destination is None:
                found.append(Violation(
                    code="ivr_key.destination.required", field="destination",
                    message=N_("Give the number the key sends the call to.")))
            elif destination.kind == "voicemail":
                found.append(Violation(
                    code="ivr_key.destination.kind", field="destination",
                    message=N_("A key sends the call to a number, not to a voicemail box.")))
            if existing is not None and existing.kind == "menu" and any(
                    other.startswith(existing.path) and len(other) == 2 for other in siblings):
                found.append(Violation(
                    code="ivr_key.kind.has_keys", field="kind", params={"key": existing.path},
                    message=N_("The sub-menu of key %(key)s still has keys: delete them "
                               "first.")))
        return found
    return check


def _clean_row(key: IvrKey, clean: dict[str, Any]) -> IvrKey:
    for name, value in clean.items():
        if name == "destination":
            value = value.as_dict() if value is not None else None
        setattr(key, name, value)
    if key.kind == "menu":
        key.destination = None
    else:
        key.greeting_id = None
    return key


def add_key(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> IvrKey:
    """Set one more key of the menu (the menu is made, switched off, if it has none yet)."""
    _offer(tenant, line)
    ivr = ivr_of(tenant, line)
    tenant_wide = _tenant_wide(tenant)

    def persist(clean: dict[str, Any]) -> IvrKey:
        menu = ivr
        if menu is None:
            menu = Ivr(tenant_id=tenant.id, line_id=None if tenant_wide else line.id,
                       enabled=False)
            db.session.add(menu)
            db.session.flush()
        key = _clean_row(IvrKey(tenant_id=tenant.id, ivr_id=menu.id, hours="open",
                                kind="number"), clean)
        db.session.add(key)
        return key

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data,
        schema=key_schema(tenant), persist=persist, feature=FEATURE,
        line=None if tenant_wide else line, checks=[_checks(tenant, line, ivr, None)]))


def _context(key: IvrKey) -> tuple[Tenant, Line | None, Ivr]:
    tenant = db.session.get(Tenant, key.tenant_id)
    ivr = db.session.get(Ivr, key.ivr_id)
    line = db.session.get(Line, ivr.line_id) if ivr.line_id else None
    return tenant, line, ivr


def change_key(key: IvrKey, data: dict[str, Any]) -> IvrKey:
    """Change where a key leads (its number, its sub-menu, its label)."""
    tenant, line, ivr = _context(key)
    tenant_wide = _tenant_wide(tenant)
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="update", data=data,
        schema=key_schema(tenant), persist=lambda clean: _clean_row(key, clean), target=key,
        feature=FEATURE, line=None if tenant_wide else line,
        checks=[_checks(tenant, line, ivr, key)]))


def _sub_keys(key: IvrKey) -> list[IvrKey]:
    if key.kind != "menu":
        return []
    return [other for other in db.session.scalars(select(IvrKey).where(
        IvrKey.ivr_id == key.ivr_id, IvrKey.hours == key.hours))
        if len(other.path) == 2 and other.path.startswith(key.path)]


def why_not_removable(key: IvrKey) -> str | None:
    sub_keys = _sub_keys(key)
    if not sub_keys:
        return None
    return gettext("The sub-menu of key %(key)s still has keys (%(keys)s): delete them first.",
                   key=key.path, keys=", ".join(sorted(k.path for k in sub_keys)))


def remove_key(key: IvrKey) -> IvrKey:
    """Unset a key; a sub-menu's key only once its own keys are gone."""
    tenant, line, _ = _context(key)

    def check(data: dict[str, Any]) -> list[Violation]:
        sub_keys = _sub_keys(key)
        if not sub_keys:
            return []
        return [Violation(code="ivr_key.path.has_keys", field="path",
                          params={"key": key.path,
                                  "keys": ", ".join(sorted(k.path for k in sub_keys))},
                          message=N_("The sub-menu of key %(key)s still has keys (%(keys)s): "
                                     "delete them first."))]

    def persist(clean: dict[str, Any]) -> IvrKey:
        db.session.delete(key)
        return key

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="delete", data={}, schema=Schema(),
        persist=persist, target=key, feature=FEATURE,
        line=None if _tenant_wide(tenant) else line, checks=[check]))


def describe_key(key: IvrKey) -> str:
    """A key in words: "Key 21 (closed hours): +33…"."""
    where = gettext(HOURS_LABELS[key.hours]).lower()
    target = key.target.value if key.target is not None else gettext("a sub-menu")
    return gettext("Key %(key)s (%(hours)s): %(target)s", key=key.path, hours=where,
                   target=target)


def ivr_keys_block(*, guide_section: str, title: str = N_("Voice menu keys"),
                   block_id: str = "ivr-keys") -> CollectionBlock:
    """The keys of the menu: add, change, delete (a sub-menu once its keys are gone)."""
    return CollectionBlock(
        id=block_id, feature=FEATURE, title=title, schema=key_schema,
        guide_section=guide_section, items=keys_of, find=find_key, add=add_key,
        change=change_key, remove=remove_key, removable=why_not_removable,
        describe=describe_key)
