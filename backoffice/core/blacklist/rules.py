"""Account-wide blacklist rules: list, search, add, change, remove, remove all, match.

Every write goes through the change pipeline. Matching asks the database for the rules
whose digits are a substring of the caller's (the ``(tenant_id, digits)`` index), so
its cost does not grow with the number of rules; see :mod:`.matching`.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext
from marshmallow import Schema
from sqlalchemy import exists, select

from backoffice.core.blacklist.matching import (
    candidate_keys,
    matches,
    most_specific_first,
)
from backoffice.core.blacklist.models import BlacklistRule
from backoffice.core.blacklist.schemas import (
    MATCH_LABELS,
    MODE_LABELS,
    SEPARATORS,
    BlacklistRuleSchema,
)
from backoffice.core.carriers import offer_of
from backoffice.core.changes import Change, add_row, apply_change, assign_to, delete_all
from backoffice.core.errors import N_, Violation
from backoffice.core.models import Line, Tenant
from backoffice.extensions import db

FEATURE = "blacklist"
OBJECT_TYPE = "blacklist_rule"


def rule_schema(tenant: Tenant | None) -> BlacklistRuleSchema:
    """The rule schema, offering only the modes and match kinds of the tenant's carrier.

    Without a tenant (to describe the block), every mode and match kind.
    """
    if tenant is None:
        return BlacklistRuleSchema()
    limits = offer_of(tenant, FEATURE, scope="tenant").limits
    return BlacklistRuleSchema(modes=limits.modes, match_kinds=limits.match)


def list_rules(tenant: Tenant, line: Line | None = None) -> list[BlacklistRule]:
    """The tenant's rules, oldest first."""
    offer_of(tenant, FEATURE, line, scope="line" if line is not None else "tenant")
    return list(db.session.scalars(
        select(BlacklistRule).where(BlacklistRule.tenant_id == tenant.id)
        .order_by(BlacklistRule.id)))


def search_rules(tenant: Tenant, line: Line | None, query: str) -> list[BlacklistRule]:
    """The rules whose digits, rule or match (in English or the agent's language) hold ``query``.

    Separators typed in a number are ignored: ``514-907`` finds ``5149073400``.
    """
    text = query.strip().casefold()
    compact = "".join(ch for ch in text if ch not in SEPARATORS)

    def found(rule: BlacklistRule) -> bool:
        if compact.isdigit():
            return compact in rule.digits
        labels = (MODE_LABELS[rule.mode], MATCH_LABELS[rule.match])
        return any(text in label.casefold() or text in gettext(label).casefold()
                   for label in labels)

    return [rule for rule in list_rules(tenant, line) if found(rule)]


def find_rule(tenant: Tenant, line: Line | None, rule_id: int) -> BlacklistRule | None:
    """One rule of the tenant's, or ``None``."""
    offer_of(tenant, FEATURE, line, scope="line" if line is not None else "tenant")
    return db.session.scalar(select(BlacklistRule).where(
        BlacklistRule.id == rule_id, BlacklistRule.tenant_id == tenant.id))


def _unique(tenant: Tenant, rule: BlacklistRule | None):
    def check(data: dict[str, Any]) -> list[Violation]:
        merged = {name: data.get(name, getattr(rule, name, None))
                  for name in ("mode", "match", "digits")}
        query = select(BlacklistRule.id).where(
            BlacklistRule.tenant_id == tenant.id, BlacklistRule.mode == merged["mode"],
            BlacklistRule.match == merged["match"], BlacklistRule.digits == merged["digits"])
        if rule is not None:
            query = query.where(BlacklistRule.id != rule.id)
        if db.session.scalar(query) is None:
            return []
        return [Violation(code="blacklist_rule.digits.duplicate", field="digits",
                          message=N_("The same rule already exists for “%(value)s”."),
                          params={"value": merged["digits"]})]
    return check


