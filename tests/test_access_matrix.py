"""The access matrix, generated from the app's URL map: every route, every role, own and
foreign tenant. A new endpoint is covered as soon as it exists, or the test says where
it must be classified.

Each test runs behind both walls of tenant isolation, the ORM scope and PostgreSQL's
row-level security, and behind each wall alone (the database's needs PostgreSQL)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from backoffice.auth import is_public_endpoint
from backoffice.core.bulk.models import LineImport
from backoffice.core.carriers import registry
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Site, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.testing.auth import signed_in_client

RESTRICTED_ROLES = ["carrier_admin", "support_agent", "viewer"]
OWN, FOREIGN = "sfr", "bell"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
#: Endpoints with no tenant in their URL, and what keeps them from leaking tenants.
AGENT_LEVEL = {
    "pages.index": "lists tenants through the scoped session",
    "pages.global_search": "searches through the scoped session",
    "pages.carrier_matrix": "carrier declarations only, no tenant data",
    "guides.show": "the carriers' guides, read from files: no tenant data",
    "carriers.Carriers": "carrier declarations only, no tenant data",
    "api_tenants.Tenants": "lists and creates tenants through the scoped session",
    "auth.logout": "the agent's own session",
    "auth.password": "the agent's own password",
    "auth.tokens": "the agent's own tokens",
    "auth.revoke": "the agent's own tokens, looked up by agent",
    "agents.index": "administrators only, agents of their own carrier",
    "agents.create": "administrators only, agents of their own carrier",
    "agents.toggle": "administrators only, agents of their own carrier",
    "api_agents.Agents": "administrators only, agents of their own carrier",
    "api_agents.OneAgent": "administrators only, agents of their own carrier",
    "specs.index": "feature files and test results, no tenant data",
    "specs.feature": "feature files and test results, no tenant data",
    "specs.coverage": "carrier guides and test results, no tenant data",
    "specs.guide": "carrier guides only, no tenant data",
    "specs.block": "feature files and test results, no tenant data",
}
#: Routes of a file that exists only once uploaded: a 404 means "none yet".
UPLOADED_ONLY = {"/appearance/logo"}

WALLS = {"both walls": {"TENANT_ORM_SCOPE": True, "TENANT_DB_SCOPE": True},
         "ORM wall": {"TENANT_ORM_SCOPE": True, "TENANT_DB_SCOPE": False},
         "database wall": {"TENANT_ORM_SCOPE": False, "TENANT_DB_SCOPE": True}}


@pytest.fixture(params=[pytest.param("both walls"), pytest.param("ORM wall"),
                        pytest.param("database wall", marks=pytest.mark.postgres)])
def app(make_app, request):
    """The app behind one combination of the two walls."""
    app = make_app(**WALLS[request.param])
    with app.app_context():
        yield app


def _public(endpoint: str) -> bool:
    return is_public_endpoint(endpoint)


def tenant_rules(app):
    return [rule for rule in app.url_map.iter_rules()
            if "tenant_id" in rule.arguments and not _public(rule.endpoint)]


@pytest.fixture
def world(app):
    load_demo()
    tenants = {t.carrier_id: t for t in db.session.scalars(select(Tenant))}
    values = {}
    for carrier, tenant in tenants.items():
        line = db.session.scalars(select(Line).where(Line.tenant_id == tenant.id)
                                  .order_by(Line.id)).first()
        order = db.session.scalars(select(ProvisioningOrder).where(
            ProvisioningOrder.tenant_id == tenant.id)).first()
        site = db.session.scalars(select(Site).where(Site.tenant_id == tenant.id)
                                  .order_by(Site.id)).first()
        bulk_import = LineImport(tenant_id=tenant.id, actor="system", rows=[], report=[])
        db.session.add(bulk_import)
        db.session.commit()
        values[carrier] = {"tenant_id": tenant.id, "line_id": line.id, "order_id": order.id,
                           "item_id": 1, "fax_id": 1, "site_id": site.id if site else 1,
                           "audio_id": _audio(tenant), "name": tenant.name,
                           "import_id": bulk_import.id,
                           "fmt": "csv",
                           "blocks": {b.id for b in registry()[carrier].blocks}}
    return values


def _audio(tenant: Tenant) -> int:
    """An audio file of the tenant, so that its player's route answers."""
    from backoffice.core.limits import AudioLimits
    from backoffice.core.media.service import store_audio
    from backoffice.testing.audio import wav_bytes

    return store_audio(tenant, wav_bytes(1), "a.wav", AudioLimits(), object_type="audio",
                       field="file").id


def url_for_rule(rule, params: dict, block_id: str) -> str:
    values = {name: params.get(name, block_id) for name in rule.arguments}
    if "block_id" in rule.arguments:
        values["block_id"] = block_id
    return rule.build(values, append_unknown=False)[1]


