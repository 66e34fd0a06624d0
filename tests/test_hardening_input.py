"""Bad input answers a clear 4xx naming the field, never a server error, and saves nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from backoffice.auth.tokens import create_token
from backoffice.core.calendars.hours import parse_date
from backoffice.core.models import AuditRecord, Line, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.inputs import MAX_JSON_DEPTH
from backoffice.testing.auth import csrf_token, make_agent
from backoffice.testing.helpers import row_counts

BEYOND = "99999999999"  # past PostgreSQL's integer


@pytest.fixture
def demo(app):
    load_demo()
    return db.session.scalar(select(Line).where(Line.number == "+33483050173"))


@pytest.fixture
def api(app, demo):
    """A bearer-token client of the operator's administrator, in English."""
    _, clear = create_token(make_agent("operator_admin"), "tests")
    client = app.test_client()

    def call(method: str, path: str, **kwargs):
        headers = {"Authorization": f"Bearer {clear}", "Accept-Language": "en",
                   **kwargs.pop("headers", {})}
        response = client.open(path, method=method, headers=headers, **kwargs)
        db.session.rollback()
        return response

    return call


@pytest.fixture
def web(agent_client, demo):
    client = agent_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def fields_of(response) -> set[str]:
    return {error["field"] for error in response.json.get("errors", [])}


def line_url(line: Line) -> str:
    return f"/api/v1/tenants/{line.tenant_id}/lines/{line.id}"


# 1. NUL bytes and lone surrogates ------------------------------------------------------


@pytest.mark.parametrize("query", ["q=a%00b", "plan=%00", "sort=number%00"])
def test_a_nul_byte_in_a_query_is_refused_naming_it(api, demo, query):
    response = api("GET", f"/api/v1/tenants/{demo.tenant_id}/lines?{query}")
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    assert response.json["code"] == "request.text.invalid_character"
    assert fields_of(response) == {query.split("=")[0]}


@pytest.mark.parametrize("body", ['{"first_name": "a\\u0000b"}', '{"first_name": "a\\ud800"}',
                                  '{"last_name": "x", "first_name": ["\\udfff"]}',
                                  '{"first\\u0000name": "x"}'])
def test_nul_or_a_lone_surrogate_in_a_json_body_is_refused_and_nothing_saved(api, demo, body):
    before = row_counts()
    response = api("PATCH", line_url(demo), data=body, content_type="application/json",
                   headers={"If-Match": "*"})
    assert response.status_code == 422
    assert response.json["errors"][0]["field"].startswith("first")
    assert "NUL byte" in response.json["detail"]
    assert row_counts() == before


def test_a_multipart_part_without_a_readable_name_is_answered_not_a_server_error(api, demo):
    body = b'--XX\r\nContent-Disposition: form-data; name="ab\\"\r\n\r\n17\r\n--XX--\r\n'
    before = row_counts()
    response = api("POST", f"/api/v1/tenants/{demo.tenant_id}/imports", data=body,
                   content_type="multipart/form-data; boundary=XX")
    assert response.status_code == 422 and response.json["errors"][0]["field"] == "file"
    assert row_counts() == before


def test_nul_in_a_form_the_search_box_and_the_sign_in_is_refused(web, demo, app):
    token = csrf_token(web, "/")
    before = row_counts()
    posted = web.post(f"/tenants/{demo.tenant_id}/lines/{demo.id}",
                      data={"first_name": "a\x00b", "plan": demo.plan, "csrf_token": token})
    assert posted.status_code == 422 and posted.mimetype == "text/html"
    assert "first_name" in posted.text
    assert web.get("/search?q=a%00b").status_code == 422
    assert web.get(f"/tenants/{demo.tenant_id}/history?actor=%00").status_code == 422
    login = app.test_client().post("/login", data={"email": "a\x00@b.c", "password": "x"})
    assert login.status_code == 422
    assert row_counts() == before


def test_the_refusal_is_in_french_too(api, demo):
    response = api("GET", "/api/v1/tenants?q=%00", headers={"Accept-Language": "fr"})
    assert response.status_code == 422 and "octet NUL" in response.json["detail"]


# 2. Integers past the database's range -------------------------------------------------


@pytest.mark.parametrize("path", [
    "/api/v1/tenants/{big}", "/api/v1/tenants/{t}/lines/{big}",
    "/api/v1/tenants/{t}/orders/{big}/retry", "/api/v1/tenants/{t}/lines/{big}/history",
])
def test_ids_past_the_integer_range_are_not_found_in_the_api(api, demo, path):
    url = path.format(big=BEYOND, t=demo.tenant_id)
    method = "POST" if url.endswith("retry") else "GET"
    assert api(method, url).status_code == 404


