"""The logo and its link: inspected, stored, saved through the change pipeline (audited,
sent to the carrier's network)."""

from __future__ import annotations

import io
import uuid
import warnings
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from PIL import Image, UnidentifiedImageError
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, apply_change
from backoffice.core.errors import N_, ChangeRejected, Violation
from backoffice.core.forwarding.fields import SettingsSchema
from backoffice.core.limits import AppearanceLimits
from backoffice.core.media.storage import media_storage
from backoffice.core.models import Tenant, TenantOwned, Versioned, utcnow
from backoffice.extensions import db

FEATURE = "appearance"
OBJECT = "appearance"
MIME = {"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif"}


class TenantAppearance(TenantOwned, Versioned, db.Model):
    """The customer's logo (in the media storage) and the address it opens."""

    __tablename__ = "tenant_appearance"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), unique=True)
    logo_key: Mapped[str | None] = mapped_column(String(200))
    logo_format: Mapped[str | None] = mapped_column(String(10))
    logo_width: Mapped[int | None]
    logo_height: Mapped[int | None]
    link_url: Mapped[str | None] = mapped_column(String(500))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class AppearanceSchema(SettingsSchema):
    """The link the logo opens; the logo itself is a file posted beside it."""

    link_url = fields.String(load_default=None, allow_none=True, validate=[
        validate.Length(max=500, error=_l("At most {max} characters.")),
        validate.URL(schemes={"http", "https"}, require_tld=True, error=_l(
            "Enter a web address starting with http:// or https://."))],
        metadata={"label": N_("Address opened by the logo")})
    remove_logo = fields.Boolean(load_default=False, load_only=True,
                                 metadata={"label": N_("Remove the logo")})
    logo_key = fields.String(dump_only=True)
    logo_format = fields.String(dump_only=True)
    logo_width = fields.Integer(dump_only=True)
    logo_height = fields.Integer(dump_only=True)
    version = fields.Integer(dump_only=True)


def limits_of(tenant: Tenant) -> AppearanceLimits:
    return offer_of(tenant, FEATURE, scope="tenant").limits


def appearance_of(tenant: Tenant) -> TenantAppearance | None:
    return db.session.scalar(select(TenantAppearance).where(
        TenantAppearance.tenant_id == tenant.id))


def read_appearance(tenant: Tenant) -> dict[str, Any]:
    """The current logo and link (nothing when never saved)."""
    current = appearance_of(tenant)
    return {"link_url": current.link_url if current else None,
            "has_logo": bool(current and current.logo_key),
            "logo_format": current.logo_format if current else None,
            "logo_width": current.logo_width if current else None,
            "logo_height": current.logo_height if current else None,
            "version": current.version if current else 0}


def inspect_logo(data: bytes, limits: AppearanceLimits) -> tuple[str, int, int]:
    """The image's format and size read from its content; :class:`ChangeRejected` naming
    the limit when it is not an image of the allowed formats, or too big."""
    def refused(code: str, message: str, limit: Any = None, **params: Any) -> ChangeRejected:
        return ChangeRejected([Violation(code=f"{OBJECT}.logo.{code}", field="logo",
                                         message=message, limit=limit, params=params)])

    if len(data) > limits.max_bytes:
        raise refused("too_big", N_("The image weighs %(size)s bytes; at most %(max)s."),
                      limits.max_bytes, size=len(data), max=limits.max_bytes)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
                kind, (width, height) = (image.format or "").lower(), image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise refused("unreadable", N_("This file is not an image that can be read.")) \
            from None
    if kind not in limits.formats:
        raise refused("format", N_("A logo is an image in %(formats)s format."),
                      list(limits.formats), formats=", ".join(f.upper() for f in limits.formats))
    if max(width, height) > limits.max_side:
        raise refused("too_wide", N_("The image is %(width)s × %(height)s pixels; each side "
                                     "has at most %(max)s."), limits.max_side,
                      width=width, height=height, max=limits.max_side)
    return kind, width, height


def save_appearance(tenant: Tenant, raw: dict[str, Any], logo: bytes | None = None
                    ) -> TenantAppearance:
    """Save the link and, when given, the new logo (or remove it): one audited change."""
    limits = limits_of(tenant)
    inspected = inspect_logo(logo, limits) if logo else None
    existing = appearance_of(tenant)
    key = None
    if inspected is not None:
        key = f"logos/{tenant.id}/{uuid.uuid4().hex}.{inspected[0]}"

    def persist(clean: dict[str, Any]) -> TenantAppearance:
        current = existing or TenantAppearance(tenant_id=tenant.id)
        current.link_url = clean.get("link_url")
        if inspected is not None:
            media_storage().put(key, logo)
            current.logo_key = key
            current.logo_format, current.logo_width, current.logo_height = inspected
        elif clean.get("remove_logo"):
            current.logo_key = current.logo_format = None
            current.logo_width = current.logo_height = None
        db.session.add(current)
        return current

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT, action="update" if existing else "create",
        data={key_: value for key_, value in raw.items() if key_ in ("link_url", "remove_logo")},
        schema=AppearanceSchema(), persist=persist, target=existing, feature=FEATURE))


def logo_bytes(tenant: Tenant) -> tuple[bytes, str] | None:
    """The stored logo and its MIME type, or ``None``."""
    current = appearance_of(tenant)
    if current is None or not current.logo_key:
        return None
    data = media_storage().get(current.logo_key)
    return (data, MIME.get(current.logo_format or "", "application/octet-stream")) \
        if data is not None else None
