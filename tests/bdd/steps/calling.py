"""French steps of the calling options: caller ID, restrictions and permissions, do not
disturb, a carrier's own line settings, the quick-edit grid, and outgoing calls.

Every change goes through the carrier's blocks (or the grid, as the UI and the API do);
every call, incoming or outgoing, goes through the call-path explainer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import force_locale, gettext
from marshmallow import fields
from pytest_bdd import parsers, then, when

from backoffice.core.calling.grid import GridRejected, quick_edit_blocks, save_grid
from backoffice.core.carriers import registry
from backoffice.core.declarations import CallContext
from backoffice.core.errors import ChangeRejected
from backoffice.core.explainer import explain_call
from backoffice.core.models import Line
from backoffice.core.phone import any_number, national
from backoffice.extensions import db
from backoffice.testing import row_counts
from tests.bdd.steps.forwarding import _find_line

DAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
        "dimanche": 6}
WORDS = {"oui": True, "non": False, "vide": None}


def _block(world, block_id: str):
    found = registry()[world["tenant"].carrier_id].block(block_id)
    assert found is not None, f"no block {block_id}"
    return found


def _value(text: str):
    if text in WORDS:
        return WORDS[text]
    if "," in text and text.replace(",", "").replace(" ", "").isalpha():
        return [item.strip() for item in text.split(",")]
    return text


def _values(datatable) -> dict:
    return {name: _value(value) for name, value in datatable[1:]}


def _country(world) -> str:
    return registry()[world["tenant"].carrier_id].carrier.country


def _save(world, action) -> None:
    """As the forwarding steps do: their "le réglage est enregistré / refusé" and "aucun
    réglage n'est enregistré" read the outcome."""
    world["before_forwarding"] = row_counts()
    world["refusal"] = None
    try:
        action()
    except ChangeRejected as refused:
        db.session.rollback()
        world["refusal"] = refused


def _choice(schema, name: str, value):
    """A choice written as the guide (or the French page) labels it, as its value."""
    field = schema.fields.get(name)
    labels = field.metadata.get("choice_labels", {}) if field is not None else {}
    with force_locale("fr"):
        for choice, label in labels.items():
            if value in (label, gettext(label)):
                return choice
    return value


def _listed(schema, name: str, value):
    field = schema.fields.get(name)
    return [value] if isinstance(field, fields.List) and isinstance(value, str) else value


@when(parsers.parse("on règle « {block_id} » de « {line} » :"))
def when_set(world, block_id, line, datatable):
    target = _find_line(world, line)
    block = _block(world, block_id)
    schema = block.schema(world["tenant"])
    values = {name: _listed(schema, name, _choice(schema, name, value))
              for name, value in _values(datatable).items()}
    _save(world, lambda: block.write(world["tenant"], target, values))


@then(parsers.parse("« {block_id} » de « {line} » vaut :"))
def then_values(world, block_id, line, datatable):
    block = _block(world, block_id)
    tenant = world["tenant"]
    schema = block.schema(tenant)
    shown = schema.dump(block.read(tenant, _find_line(world, line)))
    for name, written in datatable[1:]:
        value = shown[name]
        expected = _choice(schema, name, _value(written))
        if isinstance(value, str) and value.startswith("+"):
            value = national(value)
        assert value == expected, f"{name}: {value!r}, expected {expected!r}"


@then(parsers.parse("« {block_id} » ne s'applique pas à « {line} »"))
def then_not_offered(world, block_id, line):
    from backoffice.core.carriers import offers

    assert not offers(world["tenant"], _block(world, block_id).feature,
                      _find_line(world, line))


def _dial(world, line: str, dialled: str, day: str = "lundi", code: str = "") -> None:
    tenant = world["tenant"]
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo(tenant.timezone)) + timedelta(
        days=DAYS[day])
    call = CallContext(None, moment, "idle", code, "outgoing",
                       any_number(dialled, _country(world)))
    with force_locale("en"):
        world["path"] = explain_call(tenant, _find_line(world, line), call)


@when(parsers.parse("« {line} » compose le « {dialled} »"))
def when_dial(world, line, dialled):
    _dial(world, line, dialled)


@when(parsers.parse("« {line} » compose le « {dialled} » un {day}"))
def when_dial_on(world, line, dialled, day):
    _dial(world, line, dialled, day)


@when(parsers.parse("« {line} » compose le « {dialled} » avec le code « {code} »"))
def when_dial_with_code(world, line, dialled, code):
    _dial(world, line, dialled, code=code)


@then(parsers.parse("l'appel sortant passe et le correspondant voit « {shown} »"))
def then_goes_out(world, shown):
    last = world["path"][-1]
    assert last.action == "connect", [(s.action, s.code, s.rule) for s in world["path"]]
    expected = "anonymous" if shown == "anonyme" else any_number(shown, _country(world))
    assert last.target == expected, last.target


@then(parsers.parse("l'appel sortant est refusé par la règle « {code} »"))
def then_refused_out(world, code):
    last = world["path"][-1]
    assert (last.action, last.code) == ("reject", code), [
        (s.action, s.code) for s in world["path"]]


@then(parsers.parse("le parcours se termine par la règle « {code} »"))
def then_path_ends(world, code):
    assert world["path"][-1].code == code, [(s.action, s.code) for s in world["path"]]


@then(parsers.parse("le parcours se termine par l'action « {action} »"))
def then_path_ends_with(world, action):
    assert world["path"][-1].action == action, [(s.action, s.code) for s in world["path"]]


@then(parsers.parse("le parcours se termine par « {action} » vers « {target} »"))
def then_path_ends_at(world, action, target):
    last = world["path"][-1]
    assert (last.action, last.target) == (action, target), (last.action, last.target)


# The quick-edit grid


def _grid_rows(world, datatable) -> list[dict]:
    rows: dict[int, dict] = {}
    for line, block_id, name, value in datatable[1:]:
        target: Line = _find_line(world, line)
        row = rows.setdefault(target.id, {"line_id": target.id})
        row.setdefault(block_id, {})[name] = _value(value)
    return list(rows.values())


@when("on enregistre la modification rapide :")
def when_quick_edit(world, datatable):
    tenant = world["tenant"]
    blocks = quick_edit_blocks(tenant)
    rows = _grid_rows(world, datatable)
    world["grid_before"] = row_counts()
    world["grid_refusal"] = None
    try:
        world["grid_saved"] = save_grid(tenant, blocks, rows)
    except GridRejected as refused:
        world["grid_refusal"] = refused


@then(parsers.parse("la modification rapide est refusée : « {code} » sur « {field} »"))
def then_grid_refused(world, code, field):
    refusal = world["grid_refusal"]
    assert refusal is not None, "the grid was saved"
    assert [(v.code, v.field) for v in refusal.violations] == [(code, field)]
    assert row_counts() == world["grid_before"], "a refused grid saved something"


@then(parsers.parse("la modification rapide est enregistrée en une seule modification, "
                    "{count:d} réglages changés"))
def then_grid_saved(world, count):
    refusal = world["grid_refusal"]
    assert refusal is None, [(v.field, v.code) for v in refusal.violations]
    assert len(world["grid_saved"]) == count
    after = row_counts()
    assert after["audit_record"] == world["grid_before"]["audit_record"] + 1