@pytest.mark.parametrize("path", ["/tenants/{big}", "/tenants/{t}/lines/{big}",
                                  "/tenants/{t}/lines/{big}/history"])
def test_ids_past_the_integer_range_are_not_found_on_pages(web, demo, path):
    response = web.get(path.format(big=BEYOND, t=demo.tenant_id))
    assert response.status_code == 404 and response.mimetype == "text/html"


@pytest.mark.parametrize("query", [f"page={BEYOND}", "page=0", "page=abc",
                                   f"line_id={BEYOND}", "page_size=1.5"])
def test_page_numbers_and_filters_past_the_range_are_refused_in_the_api(api, demo, query):
    response = api("GET", f"/api/v1/tenants/{demo.tenant_id}/orders?{query}")
    assert response.status_code == 422
    assert fields_of(response) == {query.split("=")[0]}


@pytest.mark.parametrize("path", ["/tenants/{t}?page={big}", "/tenants/{t}/history?page={big}",
                                  "/tenants/{t}?page=-1"])
def test_page_numbers_past_the_range_are_refused_on_pages(web, demo, path):
    response = web.get(path.format(big=BEYOND, t=demo.tenant_id))
    assert response.status_code == 422 and "page" in response.text


def test_a_foreign_key_past_the_range_is_refused_naming_it(api, web, demo):
    before = row_counts()
    response = api("PATCH", line_url(demo), json={"site_id": int(BEYOND)},
                   headers={"If-Match": "*"})
    assert response.status_code == 422 and fields_of(response) == {"site_id"}
    assert "2147483647" in response.json["detail"]
    token = csrf_token(web, "/")
    page = web.post(f"/tenants/{demo.tenant_id}/lines/{demo.id}",
                    data={"site_id": BEYOND, "plan": demo.plan, "csrf_token": token})
    assert page.status_code == 422 and "2147483647" in page.text
    assert row_counts() == before



@pytest.mark.parametrize(("block", "body"), [
    ("phone-contacts", {"position": 9, "entry": f"extension:{BEYOND}"}),
    ("phone-contacts", {"position": 9, "entry": f"contact:{BEYOND}"}),
    ("phone-assignments", {"device_id": int(BEYOND), "model": "yealink_t54w",
                           "line_keys": [1]}),
])
def test_an_id_past_the_range_inside_a_body_is_refused_not_looked_up(api, demo, block, body):
    extension = db.session.scalar(select(Line).join(Tenant).where(
        Tenant.carrier_id == "cooptel", Line.extension == "102"))
    before = row_counts()
    response = api("POST", f"/api/v1/tenants/{extension.tenant_id}/lines/{extension.id}/"
                   f"{block}", json=body)
    assert response.status_code == 422, response.json
    assert row_counts() == before

# 3. Oversized and deeply nested JSON ---------------------------------------------------


def test_deeply_nested_json_answers_400_with_a_problem(api, demo):
    deep = "[" * 100_000 + "]" * 100_000
    response = api("PATCH", line_url(demo), data=deep, content_type="application/json",
                   headers={"If-Match": "*"})
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    assert response.json["code"] == "request.body.too_deep"
    assert response.json["limit"] == MAX_JSON_DEPTH


def test_nesting_inside_strings_does_not_count(api, demo):
    response = api("PATCH", line_url(demo), json={"first_name": "[[[[" * 20 + '"{'},
                   headers={"If-Match": "*"})
    assert response.status_code == 422 and fields_of(response) == {"first_name"}


def test_a_body_over_the_limit_answers_400_with_a_problem(api, demo, app):
    assert app.config["MAX_CONTENT_LENGTH"]
    huge = '{"first_name": "' + "x" * app.config["MAX_CONTENT_LENGTH"] + '"}'
    response = api("PATCH", line_url(demo), data=huge, content_type="application/json",
                   headers={"If-Match": "*"})
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    assert response.json["code"] == "request.body.too_large"
    assert response.json["limit"] == app.config["MAX_CONTENT_LENGTH"]


def test_a_body_that_is_not_json_answers_400(api, demo):
    response = api("PATCH", line_url(demo), data="{nope", content_type="application/json",
                   headers={"If-Match": "*"})
    assert response.status_code == 400 and response.json["code"] == "request.body.invalid"


# 4. X-Request-Id -----------------------------------------------------------------------


