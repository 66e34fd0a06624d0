"""SFR's anonymous call rejection (guide 004 §6.6) and blocked numbers (§6.13) in the call
path."""


import pytest

from backoffice.testing import (
    block,
    create_line,
    create_site,
    create_tenant,
    screened,
)

pytestmark = pytest.mark.usefixtures("in_english")




@pytest.fixture
def toine(app):
    tenant = create_tenant({"name": "Toine Immo", "carrier_id": "sfr"})
    site = create_site(tenant, {"name": "Toine Immo"})
    line = create_line(tenant, {"plan": "fixe", "number": "04 83 05 01 73", "site_id": site.id,
                                "first_name": "Stéphane", "last_name": "Biel",
                                "email": "toineimmo-stephane@gmail.com"})
    return tenant, line


def test_sfr_rejects_anonymous_calls_with_the_guides_message_only_when_asked(toine):
    tenant, line = toine
    assert screened(tenant, line, None)[0] == "ring"
    block("sfr", "anonymous-calls").write(tenant, line, {"reject_anonymous": True})
    action, path = screened(tenant, line, None)
    assert action == "reject" and path[0].guide_section == "004_1c65287363dc7b18.txt §6.6"
    assert path[0].target == ("Votre correspondant ne souhaite pas recevoir d'appels "
                              "anonymes. Pour le joindre, désactivez le masquage de votre "
                              "numéro")
    assert screened(tenant, line, "+33145834778")[0] == "ring"


def test_sfr_rejects_a_blocked_number_whatever_format_it_was_typed_in(toine):
    tenant, line = toine
    numbers = block("sfr", "blocked-numbers")
    numbers.add(tenant, line, {"number": "01 45 83 47 78"})
    numbers.add(tenant, line, {"number": "3400"})  # kept as typed
    action, path = screened(tenant, line, "+33145834778")
    assert action == "reject" and "+33145834778" in path[0].rule
    assert path[0].guide_section == "004_1c65287363dc7b18.txt §6.13"
    assert screened(tenant, line, "+33145834779")[0] == "ring"
