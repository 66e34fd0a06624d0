"""French steps of Bell's 9-1-1 addresses and Push-to-Talk administration: changes through
the carrier's blocks, 9-1-1 calls through the call-path explainer, pages as an agent sees
them."""

from __future__ import annotations

import html
from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext
from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.carriers import registry
from backoffice.core.declarations import CallContext
from backoffice.core.e911.models import E911Address
from backoffice.core.explainer import explain_call
from backoffice.core.models import Line, ProvisioningOrder
from backoffice.core.ptt.models import PttContact, PttList
from backoffice.core.ptt.service import device_name
from backoffice.extensions import db
from tests.bdd.steps.common import _line_by_number
from tests.bdd.steps.forwarding import _attempt
from tests.bdd.steps.pages import _click_delete, _web

MONTREAL = {"province": "CA-QC", "municipality": "Montréal", "building_number": "1050",
            "street_name": "Beaver Hall"}
WHAT = "(?P<what>la sous-liste|le groupe)"
NAME = "« (?P<name>[^»]+) »"
NAMES = "« (?P<names>[^»]+) »"
KINDS = {"la sous-liste": ("sub_list", "ptt-sub-lists"),
         "le groupe": ("talk_group", "ptt-talk-groups")}


def _block(world, block_id: str):
    return registry()[world["tenant"].carrier_id].block(block_id)


def _table(datatable) -> dict[str, str]:
    return {name: value for name, value in datatable[1:]}


# -- 9-1-1 addresses ------------------------------------------------------------------------

def _address(world, words: str) -> E911Address:
    number, _, street = words.partition(" ")
    return db.session.scalars(select(E911Address).where(
        E911Address.line_id == world["line"].id, E911Address.building_number == number,
        E911Address.street_name == street)).one()


@given(parsers.parse("l'adresse 9-1-1 « {number} » « {street} » à « {municipality} » "
                     "(« {province} »)"))
def given_address(world, number, street, municipality, province):
    _block(world, "e911-addresses").add(world["tenant"], world["line"], {
        "province": province, "municipality": municipality, "building_number": number,
        "street_name": street})


@when("on ajoute l'adresse 9-1-1 :")
def when_add_address(world, datatable):
    _attempt(world, _block(world, "e911-addresses").add, world["tenant"], world["line"],
             _table(datatable))


@when(parsers.parse("on ajoute une adresse 9-1-1 à Montréal sans le champ « {name} »"))
def when_add_address_without(world, name):
    data = {key: value for key, value in MONTREAL.items() if key != name}
    _attempt(world, _block(world, "e911-addresses").add, world["tenant"], world["line"], data)


@when(parsers.parse("on ajoute une adresse 9-1-1 à Montréal dans la province « {province} »"))
def when_add_address_in(world, province):
    _attempt(world, _block(world, "e911-addresses").add, world["tenant"], world["line"],
             {**MONTREAL, "province": province})


@when(parsers.re("on ajoute une adresse 9-1-1 à Montréal à la latitude « (?P<latitude>[^»]*) » "
                 "et à la longitude « (?P<longitude>[^»]*) »"))
def when_add_address_at(world, latitude, longitude):
    _attempt(world, _block(world, "e911-addresses").add, world["tenant"], world["line"],
             {**MONTREAL, "latitude": latitude, "longitude": longitude})


@when(parsers.parse("on sélectionne « Hors du Canada » comme emplacement actuel"))
def when_outside(world):
    _attempt(world, _block(world, "e911-location").write, world["tenant"], world["line"],
             {"outside": "on"})


@when(parsers.parse("on désélectionne « Hors du Canada »"))
def when_not_outside(world):
    _attempt(world, _block(world, "e911-location").write, world["tenant"], world["line"], {})


@when(parsers.parse("on sélectionne l'adresse « {words} » comme adresse actuelle"))
def when_make_current(world, words):
    _attempt(world, _block(world, "e911-addresses").change, _address(world, words),
             {"current": True})


@when(parsers.parse("on modifie l'adresse « {words} » ainsi :"))
def when_change_address(world, words, datatable):
    _attempt(world, _block(world, "e911-addresses").change, _address(world, words),
             _table(datatable))


@when(parsers.parse("on supprime l'adresse « {words} »"))
def when_remove_address(world, words):
    _attempt(world, _block(world, "e911-addresses").remove, _address(world, words))


