"""French steps of devices and programmable keys (SFR §6.16, §6.17, §9.2, §9.3; Cooptel
§12–§15). Changes go through the carrier's blocks, as the UI and the API do."""

from __future__ import annotations

import html
import re

from flask_babel import force_locale
from pytest_bdd import parsers, then, when
from sqlalchemy import select

from backoffice.core.carriers import registry
from backoffice.core.devices import service
from backoffice.core.devices.models import Device
from backoffice.core.devices.schemas import KEY_KIND_LABELS
from backoffice.extensions import db
from backoffice.i18n import gettext
from tests.bdd.steps.blacklist import _attempt, _block, _line
from tests.bdd.steps.common import _counts, _line_by_number
from tests.bdd.steps.pages import _api, _web

KINDS_FR = {"Supervision": "supervision", "Raccourci": "speed_dial",
            "Interception": "pickup", "Ligne": "line"}


def _model_id(world, label: str) -> str | None:
    if not label:
        return None
    models = registry()[world["tenant"].carrier_id].offer("devices").limits.models
    return next(model.id for model in models if model.label == label)


def _device(world, number: str) -> Device | None:
    db.session.expire_all()
    return db.session.scalar(select(Device).where(Device.line_id == _line(world, number).id))


def _hardware_block(world):
    return _block(world, "devices")


@when(parsers.parse("on associe à la ligne « {number} » le matériel « {model} » d'adresse "
                    "MAC « {mac} »"))
def when_associate(world, number, model, mac):
    data = {"model": _model_id(world, model), "mac": mac or None}
    _attempt(world, _hardware_block(world).add, world["tenant"], _line(world, number), data)


@when(parsers.parse("on associe à la ligne « {number} » un matériel sans modèle, d'adresse "
                    "MAC « {mac} »"))
def when_associate_without_model(world, number, mac):
    _attempt(world, _hardware_block(world).add, world["tenant"], _line(world, number),
             {"mac": mac})


@when(parsers.parse("on associe à la ligne « {number} » le matériel « {model} » sans adresse "
                    "MAC"))
def when_associate_without_mac(world, number, model):
    _attempt(world, _hardware_block(world).add, world["tenant"], _line(world, number),
             {"model": _model_id(world, model)})


@when(parsers.parse("on change le matériel de la ligne « {number} » pour « {model} »"))
def when_change_model(world, number, model):
    device = _device(world, number)
    _attempt(world, _hardware_block(world).change, device,
             {"model": _model_id(world, model), "mac": device.mac})
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("on s'apprête à changer le matériel de la ligne « {number} » pour "
                    "« {model} »"))
def when_about_to_change(world, number, model):
    with force_locale("fr"):
        world["caution"] = _hardware_block(world).caution(
            world["tenant"], _line(world, number), {"model": _model_id(world, model)})


@then(parsers.parse("l'avertissement dit « {words} »"))
def then_caution_says(world, words):
    assert words in (world["caution"] or ""), world["caution"]


@then(parsers.parse("l'avertissement cite « {words} »"))
def then_caution_names(world, words):
    assert words in (world["caution"] or ""), world["caution"]


@when(parsers.parse("on supprime le matériel de la ligne « {number} »"))
def when_remove_hardware(world, number):
    _attempt(world, _hardware_block(world).remove, _device(world, number))
    assert world["refusal"] is None, world["refusal"].violations


@then(parsers.parse("la confirmation de suppression du matériel de la ligne « {number} » dit "
                    "« {words} »"))
def then_removal_confirmation(world, number, words):
    with force_locale("fr"):
        assert words in _hardware_block(world).describe(_device(world, number))


@then(parsers.parse("le matériel est refusé : « {code} » sur le champ « {field} »"))
def then_hardware_refused(world, code, field):
    assert world["refusal"] is not None, "the hardware was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("le matériel est refusé sur le champ « {field} »"))
def then_hardware_refused_on(world, field):
    assert world["refusal"] is not None, "the hardware was accepted"
    assert field in [v.field for v in world["refusal"].violations]


