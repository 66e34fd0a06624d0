"""French steps of the voice menus (IVR, auto-receptionist) and their announcements: settings
through the carriers' blocks, behaviour through the call-path explainer."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.calendars.models import Calendar
from backoffice.core.carriers import registry
from backoffice.core.errors import ChangeRejected
from backoffice.core.ivr.models import Announcement, IvrKey
from backoffice.core.models import Line, Site
from backoffice.extensions import db
from backoffice.testing import row_counts

HOURS = {"ouverture": "open", "fermeture": "closed"}


def _block(world, block_id: str):
    return registry()[world["tenant"].carrier_id].block(block_id)


def _menu_block(world, kind: str):
    """The carrier's ``ivr`` settings block, its keys block or its announcements block."""
    entry = registry()[world["tenant"].carrier_id]
    wanted = {"menu": ("ivr", "SettingsBlock"), "keys": ("ivr", "CollectionBlock"),
              "announcements": ("announcements", "CollectionBlock")}[kind]
    return next(block for block in entry.blocks
                if block.feature == wanted[0] and type(block).__name__ == wanted[1])


def _menu_line(world) -> Line | None:
    offer = registry()[world["tenant"].carrier_id].offer("ivr")
    return world["line"] if offer.scope == "line" else None


def _announcement(world, name: str) -> Announcement:
    return db.session.scalars(select(Announcement).where(
        Announcement.tenant_id == world["tenant"].id, Announcement.name == name)).one()


def _attempt(world, action, *args):
    world["before_forwarding"] = row_counts()
    world["refusal"] = None
    try:
        world["result"] = action(*args)
    except ChangeRejected as refused:
        db.session.rollback()
        world["refusal"] = refused


def _site_id(world, name: str) -> int:
    return db.session.scalar(select(Site.id).where(Site.tenant_id == world["tenant"].id,
                                                   Site.name == name))


@given(parsers.parse("l'annonce « {name} » du site « {site} »"))
def given_announcement(world, name, site):
    _menu_block(world, "announcements").add(world["tenant"], None,
                                            {"name": name, "site_id": _site_id(world, site)})


@given(parsers.parse("l'annonce « {name} »"))
def given_plain_announcement(world, name):
    _menu_block(world, "announcements").add(world["tenant"], None, {"name": name})


@when(parsers.parse("on ajoute l'annonce « {name} » au site « {site} »"))
def when_add_announcement(world, name, site):
    _attempt(world, _menu_block(world, "announcements").add, world["tenant"], None,
             {"name": name, "site_id": _site_id(world, site)})


@when(parsers.parse("on supprime l'annonce « {name} »"))
def when_remove_announcement(world, name):
    _attempt(world, _menu_block(world, "announcements").remove, _announcement(world, name))


@when(parsers.parse("on renomme l'annonce « {name} » en « {new} »"))
def when_rename_announcement(world, name, new):
    _attempt(world, _menu_block(world, "announcements").change, _announcement(world, name),
             {"name": new})


def _menu_data(world, datatable) -> dict:
    data = {}
    for name, value in datatable[1:]:
        if not value:
            continue  # an empty cell: the field left empty (a switch off)
        if name.endswith("greeting_id"):
            value = _announcement(world, value).id
        elif name == "calendar_id":
            value = db.session.scalars(select(Calendar.id).where(
                Calendar.tenant_id == world["tenant"].id, Calendar.name == value)).one()
        elif name == "line_id":
            value = world["line"].id
        data[name] = value
    return data


@when("on règle le menu vocal ainsi :")
def when_set_menu(world, datatable):
    _attempt(world, _menu_block(world, "menu").write, world["tenant"], _menu_line(world),
             _menu_data(world, datatable))


@given("le menu vocal réglé ainsi :")
def given_menu(world, datatable):
    _menu_block(world, "menu").write(world["tenant"], _menu_line(world),
                                     _menu_data(world, datatable))


def _keys(world, datatable) -> list[dict]:
    header = datatable[0]
    rows = []
    for row in datatable[1:]:
        data = {name: value for name, value in zip(header, row, strict=True) if value}
        if "hours" in data:
            data["hours"] = HOURS[data["hours"]]
        if "greeting_id" in data:
            data["greeting_id"] = _announcement(world, data["greeting_id"]).id
        rows.append(data)
    return rows


@given("les touches du menu vocal :")
def given_keys(world, datatable):
    for data in _keys(world, datatable):
        _menu_block(world, "keys").add(world["tenant"], _menu_line(world), data)


@when("on ajoute la touche :")
def when_add_key(world, datatable):
    data = _keys(world, datatable)[0]
    _attempt(world, _menu_block(world, "keys").add, world["tenant"], _menu_line(world), data)


