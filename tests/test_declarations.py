"""Declarations are checked when the registry reads them: typed limits, offered means usable."""

from __future__ import annotations

import json

import pytest

from backoffice.core.carriers import CarrierRegistry
from backoffice.core.limits import InvalidDeclaration
from backoffice.plugin import (
    BlacklistLimits,
    Carrier,
    FeatureOffer,
    Plan,
    PlannedFeature,
    hookimpl,
    rules_block,
)


class Declaring:
    """A carrier whose features are given by each test."""

    def __init__(self, features, planned=(), blocks=None):
        self.features, self.planned = features, planned
        self.blocks = [rules_block(guide_section="§8")] if blocks is None else blocks

    @hookimpl
    def carrier_identity(self):
        return Carrier(id="probe", name="Probe", country="CA", default_locale="fr",
                       timezone="America/Toronto")

    @hookimpl
    def carrier_plans(self):
        return [Plan("basic", {"fr": "Ligne", "en": "Line"})]

    @hookimpl
    def carrier_features(self):
        return self.features

    @hookimpl
    def planned_features(self):
        return list(self.planned)

    @hookimpl
    def feature_blocks(self):
        return self.blocks


def load(*args, **kwargs) -> CarrierRegistry:
    return CarrierRegistry([Declaring(*args, **kwargs)], entry_points=False)


def refusal(*args, **kwargs) -> str:
    with pytest.raises(InvalidDeclaration) as error:
        load(*args, **kwargs)
    return str(error.value)


def test_a_mapping_is_parsed_into_the_features_limits_class():
    entry = load([FeatureOffer("blacklist", "tenant", (), {"modes": ["block", "allow_only"]})])
    limits = entry.get("probe").offer("blacklist").limits
    assert limits == BlacklistLimits(modes=("block", "allow_only"))


# A type error reads as marshmallow's message, or as the backoffice's own once an app has
# installed them (``messages.install``, as every start-up does): which one depends on the
# tests that ran before, so both are accepted.
@pytest.mark.parametrize(("limits", "key", "problems"), [
    ({"mode": ["block"]}, "'mode'", ("Unknown field",)),
    ({"max_numbers": "36"}, "'max_numbers'", ("Not a valid integer", "Enter a whole number")),
    ({"max_numbers": 0}, "'max_numbers'", ("less than 1",)),
    ({"modes": ["block", "deny"]}, "'modes.1'", ("Must be one of",)),
    ({"applies_to_anonymous": "no"}, "'applies_to_anonymous'",
     ("Not a valid boolean", "Enter yes or no")),
])
def test_a_bad_limit_stops_start_up_naming_carrier_feature_and_key(limits, key, problems):
    message = refusal([FeatureOffer("blacklist", "tenant", (), limits)])
    assert message.startswith(f"carrier 'probe', feature 'blacklist', limit {key}: ")
    assert any(problem in message for problem in problems), message


def test_forwarding_limits_must_agree_with_each_other():
    offer = FeatureOffer("forwarding", "line", ("basic",), {
        "triggers": ["always"], "rings": {"no_answer": {"min": 1, "max": 3}}})
    assert "limit 'rings': no_answer not among ['always']" in refusal([offer], blocks=[])
    offer = FeatureOffer("forwarding", "line", ("basic",), {
        "triggers": ["no_answer"], "rings": {"no_answer": {"min": 5, "max": 3}}})
    assert "limit 'rings.no_answer'" in refusal([offer], blocks=[])


def test_an_offer_on_an_unknown_plan_is_refused():
    assert "limit 'plans'" in refusal([FeatureOffer("blacklist", "line", ("gold",))])


def test_a_carriers_own_feature_must_declare_its_limits_class():
    message = refusal([FeatureOffer("night_service", "tenant", (), {"max_hours": 12})])
    assert "feature 'night_service', limit 'limits'" in message


def test_a_feature_no_agent_can_use_is_refused_as_offered():
    message = refusal([FeatureOffer("voicemail", "line", ("basic",))], blocks=[])
    assert "no block or page lets an agent use it" in message


def test_a_planned_feature_is_listed_as_planned_not_offered(make_app):
    planned = PlannedFeature("voicemail", "line", ("basic",), "guide §3")
    app = make_app(extra_plugins=[Declaring(
        [FeatureOffer("blacklist", "tenant", ())], planned=[planned])])
    with app.app_context():
        output = app.test_cli_runner().invoke(args=["carriers", "--json"]).output
        text = app.test_cli_runner().invoke(args=["carriers"]).output
    matrix = {carrier["id"]: carrier for carrier in json.loads(output)}
    assert "voicemail" not in matrix["probe"]["features"]
    assert matrix["probe"]["planned"]["voicemail"]["status"] == "planned"
    assert "~ voicemail (basic): planned, not offered yet" in text


def test_a_feature_cannot_be_both_offered_and_planned():
    message = refusal([FeatureOffer("blacklist", "tenant", ())],
                      planned=[PlannedFeature("blacklist", "tenant")])
    assert "declared both as offered and as planned" in message


def _with_planned_voicemail(make_app):
    return make_app(extra_plugins=[Declaring(
        [FeatureOffer("blacklist", "tenant", ())],
        planned=[PlannedFeature("voicemail", "line", ("basic",), "guide §3")])])


def test_the_carriers_page_shows_planned_features_apart(make_app, agent_client):
    app = _with_planned_voicemail(make_app)
    with app.app_context():
        page = agent_client(app=app).get("/carriers?lang=fr").text
    assert "Prévu : pas encore disponible" in page and "Offert" in page


def test_the_api_lists_offered_and_planned_features_apart(make_app, agent_client):
    app = _with_planned_voicemail(make_app)
    with app.app_context():
        carriers = {c["id"]: c for c in agent_client(app=app).get("/api/v1/carriers").json}
    assert "voicemail" not in carriers["probe"]["features"]
    assert carriers["probe"]["planned"]["voicemail"]["status"] == "planned"
    assert carriers["sfr"]["features"]["sites"] and not carriers["sfr"]["planned"]
    assert carriers["sfr"]["features"]["programmable_keys"]["limits"]["max_per_kind"] == {
        "supervision": 45, "pickup": 1}
    assert carriers["sfr"]["features"]["blacklist"]["limits"]["max_numbers"] == 36