@then(parsers.parse("la ligne « {number} » a le matériel « {model} », touches "
                    "programmables « {programmed} »"))
def then_line_hardware(world, number, model, programmed):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    device = _device(world, number)
    assert device.model == _model_id(world, model)
    assert device.programmed == programmed


@then(parsers.parse("la ligne « {number} » n'a plus de matériel"))
def then_no_hardware(world, number):
    assert _device(world, number) is None


def _keys_block(world):
    return _block(world, "programmable_keys")


def _write_keys(world, number: str, keys: list[dict]) -> None:
    _attempt(world, _keys_block(world).write, world["tenant"], _line(world, number),
             {"keys": keys})


@when(parsers.parse("on programme les touches de la ligne « {number} » :"))
def when_program_keys(world, number, datatable):
    keys = []
    for kind, line, dialled, label in datatable[1:]:
        key = {"kind": KINDS_FR[kind.strip()]}
        if line.strip():
            key["line_id"] = _line(world, line.strip()).id
        if dialled.strip():
            key["number"] = dialled.strip()
        if label.strip():
            key["label"] = label.strip()
        keys.append(key)
    _write_keys(world, number, keys)


@when(parsers.parse("on programme {count:d} touches de supervision sur la ligne « {number} »"))
def when_many_supervision_keys(world, count, number):
    watched = _line(world, "04 83 05 01 88").id
    _write_keys(world, number, [{"kind": "supervision", "line_id": watched}] * count)


@when(parsers.parse("on programme {count:d} touches de raccourci sur la ligne « {number} »"))
def when_many_speed_dials(world, count, number):
    _write_keys(world, number, [{"kind": "speed_dial", "number": f"38{index:02d}"}
                                for index in range(count)])


@then(parsers.parse("les touches sont refusées : « {code} » sur le champ « {field} », "
                    "limite {limit:d}"))
def then_keys_refused_at_limit(world, code, field, limit):
    assert world["refusal"] is not None, "the keys were accepted"
    assert (code, field, limit) in [(v.code, v.field, v.limit)
                                    for v in world["refusal"].violations]
    assert _counts() == world["before"]


@then(parsers.parse("les touches sont refusées : « {code} » sur le champ « {field} »"))
def then_keys_refused(world, code, field):
    assert world["refusal"] is not None, "the keys were accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("les touches de la ligne « {number} » sont :"))
def then_keys_are(world, number, datatable):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    keys = service.read_keys(world["tenant"], _line(world, number))["keys"]
    rows = datatable[1:]
    assert len(keys) == len(rows)
    with force_locale("fr"):
        for key, (position, kind, shown) in zip(keys, rows, strict=True):
            assert key["position"] == int(position)
            assert gettext(KEY_KIND_LABELS[key["kind"]]) == kind.strip()
            assert shown.strip() in (key["label"] or key["target"] or ""), key


@then(parsers.parse("la ligne « {number} » a {count:d} touches programmées"))
def then_key_count(world, number, count):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    assert len(_device(world, number).keys) == count


# Cooptel: the phone bank and its phones assigned to extensions


def _phone(world, name: str) -> Device:
    db.session.expire_all()
    return db.session.scalars(select(Device).where(
        Device.tenant_id == world["tenant"].id, Device.name == name)).one()


@when(parsers.parse("on ajoute à la banque le téléphone « {mac} » nommé « {name} »"))
def when_add_phone(world, mac, name):
    _attempt(world, _hardware_block(world).add, world["tenant"], None,
             {"mac": mac, "name": name})


@when(parsers.parse("on ajoute à la banque le téléphone « {mac} » sans nom"))
def when_add_phone_unnamed(world, mac):
    _attempt(world, _hardware_block(world).add, world["tenant"], None, {"mac": mac})


@then(parsers.parse("la banque contient le téléphone « {name} » d'adresse MAC « {mac} »"))
def then_bank_has(world, name, mac):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    assert _phone(world, name).mac == mac


