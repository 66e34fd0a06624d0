"""French steps of the e-fax feature (Cooptel §6.1–§6.4): faxes sent through core's fax
service (what the page and the API call), documents made with pypdf."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when
from sqlalchemy import select

from backoffice.core.carriers import registry
from backoffice.core.fax.models import Fax
from backoffice.core.fax.service import send_fax
from backoffice.core.models import Line
from backoffice.core.phone import to_e164
from backoffice.extensions import db
from backoffice.testing.pdf import A4, LEGAL, LETTER, blank_pdf, landscape, pdf_of_bytes
from tests.bdd.steps.blacklist import _attempt
from tests.bdd.steps.common import _counts

PAGES = {"Letter": LETTER, "A4": A4, "Legal": LEGAL,
         "Letter paysage": landscape(LETTER), "A4 paysage": landscape(A4)}
COVER = {"subject": "Devis", "recipient_name": "John Doe", "recipient_company": "Acme inc.",
         "recipient_fax": "514 555-0000", "recipient_phone": "514 555-0000",
         "sender_name": "Chrystiane Gaudet", "sender_company": "Fromagerie du Lac",
         "sender_phone": "514 907-3400", "comments": "Voici le devis.", "language": "fr"}


def _line(world, number: str) -> Line:
    return db.session.scalars(select(Line).where(
        Line.tenant_id == world["tenant"].id, Line.number == to_e164(number, "CA"))).one()


def _send(world, number: str, document: bytes, filename: str = "document.pdf", **changes):
    data = {**COVER, "sender_fax": number, **changes}
    _attempt(world, send_fax, world["tenant"], data, document, filename)


def _settings(world):
    entry = registry()[world["tenant"].carrier_id]
    return entry.block("fax-number")


@when(parsers.parse("on envoie un fax depuis le « {number} » avec un document de pages "
                    "« {pages} »"))
def when_send_pages(world, number, pages):
    _send(world, number, blank_pdf(*[PAGES[name.strip()] for name in pages.split(",")]))


@when(parsers.parse("on envoie un fax depuis le « {number} » avec un document de {size:d} "
                    "octets"))
def when_send_size(world, number, size):
    _send(world, number, pdf_of_bytes(size))


@when(parsers.parse("on envoie un fax depuis le « {number} » avec le fichier texte "
                    "« {filename} »"))
def when_send_text(world, number, filename):
    _send(world, number, b"Devis : 3 meules de cheddar.", filename)


@when(parsers.parse("on envoie un fax depuis le « {number} » sans « {field} »"))
def when_send_without(world, number, field):
    _send(world, number, blank_pdf(LETTER), **{field: ""})


@then(parsers.parse("le fax est envoyé avec {pages:d} pages, page couverture incluse"))
def then_sent(world, pages):
    assert world["refusal"] is None, world["refusal"].violations
    fax: Fax = world["saved"]
    assert fax.pages == pages and db.session.get(Fax, fax.id) is not None


@then(parsers.parse("le fax est refusé sur le champ « {field} »"))
def then_refused_on(world, field):
    assert world["refusal"] is not None, "the fax was sent"
    assert field in [v.field for v in world["refusal"].violations]


@then(parsers.parse("le fax est refusé : « {code} » sur le champ « {field} »"))
@then(parsers.parse("le réglage est refusé : « {code} » sur le champ « {field} »"))
def then_refused(world, code, field):
    assert world["refusal"] is not None, "accepted"
    assert (code, field) in [(v.code, v.field) for v in world["refusal"].violations]
    assert _counts() == world["before"]


@given(parsers.parse("l'option de confirmation par courriel du « {number} » est activée "
                     "pour « {address} »"))
def given_confirmation_on(world, number, address):
    _settings(world).write(world["tenant"], _line(world, number), {
        "confirmation_email": True, "confirmation_address": address})


@given(parsers.parse("l'option de confirmation par courriel du « {number} » est "
                     "désactivée"))
def given_confirmation_off(world, number):
    _settings(world).write(world["tenant"], _line(world, number), {
        "confirmation_email": False})


@when(parsers.parse("on active l'option de confirmation par courriel du « {number} » sans "
                    "adresse"))
def when_confirmation_without_address(world, number):
    _attempt(world, _settings(world).write, world["tenant"], _line(world, number),
             {"confirmation_email": True})


@then(parsers.parse("la confirmation d'envoi est envoyée à « {address} »"))
def then_confirmation_to(world, address):
    assert world["refusal"] is None, world["refusal"].violations
    assert world["saved"].confirmation_to == address


@then("aucune confirmation d'envoi n'est envoyée")
def then_no_confirmation(world):
    assert world["refusal"] is None, world["refusal"].violations
    assert world["saved"].confirmation_to is None
