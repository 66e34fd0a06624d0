"""The conformance kit: one suite every carrier passes (like Airbyte's acceptance tests).

A carrier's test module subclasses :class:`CarrierConformance`::

    from backoffice.testing.conformance import CarrierConformance

    class TestSfrConformance(CarrierConformance):
        carrier_id = "sfr"
        # extra_plugins = [NordTel()]      for a carrier not installed through entry points
        # probes = {("forwarding", "some_key"): my_probe}   the carrier's own probes

and pytest runs the checks below on it, each failure naming the carrier, the feature, the
block or the key. The fixtures ``make_app`` and ``agent_client`` come from the test suite
(``backoffice.testing``'s pytest plugin, or a ``conftest.py`` with the same names).
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from html.parser import HTMLParser
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from backoffice.core.carriers import CarrierEntry, CarrierRegistry, registry
from backoffice.core.declarations import LINE_STATES, CallContext
from backoffice.core.explainer import explain_call
from backoffice.core.features import CORE_PAGE_FEATURES
from backoffice.core.limits import declared
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db
from backoffice.plugin import Block, CollectionBlock, SettingsBlock
from backoffice.testing.probes import Probe, ProbeContext, default_probe, in_request

NOT_COMPARED = ("version",)
"""Dumped fields a write changes by design: left out when comparing before and after."""


# -- collection-time view of the carrier ------------------------------------------------------

def carrier_entry(carrier_id: str, extra_plugins: Sequence[object] = ()) -> CarrierEntry:
    """The carrier's declarations as the registry reads them (no app needed)."""
    found = CarrierRegistry(extra_plugins).get(carrier_id)
    assert found is not None, f"carrier {carrier_id!r} is not registered"
    return found


def declared_limits(entry: CarrierEntry) -> list[tuple[str, str]]:
    """Every (feature, key) the carrier set away from the defaults, offers in order."""
    return [(offer.feature, key) for offer in entry.features
            for key in (declared(offer.limits) if offer.limits is not None else ())]


# -- the carrier's tenants, lines and blocks ------------------------------------------------

def carrier_tenants(carrier_id: str) -> list[Tenant]:
    """The carrier's tenants (from the demo data), oldest first."""
    return list(db.session.scalars(
        select(Tenant).where(Tenant.carrier_id == carrier_id).order_by(Tenant.id)))


def tenant_lines(tenant: Tenant) -> list[Line]:
    return list(db.session.scalars(
        select(Line).where(Line.tenant_id == tenant.id).order_by(Line.id)))


def block_places(carrier_id: str) -> Iterator[tuple[Tenant, Line | None, Block]]:
    """Every (tenant, line, block) an agent sees: tenant blocks and each line's blocks."""
    entry = registry()[carrier_id]
    for tenant in carrier_tenants(carrier_id):
        for block in entry.blocks_for("tenant"):
            yield tenant, None, block
        for line in tenant_lines(tenant):
            for block in entry.blocks_for("line", line.plan):
                yield tenant, line, block


def api_url(tenant: Tenant, line: Line | None, block: Block, item_id: int | None = None) -> str:
    """The block's API resource (or one item's)."""
    url = f"/api/v1/tenants/{tenant.id}"
    url += f"/lines/{line.id}" if line is not None else ""
    url += f"/{block.id}"
    return url + (f"/{item_id}" if item_id is not None else "")


def page_url(tenant: Tenant, line: Line | None) -> str:
    """The tenant page or the line page."""
    return f"/tenants/{tenant.id}" + (f"/lines/{line.id}" if line is not None else "")


def where(tenant: Tenant, line: Line | None, block: Block) -> str:
    """``<carrier> tenant <name> [line <id>] block <id>``, for failure messages."""
    at = f"line {line.id} ({line.plan})" if line is not None else "tenant page"
    return f"{tenant.carrier_id}: {tenant.name}, {at}, block {block.id} ({block.feature})"


def comparable(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in NOT_COMPARED}