@then(parsers.parse("le téléphone est refusé sur le champ « {field} »"))
def then_phone_refused(world, field):
    assert world["refusal"] is not None, "the phone was accepted"
    assert field in [v.field for v in world["refusal"].violations]


def _assign(world, name: str, extension: str, model: str, keys: str,
            timezone: str | None = None) -> None:
    data = {"device_id": _phone(world, name).id, "model": _model_id(world, model),
            "line_keys": [int(key) for key in keys.split(",")]}
    if timezone:
        data["timezone"] = timezone
    _attempt(world, _keys_block(world).add, world["tenant"],
             _line(world, extension=extension), data)


@when(parsers.parse("on assigne, au fuseau « {timezone} », le téléphone « {name} » au poste "
                    "« {extension} », modèle « {model} », boutons de ligne « {keys} »"))
def when_assign_in_zone(world, timezone, name, extension, model, keys):
    _assign(world, name, extension, model, keys, timezone)


@when(parsers.parse("on assigne le téléphone « {name} » au poste « {extension} », modèle "
                    "« {model} », boutons de ligne « {keys} »"))
def when_assign(world, name, extension, model, keys):
    _assign(world, name, extension, model, keys)


@when(parsers.parse("on s'apprête à choisir le modèle « {model} » pour le téléphone "
                    "« {name} »"))
def when_about_to_choose_model(world, model, name):
    with force_locale("fr"):
        world["caution"] = _keys_block(world).caution(
            world["tenant"], _line(world, extension="102"),
            {"device_id": _phone(world, name).id, "model": _model_id(world, model)})


@when(parsers.parse("on change les boutons de ligne du téléphone « {name} » sur le poste "
                    "« {extension} » pour « {keys} »"))
def when_change_line_keys(world, name, extension, keys):
    block, line = _keys_block(world), _line(world, extension=extension)
    assignment = block.find(world["tenant"], line, _phone(world, name).id)
    _attempt(world, block.change, assignment, {
        "device_id": assignment.device_id, "model": assignment.model,
        "timezone": assignment.timezone, "line_keys": [int(k) for k in keys.split(",")]})


@when(parsers.parse("on désassigne le téléphone « {name} » du poste « {extension} »"))
def when_unassign(world, name, extension):
    block, line = _keys_block(world), _line(world, extension=extension)
    _attempt(world, block.remove, block.find(world["tenant"], line, _phone(world, name).id))
    assert world["refusal"] is None, world["refusal"].violations


@then(parsers.parse("le poste « {extension} » a le téléphone « {name} » sur les boutons de "
                    "ligne « {keys} »"))
def then_extension_has_phone(world, extension, name, keys):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    line = _line(world, extension=extension)
    found = {a.device.name: a.line_keys for a in _keys_block(world).items(world["tenant"], line)}
    assert found.get(name) == [int(key) for key in keys.split(",")], found


@then(parsers.parse("le téléphone « {name} » est au fuseau horaire « {timezone} »"))
def then_phone_zone(world, name, timezone):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    assert _phone(world, name).timezone == timezone


@then(parsers.parse("le téléphone « {name} » sert les postes « {extensions} »"))
def then_phone_serves(world, name, extensions):
    assert _phone(world, name).extensions == extensions


@then(parsers.parse("l'assignation est refusée : « {code} » sur le champ « {field} »"))
def then_assignment_refused(world, code, field):
    assert world["refusal"] is not None, "the assignment was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("l'assignation est refusée sur le champ « {field} »"))
def then_assignment_refused_on(world, field):
    assert world["refusal"] is not None, "the assignment was accepted"
    assert field in [v.field for v in world["refusal"].violations]


# The state of the extensions (Cooptel §15)


def _network(world):
    from backoffice.core.provisioning import network_for

    return network_for(world["tenant"].carrier_id)


def _state(world, text: str) -> str:
    from backoffice.core.line_status import status_label, statuses_of

    line = _line_by_number(world["tenant"], text)
    with force_locale("fr"):
        return status_label(statuses_of(world["tenant"], [line]).get(line.id))


