"""Cooptel extension settings (guide 003 §9.1, §9.2) and the quick-edit grid (§10), through
the blocks, the grid and the explainer."""

import pytest

from backoffice.plugin import GridRejected, save_grid
from backoffice.testing import (
    AuditRecord,
    ProvisioningOrder,
    block,
    call,
    count,
    create_line,
    create_tenant,
    dial,
    rejected,
    shown,
)


@pytest.fixture
def lac(app):
    tenant = create_tenant({"name": "Fromagerie du Lac", "carrier_id": "cooptel"})
    sophie = create_line(tenant, {"plan": "extension", "extension": "101",
                                  "number": "514 907-3400", "first_name": "Sophie",
                                  "last_name": "Bergeron", "email": "sophie@example.ca"})
    luc = create_line(tenant, {"plan": "extension", "extension": "102", "first_name": "Luc",
                               "last_name": "Paquette", "email": "luc@example.ca"})
    return tenant, sophie, luc


def test_defaults(lac):
    tenant, sophie, _ = lac
    assert shown(tenant, "extension-settings", sophie) == {
        "language": "fr", "hold_music": "default", "busy_behaviour": "ring", "version": None}
    assert shown(tenant, "do-not-disturb", sophie)["enabled"] is False
    permissions = shown(tenant, "call-permissions", sophie)
    assert permissions["long_distance"] == permissions["international"] == "unlimited"


def test_do_not_disturb_gives_a_busy_tone(lac):
    tenant, sophie, _ = lac
    block(tenant, "do-not-disturb").write(tenant, sophie, {"enabled": True})
    last = call(tenant, sophie, "2026-11-23T10:00", caller="+15145550100")[-1]
    assert (last.action, last.code) == ("busy_tone", "cooptel.do_not_disturb")


@pytest.mark.parametrize(("behaviour", "action"), [
    ("ring", "ring"), ("message", "announcement"), ("voicemail", "voicemail")])
def test_busy_behaviour(lac, behaviour, action):
    tenant, sophie, _ = lac
    block(tenant, "extension-settings").write(tenant, sophie, {"busy_behaviour": behaviour})
    assert call(tenant, sophie, "2026-11-23T10:00", state="busy",
                caller="+15145550100")[-1].action == action


def test_caller_id_name_at_most_15_characters_and_both_required(lac):
    tenant, sophie, _ = lac
    caller_id = block(tenant, "caller-id")
    caller_id.write(tenant, sophie, {"mode": "alternate", "name": "A" * 15,
                                     "number": sophie.number})
    assert rejected(caller_id.write, tenant, sophie, {
        "mode": "alternate", "name": "A" * 16, "number": sophie.number}) == {
        "name": "caller_id.name.too_long"}
    assert rejected(caller_id.write, tenant, sophie, {
        "mode": "alternate", "number": sophie.number}) == {"name": "caller_id.name.required"}
    assert rejected(caller_id.write, tenant, sophie, {
        "mode": "alternate", "name": "Accueil"}) == {"number": "caller_id.number.required"}
    assert rejected(caller_id.write, tenant, sophie, {
        "mode": "alternate", "name": "Accueil", "number": "514 555-0199"}) == {
        "number": "caller_id.number.not_of_tenant"}


def test_hidden_caller_id_makes_anonymous_calls(lac):
    tenant, _, luc = lac
    block(tenant, "caller-id").write(tenant, luc, {"mode": "hidden"})
    assert dial(tenant, luc, "514 555-0100")[-1].target == "anonymous"


def test_long_distance_and_international(lac):
    tenant, sophie, _ = lac
    permissions = block(tenant, "call-permissions")
    permissions.write(tenant, sophie, {"long_distance": "code", "long_distance_code": "4321",
                                       "international": "disabled"})
    assert dial(tenant, sophie, "514 555-0100")[-1].action == "connect"  # local
    assert dial(tenant, sophie, "418 555-0100")[-1].code == "call_permissions.long_distance.code"
    assert dial(tenant, sophie, "418 555-0100", digits="4321")[-1].action == "connect"
    assert dial(tenant, sophie, "+33 1 45 83 47 78")[-1].code == \
        "call_permissions.international.disabled"
    assert dial(tenant, sophie, "911")[-1].action == "connect"


def test_with_code_needs_the_code(lac):
    tenant, sophie, _ = lac
    permissions = block(tenant, "call-permissions")
    assert rejected(permissions.write, tenant, sophie, {"international": "code"}) == {
        "international_code": "call_permissions.international_code.required"}
    assert rejected(permissions.write, tenant, sophie, {
        "international": "code", "international_code": "12a"}) == {
        "international_code": "call_permissions.international_code.invalid"}


def test_grid_saves_all_or_nothing_with_a_per_row_error(lac):
    tenant, sophie, luc = lac
    blocks = [block(tenant, "do-not-disturb"), block(tenant, "caller-id")]
    audits, orders = count(AuditRecord), count(ProvisioningOrder)
    with pytest.raises(GridRejected) as refused:
        save_grid(tenant, blocks, [
            {"line_id": sophie.id, "do-not-disturb": {"enabled": True}},
            {"line_id": luc.id, "caller-id": {"mode": "alternate", "name": "B" * 16,
                                              "number": sophie.number}}])
    assert [(v.field, v.code) for v in refused.value.violations] == [
        ("1.caller-id.name", "caller_id.name.too_long")]
    assert shown(tenant, "do-not-disturb", sophie)["enabled"] is False
    assert count(AuditRecord) == audits
    saved = save_grid(tenant, blocks, [
        {"line_id": sophie.id, "do-not-disturb": {"enabled": True}},
        {"line_id": luc.id, "caller-id": {"mode": "hidden"},
         "do-not-disturb": {"enabled": False}}])
    assert len(saved) == 2  # Luc's unchanged switch writes nothing
    assert count(AuditRecord) == audits + 1
    assert count(ProvisioningOrder) == orders + 2
    assert shown(tenant, "caller-id", luc)["mode"] == "hidden"
