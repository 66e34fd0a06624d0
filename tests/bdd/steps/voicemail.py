"""French steps of the voicemail features: settings through the carriers' blocks, uploads
through the audio toolkit, the mailbox's contents as its server keeps them, behaviour
through the call-path explainer."""

from __future__ import annotations

from datetime import timedelta

from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.carriers import registry
from backoffice.core.errors import NotOffered
from backoffice.core.media.service import audio_limits, store_audio
from backoffice.core.models import Line, utcnow
from backoffice.core.voicemail.contents import (
    MessageRefused,
    leave_message,
    mailbox_state,
    purge_expired,
    record_greeting,
)
from backoffice.core.voicemail.models import VoicemailMessage
from backoffice.core.voicemail.service import saved_mailbox
from backoffice.extensions import db
from backoffice.testing.audio import fake_mp3_bytes, mp3_bytes, wav_bytes
from tests.bdd.steps.forwarding import _attempt, _find_line

YES = {"oui": True, "non": False}
STATES = {"désactivée": "off", "pleine": "full", "courriel seulement": "email_only",
          "activée": "on"}


def _block(world, block_id: str = "voicemail"):
    block = registry()[world["tenant"].carrier_id].block(block_id)
    if block is None:
        raise NotOffered(registry()[world["tenant"].carrier_id].carrier.name, "voicemail")
    return block


def _settings(world, datatable) -> dict:
    data = {}
    for name, value in datatable[1:]:
        if value in YES:
            value = YES[value]
        elif name in ("greeting_audio",) and value == "le fichier téléversé":
            value = world["audio"].id
        elif name == "more_emails":
            value = [item.strip() for item in value.split(",") if item.strip()]
        elif value == "":
            value = None
        data[name] = value
    return data


def _duration(text: str) -> int:
    """``15 minutes``, ``2 minutes 1 seconde``, ``4 heures``, ``30 secondes``: seconds."""
    words = text.replace(",", " ").split()
    total = 0
    for amount, unit in zip(words[::2], words[1::2], strict=True):
        total += int(amount) * (3600 if unit.startswith("heure") else
                                60 if unit.startswith("minute") else 1)
    return total


@when("on règle la messagerie vocale de la ligne ainsi :")
def when_settings(world, datatable):
    block = _block(world)
    _attempt(world, block.write, world["tenant"], world["line"], _settings(world, datatable))


@given("la messagerie vocale de la ligne réglée ainsi :")
def given_settings(world, datatable):
    _block(world).write(world["tenant"], world["line"], _settings(world, datatable))


@when(parsers.parse("on téléverse pour le message d'accueil un fichier {fmt} de {length}"))
def when_upload(world, fmt, length):
    seconds = _duration(length)
    data = wav_bytes(seconds) if fmt == "WAV" else mp3_bytes(seconds)
    _upload(world, data, f"accueil.{fmt.lower()}")


@when(parsers.parse("on téléverse pour le message d'accueil un fichier texte nommé « {name} »"))
def when_upload_fake(world, name):
    _upload(world, fake_mp3_bytes(), name)


def _upload(world, data: bytes, name: str) -> None:
    def upload():
        limits = audio_limits(world["tenant"], "voicemail.greeting")
        world["audio"] = store_audio(world["tenant"], data, name, limits,
                                     object_type="voicemail", field="greeting_audio")
    _attempt(world, upload)


@when("on demande la messagerie vocale de la ligne")
def when_read(world):
    try:
        world["read"] = _block(world).read(world["tenant"], world["line"])
    except NotOffered as refused:
        world["not_offered"] = refused


@given(parsers.parse("la boîte vocale de la ligne contient {count:d} messages"))
@given(parsers.parse("la boîte vocale de la ligne contient {count:d} message"))
def given_messages(world, count):
    for _ in range(count - mailbox_state(world["tenant"], world["line"]).count):
        leave_message(world["tenant"], world["line"], 10)


@given(parsers.parse("la boîte vocale de la ligne contient {length} de messages"))
def given_messages_time(world, length):
    wanted = _duration(length)
    limits = mailbox_state(world["tenant"], world["line"]).limits
    while mailbox_state(world["tenant"], world["line"]).seconds < wanted:
        held = mailbox_state(world["tenant"], world["line"]).seconds
        leave_message(world["tenant"], world["line"],
                      min(limits.max_message_seconds or wanted, wanted - held))


@given(parsers.parse("un message {kind} laissé il y a {days:d} jours"))
def given_old_message(world, kind, days):
    _old_message(world, kind, days, 0)


@given(parsers.parse("un message {kind} laissé il y a {days:d} jours et une minute"))
def given_older_message(world, kind, days):
    _old_message(world, kind, days, 1)


def _old_message(world, kind: str, days: int, minutes: int) -> None:
    message = leave_message(world["tenant"], world["line"], 20, archived=kind == "archivé",
                            at=world.setdefault("now", utcnow())
                            - timedelta(days=days, minutes=minutes))
    world.setdefault("old", []).append(message.id)