@when(parsers.parse("un appel est en cours sur le poste « {extension} »"))
def when_call_in_progress(world, extension):
    _network(world).begin_call(_line_by_number(world["tenant"], extension))


@when(parsers.parse("l'appel du poste « {extension} » se termine"))
def when_call_ends(world, extension):
    _network(world).end_call(_line_by_number(world["tenant"], extension))


@then(parsers.parse("l'état du poste « {extension} » est « {state} »"))
def then_state(world, extension, state):
    assert _state(world, extension) == state


@then(parsers.parse("le numéro « {number} » n'a pas d'état"))
def then_no_state(world, number):
    assert _state(world, number) == ""


@then(parsers.parse("la liste des postes montre le poste « {a} » « {state_a} », le poste "
                    "« {b} » « {state_b} » et le poste « {c} » « {state_c} »"))
def then_list_states(world, agent_client, app, a, state_a, b, state_b, c, state_c):
    page = _web(world, agent_client).get(f"/tenants/{world['tenant'].id}",
                                         headers={"Accept-Language": "fr"})
    assert page.status_code == 200
    text = html.unescape(page.text)
    assert "<th>État</th>" in text
    for extension, state in ((a, state_a), (b, state_b), (c, state_c)):
        row = re.search(rf">{extension}</a></td>.*?</tr>", text, re.DOTALL) or re.search(
            rf"<td>{extension}</td>.*?</tr>", text, re.DOTALL)
        assert row, extension
        assert f'<span class="badge">{state}</span>' in row.group(0), row.group(0)


@then(parsers.parse("la page du poste « {extension} » montre « {words} »"))
def then_line_page_state(world, agent_client, extension, words):
    line = _line_by_number(world["tenant"], extension)
    page = _web(world, agent_client).get(f"/tenants/{world['tenant'].id}/lines/{line.id}",
                                         headers={"Accept-Language": "fr"})
    assert page.status_code == 200
    assert words in html.unescape(page.text)


@then(parsers.parse("l'API donne au poste « {extension} » l'état « {status} », « {label} »"))
def then_api_state(world, app, extension, status, label):
    world["app"] = app
    line = _line_by_number(world["tenant"], extension)
    answer = _api(world)("GET", f"/api/v1/tenants/{world['tenant'].id}/lines/{line.id}/status")
    assert answer.status_code == 200, answer.text
    assert (answer.json["status"], answer.json["label"]) == (status, label)


@then(parsers.parse("l'API donne au numéro « {number} » aucun état"))
def then_api_no_state(world, app, number):
    world["app"] = app
    line = _line_by_number(world["tenant"], number)
    answer = _api(world)("GET", f"/api/v1/tenants/{world['tenant'].id}/lines/{line.id}/status")
    assert answer.status_code == 200, answer.text
    assert answer.json["status"] is None


@then(parsers.parse("l'API liste à l'état « {status} » les postes « {extensions} »"))
def then_api_filtered(world, app, status, extensions):
    world["app"] = app
    answer = _api(world)("GET", f"/api/v1/tenants/{world['tenant'].id}/line-statuses"
                                f"?status={status}")
    assert answer.status_code == 200, answer.text
    assert [item["extension"] for item in answer.json["items"]] == extensions.split(", ")
    assert {item["status"] for item in answer.json["items"]} == {status}


# Cooptel softphones (§13)


def _softphones_block(world):
    return _block(world, "softphones")


def _softphone_device(world, name: str) -> Device:
    db.session.expire_all()
    return db.session.scalars(select(Device).where(
        Device.tenant_id == world["tenant"].id, Device.kind == "softphone",
        Device.name == name)).one()


@when(parsers.parse("on ajoute au poste « {extension} » le téléphone logiciel « {name} »"))
def when_add_softphone(world, extension, name):
    _attempt(world, _softphones_block(world).add, world["tenant"],
             _line(world, extension=extension), {"name": name})
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("on ajoute au poste « {extension} » un téléphone logiciel au nom de "
                    "{length:d} caractères"))
