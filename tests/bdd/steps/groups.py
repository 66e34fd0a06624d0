"""French steps of the group features (hunt groups, queues, pickup groups): settings and
members through the carriers' blocks, behaviour through the call-path explainer."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.calendars.models import Calendar
from backoffice.core.carriers import registry
from backoffice.core.declarations import CallContext
from backoffice.core.explainer import explain_call, member_inputs
from backoffice.core.groups.models import PickupGroup
from backoffice.core.media.service import audio_limits, store_audio
from backoffice.extensions import db
from backoffice.testing.audio import fake_mp3_bytes, mp3_bytes, wav_bytes
from tests.bdd.steps.forwarding import _attempt, _find_line, _region

MONDAY = "2026-11-23T10:00"
LINE_FIELDS = ("message_recipient",)
CALL_INPUTS = {"en ligne": "busy_members", "hors ligne": "offline_members",
               "appels en attente": "calls_waiting", "attente (s)": "waited",
               "dernier à répondre": "last_answered"}


def _blocks(world, feature: str):
    entry = registry()[world["tenant"].carrier_id]
    return [block for block in entry.blocks if block.feature == feature]


def _settings_block(world):
    return next(b for b in _blocks(world, "hunt_groups") if hasattr(b, "write"))


def _members_block(world):
    return next(b for b in _blocks(world, "hunt_groups") if hasattr(b, "add"))


def _pickup_block(world):
    return _blocks(world, "pickup_groups")[0]


def _group_settings(world, number: str, datatable) -> dict:
    block = _settings_block(world)
    line = _find_line(world, number)
    schema = block.schema(world["tenant"])
    current = schema.dump(block.read(world["tenant"], line))
    current.pop("version", None)
    current = {k: v for k, v in current.items() if v is not None}
    given = {name: _setting_value(world, name, value) for name, value in datatable[1:]}
    return {**current, **given}


def _setting_value(world, name: str, value: str):
    """A line by its number, the file just uploaded, a calendar by its name, or as written."""
    if name in LINE_FIELDS and value:
        return _find_line(world, value).id
    if name.endswith("_audio_id") and value == "le fichier téléversé":
        return world["audio"].id
    if name == "calendar_id":
        return db.session.scalar(select(Calendar.id).where(
            Calendar.tenant_id == world["tenant"].id, Calendar.name == value)) if value \
            else None
    return value


AUDIO_USES = {"le message d'accueil": "greeting", "l'attente musicale": "hold_music"}


@when(parsers.parse("on téléverse un fichier {fmt} « {name} » pour {use} de la file "
                    "d'attente"))
def when_queue_upload(world, fmt, name, use):
    kind = AUDIO_USES[use]
    data = {"WAV": lambda: wav_bytes(3), "MP3": lambda: mp3_bytes(3),
            "texte": fake_mp3_bytes}[fmt]()

    def upload():
        world["audio"] = store_audio(world["tenant"], data, name,
                                     audio_limits(world["tenant"], f"hunt_groups.{kind}"),
                                     object_type="hunt_group", field=f"{kind}_audio_id")
        return world["audio"]
    _attempt(world, upload)


@then(parsers.parse("le parcours passe par « {code} »"))
def then_path_through(world, code):
    assert code in [step.code for step in world["path"]], world["path"]


@then(parsers.parse("le parcours ne passe pas par « {code} »"))
def then_path_not_through(world, code):
    assert code not in [step.code for step in world["path"]], world["path"]


# -- a member's own line (SFR §6.1.2, bloc « GROUPES D'APPELS ») ------------------------------

PRESENCE = {"Présent": True, "Sorti": False}


def _memberships_block(world):
    return next(b for b in registry()[world["tenant"].carrier_id].blocks
                if b.feature == "hunt_group_presence")


def _membership_of(world, member: str, number: str):
    block, line = _memberships_block(world), _find_line(world, member)
    group = _find_line(world, number)
    return next(item for item in block.items(world["tenant"], line)
                if item.group_line_id == group.id)


@when(parsers.parse("sur la ligne « {member} » on met le groupement « {number} » au statut "
                    "« {status} »"))
def when_line_presence(world, member, number, status):
    block, item = _memberships_block(world), _membership_of(world, member, number)
    _attempt(world, block.change, item, {"group_line_id": item.group_line_id,
                                         "present": PRESENCE[status]})


@when(parsers.parse("sur la ligne « {member} » on met l'appartenance au groupement "
                    "« {number} » sur le groupement « {other} »"))
def when_line_other_group(world, member, number, other):
    block, item = _memberships_block(world), _membership_of(world, member, number)
    _attempt(world, block.change, item, {"group_line_id": _find_line(world, other).id,
                                         "present": item.present})


@then(parsers.parse("sur la ligne « {member} », le groupement « {number} » est au statut "
                    "« {status} »"))
def then_line_presence(world, member, number, status):
    db.session.expire_all()
    assert _membership_of(world, member, number).present is PRESENCE[status]


@given(parsers.parse("le groupement « {number} » réglé ainsi :"))
def given_group_settings(world, number, datatable):
    block = _settings_block(world)
    block.write(world["tenant"], _find_line(world, number),
                _group_settings(world, number, datatable))


@when(parsers.parse("on règle le groupement « {number} » ainsi :"))
def when_group_settings(world, number, datatable):
    block = _settings_block(world)
    _attempt(world, block.write, world["tenant"], _find_line(world, number),
             _group_settings(world, number, datatable))


@given(parsers.parse("le groupement « {number} » sans membre"))
def given_no_member(world, number):
    block = _members_block(world)
    line = _find_line(world, number)
    for member in block.items(world["tenant"], line):
        block.remove(member)


@when(parsers.parse("on ajoute la ligne « {member} » au groupement « {number} »"))
def when_add_member(world, member, number):
    _attempt(world, _members_block(world).add, world["tenant"], _find_line(world, number),
             {"line_id": _find_line(world, member).id})


def _membership(world, member: str, number: str):
    block = _members_block(world)
    wanted = _find_line(world, member).id
    return next(m for m in block.items(world["tenant"], _find_line(world, number))
                if m.line_id == wanted)


@when(parsers.parse("on retire la ligne « {member} » du groupement « {number} »"))
def when_remove_member(world, member, number):
    _attempt(world, _members_block(world).remove, _membership(world, member, number))


@given(parsers.parse("le membre « {member} » déconnecté du groupement « {number} »"))
@when(parsers.parse("on déconnecte la ligne « {member} » du groupement « {number} »"))
def when_disconnect(world, member, number):
    item = _membership(world, member, number)
    _attempt(world, _members_block(world).change, item,
             {"line_id": item.line_id, "position": item.position, "present": False})


@when(parsers.parse("on place la ligne « {member} » en position {position:d} du groupement "
                    "« {number} »"))
def when_move(world, member, position, number):
    item = _membership(world, member, number)
    _attempt(world, _members_block(world).change, item,
             {"line_id": item.line_id, "position": position, "present": item.present})


@then(parsers.parse("les membres du groupement « {number} » sont, dans l'ordre, « {numbers} »"))
def then_members(world, number, numbers):
    members = _members_block(world).items(world["tenant"], _find_line(world, number))
    expected = [_find_line(world, text.strip()).id for text in numbers.split(",")]
    assert [m.line_id for m in members] == expected, [m.line.number for m in members]


@then(parsers.parse("la ligne « {member} » n'est plus connectée au groupement « {number} »"))
def then_member_away(world, member, number):
    db.session.expire_all()
    assert not _membership(world, member, number).present


@then(parsers.parse("la ligne « {member} » est connectée au groupement « {number} »"))
def then_connected(world, member, number):
    assert _membership(world, member, number).present


@then(parsers.parse("le groupement « {number} » a pour réglage « {name} » = « {value} »"))
def then_group_value(world, number, name, value):
    block = _settings_block(world)
    values = block.schema(world["tenant"]).dump(
        block.read(world["tenant"], _find_line(world, number)))
    assert str(values[name]) == value, values


def _call(world, number: str, inputs: dict) -> None:
    tenant = world["tenant"]
    world["line"] = _find_line(world, number)
    local = datetime.fromisoformat(MONDAY).replace(tzinfo=ZoneInfo(tenant.timezone))
    group = member_inputs(inputs, _region(world))
    world["path"] = explain_call(tenant, world["line"],
                                 CallContext("+33612345678", local, "idle", "", **group))


@when(parsers.parse("un appel arrive au groupement « {number} »"))
def when_group_call(world, number):
    _call(world, number, {})


@when(parsers.parse("un appel arrive au groupement « {number} » avec :"))
def when_group_call_with(world, number, datatable):
    inputs = {}
    for name, value in datatable[1:]:
        key = CALL_INPUTS[name]
        inputs[key] = value.replace(",", "\n") if key.endswith("_members") else value
    _call(world, number, inputs)


@then(parsers.parse("« {numbers} » sonnent dans cet ordre"))
def then_ring_order(world, numbers):
    expected = [_find_line(world, text.strip()).number for text in numbers.split(",")]
    last = world["path"][-1]
    assert last.action == "distribution", world["path"]
    assert last.target.split(", ") == expected, last.target


@then("l'appel attend dans la file d'attente")
def then_queued(world):
    assert world["path"][-1].action == "queue", world["path"]


# -- pickup groups ---------------------------------------------------------------------------


def _pickup_data(world, name: str, members: str) -> dict:
    site = world["tenant"].sites[0]
    return {"name": name, "site_id": site.id,
            "members": [text.strip() for text in members.split(",") if text.strip()]}


@when(parsers.parse("on crée le groupe d'interception « {name} » avec « {members} »"))
def when_create_pickup(world, name, members):
    _attempt(world, _pickup_block(world).add, world["tenant"], None,
             _pickup_data(world, name, members))


def _pickup(world, name: str) -> PickupGroup | None:
    return db.session.scalar(select(PickupGroup).where(
        PickupGroup.tenant_id == world["tenant"].id, PickupGroup.name == name))


@when(parsers.parse("on supprime le groupe d'interception « {name} »"))
def when_delete_pickup(world, name):
    _attempt(world, _pickup_block(world).remove, _pickup(world, name))


@then(parsers.parse("le groupe d'interception « {name} » réunit « {members} »"))
def then_pickup_members(world, name, members):
    group = _pickup(world, name)
    assert group is not None
    expected = [_find_line(world, text.strip()).number for text in members.split(",")]
    assert sorted(group.numbers) == sorted(expected), group.numbers


@then(parsers.parse("le groupe d'interception « {name} » n'existe plus"))
def then_pickup_gone(world, name):
    assert _pickup(world, name) is None


@when(parsers.parse("un appel arrive sur la ligne « {number} »"))
def when_line_call(world, number):
    _call(world, number, {})



@then("aucune étape ne propose l'interception")
def then_no_pickup(world):
    assert "pickup" not in [step.action for step in world["path"]], world["path"]
