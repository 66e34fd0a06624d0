"""The console's search (issue #12, item 11): the last digits of a number, names without
their accents, a single match opens it, several make a list; each carrier sees its own."""

from __future__ import annotations

import re

import pytest

from backoffice.core.changes import snapshot
from backoffice.core.lines import create_line, update_line
from backoffice.core.models import Line, Tenant
from backoffice.core.searchkeys import fold, reversed_digits
from backoffice.core.tenants import create_tenant
from backoffice.extensions import db
from backoffice.testing.auth import PASSWORD, log_in, make_agent


def bell_line(tenant: Tenant, number: str, extension: str, first: str, last: str) -> Line:
    return create_line(tenant, {"plan": "liaisons_sip", "number": number,
                                "extension": extension, "first_name": first,
                                "last_name": last})


@pytest.fixture
def bell(app):
    tenant = create_tenant({"name": "Érablière Gélinas", "carrier_id": "bell"})
    return {
        "tenant": tenant,
        "stephane": bell_line(tenant, "514 907-0173", "201", "Stéphane", "Bérubé"),
        "helene": bell_line(tenant, "514 907-2273", "202", "Hélène", "Côté"),
        "marc": bell_line(tenant, "514 907-3373", "203", "Marc", "Côté"),
    }


@pytest.fixture
def telus(app):
    """Another carrier's customer, with a line of the same last digits and first name."""
    tenant = create_tenant({"name": "Érablière de l'Ouest", "carrier_id": "telus"})
    line = create_line(tenant, {"plan": "user", "number": "604 555-0173", "extension": "301",
                                "first_name": "Stéphane", "last_name": "Tremblay"})
    return {"tenant": tenant, "line": line}


def line_url(line: Line) -> str:
    return f"/tenants/{line.tenant_id}/lines/{line.id}"


def found_lines(response) -> list[str]:
    return re.findall(r'href="(/tenants/\d+/lines/\d+)"', response.text)


def test_the_models_keep_the_search_keys(bell):
    line = bell["stephane"]
    assert (line.number_tail, line.first_name_key, line.last_name_key) == (
        "3710709415" "1", "stephane", "berube")
    assert bell["tenant"].name_key == "erabliere gelinas"
    update_line(line, {"first_name": "  Éloïse ", "number": "514 907-9999"})
    db.session.expire_all()
    line = db.session.get(Line, line.id)
    assert (line.first_name_key, line.number_tail) == ("eloise", reversed_digits(line.number))
    assert "first_name_key" not in snapshot(line) and "number_tail" not in snapshot(line)


@pytest.mark.parametrize("query", ["0173", "01 73", "907-0173", " 0 1 7 3 "])
def test_the_last_digits_of_a_number_open_its_line(bell, telus, agent_client, query):
    response = agent_client("support_agent", "bell").get("/search", query_string={"q": query})
    assert response.status_code == 302
    assert response.headers["Location"] == line_url(bell["stephane"])


@pytest.mark.parametrize("query", ["stephane", "STEPHANE", "berube", "stephane berube",
                                   "Bérubé Stéphane", "steph"])
def test_a_name_without_its_accents_opens_its_line(bell, telus, agent_client, query):
    response = agent_client("support_agent", "bell").get("/search", query_string={"q": query})
    assert response.status_code == 302
    assert response.headers["Location"] == line_url(bell["stephane"])


@pytest.mark.parametrize(("query", "names"), [
    ("73", set()),  # fewer than 4 digits: an extension only, not the end of a number
    ("2273", {"helene"}), ("x73", set()),
    ("3373", {"marc"}), ("cote", {"helene", "marc"}), ("Côté", {"helene", "marc"}),
])
def test_several_matches_make_a_list_and_the_live_results_stay_a_list(
        bell, telus, agent_client, query, names):
    client = agent_client("support_agent", "bell")
    live = client.get("/search", query_string={"q": query}, headers={"HX-Request": "true"})
    assert live.status_code == 200
    assert set(found_lines(live)) == {line_url(bell[name]) for name in names}
    if len(names) > 1:
        page = client.get("/search", query_string={"q": query})
        assert page.status_code == 200
        assert set(found_lines(page)) == {line_url(bell[name]) for name in names}


def test_a_customer_name_without_accents_opens_the_customer(bell, telus, agent_client):
    response = agent_client("support_agent", "bell").get("/search?q=erabliere")
    assert response.status_code == 302
    assert response.headers["Location"] == f"/tenants/{bell['tenant'].id}"
    both = agent_client("operator_admin").get("/search?q=erabliere")
    assert both.status_code == 200
    assert "Érablière Gélinas" in both.text and "Érablière de l&#39;Ouest" in both.text


def test_another_carriers_lines_are_neither_listed_nor_opened(bell, telus, agent_client):
    client = agent_client("support_agent", "telus")
    for query in ("0173", "stephane"):
        response = client.get("/search", query_string={"q": query})
        assert response.status_code == 302
        assert response.headers["Location"] == line_url(telus["line"])
    live = client.get("/search?q=cote", headers={"HX-Request": "true"})
    assert found_lines(live) == [] and "Côté" not in live.text


def test_the_tenant_lines_table_searches_the_same_way(bell, agent_client):
    client = agent_client("support_agent", "bell")
    table = client.get(f"/tenants/{bell['tenant'].id}?q=stephane",
                       headers={"HX-Target": "lines-table"})
    assert "Bérubé" in table.text and "Hélène" not in table.text


def test_after_sign_in_the_cursor_is_in_the_search_box_and_the_shortcut_shown(app, client):
    make_agent("support_agent", "bell")
    response = log_in(client, "support_agent.bell@test.example", PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    home = client.get("/?lang=en")
    field = re.search(r'<input type="search" name="q" id="global-search"[^>]*>', home.text)
    assert field and "autofocus" in field.group(0) and 'aria-keyshortcuts="/"' in field.group(0)
    assert 'id="search-shortcut"' in home.text and "Shortcut: /" in home.text
    assert len(re.findall(r"\bautofocus\b", home.text)) == 1


def test_fold_and_reverse():
    assert fold("  Œuvre   ÉTÉ ß ") == "œuvre ete ss"
    assert fold(" Jean\tPAUL  d'Arc ") == "jean paul d'arc"  # plain ASCII: the short way
    assert fold(None) == "" and reversed_digits(None) is None
    assert reversed_digits("+33 4 83 05 01 73") == "37105038433"


@pytest.mark.parametrize("query", ["\u0301\u0301\u0301", "%_%", "a\\",
                                   "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6"])
def test_odd_queries_find_nothing_and_never_fail(bell, agent_client, query):
    response = agent_client("support_agent", "bell").get("/search", query_string={"q": query},
                                                         headers={"HX-Request": "true"})
    assert response.status_code == 200 and found_lines(response) == []