def when_add_softphone_long(world, extension, length):
    _attempt(world, _softphones_block(world).add, world["tenant"],
             _line(world, extension=extension), {"name": "x" * length})


@when(parsers.parse("on supprime le téléphone logiciel « {name} » du poste « {extension} »"))
def when_remove_softphone(world, name, extension):
    block, line = _softphones_block(world), _line(world, extension=extension)
    item = block.find(world["tenant"], line, _softphone_device(world, name).id)
    _attempt(world, block.remove, item)


@then(parsers.parse("le poste « {extension} » a {count:d} téléphone logiciel"))
@then(parsers.parse("le poste « {extension} » a {count:d} téléphones logiciels"))
def then_softphone_count(world, extension, count):
    items = _softphones_block(world).items(world["tenant"], _line(world, extension=extension))
    assert len(items) == count, [item.name for item in items]


@then(parsers.parse("le téléphone logiciel « {name} » a un nom d'utilisateur SIP, le serveur "
                    "« {server} » et un mot de passe"))
def then_softphone_account(world, name, server):
    device = _softphone_device(world, name)
    item = _softphones_block(world).find(world["tenant"], device.line, device.id)
    dumped = _softphones_block(world).schema(world["tenant"]).dump(item)
    assert dumped["sip_username"] and len(dumped["sip_password"]) >= 12, dumped
    assert dumped["server"] == server


@then(parsers.parse("le mot de passe du téléphone logiciel « {name} » n'est ni dans "
                    "l'historique ni dans l'ordre"))
def then_password_kept_out(world, name):
    from backoffice.core.models import AuditRecord, ProvisioningOrder

    device = _softphone_device(world, name)
    audit = db.session.scalars(select(AuditRecord).where(
        AuditRecord.object_type == "softphone", AuditRecord.object_id == device.id)).one()
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.audit_id == audit.id)).one()
    assert audit.after["sip_username"] == device.sip_username
    assert device.sip_password not in str(audit.after) + str(order.payload)


@then(parsers.parse("les téléphones logiciels du poste « {extension} » ont chacun leur nom "
                    "d'utilisateur et leur mot de passe"))
def then_own_accounts(world, extension):
    items = _softphones_block(world).items(world["tenant"], _line(world, extension=extension))
    assert len({item.sip_username for item in items}) == len(items) > 1
    assert len({item.sip_password for item in items}) == len(items)


@then(parsers.parse("le bloc des téléphones logiciels du poste « {extension} » dit "
                    "« {words} »"))
def then_softphone_summary(world, extension, words):
    with force_locale("fr"):
        summary = _softphones_block(world).summary(world["tenant"],
                                                   _line(world, extension=extension))
    assert words in summary, summary


@then(parsers.parse("le téléphone logiciel est refusé sur le champ « {field} »"))
def then_softphone_refused(world, field):
    assert world["refusal"] is not None, "the softphone was accepted"
    assert field in [v.field for v in world["refusal"].violations]


@then(parsers.parse("le numéro « {number} » n'offre pas de téléphone logiciel"))
def then_no_softphone(world, number):
    from backoffice.core.errors import NotOffered

    line = _line_by_number(world["tenant"], number)
    try:
        _softphones_block(world).add(world["tenant"], line, {"name": "Fax"})
    except NotOffered:
        return
    raise AssertionError("a fax number took a softphone")


@then(parsers.parse("l'API liste au poste « {extension} » le téléphone logiciel « {name} » "
                    "au serveur « {server} »"))
def then_api_softphones(world, app, extension, name, server):
    world["app"] = app
    line = _line_by_number(world["tenant"], extension)
    answer = _api(world)("GET", f"/api/v1/tenants/{world['tenant'].id}/lines/{line.id}"
                                f"/softphones")
    assert answer.status_code == 200, answer.text
    items = answer.json["items"] if isinstance(answer.json, dict) else answer.json
    assert [(item["name"], item["server"]) for item in items] == [(name, server)]
    assert all(item["sip_username"] and item["sip_password"] for item in items)