@when(parsers.parse("un correspondant laisse un message de {length}"))
def when_leave(world, length):
    world["left"] = world["left_refusal"] = None
    try:
        world["left"] = leave_message(world["tenant"], world["line"], _duration(length))
    except MessageRefused as refused:
        world["left_refusal"] = refused


@when(parsers.parse("l'utilisateur enregistre au téléphone un message d'accueil de {length}"))
def when_record(world, length):
    world["greeting_kept"] = record_greeting(world["tenant"], world["line"], _duration(length))


@when("le serveur de messagerie fait le ménage")
def when_purge(world):
    world["purged"] = purge_expired(world["tenant"], world["line"], world["now"])


@when(parsers.parse("on vide la boîte vocale de la ligne{how}"))
def when_empty(world, how):
    data = {"empty": "après confirmation" in how,
            "erase_greetings": "messages d'accueil" in how}
    _attempt(world, _block(world, "voicemail-messages").write, world["tenant"], world["line"],
             data)


@then(parsers.parse("le message est gardé en entier, {length}"))
@then(parsers.parse("le message est gardé, coupé à {length}"))
def then_kept(world, length):
    assert world["left_refusal"] is None, world["left_refusal"]
    assert world["left"].seconds == _duration(length)


@then("le correspondant ne peut pas laisser de message")
def then_not_left(world):
    assert world["left_refusal"] is not None and world["left_refusal"].reason in (
        "full", "off"), world["left"]


@then("le message est envoyé par courriel sans être gardé sur le serveur")
def then_mailed(world):
    assert world["left_refusal"] is None and world["left"] is None


@then(parsers.parse("le message d'accueil gardé dure {length}"))
def then_greeting_kept(world, length):
    assert world["greeting_kept"] == _duration(length)


@then(parsers.parse("la boîte vocale de la ligne est « {state} »"))
def then_state(world, state):
    assert mailbox_state(world["tenant"], world["line"]).kind == STATES[state]


@then(parsers.parse("la page indique « {text} »"))
def then_page_says(world, text):
    read = _block(world).read(world["tenant"], world["line"])
    assert any(text in str(value) for value in read.values()), read


@then(parsers.parse("la boîte vocale de la ligne contient encore {count:d} messages"))
@then(parsers.parse("la boîte vocale de la ligne contient encore {count:d} message"))
def then_count(world, count):
    assert mailbox_state(world["tenant"], world["line"]).count == count


@then(parsers.parse("le message d'accueil est « {kind} »"))
def then_greeting(world, kind):
    box = saved_mailbox(world["tenant"], world["line"])
    assert box.greeting == {"par défaut": "default", "personnalisé": "custom"}[kind]


@then(parsers.parse("le fichier téléversé est au format {fmt}"))
def then_uploaded(world, fmt):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    assert world["audio"].format == fmt.lower()


@then(parsers.parse("les lignes « {first} » et « {second} » partagent la même boîte vocale"))
def then_shared(world, first, second):
    one, two = _find_line(world, first), _find_line(world, second)
    box = saved_mailbox(world["tenant"], one)
    assert box is not None and box.id == saved_mailbox(world["tenant"], two).id


@then(parsers.parse("la boîte vocale est gardée par la ligne « {text} »"))
def then_owner(world, text):
    assert saved_mailbox(world["tenant"], world["line"]).line_id == _find_line(world, text).id


@then("la messagerie vocale n'est pas offerte sur cette ligne")
def then_not_offered(world):
    assert world.get("not_offered") is not None


@then(parsers.parse("{count:d} message expiré est supprimé"))
def then_purged(world, count):
    assert world["purged"] == count
    kept = set(db.session.scalars(select(VoicemailMessage.id).where(
        VoicemailMessage.id.in_(world["old"]))))
    assert len(kept) == len(world["old"]) - count


def _line_of_plan(world, plan: str) -> Line:
    return db.session.scalars(select(Line).where(
        Line.tenant_id == world["tenant"].id, Line.plan == plan).order_by(Line.id)).first()


@given(parsers.parse("la première ligne du forfait « {plan} »"))
def given_line_of_plan(world, plan):
    world["line"] = _line_of_plan(world, plan)



@then(parsers.parse("la messagerie vocale ne se règle que par « {names} »"))
def then_only_fields(world, names):
    schema = _block(world).schema(world["tenant"])
    writable = [name for name, field in schema.fields.items() if not field.dump_only]
    assert writable == [name.strip() for name in names.split(",")]


@then(parsers.parse("la notification affichée est « {label} »"))
def then_notification_label(world, label):
    from flask_babel import gettext

    block = _block(world)
    field = block.schema(world["tenant"]).fields["notification"]
    value = block.read(world["tenant"], world["line"])["notification"]
    assert gettext(field.metadata["choice_labels"][value]) == label
