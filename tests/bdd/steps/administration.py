"""French steps of account administration: sites, the automatic site, the account's
offer (plans and options subscribed, attributed, available), the e-mail caution and the
provisioning order of an association (guide 004 §2.2.1, §3.6, §4.1, §4.9, §9.1, §9.4)."""

from __future__ import annotations

import html
import re
from datetime import UTC, timedelta

from flask_babel import force_locale
from pytest_bdd import parsers, then, when
from sqlalchemy import select

from backoffice.core.errors import ChangeRejected
from backoffice.core.models import ProvisioningOrder, Site
from backoffice.core.provisioning import sweep_stalled
from backoffice.core.tenants import create_site, create_tenant, delete_site, update_site
from backoffice.extensions import db
from tests.bdd.steps.common import _line_by_number
from tests.bdd.steps.pages import _web

WORDS = {"oui": True, "non": False}


def _site(world, name: str) -> Site | None:
    return db.session.scalar(select(Site).where(Site.tenant_id == world["tenant"].id,
                                                Site.name == name))


def _attempt(world, action) -> None:
    world["refusal"] = None
    try:
        action()
    except ChangeRejected as refused:
        db.session.rollback()
        world["refusal"] = refused


@when(parsers.parse("on crée le client « {name} » de l'opérateur « {carrier_id} »"))
def when_create_tenant(app, world, name, carrier_id):
    world["tenant"] = create_tenant({"name": name, "carrier_id": carrier_id})


@then("les sites du client sont :")
def then_sites(world, datatable):
    from backoffice.core.tenants import site_line_counts

    db.session.expire_all()
    counts = site_line_counts(world["tenant"])
    shown = [[site.name, "oui" if site.physical else "non", str(counts.get(site.id, 0))]
             for site in db.session.scalars(select(Site).where(
                 Site.tenant_id == world["tenant"].id).order_by(Site.name))]
    assert shown == [list(row) for row in datatable[1:]], shown


@when(parsers.parse("on ajoute le site « {name} » :"))
def when_add_site(world, name, datatable):
    _attempt(world, lambda: create_site(world["tenant"], {"name": name,
                                                          **dict(datatable[1:])}))


@when(parsers.parse("on modifie le site « {name} » ainsi :"))
def when_update_site(world, name, datatable):
    site = _site(world, name)
    world["site_version"] = (site.id, site.version)
    _attempt(world, lambda: update_site(site, dict(datatable[1:])))


@when(parsers.parse("on supprime le site « {name} »"))
def when_delete_site(world, name):
    _attempt(world, lambda: delete_site(_site(world, name)))


@then(parsers.parse("le site est refusé : « {code} » sur le champ « {field} »"))
def then_site_refused(world, code, field):
    refusal = world["refusal"]
    assert refusal is not None, "the site change was accepted"
    assert (code, field) in [(v.code, v.field) for v in refusal.violations]
    site_id, version = world.get("site_version", (None, None))
    if site_id is not None:
        assert db.session.get(Site, site_id).version == version  # nothing saved


@then(parsers.parse("la suppression du site est refusée : « {code} », "
                    "avec le message « {message} »"))
def then_site_removal_refused(world, code, message):
    refusal = world["refusal"]
    assert refusal is not None, "the site was deleted"
    with force_locale("fr"):
        assert (code, message) in [(v.code, v.localized()) for v in refusal.violations]


@then(parsers.parse("le client a le site « {name} »"))
def then_site_exists(world, name):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    assert _site(world, name) is not None


@then(parsers.parse("le client n'a plus de site « {name} »"))
def then_site_gone(world, name):
    assert world["refusal"] is None, world["refusal"] and world["refusal"].violations
    assert _site(world, name) is None


@then(parsers.parse("la ligne est rattachée au site « {name} »"))
def then_line_site(world, refusal, name):
    assert refusal is None, refusal and refusal.violations
    assert world["line"].site.name == name


@when(parsers.parse("l'agent clique sur « Supprimer la ligne » de la ligne « {text} »"))
def when_click_delete_line(world, agent_client, app, text):
    world["app"] = app
    line = _line_by_number(world["tenant"], text)
    client = _web(world, agent_client)
    page = client.get(f"/tenants/{world['tenant'].id}/lines/{line.id}").text
    link = re.search(r'href="([^"]*/delete)">Supprimer la ligne</a>', page)
    assert link, "no « Supprimer la ligne » on the line page"
    world["page"] = client.get(html.unescape(link[1]))
    world["deleted_number"] = line.number


@then(parsers.parse("la ligne « {text} » n'existe plus dans le client"))
def then_line_deleted(world, text):
    assert _line_exists(world, text) is False


@then(parsers.parse("la ligne « {text} » existe toujours"))
def then_line_kept(world, text):
    assert _line_exists(world, text) is True


def _line_exists(world, text: str) -> bool:
    db.session.expire_all()
    try:
        _line_by_number(world["tenant"], text)
    except Exception:  # noqa: BLE001 - NoResultFound: it is gone
        return False
    return True