def add_rule(tenant: Tenant, line: Line | None, data: dict[str, Any]) -> BlacklistRule:
    """Create a rule (guide wording: "Créer une nouvelle règle")."""
    schema = rule_schema(tenant)

    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="create", data=data, schema=schema,
        persist=add_row(BlacklistRule, tenant_id=tenant.id), feature=FEATURE,
        checks=[_unique(tenant, None)]))


def change_rule(rule: BlacklistRule, data: dict[str, Any]) -> BlacklistRule:
    """Change some fields of a rule."""

    return apply_change(Change(
        tenant=rule.tenant, object_type=OBJECT_TYPE, action="update", data=data,
        schema=rule_schema(rule.tenant), persist=assign_to(rule), target=rule, feature=FEATURE,
        checks=[_unique(rule.tenant, rule)]))


def remove_rule(rule: BlacklistRule) -> BlacklistRule:
    """Delete one rule."""
    return apply_change(Change(
        tenant=rule.tenant, object_type=OBJECT_TYPE, action="delete", data={},
        schema=Schema(), persist=delete_all(rule), target=rule, feature=FEATURE))


def clear_rules(tenant: Tenant, line: Line | None = None) -> list[BlacklistRule]:
    """Delete every rule of the tenant: one change, audited with the list it removed."""
    rules = list_rules(tenant, line)
    if not rules:
        return []
    return apply_change(Change(
        tenant=tenant, object_type=OBJECT_TYPE, action="delete", data={}, schema=Schema(),
        persist=delete_all(rules), target=rules, feature=FEATURE))


def matching_rules(tenant: Tenant, digits: str) -> list[BlacklistRule]:
    """The tenant's rules that match a caller's ``digits``, most specific first."""
    rows = db.session.scalars(select(BlacklistRule).where(
        BlacklistRule.tenant_id == tenant.id,
        BlacklistRule.digits.in_(candidate_keys(digits))))
    return most_specific_first(rule for rule in rows
                               if matches(rule.match, rule.digits, digits))


def has_rules(tenant: Tenant, mode: str | None = None) -> bool:
    """Whether the tenant has any rule (of ``mode``)."""
    condition = BlacklistRule.tenant_id == tenant.id
    if mode is not None:
        condition = condition & (BlacklistRule.mode == mode)
    return bool(db.session.scalar(select(exists().where(condition))))


def rules_effect(tenant: Tenant, line: Line | None = None) -> str:
    """What the tenant's rules do to callers, in the agent's language."""
    offer = offer_of(tenant, FEATURE, scope="tenant")
    allow_only, block = has_rules(tenant, "allow_only"), has_rules(tenant, "block")
    if allow_only:
        sentences = [gettext("Allow-only rules are in force: only callers that one of them "
                             "matches reach the company, and every other caller is rejected.")]
        if block:
            sentences.append(gettext("A caller that a “Block” rule matches is rejected even "
                                     "so."))
    elif block:
        sentences = [gettext("Callers that a “Block” rule matches are rejected; every other "
                             "caller reaches the company.")]
    else:
        return gettext("No rule: every caller reaches the company.")
    if not offer.limits.applies_to_anonymous:
        sentences.append(gettext("Calls without a number (anonymous or withheld) are not "
                                 "screened."))
    return " ".join(sentences)


def first_allow_only_caution(tenant: Tenant, line: Line | None,
                             data: dict[str, Any]) -> str | None:
    """The warning owed before the first allow-only rule silently rejects everyone else."""
    if data.get("mode") != "allow_only" or has_rules(tenant, "allow_only"):
        return None
    return gettext("This is the first “Allow only” rule: once it is saved, every caller that "
                   "no allow-only rule matches is rejected, without notice. Tick the box to "
                   "confirm.")


def describe_rule(rule: BlacklistRule) -> str:
    """The rule in one sentence of the agent's language: "Block calls whose number starts
    with 514", « Bloquer les appels dont le numéro commence par 514 »."""
    return gettext("%(mode)s calls whose number %(match)s %(digits)s",
                   mode=gettext(MODE_LABELS[rule.mode]),
                   match=gettext(MATCH_LABELS[rule.match]), digits=rule.digits)
