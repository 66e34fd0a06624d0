"""The error table: every entry answers as problem+json and as the error page, in both
languages, and none answers 500."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug import exceptions as http_errors

from backoffice.access import READ_ONLY
from backoffice.auth import Forbidden, LoginThrottled, Unauthenticated, forbidden, public
from backoffice.auth.agents import AgentRejected
from backoffice.core.errors import ChangeRejected, EditConflict, NotOffered, Violation
from backoffice.inputs import JsonNestedTooDeep
from backoffice.problems import TABLE, InvalidJson, Refused

THROTTLED = ("Too many failed sign-in attempts for this account. Wait 15 minutes, then "
             "try again.")


@dataclass(frozen=True)
class Example:
    """An error of one entry and how it must answer."""

    error: Callable[[], BaseException]
    status: int
    code: str
    detail: dict[str, str]  # by language
    page: dict[str, str] | None = None  # the page's message, when it is not ``detail``
    extra: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


EXAMPLES: dict[type[BaseException], Example] = {
    ChangeRejected: Example(
        lambda: ChangeRejected([Violation(
            code="site.name.duplicate", field="name",
            message="This value is already used by another record.")]),
        422, "site.name.duplicate",
        {"en": "This value is already used by another record.",
         "fr": "Cette valeur est déjà utilisée par un autre enregistrement."},
        extra={"errors": [{"code": "site.name.duplicate", "field": "name",
                           "message": "This value is already used by another record."}]}),
    AgentRejected: Example(
        lambda: AgentRejected({"email": ("“%(value)s” is not an e-mail address.",
                                         {"value": "julie"})}),
        422, "agent.email.invalid",
        {"en": "“julie” is not an e-mail address.",
         "fr": "« julie » n'est pas une adresse e-mail."},
        extra={"errors": [{"code": "agent.email.invalid", "field": "email",
                           "message": "“julie” is not an e-mail address."}]}),
    EditConflict: Example(
        lambda: EditConflict("line", 7, "julie@example.test", datetime(2026, 3, 2, 9, 30)),
        412, "line.version.conflict",
        {"en": "julie@example.test changed this on 2026-03-02 09:30:00 UTC. Reload to see "
               "their change, then try again.",
         "fr": "julie@example.test a modifié ceci le 2026-03-02 09:30:00 UTC. Rechargez pour "
               "voir sa modification, puis réessayez."},
        extra={"changed_by": "julie@example.test", "changed_at": "2026-03-02T09:30:00+00:00"}),
    NotOffered: Example(
        lambda: NotOffered("Bell Canada", "blacklist"), 404, "request.feature.not_offered",
        {"en": "Bell Canada does not offer “blacklist”.",
         "fr": "Bell Canada n'offre pas « liste noire »."}),
    Refused: Example(
        lambda: Refused(409, "order.status.not_failed", "Only a failed change can be sent again."),
        409, "order.status.not_failed",
        {"en": "Only a failed change can be sent again.",
         "fr": "Seule une modification en échec peut être renvoyée."}),
    Unauthenticated: Example(
        lambda: Unauthenticated("token_revoked"), 401, "auth.token.revoked",
        {"en": "This token was revoked.", "fr": "Ce jeton a été révoqué."},
        headers={"WWW-Authenticate": 'Bearer realm="backoffice"'}),
    Forbidden: Example(
        lambda: forbidden(READ_ONLY, code="auth.role.read_only"), 403, "auth.role.read_only",
        {"en": "Your role can read but not change anything.",
         "fr": "Votre rôle permet de consulter mais pas de modifier."}),
    http_errors.Forbidden: Example(
        http_errors.Forbidden, 403, "auth.role.forbidden",
        {"en": "Your role does not allow this change.",
         "fr": "Votre rôle ne permet pas cette modification."}),
    http_errors.NotFound: Example(
        http_errors.NotFound, 404, "request.item.not_found",
        {"en": "Not found.", "fr": "Introuvable."},
        page={"en": "This page does not exist, or is not yours to see.",
              "fr": "Cette page n'existe pas, ou vous n'y avez pas accès."}),
    http_errors.MethodNotAllowed: Example(
        lambda: http_errors.MethodNotAllowed(["GET", "HEAD"]), 405, "request.method.not_allowed",
        {"en": "This method is not allowed here.", "fr": "Cette méthode n'est pas permise ici."},
        headers={"Allow": "GET, HEAD"}),
    http_errors.PreconditionRequired: Example(
        http_errors.PreconditionRequired, 428, "request.if_match.required",
        {"en": "Send the ETag you read in an If-Match header, so that nobody's change is "
               "overwritten.",
         "fr": "Renvoyez l'ETag lu dans un en-tête If-Match, pour n'écraser la modification "
               "de personne."}),
    LoginThrottled: Example(
        lambda: LoginThrottled(THROTTLED, "5 per 15 minutes", 840), 429, "auth.login.throttled",
        {"en": THROTTLED, "fr": "Trop de tentatives de connexion échouées pour ce compte. "
                                "Attendez 15 minutes, puis recommencez."},
        extra={"limit": "5 per 15 minutes"}, headers={"Retry-After": "840"}),
    CSRFError: Example(
        lambda: CSRFError("The CSRF token is missing."), 400, "auth.csrf_token.missing",
        {"en": "This form was sent without its security token, so nothing was changed. "
               "Reload the page and try again.",
         "fr": "Ce formulaire a été envoyé sans son jeton de sécurité : rien n'a été "
               "modifié. Rechargez la page et recommencez."}),
    InvalidJson: Example(
        InvalidJson, 400, "request.body.invalid",
        {"en": "The body must be a JSON object.",
         "fr": "Le corps de la requête doit être un objet JSON."}),
    JsonNestedTooDeep: Example(
        JsonNestedTooDeep, 400, "request.body.too_deep",
        {"en": "The JSON body nests arrays and objects deeper than 32 levels.",
         "fr": "Le corps JSON imbrique tableaux et objets sur plus de 32 niveaux."},
        extra={"limit": 32}),
    http_errors.RequestEntityTooLarge: Example(
        http_errors.RequestEntityTooLarge, 400, "request.body.too_large",
        {"en": "The request body is larger than 1048576 bytes.",
         "fr": "Le corps de la requête dépasse 1048576 octets."},
        extra={"limit": 1048576}),
    http_errors.InternalServerError: Example(
        http_errors.InternalServerError, 500, "server.request.failed",
        {"en": "Something went wrong on our side and nothing was saved. Try again; if it "
               "goes on, give support the request id.",
         "fr": "Une erreur s'est produite de notre côté et rien n'a été enregistré. "
               "Réessayez ; si cela persiste, donnez au support l'identifiant de la requête."}),
    http_errors.HTTPException: Example(  # any other HTTP error: werkzeug's own words
        http_errors.Gone, 410, "request.http.gone",
        {"en": http_errors.Gone.description, "fr": http_errors.Gone.description}),
}


def name_of(cls: type[BaseException]) -> str:
    return f"{cls.__module__.split('.')[0]}.{cls.__name__}"


@pytest.fixture
def raising(app):
    """``/boom/<name>`` and ``/api/v1/boom/<name>`` raise the example named ``name``."""
    by_name = {name_of(cls): example for cls, example in EXAMPLES.items()}

    def boom(name: str):
        raise by_name[name].error()

    app.add_url_rule("/boom/<name>", "boom", public(boom))
    app.add_url_rule("/api/v1/boom/<name>", "api_boom", public(boom))
    return app


def test_every_entry_of_the_table_has_an_example():
    assert set(TABLE) == set(EXAMPLES)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("cls", list(EXAMPLES), ids=name_of)
def test_an_entry_answers_as_problem_json_and_as_a_page(raising, cls, language):
    example, name = EXAMPLES[cls], name_of(cls)
    client = raising.test_client()
    api = client.get(f"/api/v1/boom/{name}", headers={"Accept-Language": language})
    assert api.status_code == example.status
    assert api.mimetype == "application/problem+json"
    assert api.json["status"] == example.status and api.json["code"] == example.code
    assert api.json["detail"] == example.detail[language]
    if language == "en":
        assert {key: api.json[key] for key in example.extra} == example.extra
    assert {key: api.headers.get(key) for key in example.headers} == example.headers

    page = client.get(f"/boom/{name}", headers={"Accept-Language": language})
    assert page.status_code == example.status and page.mimetype == "text/html"
    assert str(escape((example.page or example.detail)[language])) in page.text
    assert {key: page.headers.get(key) for key in example.headers} == example.headers


@pytest.mark.parametrize(("reason", "code"), [
    ("The CSRF token is missing.", "auth.csrf_token.missing"),
    ("The CSRF session token is missing.", "auth.csrf_token.expired"),
    ("The CSRF token has expired.", "auth.csrf_token.expired"),
    ("The CSRF tokens do not match.", "auth.csrf_token.invalid"),
])
def test_each_csrf_reason_has_its_code(app, reason, code):
    from backoffice.problems import explain

    with app.test_request_context("/api/v1/anything"):
        assert explain(CSRFError(reason)).code == code


def test_a_json_sign_in_past_the_limit_answers_429_with_the_limit(app):
    from backoffice.testing.auth import csrf_token, make_agent

    agent = make_agent("support_agent", "sfr")
    client = app.test_client()
    for attempt in range(5):
        client.post("/login", data={"email": agent.email, "password": f"wrong {attempt}",
                                    "csrf_token": csrf_token(client)})
    refused = client.post("/login", data={"email": agent.email, "password": "wrong",
                                          "csrf_token": csrf_token(client)},
                          headers={"Accept": "application/json", "Accept-Language": "en"})
    assert refused.status_code == 429 and refused.mimetype == "application/problem+json"
    assert refused.json["code"] == "auth.login.throttled"
    assert refused.json["limit"] == "5 per 15 minutes"
    assert 0 < int(refused.headers["Retry-After"]) <= 15 * 60
