"""French steps of the company directory's external contacts (SFR §4.8).

Changes go through the carrier's block (what the UI and the API call); the "given" state
of a full directory is written directly, as data already there.
"""

from __future__ import annotations

from flask_babel import force_locale
from pytest_bdd import given, parsers, then, when
from sqlalchemy import func, select

from backoffice.core.directory.models import ExternalContact
from backoffice.core.models import AuditRecord
from backoffice.extensions import db
from backoffice.web.wording import change_words
from tests.bdd.steps.blacklist import _attempt, _block
from tests.bdd.steps.common import _counts

FEATURE = "external_contacts"


def _contact(world, name: str) -> ExternalContact:
    return db.session.scalars(select(ExternalContact).where(
        ExternalContact.tenant_id == world["tenant"].id, ExternalContact.name == name)).one()


def _contacts(world) -> int:
    return db.session.scalar(select(func.count()).select_from(ExternalContact).where(
        ExternalContact.tenant_id == world["tenant"].id))


@given(parsers.parse("l'annuaire du client contient {count:d} contacts externes"))
def given_full_directory(world, count):
    tenant = world["tenant"]
    for index in range(_contacts(world), count):
        db.session.add(ExternalContact(tenant_id=tenant.id, name=f"Contact {index + 1}",
                                       number=f"+3314000{index:04d}", version=1))
    db.session.commit()
    assert _contacts(world) == count


@when(parsers.parse("on intègre le contact externe « {name} » au numéro « {number} »"))
def when_add_contact(world, name, number):
    _attempt(world, _block(world, FEATURE).add, world["tenant"], None,
             {"name": name, "number": number})


@when(parsers.parse("on renomme le contact externe « {old} » en « {new} »"))
def when_rename_contact(world, old, new):
    contact = _contact(world, old)
    _attempt(world, _block(world, FEATURE).change, contact,
             {"name": new, "number": contact.number})
    assert world["refusal"] is None, world["refusal"].violations


@when(parsers.parse("on retire le contact externe « {name} »"))
def when_remove_contact(world, name):
    _attempt(world, _block(world, FEATURE).remove, _contact(world, name))
    assert world["refusal"] is None, world["refusal"].violations


@then(parsers.parse("l'annuaire contient « {name} » au numéro « {number} »"))
def then_contact_listed(world, name, number):
    assert world["refusal"] is None, world["refusal"].violations
    assert _contact(world, name).number == number


@then(parsers.parse("l'annuaire contient {count:d} contact externe"))
@then(parsers.parse("l'annuaire contient {count:d} contacts externes"))
def then_contact_count(world, count):
    assert _contacts(world) == count


@then(parsers.parse("le contact est refusé : « {code} » sur le champ « {field} », "
                    "limite {limit:d}"))
def then_contact_refused_at_limit(world, code, field, limit):
    assert world["refusal"] is not None, "the contact was accepted"
    assert (code, field, limit) in [(v.code, v.field, v.limit)
                                    for v in world["refusal"].violations]


@then(parsers.parse("le contact est refusé : « {code} » sur le champ « {field} »"))
def then_contact_refused(world, code, field):
    assert world["refusal"] is not None, "the contact was accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]
    assert _counts() == world["before"]


@then(parsers.parse("l'historique du client dit « {sentence} »"))
def then_history_says(world, sentence):
    record = db.session.scalars(select(AuditRecord).where(
        AuditRecord.tenant_id == world["tenant"].id).order_by(AuditRecord.id.desc())).first()
    with force_locale("fr"):
        assert change_words(record.object_type, record.action,
                            world["tenant"].carrier_id) == sentence
