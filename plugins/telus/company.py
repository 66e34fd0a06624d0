"""TELUS company caller name, "Nom d'appelant de l'entreprise" (guide 002, Système
téléphonique > Infos de l'entreprise): the name shown on local calls made from the
company's main number, "jusqu'à 15 caractères"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate
from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.plugin import (
    N_,
    Change,
    LimitError,
    Line,
    SettingsBlock,
    SettingsSchema,
    Tenant,
    TenantOwned,
    Versioned,
    Violation,
    apply_change,
    db,
    offer_of,
    said,
)

GUIDE_SECTION = "002_6093346da80557bc.txt Nom d'appelant de l'entreprise"
FEATURE = "company_caller_name"


@dataclass(frozen=True)
class CallerNameLimits:
    """TELUS's own limits of the company caller name."""

    max_length: int = said(N_("The company caller name has at most %(value)s characters."))
    """The most characters of the name."""

    def check(self, plans: tuple[str, ...]) -> None:
        if self.max_length < 1:
            raise LimitError("max_length", f"{self.max_length} is less than 1")


class TelusCompanyCallerName(TenantOwned, Versioned, db.Model):
    """The company's caller name (one per tenant)."""

    __tablename__ = "telus_company_caller_name"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenant.id"), unique=True)
    caller_name: Mapped[str] = mapped_column(String(80), default="")


class TelusCompanyCallerNameSchema(SettingsSchema):
    caller_name = fields.String(load_default="", validate=validate.Length(
        max=80, error=_l("At most {max} characters.")),
        metadata={"label": N_("Company caller name")})
    version = fields.Integer(dump_only=True)


def _setting(tenant: Tenant) -> TelusCompanyCallerName | None:
    return db.session.scalar(select(TelusCompanyCallerName).where(
        TelusCompanyCallerName.tenant_id == tenant.id))


def read(tenant: Tenant, line: Line | None) -> dict[str, Any]:
    setting = _setting(tenant)
    return {"caller_name": setting.caller_name if setting else "",
            "version": setting.version if setting else 0}


def _checks(tenant: Tenant):
    limit = offer_of(tenant, FEATURE).limits.max_length

    def check(data: dict[str, Any]) -> list[Violation]:
        name = data.get("caller_name") or ""
        if len(name) > limit:
            return [Violation(code="company_caller_name.caller_name.too_long", field="caller_name",
                              limit=limit, params={"max": limit, "count": len(name)},
                              message=N_("The company caller name has %(count)s characters; "
                                         "it can have up to %(max)s."))]
        return []
    return check


def write(tenant: Tenant, line: Line | None, raw: dict[str, Any]) -> TelusCompanyCallerName:
    """Set the name shown on the company's local calls."""
    offer_of(tenant, FEATURE)
    existing = _setting(tenant)

    def persist(clean: dict[str, Any]) -> TelusCompanyCallerName:
        setting = existing or TelusCompanyCallerName(tenant_id=tenant.id)
        setting.caller_name = clean["caller_name"]
        db.session.add(setting)
        return setting

    return apply_change(Change(
        tenant=tenant, object_type="company_caller_name",
        action="update" if existing else "create", data=raw,
        schema=TelusCompanyCallerNameSchema(), persist=persist, target=existing,
        feature=FEATURE, checks=[_checks(tenant)]))


BLOCK = SettingsBlock(id="company-caller-name", feature=FEATURE,
                      title=N_("Company caller name"),
                      schema=lambda tenant: TelusCompanyCallerNameSchema(), read=read,
                      write=write, guide_section=GUIDE_SECTION)
