"""French steps of the conference features (Cooptel §16).

Changes go through the carrier's blocks (what the UI and the API call); joining goes
through the joining rules the conference block's carrier declares.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import force_locale, gettext
from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.conferences.joining import OUTCOMES, joining
from backoffice.core.conferences.models import Conference
from backoffice.core.models import ProvisioningOrder
from backoffice.extensions import db
from tests.bdd.steps.blacklist import _attempt
from tests.bdd.steps.common import _counts

KINDS = {"Usage unique": "one_time", "Permanente": "permanent"}
LANGUAGES = {"Français": "fr", "Anglais": "en"}
ROLES = {"Administrateur": "administrator", "Participant": "participant"}


def _block(world, block_id: str):
    from backoffice.core.carriers import registry

    entry = registry()[world["tenant"].carrier_id]
    return next(block for block in entry.blocks if block.id == block_id)


def _conference(world, title: str) -> Conference:
    return db.session.scalars(select(Conference).where(
        Conference.tenant_id == world["tenant"].id, Conference.title == title)).one()


def _create(world, data) -> None:
    _attempt(world, _block(world, "conferences").add, world["tenant"], None, data)


@when(parsers.parse("on crée la conférence « {kind} » « {title} » en « {language} » le "
                    "« {day} » à « {hour} » pour {minutes:d} minutes"))
def when_create_one_time(world, kind, title, language, day, hour, minutes):
    _create(world, {"kind": KINDS[kind], "title": title, "language": LANGUAGES[language],
                    "start_date": day, "start_time": hour, "duration_minutes": minutes})


@when(parsers.parse("on crée la conférence « {kind} » « {title} » en « {language} », "
                    "diffusée sur le web"))
def when_create_broadcast(world, kind, title, language):
    _create(world, {"kind": KINDS[kind], "title": title, "language": LANGUAGES[language],
                    "web_broadcast": True})


@when(parsers.parse("on crée la conférence « {kind} » « {title} » en « {language} »"))
def when_create(world, kind, title, language):
    _create(world, {"kind": KINDS[kind], "title": title, "language": LANGUAGES[language]})


@when(parsers.parse("on invite « {name} » « {email} » comme « {role} » à « {title} »"))
def when_invite(world, name, email, role, title):
    _attempt(world, _block(world, "conference-participants").add, world["tenant"], None,
             {"conference_id": _conference(world, title).id, "name": name, "email": email,
              "role": ROLES[role]})


@then(parsers.parse("la conférence « {title} » a un numéro de salle à 4 chiffres"))
def then_room(world, title):
    assert world["refusal"] is None, world["refusal"].violations
    room = _conference(world, title).room
    assert len(room) == 4 and room.isdigit()


@then(parsers.parse("la conférence est refusée : « {code} » sur le champ « {field} », "
                    "limite {limit:d}"))
def then_conference_refused_at_limit(world, code, field, limit):
    assert world["refusal"] is not None, "the conference was accepted"
    assert (code, field, limit) in [(v.code, v.field, v.limit)
                                    for v in world["refusal"].violations]


@then(parsers.parse("la conférence est refusée : « {code} » sur le champ « {field} »"))
@then(parsers.parse("l'invitation est refusée : « {code} » sur le champ « {field} »"))
def then_refused(world, code, field):
    assert world["refusal"] is not None, "accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]
    assert _counts() == world["before"]


@then(parsers.parse("« {title} » compte {count:d} invités"))
def then_invited(world, title, count):
    assert world["refusal"] is None, world["refusal"].violations
    conference = _conference(world, title)
    db.session.refresh(conference)
    assert len(conference.participants) == count


@then(parsers.parse("l'ordre envoyé au réseau dit « {detail} »"))
def then_order_detail(world, detail):
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.tenant_id == world["tenant"].id)
        .order_by(ProvisioningOrder.id.desc())).first()
    db.session.refresh(order)
    assert order.status == ProvisioningOrder.APPLIED, order.status
    with force_locale("fr"):
        assert gettext(order.detail) == detail


@given(parsers.parse("la conférence « {title} » du « {day} » à « {hour} » pendant "
                     "{minutes:d} minutes"))
def given_conference_schedule(world, title, day, hour, minutes):
    conference = _conference(world, title)
    assert (conference.start_date.isoformat(), conference.start_time.strftime("%H:%M"),
            conference.duration_minutes) == (day, hour, minutes)


@when(parsers.parse("un participant appelle la salle de « {title} » le « {day} » à "
                    "« {hour} », {administrator}"))
def when_participant_calls(world, title, day, hour, administrator):
    conference = _conference(world, title)
    at = datetime.fromisoformat(f"{day}T{hour}").replace(tzinfo=ZoneInfo(conference.timezone))
    world["joining"] = joining(conference, at,
                               administrator_connected=not administrator.startswith("sans"))
    world["conference"] = conference


@then(parsers.parse("il entend « {words} »"))
def then_hears(world, words):
    from backoffice.core.carriers import offer_of

    limits = offer_of(world["tenant"], "conferences", scope="tenant").limits
    with force_locale("fr"):
        assert gettext(OUTCOMES[world["joining"]],
                       minutes=limits.opens_minutes_before) == words