@pytest.mark.parametrize("request_id", ["x" * 65, "y" * 5000, "é" * 10, "a b"])
def test_any_request_id_lets_a_change_through(api, demo, request_id):
    response = api("PATCH", line_url(demo), json={"first_name": "Zoé"},
                   headers={"If-Match": "*", "X-Request-Id": request_id})
    assert response.status_code == 200, response.json
    kept = response.headers["X-Request-Id"]
    assert 0 < len(kept) <= 64
    audit = db.session.scalars(select(AuditRecord).order_by(AuditRecord.id.desc())).first()
    assert audit.request_id == kept


def test_a_short_request_id_is_kept_as_sent(api, demo):
    response = api("PATCH", line_url(demo), json={"first_name": "Zoé"},
                   headers={"If-Match": "*", "X-Request-Id": "abc-123"})
    assert response.headers["X-Request-Id"] == "abc-123"


# 5. E-mails, dates, fractions, digits --------------------------------------------------


@pytest.mark.parametrize(("payload", "field"), [
    ({"email": "a" * 250 + "@example.com"}, "email"),
    ({"site_id": 1.5}, "site_id"),
    ({"site_id": "2.0"}, "site_id"),
    ({"extension": "١٢٣"}, "extension"),
    ({"extension": "12٣"}, "extension"),
])
def test_line_values_are_refused_naming_the_field(api, demo, payload, field):
    before = row_counts()
    response = api("PATCH", line_url(demo), json=payload, headers={"If-Match": "*"})
    assert response.status_code == 422 and fields_of(response) == {field}
    assert row_counts() == before


@pytest.mark.parametrize("query", ["since=2026-13-01", "until=2026-02-30", "since=9999-12-31",
                                   "until=0001-01-01", "since=yesterday", "until=2026-1-1"])
def test_history_filters_with_bad_dates_are_refused_naming_them(api, web, demo, query):
    field = query.split("=")[0]
    response = api("GET", f"/api/v1/tenants/{demo.tenant_id}/history?{query}")
    assert response.status_code == 422 and fields_of(response) == {field}
    page = web.get(f"/tenants/{demo.tenant_id}/history?{query}")
    assert page.status_code == 422 and page.mimetype == "text/html"


def test_good_history_filters_still_filter(api, demo):
    response = api("GET", f"/api/v1/tenants/{demo.tenant_id}/history?since=2000-01-01"
                          "&until=2999-12-31")
    assert response.status_code == 200 and response.json["total"] > 0


@pytest.mark.parametrize("text", ["2026-13-01", "2026-02-30", "13/13/2026", "tomorrow",
                                  "2026-1-13"])