@when(parsers.parse("l'agent enregistre l'@mail « {email} » pour la ligne « {text} » en "
                    "confirmant"))
def when_save_email_confirmed(world, agent_client, app, email, text):
    _save_email(world, agent_client, app, email, text, confirmed=True)


@when(parsers.parse("l'agent enregistre l'@mail « {email} » pour la ligne « {text} »"))
def when_save_email(world, agent_client, app, email, text):
    _save_email(world, agent_client, app, email, text, confirmed=False)


def _save_email(world, agent_client, app, email: str, text: str, confirmed: bool) -> None:
    world["app"] = app
    line = _line_by_number(world["tenant"], text)
    client = _web(world, agent_client)
    url = f"/tenants/{world['tenant'].id}/lines/{line.id}"
    form = client.get(url + "?edit=information").text
    token = re.search(r'name="csrf_token" value="([^"]*)"', form)[1]
    data = {"csrf_token": token, "version": line.version, "number": line.number,
            "site_id": line.site_id or "", "first_name": line.first_name,
            "last_name": line.last_name, "email": email,
            "associated_number": line.associated_number or ""}
    if confirmed:
        data["acknowledge"] = "yes"
    world["page"] = client.post(url, data=data)
    world["email_before"] = line.email


@then(parsers.parse("la page avertit « {warning} » et rien n'est enregistré"))
def then_page_warns(world, warning):
    assert world["page"].status_code == 422
    assert warning in html.unescape(world["page"].text)
    db.session.expire_all()


@then(parsers.parse("l'@mail de la ligne « {text} » est « {email} »"))
def then_email(world, text, email):
    db.session.expire_all()
    assert _line_by_number(world["tenant"], text).email == email


def _last_order(world, text: str) -> ProvisioningOrder:
    line = _line_by_number(world["tenant"], text)
    return db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.line_id == line.id).order_by(ProvisioningOrder.id.desc())).first()


@then(parsers.parse("la commande de la ligne « {text} » est en attente, effective au plus "
                    "tard {minutes:d} minutes après sa création"))
def then_order_pending(world, text, minutes):
    order = _last_order(world, text)
    db.session.refresh(order)
    assert order.status == ProvisioningOrder.PENDING
    created = order.created_at.replace(tzinfo=order.created_at.tzinfo or UTC)
    expected = order.expected_at.replace(tzinfo=order.expected_at.tzinfo or UTC)
    assert timedelta(0) < expected - created <= timedelta(minutes=minutes)


@when(parsers.parse("{minutes:d} minutes ont passé pour la commande de la ligne « {text} »"))
def when_time_passes(world, minutes, text):
    order = _last_order(world, text)
    order.created_at -= timedelta(minutes=minutes)
    order.expected_at -= timedelta(minutes=minutes)
    db.session.commit()
    sweep_stalled()


@then(parsers.parse("la commande de la ligne « {text} » est appliquée"))
def then_order_applied(world, text):
    order = _last_order(world, text)
    db.session.refresh(order)
    assert order.status == ProvisioningOrder.APPLIED


@then("l'offre du client compte :")
def then_offer(world, datatable):
    from plugins.sfr.offer import ITEM_WORDS, inventory

    counted = inventory(world["tenant"])
    with force_locale("fr"):
        from flask_babel import gettext

        names = {gettext(words): item for item, words in ITEM_WORDS.items()}
    for label, subscribed, given, free in datatable[1:]:
        item = names[label]
        shown = [counted[item], counted[f"{item}_attributed"], counted[f"{item}_available"]]
        assert shown == [int(subscribed), int(given), int(free)], (label, shown)


@then(parsers.parse("l'offre du client compte {total:d} forfaits dont {free:d} disponibles"))
def then_offer_totals(world, total, free):
    from plugins.sfr.offer import inventory

    counted = inventory(world["tenant"])
    assert (counted["total_plans"], counted["total_plans_available"]) == (total, free)


@when("on enregistre l'offre du client :")
def when_save_offer(world, datatable):
    from plugins.sfr.offer import BLOCK, inventory

    values = {name: int(value) for name, value in datatable[1:]}
    current = {key: value for key, value in inventory(world["tenant"]).items()
               if not key.startswith("total") and not key.endswith(("_attributed", "_available"))
               and key != "version"}
    _attempt(world, lambda: BLOCK.write(world["tenant"], None, {**current, **values}))
    world["before_forwarding"] = None


@then(parsers.parse("l'offre est refusée : « {code} » sur le champ « {field} »"))
def then_offer_refused(world, code, field):
    assert world["refusal"] is not None, "the offer was saved"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]


@then(parsers.parse("la salle de conférence personnelle de « {text} » accueille {count:d} "
                    "participants maximum"))
def then_meeting_room(world, text, count):
    from plugins.sfr.collaboration import BLOCK

    line = _line_by_number(world["tenant"], text)
    assert BLOCK.read(world["tenant"], line)["participants"] == count
