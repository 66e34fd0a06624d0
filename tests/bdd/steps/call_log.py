"""Steps of the call log (TELUS 002 Liste d'appels) and of ended conferences (Cooptel
003 §16.4): what the sandbox network carries or holds, then what agents read."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask_babel import force_locale, gettext
from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.call_log.records import TYPE_LABELS, call_page, read_filters, type_of
from backoffice.core.call_log.schedule import send_call_log
from backoffice.core.conferences.history import history, kept_until, purge_recordings
from backoffice.core.conferences.models import Conference
from backoffice.core.errors import ChangeRejected
from backoffice.core.mail import OutgoingMail
from backoffice.core.phone import to_e164
from backoffice.core.provisioning import network_for
from backoffice.extensions import db

TYPES = {"entrant": "incoming", "sortant": "outgoing", "manqué": "missed"}
YES = {"oui": True, "non": False}
FREQUENCIES = {"chaque jour": "daily", "chaque semaine": "weekly", "chaque mois": "monthly",
               "jamais": "off"}
WEEKDAYS = {"lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday",
            "jeudi": "thursday", "vendredi": "friday", "samedi": "saturday",
            "dimanche": "sunday"}


def _moment(world, day: str, hour: str) -> datetime:
    zone = ZoneInfo(world["tenant"].timezone)
    return datetime.fromisoformat(f"{day}T{hour}").replace(tzinfo=zone)


@when("le réseau achemine les appels :")
@given("le réseau a acheminé les appels :")
def when_network_carries(world, datatable):
    tenant = world["tenant"]
    network = network_for(tenant.carrier_id)
    header, *rows = datatable
    for row in rows:
        cell = dict(zip(header, row, strict=True))
        kind = "fax" if cell["type"] == "télécopie" else "call"
        call_type = "incoming" if kind == "fax" else TYPES[cell["type"]]
        outside = to_e164(cell["correspondant"], "CA") if cell["correspondant"] else ""
        line = to_e164(cell["numéro"], "CA")
        caller, called = (line, outside) if call_type == "outgoing" else (outside, line)
        network.carry_call(tenant, started_at=_moment(world, cell["date"], cell["heure"]),
                           call_type=call_type, kind=kind, caller=caller, called=called,
                           extension=cell["poste"], seconds=int(cell["durée"]),
                           blocked=YES[cell["bloqué"]], recorded=YES[cell["enregistré"]])
    db.session.commit()


def _select(world, args: dict[str, str]) -> None:
    world.pop("refused", None)
    try:
        world["page"] = call_page(world["tenant"], read_filters(world["tenant"], args))
    except ChangeRejected as refused:
        world["refused"] = refused


@when(parsers.parse("on consulte la liste d'appels du « {since} » au « {until} »"))
def when_read_period(world, since, until):
    _select(world, {"since": since, "until": until})


@when(parsers.parse("on consulte la liste d'appels du « {since} » au « {until} », "
                    "{name} « {value} »"))
def when_read_filtered(world, since, until, name, value):
    names = {"type": "call_type", "appels bloqués": "blocked",
             "appels enregistrés": "recorded"}
    codes = {"entrant": "incoming", "sortant": "outgoing", "manqué": "missed",
             "télécopie": "fax", "seulement": "yes", "sauf": "no"}
    _select(world, {"since": since, "until": until,
                    names.get(name, name): codes.get(value, value)})


@then("la liste d'appels montre :")
def then_log_shows(world, datatable):
    assert "refused" not in world, world.get("refused") and world["refused"].violations
    zone = ZoneInfo(world["tenant"].timezone)
    with force_locale("fr"):
        shown = [[record.started_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone)
                  .strftime("%Y-%m-%d %H:%M"), gettext(TYPE_LABELS[type_of(record)]),
                  record.extension or "", "oui" if record.blocked else "non",
                  "oui" if record.recorded else "non"]
                 for record in reversed(world["page"].records)]
    assert shown == [list(row) for row in datatable[1:]]


@then(parsers.parse("la sélection est refusée : « {code} » sur le champ « {field} »"))
def then_selection_refused(world, code, field):
    refused = world.get("refused")
    assert refused is not None, "the selection was accepted"
    assert (field, code) in [(v.field, v.code) for v in refused.violations]


@when(parsers.parse("on programme l'envoi de la liste d'appels {frequency} à « {email} », "
                    "le {day}"))
@when(parsers.parse("on programme l'envoi de la liste d'appels {frequency} à « {email} »"))
def when_schedule(world, frequency, email, day=""):
    from backoffice.lookups import block_or_not_offered

    block = block_or_not_offered(world["tenant"], None, "call-log-email")
    data = {"frequency": FREQUENCIES[frequency], "email": email}
    if day in WEEKDAYS:
        data["weekday"] = WEEKDAYS[day]
    elif day:
        data["month_day"] = int(day.split()[0])
    world.pop("refused", None)
    try:
        block.write(world["tenant"], None, data)
    except ChangeRejected as refused:
        world["refused"] = refused


@then(parsers.parse("l'envoi est refusé : « {code} » sur le champ « {field} »"))
def then_schedule_refused(world, code, field):
    then_selection_refused(world, code, field)


@when(parsers.parse("la tâche d'envoi passe le « {day} »"))
def when_send_job(world, day):
    world["job"] = send_call_log(world["tenant"].id, day)


@then(parsers.parse("un courriel part à « {email} » avec la pièce jointe « {name} »"))
def then_mail_sent(world, email, name):
    mail = db.session.scalar(select(OutgoingMail).where(
        OutgoingMail.tenant_id == world["tenant"].id, OutgoingMail.attachment_name == name))
    assert mail is not None and mail.recipient == email, world.get("job")
    world["mail"] = mail


@then(parsers.parse("la pièce jointe compte {count:d} appels"))
def then_attachment_count(world, count):
    assert len(world["mail"].attachment.splitlines()) == count + 1  # the header row


# Ended conferences (Cooptel §16.4) -----------------------------------------------------------


def _conference(world, title: str) -> Conference:
    return db.session.scalars(select(Conference).where(
        Conference.tenant_id == world["tenant"].id, Conference.title == title)).one()


@when(parsers.parse("le réseau tient « {title} » le « {day} » de « {start} » à « {end} » "
                    "avec {names}"))
def when_network_holds(world, title, day, start, end, names):
    conference = _conference(world, title)
    begins, ends = _moment(world, day, start), _moment(world, day, end)
    people = [] if names == "personne" else [
        name.strip(" «»") for name in names.replace(" et ", ", ").split(", ")]
    session = network_for(world["tenant"].carrier_id).hold_conference(
        conference, begins, ends, [(name, begins, ends) for name in people],
        recording_seconds=int((ends - begins).total_seconds()))
    db.session.commit()
    world.setdefault("sessions", []).append(session.id)


@then(parsers.parse("l'historique montre {count:d} conférence terminée"))
@then(parsers.parse("l'historique montre {count:d} conférences terminées"))
def then_history_count(world, count):
    sessions, _ = history(world["tenant"])
    mine = [s for s in sessions if s.id in world.get("sessions", [])]
    assert len(mine) == count
    world["shown"] = mine


@then(parsers.parse("ses participants sont {names}"))
def then_participants(world, names):
    expected = [name.strip(" «»") for name in names.replace(" et ", ", ").split(", ")]
    assert [a.name for a in world["shown"][0].attendances] == expected


@then(parsers.parse("son enregistrement est conservé jusqu'au « {day} » à « {hour} »"))
def then_kept_until(world, day, hour):
    from backoffice.core.conferences.history import recording_days

    session = world["shown"][0]
    until = kept_until(session, recording_days(world["tenant"]))
    zone = ZoneInfo(world["tenant"].timezone)
    assert until.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone) == _moment(world, day, hour)


@when(parsers.parse("la tâche de ménage des enregistrements passe le « {day} » à « {hour} »"))
def when_purge(world, day, hour):
    purge_recordings(world["tenant"].id, _moment(world, day, hour).isoformat())
    db.session.expire_all()


@then("l'enregistrement est encore là")
def then_recording_kept(world):
    sessions, _ = history(world["tenant"])
    assert [s.recording_seconds is not None for s in sessions
            if s.id == world["sessions"][-1]] == [True]


@then("l'enregistrement n'est plus là, la conférence reste dans l'historique")
def then_recording_gone(world):
    sessions, _ = history(world["tenant"])
    assert [s.recording_seconds for s in sessions if s.id == world["sessions"][-1]] == [None]




# Appearance (TELUS Outils > Apparence) -------------------------------------------------------


def _image(fmt: str, width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 60, 120)).save(out, fmt)
    return out.getvalue()


@when(parsers.parse("on joint une image {fmt} de {width:d} × {height:d} pixels et l'adresse "
                    "URL « {url} »"))
def when_attach_logo(world, fmt, width, height, url):
    from backoffice.core.appearance.service import save_appearance

    world.pop("refused", None)
    try:
        save_appearance(world["tenant"], {"link_url": url}, _image(fmt, width, height))
    except ChangeRejected as refused:
        world["refused"] = refused


@when(parsers.parse("on entre l'adresse URL « {url} »"))
def when_enter_url(world, url):
    from backoffice.core.appearance.service import save_appearance

    world.pop("refused", None)
    try:
        save_appearance(world["tenant"], {"link_url": url})
    except ChangeRejected as refused:
        world["refused"] = refused


@then(parsers.parse("le logo s'affiche dans le coin supérieur droit et ouvre « {url} »"))
def then_logo_shown(world, app, agent_client, url):
    assert "refused" not in world, world.get("refused") and world["refused"].violations
    page = agent_client("support_agent", world["tenant"].carrier_id).get(
        f"/tenants/{world['tenant'].id}?lang=fr").text
    assert f'class="tenant-logo" href="{url}"' in page


@then(parsers.parse("l'apparence est refusée : « {code} » sur le champ « {field} »"))
def then_appearance_refused(world, code, field):
    then_selection_refused(world, code, field)
