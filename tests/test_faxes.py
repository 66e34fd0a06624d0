"""Faxes (Cooptel guide 003 §6.1–§6.4) through the API and the pages: every cover field
required, the PDF document inspected with pypdf (content, 1.5 MB, page sizes and
orientation named by page), the per-number confirmation, the status the sandbox answers,
the paginated history without a query per row. Test PDFs are made with pypdf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from backoffice.core.fax.models import Fax
from backoffice.core.models import Line, ProvisioningOrder, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client
from backoffice.testing.conformance import csrf_token_of
from backoffice.testing.pdf import A4, LEGAL, LETTER, blank_pdf, landscape, pdf_of_bytes

COVER = {"subject": "Devis", "recipient_name": "John Doe", "recipient_company": "Acme inc.",
         "recipient_fax": "514 555-0000", "recipient_phone": "514 555-0001",
         "sender_name": "Chrystiane Gaudet", "sender_company": "Fromagerie du Lac",
         "sender_fax": "514 907-3401", "sender_phone": "514 907-3400",
         "comments": "Voici le devis.", "language": "fr"}


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "cooptel", **{"Accept-Language": "fr"})


def tenant() -> Tenant:
    return db.session.scalars(select(Tenant).where(Tenant.name == "Fromagerie du Lac")).one()


def url(suffix: str = "") -> str:
    return f"/api/v1/tenants/{tenant().id}/faxes{suffix}"


def faxes() -> int:
    return db.session.scalar(select(func.count()).select_from(Fax))


def send(api, document: bytes | None, name: str = "doc.pdf", **changes):
    data = {**COVER, **changes}
    if document is not None:
        data["document"] = (io.BytesIO(document), name)
    return api("POST", url(), data=data, content_type="multipart/form-data")


def refusals(answer) -> list[tuple[str, str, str]]:
    assert answer.status_code == 422, answer.json
    return [(e["code"], e["field"], e["message"]) for e in answer.json["errors"]]


def stored_files(app) -> list[Path]:
    return [p for p in Path(app.config["MEDIA_ROOT"]).rglob("*.pdf")]


def test_a_fax_of_letter_and_a4_pages_is_sent_and_its_status_is_the_networks(api, app):
    before = len(stored_files(app))
    sent = send(api, blank_pdf(LETTER, A4, (595, 842)))
    assert sent.status_code == 201, sent.json
    assert sent.json["status"] == "sent" and sent.json["pages"] == 4
    assert sent.json["recipient_fax"] == "+15145550000"
    assert sent.json["confirmation_to"] == "sophie@fromageriedulac.ca"
    assert sent.json["status_detail"].startswith("Télécopie envoyée")
    assert len(stored_files(app)) == before + 1
    listed = api("GET", url()).json
    assert listed["items"][0]["id"] == sent.json["id"] and listed["total"] == faxes()
    document = api("GET", url(f"/{sent.json['id']}/document"))
    assert document.mimetype == "application/pdf" and document.data.startswith(b"%PDF-")
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.object_type == "fax", ProvisioningOrder.object_id == sent.json["id"])
    ).one()
    assert order.payload["recipient_fax"] == "+15145550000"


def test_the_document_weighs_at_most_1_5_mb(api, app):
    assert send(api, pdf_of_bytes(1_500_000)).status_code == 201
    before, files = faxes(), len(stored_files(app))
    refused = send(api, pdf_of_bytes(1_500_001))
    assert refusals(refused) == [(
        "fax.document.too_big", "document",
        "Le document pèse 1,5 Mo (1500001 octets) ; la limite est de 1,5 Mo "
        "(1500000 octets).")]
    assert refused.json["errors"][0]["limit"] == 1_500_000
    assert (faxes(), len(stored_files(app))) == (before, files)
    english = api("POST", url(), data={**COVER, "document": (
        io.BytesIO(pdf_of_bytes(1_600_000)), "big.pdf")}, content_type="multipart/form-data",
        headers={"Accept-Language": "en"})
    assert "the limit is 1.5 MB" in english.json["errors"][0]["message"]


@pytest.mark.parametrize(("pages", "rotate", "code", "message"), [
    ((LETTER, LETTER, landscape(LETTER)), None, "fax.document.landscape",
     "La page 3 est en paysage (792 × 612 pt) ; chaque page doit être au format US Letter "
     "ou A4, en portrait."),
    ((LETTER, LETTER), {2: 90}, "fax.document.landscape",
     "La page 2 est en paysage (792 × 612 pt) ; chaque page doit être au format US Letter "
     "ou A4, en portrait."),
    ((A4, LEGAL), None, "fax.document.page_size",
     "La page 2 est au format US Legal (612 × 1008 pt) ; chaque page doit être au format "
     "US Letter ou A4, en portrait."),
    (((500, 700),), None, "fax.document.page_size",
     "La page 1 mesure 500 × 700 pt ; chaque page doit être au format US Letter ou A4, en "
     "portrait."),
])
def test_each_page_of_another_size_or_in_landscape_is_named(api, pages, rotate, code, message):
    before = faxes()
    refused = send(api, blank_pdf(*pages, rotate=rotate))
    assert (code, "document", message) in refusals(refused)
    assert refused.json["errors"][0]["limit"] == ["letter", "a4"]
    assert faxes() == before


def test_rotate_is_honoured_a_landscape_box_turned_upright_is_portrait(api):
    assert send(api, blank_pdf(landscape(A4), rotate={1: 270})).status_code == 201


@pytest.mark.parametrize(("document", "name", "code"), [
    (b"Ceci n'est pas un PDF", "lettre.pdf", "fax.document.not_pdf"),
    (b"ID3\x03\x00 an mp3 named as a PDF", "facture.pdf", "fax.document.not_pdf"),
    (blank_pdf(LETTER, password="secret"), "protege.pdf", "fax.document.encrypted"),
    (b"%PDF-1.7\n1 0 obj broken", "abime.pdf", "fax.document.damaged"),
])
def test_a_file_that_is_no_readable_pdf_is_refused_whatever_its_name(api, app, document,
                                                                     name, code):
    before, files = faxes(), len(stored_files(app))
    assert [c for c, _, _ in refusals(send(api, document, name))] == [code]
    assert (faxes(), len(stored_files(app))) == (before, files)


def test_a_fax_without_document_is_refused(api):
    assert ("fax.document.required", "document", "Choisissez un document PDF à envoyer.") in \
        refusals(send(api, None))


@pytest.mark.parametrize("field", sorted(COVER))
def test_every_field_of_the_cover_page_is_required(api, field):
    before = faxes()
    refused = send(api, blank_pdf(LETTER), **{field: ""})
    assert field in [f for _, f, _ in refusals(refused)]
    missing = {k: v for k, v in COVER.items() if k != field}
    again = api("POST", url(), data={**missing, "document": (io.BytesIO(blank_pdf(LETTER)),
                                                             "d.pdf")},
                content_type="multipart/form-data")
    assert (field, "Ce champ est obligatoire.") in [(f, m) for _, f, m in refusals(again)]
    assert faxes() == before


def test_cover_and_document_refusals_come_together(api):
    refused = refusals(send(api, blank_pdf(LEGAL), subject=""))
    assert {"subject", "document"} <= {field for _, field, _ in refused}


def test_the_sending_number_is_one_of_the_customers_fax_numbers(api):
    refused = refusals(send(api, blank_pdf(LETTER), sender_fax="514 907-3400"))
    assert ("fax.sender_fax.not_of_tenant", "sender_fax") in [(c, f) for c, f, _ in refused]
    refused = refusals(send(api, blank_pdf(LETTER), sender_phone="514 555-9999"))
    assert ("fax.sender_phone.not_of_tenant", "sender_phone") in [(c, f) for c, f, _ in refused]
    refused = refusals(send(api, blank_pdf(LETTER), recipient_fax="123"))
    assert ("fax.recipient_fax.invalid", "recipient_fax") in [(c, f) for c, f, _ in refused]


def test_the_confirmation_is_e_mailed_only_when_the_numbers_option_is_on(api):
    line = db.session.scalars(select(Line).where(Line.plan == "efax")).one()
    settings = url().replace("/faxes", f"/lines/{line.id}/fax-number")
    current = api("GET", settings)
    refused = api("PUT", settings, json={"confirmation_email": True},
                  headers={"If-Match": current.headers["ETag"]})
    assert ("fax_numbers.confirmation_address.required", "confirmation_address") in [
        (c, f) for c, f, _ in refusals(refused)]
    assert api("PUT", settings, json={"confirmation_email": False},
               headers={"If-Match": current.headers["ETag"]}).status_code == 200
    sent = send(api, blank_pdf(LETTER))
    assert sent.json["confirmation_to"] is None
    assert sent.json["status_detail"] == ("Télécopie envoyée ; aucune confirmation par "
                                          "courriel : l'option n'est pas activée pour ce "
                                          "numéro de fax.")


def test_a_fax_the_network_refuses_is_failed(make_app):
    app = make_app(SANDBOX_FAULTS={"fax": 3})  # the demo's two faxes, then this one
    with app.app_context():
        load_demo()
        assert db.session.scalar(select(func.count()).select_from(ProvisioningOrder).where(
            ProvisioningOrder.object_type == "fax",
            ProvisioningOrder.status == ProvisioningOrder.FAILED)) == 2
        api = bearer_client(app, "support_agent", "cooptel")
        sent = send(api, blank_pdf(LETTER))
        assert sent.status_code == 201 and sent.json["status"] == "failed"
        assert send(api, blank_pdf(LETTER)).json["status"] == "sent"


def test_another_carriers_agent_and_a_carrier_without_faxes_get_404(app, api):
    other = bearer_client(app, "support_agent", "sfr")
    assert other("GET", url()).status_code == 404
    sfr = db.session.scalar(select(Tenant.id).where(Tenant.carrier_id == "sfr"))
    everyone = bearer_client(app, "operator_admin")
    answer = everyone("GET", f"/api/v1/tenants/{sfr}/faxes")
    assert answer.status_code == 404 and answer.json["code"] == "request.feature.not_offered"


def test_a_viewer_cannot_send(app, api):
    viewer = bearer_client(app, "viewer", "cooptel")
    assert send(viewer, blank_pdf(LETTER)).status_code == 403


def test_the_history_is_paginated_and_issues_no_query_per_row(api, agent_client):
    for _ in range(3):
        assert send(api, blank_pdf(LETTER)).status_code == 201
    client = agent_client("support_agent", "cooptel")
    statements: list[str] = []

    def listener(*args):
        statements.append(args[2])

    path = f"/tenants/{tenant().id}/faxes/history?lang=fr"
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        page = client.get(path)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert page.status_code == 200 and "Acme inc." in page.text and "envoyée" in page.text
    fax_queries = [s for s in statements if "FROM fax" in s]
    assert len(fax_queries) == 1, fax_queries
    api_page = api("GET", url("?page=2&page_size=2")).json
    assert api_page["total"] == faxes() == 5 and len(api_page["items"]) == 2


def test_the_form_sends_a_fax_and_shows_refusals_on_their_fields(api, agent_client):
    client = agent_client("support_agent", "cooptel")
    page = client.get(f"/tenants/{tenant().id}/faxes?lang=fr")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text and 'name="document"' in page.text
    assert "Fromagerie du Lac" in page.text  # the company name remembered (§6.2)
    assert "Page couverture" in page.text and "Options de fax" in page.text
    token = csrf_token_of(client, f"/tenants/{tenant().id}/faxes")
    form = {**COVER, "csrf_token": token, "sender_fax": "+15149073401",
            "sender_phone": "+15149073400"}
    refused = client.post(f"/tenants/{tenant().id}/faxes?lang=fr", data={
        **form, "subject": "", "document": (io.BytesIO(blank_pdf(landscape(LETTER))), "l.pdf")},
        content_type="multipart/form-data")
    assert refused.status_code == 422
    assert "La page 1 est en paysage (792 × 612 pt)" in refused.text
    assert 'aria-invalid="true"' in refused.text
    sent = client.post(f"/tenants/{tenant().id}/faxes", data={
        **form, "remember_subject": "on",
        "document": (io.BytesIO(blank_pdf(LETTER)), "ok.pdf")},
        content_type="multipart/form-data")
    assert sent.status_code == 302
    again = client.get(f"/tenants/{tenant().id}/faxes?lang=en")
    assert 'value="Devis"' in again.text and "Send a fax" in again.text
    assert client.get(f"/tenants/{tenant().id}?lang=fr").text.count("/faxes\"") == 1


def test_the_history_reads_the_fax_as_a_sentence(api, agent_client):
    send(api, blank_pdf(LETTER))
    client = agent_client("support_agent", "cooptel")
    history = client.get(f"/tenants/{tenant().id}/history?lang=fr")
    assert "Télécopie envoyée" in history.text
