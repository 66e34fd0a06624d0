"""Address books through the API and the pages (Cooptel §7.1–§7.4): shared books granted to
users, each user's one personal book, the company book computed from the lines, contacts
typed without separators; refusals in French naming the field, nothing partly saved."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from backoffice.core.changes import snapshot
from backoffice.core.directory.books import books_visible_to, company_book
from backoffice.core.directory.models import AddressBook, AddressBookContact
from backoffice.core.models import Line, ProvisioningOrder, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import bearer_client, signed_in_client

CUSTOMER = "Fromagerie du Lac"


@pytest.fixture
def api(app):
    load_demo()
    return bearer_client(app, "support_agent", "cooptel", **{"Accept-Language": "fr"})


def tenant() -> Tenant:
    return db.session.scalars(select(Tenant).where(Tenant.name == CUSTOMER)).one()


def url(kind: str = "address-books") -> str:
    return f"/api/v1/tenants/{tenant().id}/{kind}"


def line(extension: str) -> Line:
    return db.session.scalars(select(Line).where(Line.tenant_id == tenant().id,
                                                 Line.extension == extension)).one()


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def book(name: str) -> AddressBook:
    return db.session.scalars(select(AddressBook).where(AddressBook.name == name)).one()


def test_the_demo_shows_a_shared_book_and_a_personal_one(api):
    listed = api("GET", url()).json["items"]
    assert {(item["name"], item["owner_line_id"]) for item in listed} == {
        ("Fournisseurs", None), ("Mes contacts", line("102").id)}
    shared = next(item for item in listed if item["name"] == "Fournisseurs")
    assert sorted(shared["visible_to"]) == sorted([line("101").id, line("102").id])
    assert shared["contact_count"] == 2


def test_a_shared_book_is_granted_and_a_later_user_does_not_see_it(api):
    created = api("POST", url(), json={"name": "Clients", "visible_to": [line("101").id]})
    assert created.status_code == 201, created.json
    new_line = api("POST", f"/api/v1/tenants/{tenant().id}/lines", json={
        "plan": "extension", "extension": "105", "first_name": "Julie",
        "last_name": "Gagnon", "email": "julie@fromageriedulac.ca"})
    assert new_line.status_code == 201, new_line.json
    julie = line("105")
    assert books_visible_to(julie) == []
    item = f"{url()}/{created.json['id']}"
    granted = api("PUT", item, json={"name": "Clients", "visible_to": [line("101").id, julie.id]},
                  headers={"If-Match": api("GET", item).headers["ETag"]})
    assert granted.status_code == 200, granted.json
    assert [b.name for b in books_visible_to(julie)] == ["Clients"]
    order = db.session.scalars(select(ProvisioningOrder).order_by(
        ProvisioningOrder.id.desc())).first()
    assert order.object_type == "address_book" and order.payload["visible_to"] == [
        line("101").id, julie.id]


def test_each_user_has_one_personal_book_seen_by_them_only(api):
    luc, sophie = line("102"), line("101")
    second = api("POST", url(), json={"owner_line_id": luc.id})
    assert second.status_code == 422
    assert [(e["code"], e["field"]) for e in second.json["errors"]] == [
        ("address_book.owner_line_id.duplicate", "owner_line_id")]
    shared_with_sophie = api("POST", url(), json={"owner_line_id": sophie.id,
                                                   "visible_to": [luc.id]})
    assert shared_with_sophie.status_code == 422
    assert shared_with_sophie.json["errors"][0]["code"] == "address_book.visible_to.personal"
    mine = api("POST", url(), json={"owner_line_id": sophie.id})
    assert mine.status_code == 201 and mine.json["name"] == "Mes contacts"
    assert mine.json["visible_to"] == [sophie.id]


def test_the_company_book_is_computed_from_the_extensions(api, app):
    assert [(entry.extension, entry.name) for entry in company_book(tenant())] == [
        ("101", "Sophie Bergeron"), ("102", "Luc Paquette"), ("103", ""),
        ("104", "Luc Paquette")]
    assert "Fromagerie du Lac" not in {b.name for b in db.session.scalars(select(AddressBook))}
    client = signed_in_client(app, "support_agent", "cooptel")
    page = client.get(f"/tenants/{tenant().id}", headers={"Accept-Language": "fr"})
    text = page.get_data(as_text=True)
    assert "« Fromagerie du Lac » contient vos 4 postes : 101 Sophie Bergeron, " \
           "102 Luc Paquette, 103, 104 Luc Paquette" in text


def test_a_contact_is_added_without_separators_and_its_email_is_optional(api):
    created = api("POST", url("address-book-contacts"), json={
        "book_id": book("Fournisseurs").id, "number": "5149073400", "first_name": "Ginette",
        "last_name": "Roy"})
    assert created.status_code == 201, created.json
    assert created.json["number"] == "+15149073400" and created.json["email"] is None


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"number": "514 907-3400"}, "number",
     "Numéro de téléphone : saisissez-le sans espace ni tiret, par exemple 5149073400."),
    ({"number": "514-907-3400"}, "number",
     "Numéro de téléphone : saisissez-le sans espace ni tiret, par exemple 5149073400."),
    ({"email": "ginette@"}, "email", "Saisissez une adresse courriel valide."),
    ({"first_name": ""}, "first_name", "Entre 1 et 80 caractères."),
    ({"number": ""}, "number", "Ce champ est obligatoire."),
    ({"book_id": 999999}, "book_id", "Choisissez l'un des carnets d'adresses du client."),
])
def test_bad_contacts_are_refused_in_french_naming_the_field(api, body, field, message):
    before = count(AddressBookContact)
    data = {"book_id": book("Fournisseurs").id, "number": "5149073400",
            "first_name": "Ginette", "last_name": "Roy", **body}
    refused = api("POST", url("address-book-contacts"), json=data)
    assert refused.status_code == 422
    assert [(e["field"], e["message"]) for e in refused.json["errors"]] == [(field, message)]
    assert count(AddressBookContact) == before


def test_deleting_a_book_deletes_its_contacts(api):
    suppliers = book("Fournisseurs")
    before = count(AddressBookContact)
    item = f"{url()}/{suppliers.id}"
    etag = api("GET", item).headers["ETag"]
    assert api("DELETE", item, headers={"If-Match": etag}).status_code == 204
    assert count(AddressBookContact) == before - 2


def test_the_pages_list_books_and_contacts_in_both_languages(app):
    load_demo()
    client = signed_in_client(app, "support_agent", "cooptel")
    for language, words in (("fr", ("Carnets d&#39;adresses", "Visible par", "Fournisseurs",
                                    "Laiterie")),
                            ("en", ("Address books", "Visible to", "Fournisseurs",
                                    "Laiterie"))):
        page = client.get(f"/tenants/{tenant().id}", headers={"Accept-Language": language})
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        for word in words:
            assert word in text, (language, word)


class _Form(HTMLParser):
    """The fields of the first post form of a block's edit: what a browser would send."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix, self.data, self.select, self.inside = prefix, [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method") == "post" and \
                attrs.get("action", "").endswith(self.prefix):
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and attrs.get("name"):
            if attrs.get("type") == "checkbox" and "checked" not in attrs:
                return
            self.data.append((attrs["name"], attrs.get("value", "on")))
        elif tag == "select":
            self.select, self.options, self.chosen = attrs["name"], [], None
        elif tag == "option" and self.select:
            self.options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self.chosen = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select" and self.select:
            # a browser sends the first option when none is selected
            self.data.append((self.select, self.chosen if self.chosen is not None
                              else self.options[0]))
            self.select = None
        elif tag == "form":
            self.inside = False