def writable(block: Block, tenant: Tenant, data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` without the fields the schema marks dump_only (read-only)."""
    fields = block.schema(tenant).fields
    return {k: v for k, v in data.items() if k in fields and not fields[k].dump_only}


# -- round trips through the API ---------------------------------------------------------------

def api_settings_round_trip(client: FlaskClient, tenant: Tenant, line: Line | None,
                            block: SettingsBlock) -> None:
    """GET the settings, PUT them back with If-Match: 200, and a new GET is the same."""
    url, place = api_url(tenant, line, block), where(tenant, line, block)
    first = client.get(url)
    assert first.status_code == 200, f"{place}: GET {url} answered {first.status_code}"
    body = writable(block, tenant, first.json)
    put = client.put(url, json=body, headers={"If-Match": first.headers["ETag"]})
    assert put.status_code == 200, f"{place}: PUT {url} answered {put.status_code}: {put.text}"
    again = client.get(url)
    assert comparable(again.json) == comparable(first.json), (
        f"{place}: the settings changed by writing them back unchanged")


def api_items_round_trip(client: FlaskClient, tenant: Tenant, line: Line | None,
                         block: CollectionBlock) -> None:
    """Each item of an editable collection: GET it, PUT it back unchanged, same again."""
    listing = client.get(api_url(tenant, line, block))
    place = where(tenant, line, block)
    assert listing.status_code == 200, f"{place}: listing answered {listing.status_code}"
    if block.change is None:
        return
    for item in listing.json["items"]:
        url = api_url(tenant, line, block, item["id"])
        first = client.get(url)
        assert first.status_code == 200, f"{place}: GET {url} answered {first.status_code}"
        body = writable(block, tenant, first.json)
        put = client.put(url, json=body, headers={"If-Match": first.headers["ETag"]})
        assert put.status_code == 200, (
            f"{place}: PUT {url} answered {put.status_code}: {put.text}")
        assert comparable(client.get(url).json) == comparable(first.json), (
            f"{place}: item {item['id']} changed by writing it back unchanged")


def api_round_trip(client: FlaskClient, tenant: Tenant, line: Line | None, block: Block) -> None:
    if isinstance(block, SettingsBlock):
        api_settings_round_trip(client, tenant, line, block)
    else:
        api_items_round_trip(client, tenant, line, block)


# -- round trips through the web form -------------------------------------------------------

class FormReader(HTMLParser):
    """The post forms of a page: action -> the fields a browser would send unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: dict[str, list[tuple[str, str]]] = {}
        self._action: str | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self._action = a.get("action", "")
            self.forms[self._action] = []
        elif self._action is None:
            return
        elif tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            value = a.get("value", "on" if a.get("type") == "checkbox" else "")
            self.forms[self._action].append((a["name"], value))
        elif tag == "select":
            self._select, self._options = a.get("name"), []
        elif tag == "option" and self._select is not None:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._action is None:
            return
        if tag == "form":
            self._action = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, selected in self._options if selected] or [
                v for v, _ in self._options[:1]]
            self.forms[self._action].extend((self._select, v) for v in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[self._action].append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def csrf_token_of(client: FlaskClient, url: str = "/") -> str:
    """The CSRF token of the signed-in session, as the page's forms carry it."""
    tokens = [value for form in page_forms(client, url).values()
              for name, value in form if name == "csrf_token"]
    assert tokens, f"no CSRF token in the forms of {url}"
    return tokens[0]


def page_forms(client: FlaskClient, url: str) -> dict[str, list[tuple[str, str]]]:
    page = client.get(url)
    assert page.status_code == 200, f"GET {url} answered {page.status_code}"
    reader = FormReader()
    reader.feed(page.text)
    return reader.forms


def post_form_back(client: FlaskClient, url: str, action: str, place: str) -> None:
    """Open the page at ``url``, post the form of ``action`` as it is; no error shown."""
    forms = page_forms(client, url)
    assert action in forms, f"{place}: no form posting to {action} on {url} ({list(forms)})"
    answer = client.post(action, data=MultiDict(forms[action]))
    shows_error = 'class="error"' in answer.text
    assert answer.status_code == 302 and not shows_error, (
        f"{place}: posting its form unchanged answered {answer.status_code}: "
        f"{_errors_of(answer.text)}")


def _errors_of(html: str) -> str:
    import re

    found = re.findall(r'class="error"[^>]*>([^<]*)<', html)
    return "; ".join(found) or html[:300]


def form_round_trip(client: FlaskClient, tenant: Tenant, line: Line | None,
                    block: Block) -> None:
    """Post the block's form (or each item's form) back unchanged: read values unchanged."""
    page, place = page_url(tenant, line), where(tenant, line, block)
    action = f"{page}/blocks/{block.id}"
    before = client.get(api_url(tenant, line, block)).json
    if isinstance(block, SettingsBlock):
        post_form_back(client, f"{page}?edit={block.id}", action, place)
        after = client.get(api_url(tenant, line, block)).json
        assert comparable(after) == comparable(before), (
            f"{place}: the settings changed by posting the form back unchanged: "
            f"{_diff(before, after)}")
        return
    if block.change is None:
        return
    for item in before["items"]:
        post_form_back(client, f"{page}?edit={block.id}&item={item['id']}",
                       f"{action}/items/{item['id']}", f"{place}, item {item['id']}")
    after = client.get(api_url(tenant, line, block)).json
    assert [comparable(i) for i in after["items"]] == [comparable(i) for i in before["items"]], (
        f"{place}: items changed by posting their forms back unchanged")


def _diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (before.get(k), after.get(k)) for k in set(before) | set(after)
            if k not in NOT_COMPARED and before.get(k) != after.get(k)}


# -- the kit ---------------------------------------------------------------------------------

class CarrierConformance:
    """Subclass with ``carrier_id`` (and ``extra_plugins``, ``probes``) to run the kit."""

    carrier_id: ClassVar[str] = ""
    extra_plugins: ClassVar[Sequence[object]] = ()
    probes: ClassVar[Mapping[tuple[str, str], Probe]] = {}

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Parametrize over the carrier's blocks, declared limits and plans."""
        if not self.carrier_id:
            return
        entry = carrier_entry(self.carrier_id, self.extra_plugins)
        if "block_id" in metafunc.fixturenames:
            metafunc.parametrize("block_id", [block.id for block in entry.blocks])
        if "limit" in metafunc.fixturenames:
            limits = declared_limits(entry)
            metafunc.parametrize("limit", limits, ids=[f"{f}.{k}" for f, k in limits])
        if "plan_id" in metafunc.fixturenames:
            metafunc.parametrize("plan_id", [plan.id for plan in entry.plans])

    @pytest.fixture
    def conformance_app(self, make_app: Any) -> Iterator[Flask]:
        """An app with the carrier registered and the demo data loaded."""
        app = make_app(extra_plugins=list(self.extra_plugins))
        with app.app_context():
            load_demo()
            yield app

    @pytest.fixture
    def admin(self, conformance_app: Flask, agent_client: Any) -> FlaskClient:
        """A client signed in as operator administrator, sending its CSRF token as a header
        (what a browser page's script does for the API)."""
        client = agent_client(role="operator_admin", app=conformance_app)
        client.environ_base["HTTP_X_CSRFTOKEN"] = csrf_token_of(client)
        return client

    def entry(self) -> CarrierEntry:
        return registry()[self.carrier_id]

    def places(self, block_id: str) -> list[tuple[Tenant, Line | None, Block]]:
        """Where the block shows in the demo data; at least one place is required."""
        found = [place for place in block_places(self.carrier_id) if place[2].id == block_id]
        assert found, (f"{self.carrier_id}: block {block_id} shows nowhere in the demo data: "
                       f"add a tenant or line that has it")
        return found

    # 1 ---------------------------------------------------------------------------------------
    def test_declarations_are_valid(self, conformance_app: Flask) -> None:
        """Registered; typed limits; blocks of offered features; every offer usable."""
        reg = registry()
        assert self.carrier_id in reg.ids, f"carrier {self.carrier_id!r} is not registered"
        entry = self.entry()
        offered = {offer.feature for offer in entry.features}
        for offer in entry.features:
            if offer.limits_class is not None:
                assert isinstance(offer.limits, offer.limits_class), (
                    f"{self.carrier_id}.{offer.feature}: limits are a "
                    f"{type(offer.limits).__name__}, not a {offer.limits_class.__name__}")
        for block in entry.blocks:
            assert block.feature in offered, (
                f"{self.carrier_id}: block {block.id} belongs to {block.feature}, not offered")
        usable = ({b.feature for b in entry.blocks} | {p.feature for p in entry.pages}
                  | set(CORE_PAGE_FEATURES))
        for feature in offered:
            assert feature in usable, (
                f"{self.carrier_id}.{feature}: offered, but no block or page shows it")
        both = offered & {planned.feature for planned in entry.planned}
        assert not both, f"{self.carrier_id}: {sorted(both)} both offered and planned"

    # 2 ---------------------------------------------------------------------------------------
    def test_demo_data_loads_twice_without_change(self, conformance_app: Flask) -> None:
        """A second load creates nothing and writes no audit record."""
        records = db.session.scalar(select(func.count(AuditRecord.id)))
        created = load_demo()
        assert created == 0, f"{self.carrier_id}: loading the demo again created {created}"
        again = db.session.scalar(select(func.count(AuditRecord.id)))
        assert again == records, (
            f"{self.carrier_id}: loading the demo again wrote {again - records} audit records")

    # 3 ---------------------------------------------------------------------------------------
    def test_block_round_trips_through_the_api(self, conformance_app: Flask,
                                               admin: FlaskClient, block_id: str) -> None:
        """Settings and editable items written back unchanged through the API stay the same."""
        for tenant, line, block in self.places(block_id):
            api_round_trip(admin, tenant, line, block)

    # 4 ---------------------------------------------------------------------------------------
    def test_block_round_trips_through_the_form(self, conformance_app: Flask,
                                                admin: FlaskClient, block_id: str) -> None:
        """The block's form (or each item's) posted back unchanged changes nothing."""
        for tenant, line, block in self.places(block_id):
            form_round_trip(admin, tenant, line, block)

    # 5 ---------------------------------------------------------------------------------------
    def probe_for(self, feature: str, key: str) -> Probe | None:
        """The subclass's probe of (feature, key), else the kit's for the limits class."""
        if (feature, key) in self.probes:
            return self.probes[(feature, key)]
        offer = self.entry().offer(feature)
        return default_probe(offer.limits_class, key)

    def test_declared_limit_changes_an_outcome(self, conformance_app: Flask,
                                               limit: tuple[str, str]) -> None:
        """Each declared limit has a probe, and the probe sees it act."""
        feature, key = limit
        probe = self.probe_for(feature, key)
        assert probe is not None, f"no probe proves {self.carrier_id}.{feature}.{key}"
        entry = self.entry()
        offer = entry.offer(feature)
        tenants = carrier_tenants(self.carrier_id)
        assert tenants, f"{self.carrier_id}: no tenant in the demo data"
        probe(ProbeContext(
            app=conformance_app, tenant=tenants[0], offer=offer,
            blocks=[b for b in entry.blocks if b.feature == feature], key=key,
            value=getattr(offer.limits, key)))

    # 6 ---------------------------------------------------------------------------------------
    def test_explainer_answers_for_each_plan(self, conformance_app: Flask, plan_id: str) -> None:
        """For a line of the plan, every line state gets a path ending in a final step."""
        tenant = carrier_tenants(self.carrier_id)[0]
        entry = self.entry()
        line = ProbeContext(app=conformance_app, tenant=tenant, offer=entry.features[0],
                            blocks=[], key="", value=None).line(plan_id)
        moment = datetime.now(ZoneInfo(tenant.timezone))
        for state in LINE_STATES:
            with in_request(conformance_app, "fr"):
                path = explain_call(tenant, line, CallContext(None, moment, state))
            place = f"{self.carrier_id}: plan {plan_id}, state {state}"
            assert path and path[-1].final, f"{place}: the path {path} has no final step"
            for step in path:
                assert step.rule.strip(), f"{place}: step {step.action} has no rule text"
                if entry.carrier.guides:
                    assert step.guide_section.strip(), (
                        f"{place}: step {step.action} ({step.code}) names no guide section")

    # 7 ---------------------------------------------------------------------------------------
    def test_sandbox_network_applies_every_order_kind(self, conformance_app: Flask,
                                                      admin: FlaskClient) -> None:
        """Every order of the carrier's tenants is applied, and a copy of one per kind is."""
        for tenant, line, block in block_places(self.carrier_id):
            api_round_trip(admin, tenant, line, block)
        db.session.expire_all()
        tenant_ids = [tenant.id for tenant in carrier_tenants(self.carrier_id)]
        orders = list(db.session.scalars(select(ProvisioningOrder).where(
            ProvisioningOrder.tenant_id.in_(tenant_ids)).order_by(ProvisioningOrder.id)))
        assert orders, f"{self.carrier_id}: the demo data and round trips made no order"
        # an order the network accepted and makes effective later (``expected_at``) is
        # pending until then, by design (SFR's association, guide 004 §9.4.2)
        pending = [(o.id, o.object_type, o.status, o.detail) for o in orders
                   if o.status != ProvisioningOrder.APPLIED
                   and not (o.status == ProvisioningOrder.PENDING and o.expected_at)]
        assert not pending, f"{self.carrier_id}: orders not applied: {pending}"
        network = registry().hook(self.carrier_id).carrier_network(app=conformance_app)
        for kind in sorted({order.object_type for order in orders}):
            order = next(o for o in orders if o.object_type == kind)
            outcome = network.apply(_copy_of(order))
            assert outcome.applied, (
                f"{self.carrier_id}: the sandbox refused a {kind} order: {outcome.detail}")


def _copy_of(order: ProvisioningOrder) -> ProvisioningOrder:
    """A detached copy of ``order`` (same kind and payload), never saved."""
    return ProvisioningOrder(
        tenant_id=order.tenant_id, audit_id=order.audit_id, object_type=order.object_type,
        object_id=order.object_id, line_id=order.line_id, action=order.action,
        payload=copy.deepcopy(order.payload))
