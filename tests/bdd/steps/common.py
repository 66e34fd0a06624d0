"""Shared French steps. Every feature under features/ uses these and only these."""

from __future__ import annotations

import pytest
from pytest_bdd import given, parsers, then, when
from sqlalchemy import func, select
from sqlalchemy.exc import NoResultFound

from backoffice.core.carriers import registry
from backoffice.core.errors import ChangeRejected
from backoffice.core.lines import create_line, delete_line, update_line
from backoffice.core.models import AuditRecord, Line, Site, Tenant
from backoffice.core.phone import to_e164
from backoffice.demo import load_demo
from backoffice.extensions import db


@pytest.fixture
def world() -> dict:
    """What a scenario has set up or observed so far."""
    return {}


def _counts() -> tuple[int, int]:
    return (db.session.scalar(select(func.count()).select_from(Line)),
            db.session.scalar(select(func.count()).select_from(AuditRecord)))


@given(parsers.parse("l'opérateur « {carrier_id} »"))
def given_carrier(app, world, carrier_id):
    world["entry"] = registry()[carrier_id]


@given(parsers.parse("le client de démonstration « {name} »"))
def given_demo_tenant(app, world, name):
    load_demo()
    world["tenant"] = db.session.scalars(select(Tenant).where(Tenant.name == name)).one()


@then(parsers.parse("il est présenté comme « {name} », pays « {country} », "
                    "fuseau horaire « {timezone} »"))
def then_identity(world, name, country, timezone):
    carrier = world["entry"].carrier
    assert (carrier.name, carrier.country, carrier.timezone) == (name, country, timezone)


@then("ses forfaits sont :")
def then_plans(world, datatable):
    expected = [(row[0], row[1]) for row in datatable[1:]]
    assert [(p.id, p.label["fr"]) for p in world["entry"].plans] == expected


@then(parsers.parse("il offre « {feature} » pour tout le client"))
def then_tenant_feature(world, feature):
    offer = world["entry"].offer(feature)
    assert offer is not None and offer.scope == "tenant"


@then(parsers.parse("il offre « {feature} » sur les forfaits « {plans} »"))
def then_line_feature(world, feature, plans):
    offer = world["entry"].offer(feature)
    assert offer is not None and offer.scope == "line"
    assert list(offer.plans) == [plan.strip() for plan in plans.split(",")]


@then(parsers.parse("il n'offre pas « {feature} »"))
def then_not_offered(world, feature):
    assert world["entry"].offer(feature) is None


@then(parsers.parse("la limite « {limit} » de « {feature} » vaut {value}"))
def then_limit(world, limit, feature, value):
    assert str(getattr(world["entry"].offer(feature).limits, limit)) == value


@then(parsers.parse("il prévoit « {feature} » sur les forfaits « {plans} », sans l'offrir "
                    "encore"))
def then_planned_on_plans(world, feature, plans):
    planned = {item.feature: item for item in world["entry"].planned}
    assert world["entry"].offer(feature) is None and feature in planned
    assert list(planned[feature].plans) == [plan.strip() for plan in plans.split(",")]


@then(parsers.parse("il prévoit « {feature} » pour tout le client, sans l'offrir encore"))
def then_planned_for_tenant(world, feature):
    planned = {item.feature: item for item in world["entry"].planned}
    assert world["entry"].offer(feature) is None and planned[feature].scope == "tenant"


@when(parsers.parse("on ajoute une ligne au client :"), target_fixture="refusal")
def when_add_line(world, datatable):
    tenant = world["tenant"]
    data = dict(zip(datatable[0], datatable[1], strict=True))
    if "site" in data:
        site_name = data.pop("site")
        data["site_id"] = db.session.scalar(
            select(Site.id).where(Site.tenant_id == tenant.id, Site.name == site_name))
    world["before"] = _counts()
    try:
        world["line"] = create_line(tenant, {k: v for k, v in data.items() if v})
    except ChangeRejected as refused:
        return refused
    return None


def _line_by_number(tenant: Tenant, text: str) -> Line:
    region = registry()[tenant.carrier_id].carrier.country
    column, value = (Line.extension, text) if text.isdigit() and len(text) <= 6 else (
        Line.number, to_e164(text, region))
    return db.session.scalars(select(Line).where(Line.tenant_id == tenant.id,
                                                 column == value)).one()


@when(parsers.parse("on modifie la ligne « {text} » ainsi :"), target_fixture="refusal")
def when_update_line(world, text, datatable):
    line = _line_by_number(world["tenant"], text)
    world["before"] = _counts_and_line(line)
    world["line"] = line
    try:
        update_line(line, dict(datatable[1:]))
    except ChangeRejected as refused:
        db.session.rollback()
        return refused
    return None


@when(parsers.parse("on supprime la ligne « {text} »"), target_fixture="refusal")
def when_delete_line(world, text):
    line = _line_by_number(world["tenant"], text)
    world["before"] = _counts_and_line(line)
    world["line"], world["refusal"] = line, None
    try:
        delete_line(line)
    except ChangeRejected as refused:
        db.session.rollback()
        world["refusal"] = refused
    return world["refusal"]


@then(parsers.parse("la suppression est refusée : « {code} »"))
def then_removal_refused(world, refusal, code):
    assert refusal is not None, "the line was deleted"
    assert code in [v.code for v in refusal.violations]


@then(parsers.parse("la ligne « {text} » n'existe plus"))
def then_line_gone(world, refusal, text):
    assert refusal is None, refusal and refusal.violations
    with pytest.raises(NoResultFound):
        _line_by_number(world["tenant"], text)


def _counts_and_line(line: Line) -> tuple:
    return (*_counts(), line.version)


@then(parsers.parse("la ligne est enregistrée au numéro « {number} »"))
def then_line_saved(world, refusal, number):
    assert refusal is None, refusal and refusal.violations
    assert world["line"].number == number


@then(parsers.parse("la ligne est refusée : « {code} » sur le champ « {field} »"))
def then_line_refused(world, refusal, code, field):
    assert refusal is not None, "the line was accepted"
    assert (code, field) in [(v.code, v.field) for v in refusal.violations]


@then("rien n'est enregistré")
def then_nothing_saved(world):
    before = world["before"]
    assert _counts() == before[:2]
    if len(before) > 2:
        db.session.refresh(world["line"])
        assert world["line"].version == before[2]


@then(parsers.parse("la ligne est enregistrée au poste « {extension} »"))
def then_line_saved_at_extension(world, refusal, extension):
    assert refusal is None, refusal and refusal.violations
    assert world["line"].extension == extension
