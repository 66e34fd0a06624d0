"""French steps of the blacklist features: rules, blocked numbers, anonymous calls, calls.

Every change goes through the carrier's blocks (what the UI and the API call); every
call goes through the call-path explainer.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import force_locale
from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.blacklist.models import BlacklistRule
from backoffice.core.blacklist.rules import describe_rule
from backoffice.core.carriers import registry
from backoffice.core.declarations import CallContext
from backoffice.core.errors import ChangeRejected
from backoffice.core.explainer import explain_call
from backoffice.core.models import AuditRecord, Line
from backoffice.core.phone import any_number, to_e164
from backoffice.extensions import db
from tests.bdd.steps.common import _counts

MODES = {"bloque": "block", "autorise uniquement": "allow_only"}
MATCHES = {"est égal à": "equals", "commence par": "starts_with", "fini par": "ends_with",
           "contient": "contains"}
RULE = "« {mode} » « {match} » « {digits} »"


def _block(world, feature: str):
    entry = registry()[world["tenant"].carrier_id]
    return next(block for block in entry.blocks if block.feature == feature)


def _region(world) -> str:
    return registry()[world["tenant"].carrier_id].carrier.country


def _line(world, number: str | None = None, extension: str | None = None) -> Line:
    column, value = ((Line.number, to_e164(number, _region(world))) if number
                     else (Line.extension, extension))
    return db.session.scalars(select(Line).where(
        Line.tenant_id == world["tenant"].id, column == value)).one()


def _rule_data(mode: str, match: str, digits: str) -> dict[str, str]:
    return {"mode": MODES[mode], "match": MATCHES[match], "digits": digits}


def _rule(world, mode: str, match: str, digits: str) -> BlacklistRule:
    data = _rule_data(mode, match, digits)
    return db.session.scalars(select(BlacklistRule).where(
        BlacklistRule.tenant_id == world["tenant"].id, BlacklistRule.mode == data["mode"],
        BlacklistRule.match == data["match"], BlacklistRule.digits == data["digits"])).one()


def _english():
    """Step texts are written in the agent's language: read them in English here."""
    return force_locale("en")


def _named(rule: BlacklistRule) -> str:
    with _english():
        return f"#{rule.id} “{describe_rule(rule)}”"


def _call(world, line: Line, caller: str | None) -> None:
    tenant = world["tenant"]
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo(tenant.timezone))  # a Monday
    number = any_number(caller, _region(world)) if caller else None
    with _english():
        world["path"] = explain_call(tenant, line, CallContext(caller=number, moment=moment))


def _attempt(world, action, *args) -> None:
    world["before"] = _counts()
    world["refusal"] = None
    try:
        world["saved"] = action(*args)
    except ChangeRejected as refused:
        world["refusal"] = refused


# Account-wide rules


@given("le client n'a aucune règle de liste noire")
def given_no_rule(world):
    _block(world, "blacklist").clear(world["tenant"], None)


@given(parsers.parse("la règle " + RULE))
def given_rule(world, mode, match, digits):
    world["rule"] = _block(world, "blacklist").add(
        world["tenant"], None, _rule_data(mode, match, digits))


@when(parsers.parse("on crée la règle " + RULE))
def when_create_rule(world, mode, match, digits):
    _attempt(world, _block(world, "blacklist").add, world["tenant"], None,
             _rule_data(mode, match, digits))


@when(parsers.parse("on cherche « {query} » parmi les règles"))
def when_search(world, query):
    world["found"] = _block(world, "blacklist").search(world["tenant"], None, query)


@when(parsers.parse("on modifie la règle " + RULE + " en « {mode2} » « {match2} » « {digits2} »"))
def when_edit_rule(world, mode, match, digits, mode2, match2, digits2):
    _attempt(world, _block(world, "blacklist").change, _rule(world, mode, match, digits),
             _rule_data(mode2, match2, digits2))


@when(parsers.parse("on supprime la règle " + RULE))
def when_delete_rule(world, mode, match, digits):
    _block(world, "blacklist").remove(_rule(world, mode, match, digits))


@when("on supprime toutes les règles, après confirmation")
def when_delete_all(world):
    world["before"] = _counts()
    world["cleared"] = [rule.id for rule in _block(world, "blacklist").items(world["tenant"],
                                                                              None)]
    _block(world, "blacklist").clear(world["tenant"], None)


@then(parsers.parse("la règle est enregistrée avec la séquence « {digits} »"))
def then_rule_saved(world, digits):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    shown = _block(world, "blacklist").schema(world["tenant"]).dump(world["saved"])
    assert shown["digits"] == digits


@then(parsers.parse("la règle est refusée : « {code} » sur le champ « {field} »"))
def then_rule_refused(world, code, field):
    assert world["refusal"] is not None, "the rule was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("la recherche trouve seulement la règle " + RULE))
def then_found(world, mode, match, digits):
    assert world["found"] == [_rule(world, mode, match, digits)]


@then(parsers.parse("le client a {count:d} règles de liste noire"))
@then(parsers.parse("le client a {count:d} règle de liste noire"))
def then_rule_count(world, count):
    assert len(_block(world, "blacklist").items(world["tenant"], None)) == count


@then("l'historique garde une seule suppression, avec la liste des règles supprimées")
def then_one_audit_for_all(world):
    lines, audits = _counts()
    assert (lines, audits) == (world["before"][0], world["before"][1] + 1)
    audit = db.session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
    assert audit.action == "delete"
    assert [item["id"] for item in audit.before["items"]] == world["cleared"]


# Per-line blocked numbers and anonymous calls