def test_a_calendar_date_with_no_such_month_or_day_is_refused(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_calendar_dates_in_iso_and_french_order_still_read():
    assert parse_date("2026-12-25").isoformat() == "2026-12-25"
    assert parse_date("25/12/2026").isoformat() == "2026-12-25"


def test_an_agent_e_mail_over_254_characters_is_refused(api):
    response = api("POST", "/api/v1/agents", json={
        "email": "a" * 250 + "@example.com", "password": "a long enough passphrase 2026",
        "role": "operator_admin"})
    assert response.status_code == 422 and fields_of(response) == {"email"}


# 6. Redirects after sign-in, and pages that fail ---------------------------------------


@pytest.mark.parametrize("target", ["/tenants\r\nSet-Cookie: x=1", "/\x01admin", "/a\tb",
                                    "/caf\u00e9\u0085", "//evil.example/", "/\\evil.example"])
def test_a_next_with_control_characters_or_another_host_goes_home(app, target):
    from backoffice.testing.auth import log_in

    make_agent("viewer", "bell")
    response = log_in(app.test_client(), "viewer.bell@test.example", next=target)
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_a_next_on_this_site_is_followed(app):
    from backoffice.testing.auth import log_in

    make_agent("viewer", "bell")
    response = log_in(app.test_client(), "viewer.bell@test.example", next="/carriers?x=1")
    assert response.headers["Location"] == "/carriers?x=1"


@pytest.fixture
def failing(make_app):
    """An app whose ``/fail`` and ``/api/v1/fail`` raise a plain bug, as in production."""
    from sqlalchemy import text

    from backoffice.auth import public

    app = make_app(PROPAGATE_EXCEPTIONS=False)

    def fail():
        db.session.execute(text("SELECT 1"))
        raise RuntimeError("a bug")

    app.add_url_rule("/fail", "fail", public(fail))
    app.add_url_rule("/api/v1/fail", "api_fail", public(fail))
    return app


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_failing_page_answers_html_and_the_api_problem_json(failing, language):
    client = failing.test_client()
    headers = {"Accept-Language": language, "X-Request-Id": "req-42"}
    page = client.get("/fail", headers={**headers, "Accept": "text/html"})
    assert page.status_code == 500 and page.mimetype == "text/html"
    api = client.get("/api/v1/fail", headers=headers)
    assert api.status_code == 500 and api.mimetype == "application/problem+json"
    assert api.json["code"] == "server.request.failed" and api.json["request_id"] == "req-42"
    expected = {"en": "nothing was saved", "fr": "rien n'a été enregistré"}[language]
    assert expected in api.json["detail"]


# 7. Concurrent first writes of a setting -----------------------------------------------


def test_the_loser_of_two_first_writes_of_a_setting_gets_412(api, demo, monkeypatch):
    """Both writes saw no setting yet; the second to commit meets the first one's row."""
    from plugins.sfr import call_waiting

    url = f"/api/v1/tenants/{demo.tenant_id}/lines/{demo.id}/call-waiting"
    monkeypatch.setattr(call_waiting, "_setting", lambda line: None)
    first = api("PUT", url, json={"enabled": True}, headers={"If-Match": "*"})
    assert first.status_code == 200, first.json
    before = row_counts()
    second = api("PUT", url, json={"enabled": False}, headers={"If-Match": "*"})
    assert second.status_code == 412, second.json
    assert second.json["code"] == "call_waiting.version.conflict"
    assert second.json["changed_by"] == "operator_admin.all@test.example"
    assert row_counts() == before


def test_a_duplicate_value_of_a_new_item_still_answers_422(api, demo):
    url = f"/api/v1/tenants/{demo.tenant_id}/sites"
    assert api("POST", url, json={"name": "Twin"}).status_code == 201
    again = api("POST", url, json={"name": "Twin"})
    assert again.status_code == 422


# The whole list: none of these gives a server error ------------------------------------

BAD_INPUTS = [
    ("GET", "/api/v1/tenants?q=%00"), ("GET", "/api/v1/tenants?carrier=%00"),
    ("GET", f"/api/v1/tenants/{BEYOND}"), ("GET", f"/api/v1/tenants?page={BEYOND}0000000"),
    ("GET", "/api/v1/tenants?page_size=1e400"), ("GET", "/api/v1/tenants?page=%D9%A1"),
    ("GET", "/api/v1/tenants/{t}/history?since=2026-13-01"),
    ("GET", "/api/v1/tenants/{t}/history?until=9999-12-31"),
    ("GET", "/api/v1/tenants/{t}/orders?line_id=-99999999999"),
    ("GET", "/api/v1/tenants/{t}/lines?sort=%00"), ("GET", "/api/v1/tenants/{t}/bl%00ck"),
    ("GET", "/api/v1/tenants/{t}/lines/{l}/call-waiting?q=%00"),
    ("PATCH", "/api/v1/tenants/{t}/lines/{l}", {"plan": {"a": ["\ud800"]}}),
    ("PATCH", "/api/v1/tenants/{t}/lines/{l}", {"site_id": 1e300}),
    ("PATCH", "/api/v1/tenants/{t}/lines/{l}", {"site_id": -1}),
    ("PATCH", "/api/v1/tenants/{t}/lines/{l}", {"number": "0" * 5000}),
    ("PATCH", "/api/v1/tenants/{t}/lines/{l}", {"mac": "\x00" * 12}),
    ("PATCH", "/api/v1/tenants/{t}/lines/{l}", ["not", "an", "object"]),
    ("POST", "/api/v1/tenants", {"name": "x" * 10_000, "carrier_id": "sfr"}),
    ("POST", "/api/v1/tenants", {"name": "Ok", "carrier_id": ["sfr"]}),
    ("POST", "/api/v1/tenants/{t}/sites", {"name": "S", "country": "FR\x00"}),
    ("POST", "/api/v1/agents", {"email": "x@y.zz", "password": "p" * 5000,
                                "role": "viewer", "carrier_id": {"a": 1}}),
    ("POST", "/api/v1/tenants/{t}/lines/{l}/explain", {"moment": "2026-13-01T10:00",
                                                      "state": "idle"}),
    ("POST", "/api/v1/tenants/{t}/lines/{l}/explain", {"moment": "9999-12-31T23:59",
                                                      "state": "idle", "digits": "\x00"}),
]


@pytest.mark.parametrize("case", BAD_INPUTS, ids=lambda case: f"{case[0]} {case[1]}")
def test_no_bad_input_gives_a_server_error(api, demo, case):
    method, path, *body = case
    url = path.format(t=demo.tenant_id, l=demo.id)
    before = row_counts()
    kwargs = {"json": body[0]} if body else {}
    response = api(method, url, headers={"If-Match": "*"}, **kwargs)
    assert 400 <= response.status_code < 500, response.data[:300]
    assert response.mimetype == "application/problem+json"
    assert row_counts() == before
