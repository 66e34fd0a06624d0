"""SFR line services (guide 004 §6.2 to §6.5, §6.8): caller ID, callback on busy, restriction
profiles, do not disturb, distinctive ring; through the blocks and the explainer."""

import pytest

from backoffice.testing import (
    NotOffered,
    block,
    call,
    create_line,
    create_site,
    create_tenant,
    dial,
    rejected,
    shown,
)


@pytest.fixture
def toine(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    site = create_site(tenant, {"name": "Toine Immo"})
    line = create_line(tenant, {"plan": "fixe", "number": "04 83 05 01 73", "site_id": site.id,
                                "first_name": "Stéphane", "last_name": "Biel",
                                "email": "toineimmo-stephane@gmail.com"})
    other = create_line(tenant, {"plan": "fixe", "number": "04 83 05 01 74",
                                 "site_id": site.id, "first_name": "Alain",
                                 "last_name": "Coste", "email": "alain@example.com"})
    analogue = create_line(tenant, {"plan": "analogique", "number": "04 83 05 01 76",
                                    "site_id": site.id})
    return tenant, line, other, analogue


def test_defaults_of_a_fresh_line(toine):
    tenant, line, _, _ = toine
    assert shown(tenant, "caller-id", line)["mode"] == "line"
    assert shown(tenant, "busy-callback", line)["enabled"] is True
    assert shown(tenant, "call-restriction", line)["profile"] == "sans_restriction"
    assert shown(tenant, "do-not-disturb", line)["enabled"] is False
    assert shown(tenant, "distinctive-ring", line)["enabled"] is False


def test_eight_profiles_exactly(toine):
    tenant, _, _, _ = toine
    field = block(tenant, "call-restriction").schema(tenant).fields["profile"]
    labels = list(field.metadata["choice_labels"].values())
    assert labels == [
        "Fixe+Mob Nat+Num spcx gratuits+Eur-DOM 7/7", "Fixe+Mob Nat+Num spcx gratuits+Eur-DOM L-S",
        "Fixe+Mob Nat+Num spcx gratuits+Eur-DOM L-V", "Fixe+Mob Nat+Num spéciaux+Eur-DOM 7/7",
        "Fixe National 7/7", "Fixe National L-V", "Interne 7/7", "Sans restriction"]


def test_alternate_number_free_or_of_the_company(toine):
    tenant, line, other, _ = toine
    caller_id = block(tenant, "caller-id")
    caller_id.write(tenant, line, {"mode": "alternate", "number": "01 45 83 47 78"})
    assert shown(tenant, "caller-id", line)["number"] == "+33145834778"
    caller_id.write(tenant, line, {"mode": "alternate", "number": other.number})
    assert rejected(caller_id.write, tenant, line, {"mode": "alternate"}) == {
        "number": "caller_id.number.required"}


def test_outgoing_call_shows_the_presentation(toine):
    tenant, line, _, _ = toine
    steps = dial(tenant, line, "01 45 83 47 78")
    assert steps[-1].action == "connect" and steps[-1].target == line.number
    block(tenant, "caller-id").write(tenant, line, {"mode": "hidden"})
    assert dial(tenant, line, "01 45 83 47 78")[-1].target == "anonymous"
    block(tenant, "caller-id").write(tenant, line, {"mode": "alternate",
                                                   "number": "01 45 83 47 78"})
    assert dial(tenant, line, "06 12 34 56 78")[-1].target == "+33145834778"


@pytest.mark.parametrize(("profile", "dialled", "allowed"), [
    ("interne_7_7", "04 83 05 01 74", True),
    ("interne_7_7", "01 45 83 47 78", False),
    ("fixe_national_7_7", "01 45 83 47 78", True),
    ("fixe_national_7_7", "06 12 34 56 78", False),
    ("fixe_national_7_7", "0800 12 34 56", True),
    ("fixe_mob_gratuits_eur_dom_7_7", "06 12 34 56 78", True),
    ("fixe_mob_gratuits_eur_dom_7_7", "+32 2 555 12 12", True),
    ("fixe_mob_gratuits_eur_dom_7_7", "0590 27 12 34", True),
    ("fixe_mob_gratuits_eur_dom_7_7", "0892 12 34 56", False),
    ("fixe_mob_gratuits_eur_dom_7_7", "118218", False),
    ("fixe_mob_gratuits_eur_dom_7_7", "3131", True),
    ("fixe_mob_speciaux_eur_dom_7_7", "0892 12 34 56", True),
    ("fixe_mob_speciaux_eur_dom_7_7", "+1 212 555 0100", False),
    ("sans_restriction", "+1 212 555 0100", True),
])
def test_profiles_follow_the_table(toine, profile, dialled, allowed):
    tenant, line, _, _ = toine
    block(tenant, "call-restriction").write(tenant, line, {"profile": profile})
    last = dial(tenant, line, dialled)[-1]
    assert (last.action == "connect") is allowed, last.rule


def test_closing_days(toine):
    tenant, line, _, _ = toine
    block(tenant, "call-restriction").write(tenant, line, {"profile": "fixe_national_l_v"})
    assert dial(tenant, line, "01 45 83 47 78", "2026-11-28T10:00")[-1].code == \
        "sfr.call_restriction.closed"  # a Saturday
    assert dial(tenant, line, "04 83 05 01 74", "2026-11-28T10:00")[-1].action == "connect"
    assert dial(tenant, line, "01 45 83 47 78", "2026-11-27T10:00")[-1].action == "connect"


def test_emergency_numbers_always_go_out(toine):
    tenant, line, _, _ = toine
    block(tenant, "call-restriction").write(tenant, line, {"profile": "interne_7_7"})
    assert dial(tenant, line, "112")[-1].code == "outgoing.emergency"


def test_unknown_profile_is_refused(toine):
    tenant, line, _, _ = toine
    assert rejected(block(tenant, "call-restriction").write, tenant, line,
                    {"profile": "tout"}) == {"profile": "call_permissions.profile.invalid"}


def test_do_not_disturb_relies_on_busy_forwarding(toine):
    tenant, line, _, _ = toine
    block(tenant, "do-not-disturb").write(tenant, line, {"enabled": True})
    steps = call(tenant, line, "2026-11-23T10:00", caller="+33145834778")
    assert steps[-1].action == "voicemail" and steps[-1].code == \
        "sfr.do_not_disturb.busy_forwarding"
    forwarding = block(tenant, "forwarding")
    values = forwarding.schema(tenant).dump(forwarding.read(tenant, line))
    values = {key: value for key, value in values.items() if value is not None}
    values.update(busy_enabled=False)
    values.pop("version", None)
    forwarding.write(tenant, line, values)
    assert call(tenant, line, "2026-11-23T10:00", caller="+33145834778")[-1].code == \
        "sfr.do_not_disturb"


def test_plans_of_each_service(toine):
    tenant, _, _, analogue = toine
    for block_id in ("do-not-disturb", "distinctive-ring"):
        with pytest.raises(NotOffered):
            block(tenant, block_id).write(tenant, analogue, {"enabled": True})
    block(tenant, "busy-callback").write(tenant, analogue, {"enabled": False})
    assert shown(tenant, "busy-callback", analogue)["enabled"] is False


def test_alternate_number_picked_from_the_company_lines(toine):
    tenant, line, other, _ = toine
    caller_id = block(tenant, "caller-id")
    caller_id.write(tenant, line, {"mode": "alternate", "company_number": other.number})
    assert shown(tenant, "caller-id", line)["number"] == other.number
    assert dial(tenant, line, "01 45 83 47 78")[-1].target == other.number
    caller_id.write(tenant, line, {"mode": "alternate", "number": "09 99 99 99 99",
                                   "company_number": other.number})
    values = shown(tenant, "caller-id", line)
    assert (values["number"], values["company_number"]) == ("+33999999999", None)