def posted(html: str, action: str) -> list[tuple[str, str]]:
    form = _Form(action)
    form.feed(html)
    return form.data


@pytest.mark.parametrize("block", ["address-books", "address-book-contacts"])
def test_every_form_round_trips_unchanged(app, agent_client, block):
    load_demo()
    client = agent_client("support_agent", "cooptel")
    page = f"/tenants/{tenant().id}"
    model = AddressBook if block == "address-books" else AddressBookContact
    for item in db.session.scalars(select(model)).all():
        before = {k: v for k, v in snapshot(item).items() if k != "version"}
        action = f"{page}/blocks/{block}/items/{item.id}"
        html = client.get(f"{page}?edit={block}&item={item.id}").text
        data = posted(html, action)
        assert ("version", str(item.version)) in data, data
        saved = client.post(action, data=MultiDict(data))
        assert saved.status_code == 302, saved.text[-3000:]
        db.session.expire_all()
        again = db.session.get(model, item.id)
        assert {k: v for k, v in snapshot(again).items() if k != "version"} == before


def test_a_phone_lists_contacts_at_distinct_positions_with_extensions_as_favourites(api):
    luc = line("102")
    phone = f"/api/v1/tenants/{tenant().id}/lines/{luc.id}/phone-contacts"
    listed = api("GET", phone).json["items"]
    assert [(item["position"], item["favourite"]) for item in listed] == [
        (1, True), (2, False), (3, False)]
    chagnon = db.session.scalars(select(AddressBookContact).where(
        AddressBookContact.last_name == "Chagnon")).one()
    taken = api("POST", phone, json={"position": 2, "entry": f"contact:{chagnon.id}"})
    assert taken.status_code == 422
    assert [(e["code"], e["field"], e["message"]) for e in taken.json["errors"]] == [
        ("phone_contact.position.duplicate", "position",
         "La position 2 est déjà prise sur ce téléphone : il ne doit pas y avoir de "
         "doublons dans les positions.")]
    favourite = api("POST", phone, json={"position": 4, "entry": f"contact:{chagnon.id}",
                                         "favourite": True})
    assert favourite.status_code == 422
    assert favourite.json["errors"][0]["code"] == "phone_contact.favourite.not_extension"
    added = api("POST", phone, json={"position": 4, "entry": f"contact:{chagnon.id}"})
    assert added.status_code == 201, added.json
    assert added.json["entry"] == f"contact:{chagnon.id}"