@when(parsers.parse("on supprime la touche « {path} »"))
def when_remove_key(world, path):
    key = db.session.scalars(select(IvrKey).where(
        IvrKey.tenant_id == world["tenant"].id, IvrKey.path == path,
        IvrKey.hours == "open")).one()
    _attempt(world, _menu_block(world, "keys").remove, key)


@then(parsers.parse("l'annonce « {name} » ne figure plus dans la liste"))
def then_announcement_gone(world, name):
    listed = _menu_block(world, "announcements").items(world["tenant"], None)
    assert name not in [item.name for item in listed]


@then(parsers.parse("la liste des annonces dit « {text} »"))
def then_announcements_summary(world, text):
    assert text in _menu_block(world, "announcements").summary(world["tenant"], None)


@then(parsers.parse("l'appelant entend « {name} »"))
def then_hears(world, name):
    assert any(step.action in ("greeting", "menu") and f"« {name} »" in step.rule
               or f"“{name}”" in step.rule for step in world["path"]), world["path"]


@then("l'appelant entend le message d'accueil par défaut")
def then_hears_default(world):
    assert any(step.action == "greeting" and step.code.endswith("greeting")
               for step in world["path"]), world["path"]
    greeting = next(step for step in world["path"] if step.action == "greeting")
    assert "défaut" in greeting.rule or "default" in greeting.rule, world["path"]


@then(parsers.parse("le menu vocal ne répond pas : « {code} »"))
def then_menu_ends(world, code):
    assert world["path"][-1].code == code, world["path"]


# -- a user line's announcements (SFR §6.10-§6.12) -----------------------------------------

YES_NO = {"oui": True, "non": False}


def _line_announcements(world):
    return _block(world, "announcements-line")


@then("les annonces de la ligne sont :")
def then_line_announcements(world, datatable):
    shown = _line_announcements(world).read(world["tenant"], world["line"])
    assert {name: shown[name] for name, _ in datatable[1:]} == {
        name: YES_NO[value] for name, value in datatable[1:]}


@given("les annonces de la ligne réglées ainsi :")
def given_line_announcements(world, datatable):
    data = {name: value for name, value in datatable[1:] if value}
    _line_announcements(world).write(world["tenant"], world["line"], data)


def _upload(world, data: bytes, name: str) -> None:
    from backoffice.core.carriers import offer_of
    from backoffice.core.media.service import store_audio

    limits = offer_of(world["tenant"], "line_announcements").limits.audio
    _attempt(world, lambda: store_audio(world["tenant"], data, name, limits,
                                        object_type="line_announcements",
                                        field="greeting_audio_id"))
    world["audio"] = world.get("result") if world["refusal"] is None else None


@when(parsers.parse("on dépose pour l'accueil de la ligne un enregistrement WAV de {seconds:d} "
                    "secondes"))
def when_upload_wav(world, seconds):
    from backoffice.testing.audio import wav_bytes

    _upload(world, wav_bytes(seconds, rate=800), "accueil.wav")


@when(parsers.parse("on dépose pour l'accueil de la ligne un enregistrement WAV de {seconds:d} "
                    "secondes en qualité 32 kHz"))
def when_upload_big_wav(world, seconds):
    from backoffice.testing.audio import wav_bytes

    _upload(world, wav_bytes(seconds, rate=32000), "accueil.wav")


@when(parsers.parse("on dépose pour l'accueil de la ligne un faux fichier « {name} »"))
def when_upload_fake(world, name):
    from backoffice.testing.audio import fake_mp3_bytes

    _upload(world, fake_mp3_bytes(), name)


@when("on active l'accueil de la ligne avec cet enregistrement")
def when_greeting_with_recording(world):
    _attempt(world, _line_announcements(world).write, world["tenant"], world["line"], {
        "greeting_enabled": True, "greeting_audio_id": world["audio"].id,
        "hold_enabled": True, "double_call_enabled": True})


@then(parsers.parse("le parcours ne dit pas « {text} »"))
def then_path_does_not_say(world, text):
    assert not any(text in step.rule for step in world["path"]), world["path"]


@then(parsers.parse("le parcours d'un appel libre le « {moment} » dit « {text} »"))
def then_free_call_says(world, moment, text):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from backoffice.core.declarations import CallContext
    from backoffice.core.explainer import explain_call

    tenant = world["tenant"]
    local = datetime.fromisoformat(moment).replace(tzinfo=ZoneInfo(tenant.timezone))
    steps = explain_call(tenant, world["line"], CallContext("+33612345678", local, "idle"))
    assert any(text in step.rule for step in steps), steps


@when(parsers.parse("on règle le nom d'appelant de l'entreprise à « {name} »"))
def when_caller_name(world, name):
    _attempt(world, _block(world, "company-caller-name").write, world["tenant"], None,
             {"caller_name": name})