@given(parsers.parse("la ligne « {number} » bloque déjà {count:d} numéros"))
def given_full_list(world, number, count):
    block, line = _block(world, "blacklist"), _line(world, number)
    for n in range(count):
        block.add(world["tenant"], line, {"number": f"01 45 83 47 {n:02d}"})


@when(parsers.parse("on bloque le numéro « {typed} » sur la ligne « {number} »"))
def when_block_number(world, typed, number):
    _attempt(world, _block(world, "blacklist").add, world["tenant"], _line(world, number),
             {"number": typed})


@when(parsers.parse("on supprime le numéro « {stored} » de la ligne « {number} »"))
def when_unblock(world, stored, number):
    block, line = _block(world, "blacklist"), _line(world, number)
    block.remove(next(item for item in block.items(world["tenant"], line)
                      if item.number == stored))


@when(parsers.parse("on réinitialise la liste de la ligne « {number} »"))
def when_reset(world, number):
    _block(world, "blacklist").clear(world["tenant"], _line(world, number))


@when(parsers.parse("on active « Rejeter les appels anonymes » sur la ligne « {number} »"))
def when_reject_anonymous(world, number):
    _block(world, "anonymous_call_rejection").write(
        world["tenant"], _line(world, number), {"reject_anonymous": "on"})


@then(parsers.parse("la ligne « {number} » bloque « {stored} »"))
def then_blocks(world, number, stored):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    block = _block(world, "blacklist")
    shown = block.schema(world["tenant"]).dump(
        block.items(world["tenant"], _line(world, number)), many=True)
    assert stored in [item["number"] for item in shown]


@then(parsers.parse("la ligne « {number} » a {count:d} numéros bloqués"))
@then(parsers.parse("la ligne « {number} » a {count:d} numéro bloqué"))
def then_blocked_count(world, number, count):
    assert len(_block(world, "blacklist").items(world["tenant"], _line(world, number))) == count


@then(parsers.parse("le numéro est refusé : « {code} » sur le champ « {field} », limite {limit:d}"))
def then_number_refused(world, code, field, limit):
    assert world["refusal"] is not None, "the number was accepted"
    assert (code, field, limit) in [(v.code, v.field, v.limit)
                                    for v in world["refusal"].violations]


@then(parsers.parse("le message en français est « {message} »"))
def then_french_message(world, message):
    with force_locale("fr"):
        assert message in [v.localized() for v in world["refusal"].violations]


@then(parsers.parse("la ligne « {number} » ne rejette pas les appels anonymes"))
def then_anonymous_allowed(world, number):
    block = _block(world, "anonymous_call_rejection")
    assert block.read(world["tenant"], _line(world, number))["reject_anonymous"] is False


# Calls, through the call-path explainer


@when(parsers.parse("l'appelant « {caller} » appelle le poste « {extension} »"))
def when_call_extension(world, caller, extension):
    _call(world, _line(world, extension=extension), caller)


@when(parsers.parse("l'appelant « {caller} » appelle la ligne « {number} »"))
def when_call_line(world, caller, number):
    _call(world, _line(world, number), caller)


@when(parsers.parse("un appelant anonyme appelle le poste « {extension} »"))
def when_anonymous_calls_extension(world, extension):
    _call(world, _line(world, extension=extension), None)


@when(parsers.parse("un appelant anonyme appelle la ligne « {number} »"))
def when_anonymous_calls_line(world, number):
    _call(world, _line(world, number), None)


def _first(world):
    return world["path"][0]


@then("l'appel est rejeté par cette règle")
def then_rejected_by_rule(world):
    step = _first(world)
    assert (step.action, step.final) == ("reject", True), world["path"]
    assert _named(world["rule"]) in step.rule


@then("l'appel passe grâce à cette règle")
def then_allowed_by_rule(world):
    then_allowed_by_named_rule(world, world["rule"])


@then(parsers.parse("l'appel passe grâce à la règle " + RULE))
def then_allowed_by_given_rule(world, mode, match, digits):
    then_allowed_by_named_rule(world, _rule(world, mode, match, digits))


def then_allowed_by_named_rule(world, rule: BlacklistRule) -> None:
    step = _first(world)
    assert step.action == "allow" and _named(rule) in step.rule
    assert world["path"][-1].action == "ring"


@then("l'appel est rejeté : aucune règle ne l'autorise")
def then_rejected_no_allow(world):
    step = _first(world)
    assert (step.action, step.final) == ("reject", True), world["path"]
    assert step.rule.startswith("Allow-only rules exist and none matches")


@then("l'appel aboutit au poste")
@then("l'appel aboutit à la ligne")
def then_rings(world):
    assert [step.action for step in world["path"]][-1] == "ring", world["path"]
    assert not any(step.action == "reject" for step in world["path"])


@then("l'appel n'est pas rejeté par un numéro bloqué")
def then_not_rejected(world):
    assert not any(step.action == "reject" for step in world["path"]), world["path"]


@then("le parcours indique que les règles ne s'appliquent pas aux appels sans numéro")
def then_rules_skip_anonymous(world):
    assert "do not apply to calls without a number" in _first(world).rule


@then(parsers.parse("l'appel est rejeté par le numéro bloqué « {stored} »"))
def then_rejected_by_number(world, stored):
    step = _first(world)
    assert (step.action, step.final) == ("reject", True), world["path"]
    assert f"(entry “{stored}”)" in step.rule


@then(parsers.parse("l'appel est rejeté et l'appelant entend « {message} »"))
def then_rejected_with_message(world, message):
    step = _first(world)
    assert (step.action, step.final, step.target) == ("reject", True, message), world["path"]