def test_an_agent_who_only_reads_changes_no_book(app):
    load_demo()
    viewer = bearer_client(app, "viewer", "cooptel")
    before = count(AddressBook)
    refused = viewer("POST", url(), json={"name": "Intrus", "visible_to": []})
    assert refused.status_code == 403 and refused.json["code"] == "auth.role.read_only"
    assert count(AddressBook) == before


def _statements(client, path: str) -> int:
    from sqlalchemy import event

    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return len(statements)


def test_the_lists_issue_no_query_per_book_or_contact(api, app, agent_client):
    from backoffice.core.directory.books import add_book, add_contact

    client = agent_client("support_agent", "cooptel")
    page = f"/tenants/{tenant().id}"
    before = _statements(client, page)
    customer = tenant()
    for index in range(4):
        user = api("POST", f"/api/v1/tenants/{customer.id}/lines", json={
            "plan": "extension", "extension": f"11{index}", "first_name": f"U{index}",
            "last_name": "Test", "email": f"u{index}@fromageriedulac.ca"}).json
        mine = add_book(customer, None, {"owner_line_id": user["id"]})
        shared = add_book(customer, None, {"name": f"Carnet {index}",
                                           "visible_to": [user["id"]]})
        for book_row in (mine, shared):
            add_contact(customer, None, {"book_id": book_row.id, "first_name": "A",
                                         "last_name": f"B{index}",
                                         "number": f"514555{index:02d}{book_row.id % 100:02d}"})
    # the four new lines are listed on the page too; the books and contacts add no query
    assert _statements(client, page) == before


def test_a_deleted_user_takes_their_personal_book_and_access_with_them(api):
    customer = tenant()
    user = api("POST", f"/api/v1/tenants/{customer.id}/lines", json={
        "plan": "extension", "extension": "120", "first_name": "Temp", "last_name": "User",
        "email": "temp@fromageriedulac.ca"}).json
    assert api("POST", url(), json={"owner_line_id": user["id"]}).status_code == 201
    suppliers = f"{url()}/{book('Fournisseurs').id}"
    shared = api("GET", suppliers)
    assert api("PUT", suppliers, json={"name": "Fournisseurs",
                                       "visible_to": [*shared.json["visible_to"], user["id"]]},
               headers={"If-Match": shared.headers["ETag"]}).status_code == 200
    line_url = f"/api/v1/tenants/{customer.id}/lines/{user['id']}"
    etag = api("GET", line_url).headers["ETag"]
    assert api("DELETE", line_url, headers={"If-Match": etag}).status_code == 204
    db.session.expire_all()
    assert db.session.scalar(select(AddressBook).where(
        AddressBook.owner_line_id == user["id"])) is None
    assert user["id"] not in api("GET", suppliers).json["visible_to"]