@then(parsers.parse("le bouton Supprimer de l'adresse « {words} » est désactivé"))
def then_address_kept(world, words):
    assert _block(world, "e911-addresses").removable(_address(world, words))


@then("la ligne n'a aucune adresse 9-1-1")
def then_no_address(world):
    assert _block(world, "e911-addresses").items(world["tenant"], world["line"]) == []


@then(parsers.parse("la ligne a {count:d} adresse 9-1-1"))
def then_address_count(world, count):
    assert len(_block(world, "e911-addresses").items(world["tenant"], world["line"])) == count


@then(parsers.parse("l'adresse actuelle est « {words} »"))
def then_current(world, words):
    assert _block(world, "e911-location").read(world["tenant"], world["line"])["address"] \
        == words


@when(parsers.parse("la ligne compose le « {number} »"))
def when_dial(world, number):
    tenant = world["tenant"]
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo(tenant.timezone))
    digits = "".join(ch for ch in number if ch.isdigit())
    world["path"] = explain_call(tenant, world["line"], CallContext(
        None, moment, direction="outgoing", dialled=digits))


@when(parsers.parse("l'agent ouvre la page de la ligne « {text} »"))
def when_open_line_page(world, agent_client, text):
    line = _line_by_number(world["tenant"], text)
    world["page"] = _web(world, agent_client).get(
        f"/tenants/{world['tenant'].id}/lines/{line.id}")


@then(parsers.parse("la page affiche « {text} »"))
def then_page_shows(world, text):
    assert text in html.unescape(world["page"].text)


# -- Push-to-Talk -----------------------------------------------------------------------------

def _device(world, name: str) -> Line:
    devices = db.session.scalars(select(Line).where(Line.tenant_id == world["tenant"].id))
    return next(line for line in devices if device_name(line) == name)


def _member_key(world, name: str) -> str:
    contact = db.session.scalar(select(PttContact).where(
        PttContact.tenant_id == world["tenant"].id, PttContact.name == name))
    if contact is not None:
        return f"contact:{contact.id}"
    return f"line:{_device(world, name).id}"


def _members(world, names: str) -> list[str]:
    return [_member_key(world, name.strip()) for name in names.split(",")]


def _list(world, what: str, name: str) -> PttList | None:
    kind, _ = KINDS[what]
    return db.session.scalar(select(PttList).where(
        PttList.tenant_id == world["tenant"].id, PttList.kind == kind, PttList.name == name))


@then(parsers.parse("la liste maîtresse compte les appareils « {names} »"))
def then_master_devices(world, names):
    summary = _block(world, "ptt-contacts").summary(world["tenant"], None)
    assert all(name.strip() in summary for name in names.split(",")), summary


@then(parsers.parse("la liste maîtresse compte le contact externe « {name} »"))
def then_master_contact(world, name):
    contacts = _block(world, "ptt-contacts").items(world["tenant"], None)
    assert name in [contact.name for contact in contacts]


@then(parsers.parse("la liste maîtresse ne compte plus le contact externe « {name} »"))
def then_master_contact_gone(world, name):
    contacts = _block(world, "ptt-contacts").items(world["tenant"], None)
    assert name not in [contact.name for contact in contacts]


@when(parsers.parse("on ajoute le contact externe « {name} » au numéro « {number} »"))
def when_add_contact(world, name, number):
    _attempt(world, _block(world, "ptt-contacts").add, world["tenant"], None,
             {"name": name, "number": number})


@when(parsers.parse("l'agent clique sur « Supprimer » pour le contact externe « {name} »"))
def when_click_delete_contact(world, agent_client, name):
    contact = db.session.scalar(select(PttContact).where(
        PttContact.tenant_id == world["tenant"].id, PttContact.name == name))
    _click_delete(world, agent_client, "ptt-contacts", contact.id)


@when(parsers.re(r"l'agent clique sur « Supprimer » pour " + WHAT + " " + NAME))
def when_click_delete_list(world, agent_client, what, name):
    _click_delete(world, agent_client, KINDS[what][1], _list(world, what, name).id)


@given(parsers.re(WHAT + " " + NAME + " avec " + NAMES))
def given_list(world, what, name, names):
    _block(world, KINDS[what][1]).add(world["tenant"], None,
                                      {"name": name, "members": _members(world, names)})


