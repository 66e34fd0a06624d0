"""French steps of the forwarding and calendar features: settings through the carriers' blocks,
behaviour through the call-path explainer."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.calendars.models import Calendar
from backoffice.core.carriers import registry
from backoffice.core.declarations import CallContext
from backoffice.core.destinations import Destination, parse_destination
from backoffice.core.errors import ChangeRejected
from backoffice.core.explainer import explain_call
from backoffice.core.forwarding.models import ForwardingNumber
from backoffice.core.models import Line
from backoffice.extensions import db
from backoffice.testing import row_counts

STATES = {"libre": "idle", "occupée": "busy", "sans réponse": "no_answer",
          "injoignable": "unreachable", "hors service": "unreachable"}


def _region(world) -> str:
    return registry()[world["tenant"].carrier_id].carrier.country


def _block(world, block_id: str):
    return registry()[world["tenant"].carrier_id].block(block_id)


def _find_line(world, text: str) -> Line:
    destination = parse_destination(text, _region(world))
    column = Line.number if destination.kind == "number" else Line.extension
    return db.session.scalars(select(Line).where(
        Line.tenant_id == world["tenant"].id, column == destination.value)).one()


def _calendar(world, name: str) -> Calendar:
    return db.session.scalars(select(Calendar).where(
        Calendar.tenant_id == world["tenant"].id, Calendar.name == name)).one()


def _settings(world, datatable) -> dict:
    data = {}
    for name, value in datatable[1:]:
        if name.endswith("_calendar") and not name.endswith("_new_calendar") and value:
            value = _calendar(world, value).id
        data[name] = value
    return data


def _attempt(world, action, *args):
    world["before_forwarding"] = row_counts()
    world["refusal"] = None
    try:
        world["result"] = action(*args)
    except ChangeRejected as refused:
        db.session.rollback()
        world["refusal"] = refused


@given(parsers.parse("la ligne « {text} »"))
def given_line(world, text):
    world["line"] = _find_line(world, text)


@given(parsers.parse("le calendrier « {name} » ouvert « {hours} »"))
def given_calendar(world, name, hours):
    block_id = "calendars" if _block(world, "calendars") else "business-hours"
    _block(world, block_id).add(world["tenant"], None, {"name": name, "hours": hours})


@given(parsers.parse("les horaires « {name} » du numéro, ouverts « {hours} », fermés le "
                     "« {closure} »"))
def given_number_hours(world, name, hours, closure):
    _block(world, "business-hours").add(world["tenant"], None, {
        "name": name, "hours": hours, "closures": closure, "line_id": world["line"].id})


@given(parsers.parse("le numéro « {number} » dans la liste de numéros de téléphone de la ligne"))
def given_listed_number(world, number):
    _block(world, "phone-numbers").add(world["tenant"], world["line"], {"number": number})


@given("le signal d'appel activé sur la ligne")
def given_call_waiting(world):
    _block(world, "call-waiting").write(world["tenant"], world["line"], {"enabled": "on"})


@when("on règle le renvoi de la ligne ainsi :")
def when_forwarding(world, datatable):
    _attempt(world, _block(world, "forwarding").write, world["tenant"], world["line"],
             _settings(world, datatable))


@given("le renvoi de la ligne réglé ainsi :")
def given_forwarding(world, datatable):
    _block(world, "forwarding").write(world["tenant"], world["line"], _settings(world, datatable))


@given(parsers.parse("le renvoi immédiat de la ligne réglé par l'API vers le numéro court "
                     "interne « {digits} »"))
def given_forwarding_to_internal_number(world, digits):
    _block(world, "forwarding").write(world["tenant"], world["line"], {
        "always_enabled": True, "always_destination": {"kind": "extension", "value": digits}})


@when("on enregistre à nouveau le réglage du renvoi tel qu'il est lu")
def when_forwarding_saved_as_read(world):
    block = _block(world, "forwarding")
    shown = block.schema(world["tenant"]).dump(block.read(world["tenant"], world["line"]))
    _attempt(world, block.write, world["tenant"], world["line"], shown)


def _immediate_destination(world) -> Destination:
    assert world.get("refusal") is None, world["refusal"].violations
    block = _block(world, "forwarding")
    return block.read(world["tenant"], world["line"])["always_destination"]


@then(parsers.parse("la destination du renvoi immédiat est le numéro court interne « {digits} »"))
def then_internal_destination(world, digits):
    assert _immediate_destination(world) == Destination("extension", digits)


@then(parsers.parse("la destination du renvoi immédiat est le numéro « {e164} »"))
def then_number_destination(world, e164):
    assert _immediate_destination(world) == Destination("number", e164)


def _ring_settings(world, datatable) -> dict:
    data = _settings(world, datatable)
    data["numbers"] = [n.strip() for n in data.get("numbers", "").split(",") if n.strip()]
    return data


@when("on règle la sonnerie sur plusieurs lignes ainsi :")
def when_multi_line_ring(world, datatable):
    _attempt(world, _block(world, "multi-line-ring").write, world["tenant"], world["line"],
             _ring_settings(world, datatable))


@given("la sonnerie sur plusieurs lignes réglée ainsi :")
def given_multi_line_ring(world, datatable):
    _block(world, "multi-line-ring").write(world["tenant"], world["line"],
                                           _ring_settings(world, datatable))


@when(parsers.parse("on supprime le numéro « {number} » de la liste"))
def when_remove_number(world, number):
    world["item"] = _listed(world, number)
    _attempt(world, _block(world, "phone-numbers").remove, world["item"])


@when(parsers.parse("on supprime le calendrier « {name} »"))
def when_remove_calendar(world, name):
    _attempt(world, _block(world, "calendars").remove, _calendar(world, name))


@then(parsers.parse("le bouton Supprimer du numéro « {number} » est actif"))
def then_delete_enabled(world, number):
    assert not _block(world, "phone-numbers").removable(_listed(world, number))


@then(parsers.parse("le numéro « {number} » n'est plus dans la liste"))
def then_not_listed(world, number):
    listed = _block(world, "phone-numbers").items(world["tenant"], world["line"])
    assert parse_destination(number, _region(world)).value not in [n.number for n in listed]


def _listed(world, number: str) -> ForwardingNumber:
    value = parse_destination(number, _region(world)).value
    return db.session.scalars(select(ForwardingNumber).where(
        ForwardingNumber.line_id == world["line"].id, ForwardingNumber.number == value)).one()


@when(parsers.parse("un appel arrive le « {moment} » alors que la ligne est « {state} »"))
def when_call(world, moment, state):
    _explain(world, moment, state, "")


@when(parsers.parse("un appel arrive le « {moment} » alors que la ligne est « {state} » "
                    "et que l'appelant compose « {digits} »"))
def when_call_with_digits(world, moment, state, digits):
    _explain(world, moment, state, digits)


def _explain(world, moment: str, state: str, digits: str) -> None:
    tenant = world["tenant"]
    local = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo(tenant.timezone))
    world["path"] = explain_call(tenant, world["line"],
                                 CallContext("+33612345678", local, STATES[state], digits))


@then("le réglage est enregistré")
def then_saved(world):
    refusal = world["refusal"]
    assert refusal is None, refusal and refusal.violations


@then(parsers.parse("le réglage est refusé : « {code} » sur le champ « {field} »"))
def then_refused(world, code, field):
    assert world["refusal"] is not None, "the change was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("le message d'erreur cite « {text} »"))
def then_message_names(world, text):
    assert any(text in v.localized() for v in world["refusal"].violations)


@then("aucun réglage n'est enregistré")
def then_nothing_saved(world):
    assert row_counts() == world["before_forwarding"]


@then(parsers.parse("le calendrier « {name} » figure dans la liste des calendriers du client"))
def then_calendar_listed(world, name):
    listed = _block(world, "calendars").items(world["tenant"], None)
    assert name in [calendar.name for calendar in listed]


@then(parsers.parse("le calendrier « {name} » ne figure plus dans la liste des calendriers du "
                    "client"))
def then_calendar_not_listed(world, name):
    listed = _block(world, "calendars").items(world["tenant"], None)
    assert name not in [calendar.name for calendar in listed]


@then(parsers.parse("le bouton Supprimer du numéro « {number} » est désactivé"))
def then_delete_disabled(world, number):
    assert _block(world, "phone-numbers").removable(_listed(world, number))


def _last(world):
    return world["path"][-1]


@then(parsers.parse("l'appel est renvoyé vers « {target} »"))
def then_forwarded(world, target):
    expected = parse_destination(target, _region(world)).value
    assert (_last(world).action, _last(world).target) == ("forward", expected), world["path"]


@then("l'appel va sur la messagerie vocale")
def then_voicemail(world):
    assert _last(world).action == "voicemail", world["path"]


@then("l'appel n'est pas renvoyé")
def then_not_forwarded(world):
    assert not any(step.action in ("forward", "voicemail") for step in world["path"]), \
        world["path"]


@then("la ligne sonne")
def then_rings(world):
    assert _last(world).action == "ring", world["path"]


@then("aucun téléphone ne sonne")
def then_no_phone_rings(world):
    assert "ring" not in [step.action for step in world["path"]], world["path"]


@then("l'appelant entend seulement une annonce")
def then_announcement(world):
    assert _last(world).action == "announcement", world["path"]


@then("l'appel est signalé à l'utilisateur en ligne")
def then_signalled(world):
    assert _last(world).action == "call_waiting", world["path"]


@then(parsers.parse("« {targets} » sonnent en même temps que la ligne"))
def then_ring_together(world, targets):
    expected = ", ".join(parse_destination(t.strip(), _region(world)).value
                         for t in targets.split(","))
    assert ("ring_together", expected) in [(s.action, s.target) for s in world["path"]], \
        world["path"]


@then("l'appelant entend le message de fermeture")
def then_closed(world):
    assert _last(world).action == "closed", world["path"]


@then(parsers.parse("la règle appliquée est « {code} »"))
def then_rule(world, code):
    assert _last(world).code == code, world["path"]


@then(parsers.parse("le parcours dit « {text} »"))
def then_path_says(world, text):
    assert any(text in step.rule for step in world["path"]), world["path"]


@then(parsers.parse("la section du guide citée est « {section} »"))
def then_section(world, section):
    assert _last(world).guide_section.endswith(section), world["path"]
