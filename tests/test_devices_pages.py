"""The key layout in the web UI (SFR §6.17): the phone's keys as a picture, the form that
round-trips unchanged, reordering by position without JavaScript, and "reset all"."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from backoffice.core.devices.models import Device
from backoffice.plugin import Line, Tenant
from backoffice.testing import db
from backoffice.testing.auth import signed_in_client


@pytest.fixture
def demo(app):
    from backoffice.demo import load_demo

    load_demo()
    tenant = db.session.scalar(select(Tenant).where(Tenant.name == "Toine Immo"))
    line = db.session.scalar(select(Line).where(Line.number == "+33483050173"))
    return app, tenant, line, signed_in_client(app, "support_agent", "sfr")


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def form_of(page: str) -> dict[str, str]:
    """The key layout form's fields as the browser posts them (selected options, values)."""
    form = re.search(r'<form method="post" action="[^"]*/blocks/programmable-keys">(.*?)</form>',
                     page, re.S).group(1)
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    for name, body in re.findall(r'<select id="[^"]+" name="([^"]+)"[^>]*>(.*?)</select>',
                                 form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', body)
        data[name] = chosen.group(1) if chosen else ""
    for name, value in re.findall(
            r'<input type="(?:text|number)" id="[^"]+" name="([^"]+)"[^>]*?value="([^"]*)"',
            form, re.S):
        data[name] = value
    return data


def keys_of(line: Line) -> list[tuple[str, int | None, str | None]]:
    db.session.expire_all()
    device = db.session.scalar(select(Device).where(Device.line_id == line.id))
    return [(key.kind, key.line_id, key.label) for key in device.keys]


@pytest.mark.parametrize(("language", "words"), [
    ("fr", ("Touches programmables", "Touche 1", "Supervision", "Interception")),
    ("en", ("Programmable keys", "Key 1", "Supervision", "Interception"))])
def test_the_line_page_pictures_the_phones_keys(demo, language, words):
    app, tenant, line, client = demo
    page = client.get(f"/tenants/{tenant.id}/lines/{line.id}",
                      headers={"Accept-Language": language})
    assert page.status_code == 200
    picture = page.text[page.text.index('class="key-picture"'):]
    for word in words:
        assert word in page.text, word
    assert picture.count('<li class="key') == 47  # the model's keys, programmed or empty


def test_the_form_round_trips_and_positions_reorder_within_a_category(demo):
    app, tenant, line, client = demo
    path = f"/tenants/{tenant.id}/lines/{line.id}"
    before = keys_of(line)
    page = client.get(f"{path}?edit=programmable-keys#programmable-keys",
                      headers={"Accept-Language": "fr"}).text
    data = form_of(page)
    assert data["keys-0-kind"] == "supervision" and data["keys__capacity"] == "47"
    saved = client.post(f"{path}/blocks/programmable-keys", data=data)
    assert saved.status_code == 302, saved.text
    assert keys_of(line) == before
    page = client.get(f"{path}?edit=programmable-keys").text
    data = form_of(page)
    data["keys-0-order"], data["keys-1-order"] = "2", "1"  # two supervision keys swap
    assert client.post(f"{path}/blocks/programmable-keys", data=data).status_code == 302
    assert keys_of(line)[:2] == [before[1], before[0]]
    data = form_of(client.get(f"{path}?edit=programmable-keys").text)
    data["keys-0-order"], data["keys-3-order"] = "4", "1"  # a speed dial before supervision
    refused = client.post(f"{path}/blocks/programmable-keys", data=data,
                          headers={"Accept-Language": "fr"})
    assert refused.status_code == 422
    assert "les touches ne sont réordonnées" in refused.text
    assert 'id="programmable-keys-keys-1-error"' in refused.text
    assert keys_of(line)[:2] == [before[1], before[0]]


def test_reset_all_clears_every_key(demo):
    app, tenant, line, client = demo
    path = f"/tenants/{tenant.id}/lines/{line.id}"
    data = form_of(client.get(f"{path}?edit=programmable-keys").text)
    data["keys__reset"] = "1"
    assert client.post(f"{path}/blocks/programmable-keys", data=data).status_code == 302
    assert keys_of(line) == []


def test_changing_to_a_model_with_fewer_keys_warns_of_the_keys_lost(demo):
    app, tenant, line, client = demo
    path = f"/tenants/{tenant.id}/lines/{line.id}"
    device = db.session.scalar(select(Device).where(Device.line_id == line.id))
    page = client.get(f"{path}?edit=hardware&item={device.id}").text
    data = {"csrf_token": csrf(page), "model": "polycom_vvx_250", "mac": device.mac,
            "version": str(device.version)}
    warned = client.post(f"{path}/blocks/hardware/items/{device.id}", data=data,
                         headers={"Accept-Language": "fr"})
    assert warned.status_code == 422
    assert "Ces touches seront perdues" in warned.text and "Touche 5" in warned.text
    assert len(keys_of(line)) == 7
    done = client.post(f"{path}/blocks/hardware/items/{device.id}",
                       data={**data, "acknowledge": "yes"})
    assert done.status_code == 302
    assert len(keys_of(line)) == 4
