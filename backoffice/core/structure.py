"""The account's structure on the tenant page: one section per kind of thing the customer
has (sites, lines, numbers, groups...), each with its count and a link to where an agent
manages it.

This is the extension point of the account-administration page: a core feature calls
:func:`register_account_section` once at import, a carrier returns its sections from the
``account_sections`` hook; neither edits the tenant template. Each section counts with one
query of its own (never one per row).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext
from sqlalchemy import func, select

from backoffice.core.errors import N_
from backoffice.core.models import Line, Site, Tenant
from backoffice.extensions import db


@dataclass(frozen=True)
class AccountSection:
    """One line of the account's structure: ``label`` (an English msgid marked with
    ``N_``), ``count(tenant)`` (one query) and ``url(tenant)`` where the agent manages
    them (an anchor of the tenant page or a page of its own); lower ``order`` first. With
    ``feature``, only customers whose carrier offers that feature see the section."""

    id: str
    label: str
    count: Callable[[Tenant], int]
    url: Callable[[Tenant], str]
    order: int = 100
    feature: str | None = None


@dataclass(frozen=True)
class SectionView:
    """A section as the tenant page shows it."""

    id: str
    label: str
    count: int
    url: str


_CORE_SECTIONS: dict[str, AccountSection] = {}


def register_account_section(section: AccountSection) -> None:
    """Add (or replace, by id) a section every tenant page shows."""
    _CORE_SECTIONS[section.id] = section


def account_structure(tenant: Tenant) -> list[SectionView]:
    """The sections of ``tenant``'s page: core's, then its carrier's, by ``order``."""
    from backoffice.core.carriers import offers, registry

    sections = [section for section in _CORE_SECTIONS.values()
                if section.feature is None or offers(tenant, section.feature)]
    for group in registry().hook(tenant.carrier_id).account_sections():
        sections.extend(group or ())
    sections.sort(key=lambda section: (section.order, section.id))
    return [SectionView(section.id, gettext(section.label), section.count(tenant),
                        section.url(tenant)) for section in sections]


def anchor(name: str) -> Callable[[Tenant], str]:
    """A section's link to the block ``name`` of the tenant page."""
    return lambda tenant: url_for("tenants.show", tenant_id=tenant.id) + f"#{name}"


def _count(*where) -> Callable[[Tenant], int]:
    def count(tenant: Tenant) -> int:
        model = where[0]
        return db.session.scalar(select(func.count(model.id)).where(
            model.tenant_id == tenant.id, *where[1:])) or 0
    return count


def _group_lines(tenant: Tenant) -> int:
    """Lines answered by a distribution or a menu (hunt groups, IVRs), and pickup groups."""
    from backoffice.core.carriers import registry
    from backoffice.core.groups.models import PickupGroup

    plans = [plan.id for plan in registry()[tenant.carrier_id].plans
             if plan.answered_by in ("distribution", "menu")]
    lines = db.session.scalar(select(func.count(Line.id)).where(
        Line.tenant_id == tenant.id, Line.plan.in_(plans))) if plans else 0
    pickup = db.session.scalar(select(func.count(PickupGroup.id)).where(
        PickupGroup.tenant_id == tenant.id))
    return (lines or 0) + (pickup or 0)


register_account_section(AccountSection("sites", N_("Sites"), _count(Site), anchor("sites"), 10))
register_account_section(AccountSection("lines", N_("Lines"), _count(Line), anchor("lines"), 20))
register_account_section(AccountSection(
    "numbers", N_("Numbers"), _count(Line, Line.number.is_not(None)), anchor("lines"), 30))
register_account_section(AccountSection(
    "groups", N_("Groups and voice menus"), _group_lines, anchor("lines"), 40))