@when(parsers.re("on ajoute " + WHAT + " " + NAME + " avec " + NAMES))
def when_add_list(world, what, name, names):
    _attempt(world, _block(world, KINDS[what][1]).add, world["tenant"], None,
             {"name": name, "members": _members(world, names)})


@when(parsers.re(r"on retire « (?P<member>[^»]+) » de " + WHAT + " " + NAME))
def when_remove_member(world, member, what, name):
    row = _list(world, what, name)
    kept = [key for key in row.member_keys if key != _member_key(world, member)]
    _attempt(world, _block(world, KINDS[what][1]).change, row, {"members": kept})


COUNT = parsers.re(WHAT + " " + NAME + r" compte (?P<count>\d+) membres")


@given(COUNT)
@then(COUNT)
def then_member_count(world, what, name, count):
    block = _block(world, KINDS[what][1])
    row = _list(world, what, name)
    db.session.refresh(row)
    assert block.schema(world["tenant"]).dump(row)["member_count"] == int(count)


@then(parsers.re(r"(?P<what>la sous-liste|le groupe) « (?P<name>[^»]+) » n\'existe plus"))
def then_list_gone(world, what, name):
    assert _list(world, what, name) is None


@then(parsers.parse("les appareils reçoivent un ordre « {object_type} »"))
def then_order(world, object_type):
    order = db.session.scalars(select(ProvisioningOrder).order_by(
        ProvisioningOrder.id.desc())).first()
    assert order.object_type == object_type


@then(parsers.parse("le réseau de Bell applique l'ordre « {object_type} » : « {detail} »"))
def then_order_applied(world, object_type, detail):
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.object_type == object_type).order_by(
        ProvisioningOrder.id.desc())).first()
    db.session.refresh(order)
    assert (order.status, gettext(order.detail)) == ("applied", detail)


@when(parsers.parse("on coche « Activer le balayage des groupes de discussion » pour "
                    "« {name} »"))
def when_scanning_on(world, name):
    _attempt(world, _block(world, "ptt-scanning").write, world["tenant"],
             _device(world, name), {"scanning": "on"})


@then(parsers.parse("le balayage des groupes de discussion de « {name} » est activé"))
def then_scanning_on(world, name):
    assert _block(world, "ptt-scanning").read(world["tenant"], _device(world, name))["scanning"]


@when(parsers.parse("on ajoute le groupe « {group} » à la liste de balayage de « {name} » en "
                    "priorité « {priority} »"))
def when_scan_group(world, group, name, priority):
    _attempt(world, _block(world, "ptt-scan-list").add, world["tenant"], _device(world, name),
             {"group_id": _list(world, "le groupe", group).id, "priority": priority})


@then(parsers.parse("la liste de balayage de « {name} » est vide"))
def then_scan_list_empty(world, name):
    assert _block(world, "ptt-scan-list").items(world["tenant"], _device(world, name)) == []


def _messaging(world, name: str) -> dict:
    return _block(world, "ptt-messaging").read(world["tenant"], _device(world, name))


@then(parsers.parse("la messagerie sécurisée intégrée de « {name} » est activée, avec le "
                    "message vocal de repli"))
def then_messaging_on(world, name):
    read = _messaging(world, name)
    assert (read["messaging"], read["voice_fallback"], read["location_services"]) == (
        True, True, True)


@then(parsers.parse("la messagerie sécurisée intégrée de « {name} » est désactivée, sans le "
                    "message vocal de repli"))
def then_messaging_off(world, name):
    read = _messaging(world, name)
    assert (read["messaging"], read["voice_fallback"]) == (False, False)


@when(parsers.parse("on désactive la messagerie sécurisée intégrée de « {name} » en laissant "
                    "le message vocal de repli coché"))
def when_messaging_off(world, name):
    _attempt(world, _block(world, "ptt-messaging").write, world["tenant"],
             _device(world, name), {"voice_fallback": "on", "location_services": "on"})


@when(parsers.parse("on décoche les services de localisation de « {name} »"))
def when_location_off(world, name):
    _attempt(world, _block(world, "ptt-messaging").write, world["tenant"],
             _device(world, name), {"messaging": "on", "voice_fallback": "on"})