def _changes() -> int:
    return db.session.scalar(select(func.count()).select_from(AuditRecord))


def test_every_endpoint_is_classified(app):
    unclassified = sorted(
        rule.endpoint for rule in app.url_map.iter_rules()
        if "tenant_id" not in rule.arguments and not _public(rule.endpoint)
        and rule.endpoint not in AGENT_LEVEL and not rule.endpoint.startswith("nordtel"))
    assert unclassified == [], "add these endpoints to the access matrix"


@pytest.mark.parametrize("role", RESTRICTED_ROLES)
def test_a_foreign_tenant_is_not_found_by_any_route_or_method(app, world, role):
    client = signed_in_client(app, role, OWN)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text).group(1)
    foreign = world[FOREIGN]
    block_id = sorted(foreign["blocks"])[0] if foreign["blocks"] else "blocks"
    before = _changes()
    for rule in tenant_rules(app):
        url = url_for_rule(rule, foreign, block_id)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            data = {"csrf_token": csrf} if method in UNSAFE else None
            response = client.open(url, method=method, data=data,
                                   headers={"X-CSRFToken": csrf})
            allowed = {404} | ({403} if role == "viewer" and method in UNSAFE else set())
            assert response.status_code in allowed, (
                f"{role} {method} {url} ({rule.endpoint}) -> {response.status_code}")
    db.session.expire_all()
    assert _changes() == before


def _own_urls(rule, params: dict):
    """The URLs of a GET route for one tenant: one per block for a per-block route."""
    if "GET" not in rule.methods or {"item_id", "fax_id"} & set(rule.arguments):
        return []
    if "block_id" in rule.arguments:
        return [url_for_rule(rule, params, block_id) for block_id in sorted(params["blocks"])]
    return [url_for_rule(rule, params, "")]


def _not_offered(response) -> bool:
    return response.status_code == 404 and re.search(
        r"request\.feature\.not_offered|does not offer|n&#39;offre pas", response.text) is not None


@pytest.mark.parametrize("role", RESTRICTED_ROLES + ["operator_admin"])
def test_own_tenant_pages_and_resources_answer(app, world, role):
    client = signed_in_client(app, role, None if role == "operator_admin" else OWN)
    for rule in tenant_rules(app):
        for url in _own_urls(rule, world[OWN]):
            response = client.get(url)
            if _not_offered(response):  # a feature of another carrier, or plan
                continue
            if response.status_code == 404 and rule.rule.endswith(tuple(UPLOADED_ONLY)):
                continue
            assert response.status_code == 200, f"{role} GET {url} -> {response.status_code}"


def test_every_tenant_route_answers_for_some_carrier(app, world):
    """A carrier's own feature pages answer for its tenant (blocks, which depend on the
    line's plan, are the conformance kit's)."""
    client = signed_in_client(app, "operator_admin", None)
    unanswered = []
    for rule in tenant_rules(app):
        if "block_id" in rule.arguments or rule.endpoint.startswith("api_blocks.") \
                or rule.rule.endswith(tuple(UPLOADED_ONLY)):
            continue
        answers = [client.get(url).status_code
                   for params in world.values() for url in _own_urls(rule, params)]
        if answers and 200 not in answers:
            unanswered.append(f"{rule.rule} -> {sorted(set(answers))}")
    assert unanswered == [], "routes no carrier's tenant can use: " + "; ".join(unanswered)


def test_lists_and_search_show_no_foreign_tenant(app, world):
    client = signed_in_client(app, "support_agent", OWN)
    foreign_name = world[FOREIGN]["name"]
    for url in ("/", "/search?q=" + foreign_name[:6], "/api/v1/tenants",
                "/search?q=514 555-0142"):
        response = client.get(url)
        assert response.status_code == 200
        assert foreign_name not in response.text, url
    assert world[OWN]["name"] in client.get("/").text


def test_a_viewer_reads_but_cannot_change(app, world):
    client = signed_in_client(app, "viewer", OWN)
    own = world[OWN]
    page = client.get(f"/tenants/{own['tenant_id']}/lines/{own['line_id']}")
    assert page.status_code == 200
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    before = _changes()
    response = client.post(f"/tenants/{own['tenant_id']}/lines/{own['line_id']}",
                           data={"first_name": "X", "csrf_token": csrf})
    assert response.status_code == 403
    assert _changes() == before


def test_signed_out_requests_are_sent_to_sign_in(app, world):
    client = app.test_client()
    own = world[OWN]
    for rule in app.url_map.iter_rules():
        if _public(rule.endpoint) or "GET" not in rule.methods \
                or rule.endpoint.startswith("nordtel"):
            continue
        url = url_for_rule(rule, own, "x")
        response = client.get(url)
        expected = 401 if url.startswith("/api/") else 302
        assert response.status_code == expected, f"GET {url} -> {response.status_code}"
