"""Bad input on tenants and lines: a clear error naming the field, and nothing saved."""

import pytest
from sqlalchemy import func, select

from backoffice.core.errors import ChangeRejected
from backoffice.core.lines import create_line, update_line
from backoffice.core.models import AuditRecord, Line, ProvisioningOrder, Tenant
from backoffice.core.tenancy import TenantScope, open_scope
from backoffice.core.tenants import create_site, create_tenant
from backoffice.extensions import db


def counts() -> tuple[int, ...]:
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (Tenant, Line, AuditRecord, ProvisioningOrder))


@pytest.fixture
def toine(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    site = create_site(tenant, {"name": "Toine Immo", "street": "0 PLACE SAINT ANTOINE",
                                "postal_code": "06520", "city": "GRASSE", "country": "FR"})
    return tenant, site


def fixe(site, **data):
    return {"plan": "fixe", "number": "04 83 05 01 73", "site_id": site.id,
            "first_name": "Stéphane", "last_name": "Biel",
            "email": "toineimmo-stephane@gmail.com", **data}


def rejected(action, *args) -> dict[str, str]:
    before = counts()
    with pytest.raises(ChangeRejected) as refused:
        action(*args)
    assert counts() == before, "a refused change saved something"
    return {v.field: v.code for v in refused.value.violations}


def test_a_line_number_is_stored_in_e164_with_an_audit_record_and_an_order(toine):
    tenant, site = toine
    line = create_line(tenant, fixe(site))
    assert line.number == "+33483050173"
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.object_type == "line")).one()
    assert audit.action == "create" and audit.after["number"] == "+33483050173"
    order = db.session.scalars(select(ProvisioningOrder).where(
        ProvisioningOrder.object_type == "line")).one()
    assert (order.audit_id, order.status) == (audit.id, "applied")


def test_unparseable_number_is_refused(toine):
    tenant, site = toine
    assert rejected(create_line, tenant, fixe(site, number="04 83")) == {
        "number": "line.number.invalid"}


def test_duplicate_number_in_one_tenant_is_refused(toine):
    tenant, site = toine
    create_line(tenant, fixe(site))
    fields = rejected(create_line, tenant, fixe(site, number="+33 4 83 05 01 73",
                                                email="other@example.com"))
    assert fields == {"number": "line.number.duplicate"}


def test_the_same_number_in_two_tenants_is_accepted(toine):
    tenant, site = toine
    create_line(tenant, fixe(site))
    other = create_tenant({"name": "Autre client", "carrier_id": "sfr"})
    other_site = create_site(other, {"name": "Siège"})
    assert create_line(other, fixe(other_site)).number == "+33483050173"


def test_missing_required_fields_of_the_plan_are_each_named(toine):
    tenant, _ = toine
    fields = rejected(create_line, tenant, {"plan": "fixe", "number": "04 83 05 01 73"})
    assert fields == {"site_id": "line.site_id.required", "first_name": "line.first_name.required",
                      "last_name": "line.last_name.required", "email": "line.email.required"}


def test_unknown_plan_and_unknown_carrier_are_refused(toine):
    tenant, _ = toine
    assert rejected(create_line, tenant, {"plan": "pro", "number": "04 83 05 01 73"}) == {
        "plan": "line.plan.unknown"}
    assert rejected(create_tenant, {"name": "X", "carrier_id": "orange"}) == {
        "carrier_id": "tenant.carrier_id.unknown"}


def test_a_site_of_another_tenant_is_refused(toine):
    tenant, _ = toine
    other = create_tenant({"name": "Autre client", "carrier_id": "sfr"})
    foreign = create_site(other, {"name": "Siège"})
    assert rejected(create_line, tenant, fixe(foreign)) == {"site_id": "line.site_id.unknown"}


def test_bad_time_zone_and_missing_name_are_refused(app):
    fields = rejected(create_tenant, {"carrier_id": "sfr", "timezone": "Europe/Parisss"})
    assert fields == {"name": "tenant.name.invalid", "timezone": "tenant.timezone.invalid"}


def test_an_update_is_audited_with_before_and_after(toine):
    tenant, site = toine
    line = create_line(tenant, fixe(site))
    update_line(line, {"first_name": "Stéphanie"})
    audit = db.session.scalars(select(AuditRecord).where(AuditRecord.action == "update")).one()
    assert (audit.before["first_name"], audit.after["first_name"]) == ("Stéphane", "Stéphanie")
    assert line.version == 2


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "Ce champ est obligatoire pour le forfait « Forfait Fixe »."),
    ("en", "This field is required for the plan “Fixed line plan”."),
])
def test_errors_speak_the_agents_language(toine, app, language, expected):
    tenant, _ = toine
    with app.test_request_context(headers={"Accept-Language": language}):
        open_scope(TenantScope.carriers("sfr"))
        with pytest.raises(ChangeRejected) as refused:
            create_line(tenant, {"plan": "fixe", "number": "04 83 05 01 73"})
        assert refused.value.by_field()["email"] == [expected]
        with pytest.raises(ChangeRejected) as refused:
            create_line(tenant, {"plan": "fixe", "number": "12"})
        assert "12" in refused.value.by_field()["number"][0]
