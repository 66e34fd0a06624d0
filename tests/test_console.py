"""The agent's console on a call: forms that round-trip and close, words instead of codes,
a summary on top of the line page, history in sentences, the explainer set to now."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.dates import format_date
from sqlalchemy import select

from backoffice.core.blacklist.models import BlacklistRule
from backoffice.core.models import Line, Tenant
from backoffice.demo import load_demo
from backoffice.extensions import db

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def demo(app):
    load_demo()
    return {t.carrier_id: t.id for t in db.session.scalars(select(Tenant))}


def sfr_line():
    return db.session.scalar(select(Line).where(Line.number == "+33483050173"))


def block_of(html: str, block_id: str) -> str:
    return html.split(f'id="{block_id}"')[1].split("</article>")[0]


def test_a_cleared_ring_count_is_refused_not_replaced_by_a_default(app, demo, agent_client):
    client = agent_client("support_agent", "sfr")
    line = sfr_line()
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    page = client.get(f"{url}?edit=forwarding")
    token = CSRF.search(page.text).group(1)
    answer = client.post(f"{url}/blocks/forwarding", data={
        "csrf_token": token, "no_answer_enabled": "on", "no_answer_destination": "voicemail",
        "no_answer_destination__value": "", "no_answer_rings": ""})
    assert answer.status_code == 422
    assert 'id="forwarding-no_answer_rings-error"' in answer.text


def test_a_refused_save_leaves_the_page_address_and_cancel_goes_back_to_it(app, demo,
                                                                         agent_client):
    client = agent_client("support_agent", "sfr")
    line = sfr_line()
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    token = CSRF.search(client.get(url).text).group(1)
    refused = client.post(f"{url}/blocks/forwarding", data={
        "csrf_token": token, "no_answer_enabled": "on", "no_answer_rings": "11"})
    assert refused.status_code == 422
    assert f'<meta name="page-url" content="{url}">' in refused.text  # backoffice.js shows it
    cancel = re.search(r'href="([^"]+)#forwarding" class="secondary close-form"', refused.text)
    assert cancel and cancel.group(1) == url


def test_a_conflict_shows_the_current_values_and_says_what_to_do(app, demo, agent_client):
    first, second = agent_client("support_agent", "sfr"), agent_client("carrier_admin", "sfr")
    line = sfr_line()
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    token_1 = CSRF.search(first.get(url).text).group(1)
    token_2 = CSRF.search(second.get(url).text).group(1)
    assert first.post(url, data={"csrf_token": token_1, "version": 1,
                                 "first_name": "Julie"}).status_code == 302
    stale = second.post(url, data={"csrf_token": token_2, "version": 1, "first_name": "Marc"})
    assert stale.status_code == 409
    assert "refaites votre modification" in stale.text
    assert 'value="Julie"' in stale.text and 'value="Marc"' not in stale.text
    db.session.expire_all()
    assert f'name="version" value="{db.session.get(Line, line.id).version}"' in stale.text


def test_an_open_form_replaces_the_read_view_and_takes_the_cursor(app, demo, agent_client):
    client = agent_client("support_agent", "sfr")
    line = sfr_line()
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    read = block_of(client.get(url).text, "forwarding")
    assert "<dl>" in read and "new_calendar" not in read and "nouveau calendrier" not in read
    opened = block_of(client.get(f"{url}?edit=forwarding").text, "forwarding")
    assert "<dl>" not in opened and "autofocus" in opened
    assert 'hx-swap="outerHTML show:top"' in client.get(url).text


def test_destinations_are_chosen_by_kind_with_the_trigger_named(app, demo, agent_client):
    client = agent_client("support_agent", "sfr")
    line = sfr_line()
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    form = client.get(f"{url}?edit=forwarding").text
    assert '<select id="forwarding-busy_destination" name="busy_destination"' in form
    assert '<option value="number"' in form and '<option value="voicemail"' in form
    assert "<legend>Renvoi sur occupation</legend>" in form
    token = CSRF.search(form).group(1)
    saved = client.post(f"{url}/blocks/forwarding", data={
        "csrf_token": token, "busy_enabled": "on", "busy_destination": "number",
        "busy_destination__value": "06 17 30 64 73"})
    assert saved.status_code == 302, saved.text[-2000:]
    again = client.get(f"{url}?edit=forwarding").text
    assert 'name="busy_destination__value" value="06 17 30 64 73"' in again
    assert "06 17 30 64 73" in block_of(client.get(url).text, "forwarding")
    wrong = client.post(f"{url}/blocks/forwarding", data={
        "csrf_token": token, "busy_enabled": "on", "busy_destination": "number",
        "busy_destination__value": "pas un numéro"})
    assert wrong.status_code == 422 and 'id="forwarding-busy_destination-error"' in wrong.text
    assert re.search(r'busy_destination-error" class="error">[^<]*pas un num', wrong.text)


def test_a_viewer_never_gets_a_form(app, demo, agent_client):
    viewer = agent_client("viewer", "sfr")
    line = sfr_line()
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    for target in ("forwarding", "information"):
        page = viewer.get(f"{url}?edit={target}").text
        assert "<form method=\"post\" action=\"" + url + "/blocks" not in page
        assert 'name="version"' not in page
    cooptel = agent_client("viewer", "cooptel")
    rule = db.session.scalar(select(BlacklistRule))
    page = cooptel.get(f"/tenants/{rule.tenant_id}?edit=blacklist-rules&item={rule.id}").text
    assert f'id="item{rule.id}-' not in page


def test_the_line_page_opens_with_how_it_handles_calls(app, demo, agent_client):
    client = agent_client("viewer", "sfr")
    line = sfr_line()
    page = client.get(f"/tenants/{line.tenant_id}/lines/{line.id}").text
    summary = page.split('id="summary"')[1].split("</section>")[0]
    assert "Quand la ligne est libre" in summary and "Appelant masqué" in summary
    assert page.index('id="summary"') < page.index('id="forwarding"')
    table = summary.split("</table>")[0]
    assert "<strong>reject" not in table and "<strong>ring" not in table


def test_the_explainer_starts_at_now_and_answers_in_words(app, demo, agent_client):
    client = agent_client("viewer", "cooptel")
    line = db.session.scalar(select(Line).where(Line.number == "+15149073400"))
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    page = client.get(url).text
    assert re.search(r'id="date" name="date" type="date" required value="\d{4}-\d\d-\d\d"', page)
    assert re.search(r'id="time" name="time" type="time" required value="\d\d:\d\d"', page)
    assert 'id="explanation" role="status" aria-live="polite"' in page
    token = CSRF.search(page).group(1)
    answer = client.post(f"{url}/explain", data={
        "csrf_token": token, "date": "2026-11-23", "time": "10:00", "state": "idle",
        "caller": "514 555-5555"}, headers={"HX-Request": "true"}).text
    assert "Rejeté" in answer and "<strong>reject</strong>" not in answer


def test_network_status_and_deletions_are_in_words(app, demo, agent_client):
    client = agent_client("support_agent", "cooptel")
    tenant = demo["cooptel"]
    rule = db.session.scalar(select(BlacklistRule).where(BlacklistRule.tenant_id == tenant))
    token = CSRF.search(client.get(f"/tenants/{tenant}").text).group(1)
    done = client.post(f"/tenants/{tenant}/blocks/blacklist-rules/items/{rule.id}/delete",
                       data={"csrf_token": token, "confirm": "yes"}, follow_redirects=True)
    assert "Supprimé." in done.text and "Enregistré." not in done.text
    assert "Règle de liste noire supprimée" in done.text
    assert "blacklist_rule · delete" not in done.text
    history = client.get(f"/tenants/{tenant}/history").text
    assert "Règle de liste noire supprimée" in history and ">delete<" not in history.split(
        "<details>")[0]


def test_switching_language_keeps_the_page_and_its_query(app, demo, agent_client):
    client = agent_client("support_agent", "sfr")
    page = client.get(f"/tenants/{demo['sfr']}?q=biel&plan=fixe").text
    link = re.search(r'<a href="([^"]+)" lang="en"', page).group(1).replace("&amp;", "&")
    assert link.startswith(f"/tenants/{demo['sfr']}?") and "q=biel" in link
    assert "plan=fixe" in link and "lang=en" in link


NUMBERED_GUIDE = """Titre du guide

1. Introduction
Texte.
2. Renvoi d'appel
Texte du renvoi.
2.1. Sur non-réponse
Texte.
2.1.1. Détail
Texte.
"""
TITLED_GUIDE = """Guide sans numéros.
 Utilisateurs
Les utilisateurs du compte.
Filtrage, message d'accueil et attente musicale.
 Gérer les rôles
Texte des rôles.
"""


def test_one_guide_reader_links_numbered_and_titled_sections(app, agent_client, tmp_path):
    from backoffice.specs import guides as specs_guides
    from backoffice.web.guides import guide_refs

    (tmp_path / "100_0123456789abcdef.txt").write_text(NUMBERED_GUIDE)
    (tmp_path / "101_0123456789abcdef.txt").write_text(TITLED_GUIDE)
    app.config["SPECS_GUIDES_DIR"] = str(tmp_path)
    with app.test_request_context():
        assert specs_guides.guides_dir() == tmp_path
        numbered = guide_refs("100_0123456789abcdef.txt §2, §2.1")
        titled = guide_refs("101_0123456789abcdef.txt Utilisateurs > Filtrage, message d'accueil")
        missing = guide_refs("100_0123456789abcdef.txt §9")
    assert [(ref.title, ref.url) for ref in numbered] == [
        ("Renvoi d'appel (§2)", "/guides/100_0123456789abcdef.txt#s-2"),
        ("Sur non-réponse (§2.1)", "/guides/100_0123456789abcdef.txt#s-2-1")]
    assert [(ref.title, ref.url) for ref in titled] == [
        ("Utilisateurs > Filtrage, message d'accueil",
         "/guides/101_0123456789abcdef.txt#s-utilisateurs")]
    assert missing[0].url == "/guides/100_0123456789abcdef.txt"

    html = agent_client("viewer", "sfr").get("/guides/100_0123456789abcdef.txt").text
    assert '<h2 id="s-2">§2 Renvoi d&#39;app' in html and '<h3 id="s-2-1">' in html
    assert '<h4 id="s-2-1-1">' in html  # one level deeper at most


def test_the_carriers_page_says_every_declared_limit_in_the_agents_language(app, agent_client):
    import dataclasses
    import html as html_lib

    from backoffice.core.carriers import registry
    from backoffice.core.limits import declared

    for entry in registry().all():  # every carrier, theirs and those merged later
        for offer in entry.features:
            if not dataclasses.is_dataclass(offer.limits):
                continue
            for item in dataclasses.fields(offer.limits):
                if item.name in declared(offer.limits):
                    assert item.metadata.get("words"), (
                        f"{entry.carrier.id} {offer.feature}.{item.name} says nothing: "
                        "declare it with said()")
    french = html_lib.unescape(agent_client().get("/carriers?lang=fr").text)
    assert " = " not in french
    assert "Au plus 36 numéros bloqués par ligne." in french
    assert "Au plus 5 numéros sonnent en plus de la ligne de l'utilisateur." in french
    assert "Renvoi « sur non-réponse » : de 1 à 10 sonneries, 3 par défaut." in french
    assert "Jours fériés proposés : Canada (QC)." in french
    assert "Types de renvoi : tous les appels, programmé et hors service." in french
    assert "Chaque ligne" in french and "liaisons_sip" not in french
    english = html_lib.unescape(agent_client().get("/carriers?lang=en").text)
    assert "At most 36 blocked numbers per line." in english


ISO_MOMENT = re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2})?")


def _visible_text(html: str) -> str:
    """What the agent reads: no markup, nor the raw audit record, scripts or typed input."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        hidden = ("script", "style", "textarea", "pre", "code")

        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []
            self.skipping = 0

        def handle_starttag(self, tag, attrs):
            self.skipping += tag in self.hidden

        def handle_endtag(self, tag):
            self.skipping -= tag in self.hidden

        def handle_data(self, data):
            if not self.skipping:
                self.parts.append(data)

    parser = Text()
    parser.feed(html)
    return " ".join(parser.parts)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_dates_and_times_read_the_same_way_on_every_page(app, demo, agent_client, language):
    """Dates in the agent's locale, moments in the customer's time zone: never ISO text."""
    client = agent_client()
    client.get(f"/?lang={language}")
    urls = ["/", "/carriers", "/agents", "/account/tokens", "/specs/"]
    for tenant in db.session.scalars(select(Tenant)):
        urls += [f"/tenants/{tenant.id}", f"/tenants/{tenant.id}/history",
                 f"/tenants/{tenant.id}/bulk"]
        for line in db.session.scalars(select(Line).where(Line.tenant_id == tenant.id)):
            urls += [f"/tenants/{tenant.id}/lines/{line.id}",
                     f"/tenants/{tenant.id}/lines/{line.id}/history"]
    raw = {}
    for url in urls:
        found = ISO_MOMENT.findall(_visible_text(client.get(url).text))
        if found:
            raw[url] = found[:3]
    assert raw == {}

    bell = db.session.scalar(select(Line).where(Line.number == "+15145550142"))
    url = f"/tenants/{bell.tenant_id}/lines/{bell.id}"
    typed = re.search(r'name="scheduled_starts_on"[^>]*value="([\d-]+)"',
                      client.get(f"{url}?edit=forwarding").text).group(1)
    shown = re.search(r"(?:Commence le|Starts on)</dt><dd>([^<]+)</dd>", client.get(url).text)
    assert shown.group(1) == format_date(date.fromisoformat(typed), "medium", locale=language)


def test_a_fields_help_is_read_with_it(app, demo, agent_client):
    page = agent_client("support_agent", "cooptel").get(
        f"/tenants/{demo['cooptel']}?edit=business-hours").text
    assert re.search(r'<textarea id="business-hours-hours"[^>]*'
                     r'aria-describedby="business-hours-hours-help"', page)
    assert '<small id="business-hours-hours-help">Un type de jour par ligne' in page
    assert '<label for="business-hours-line_id">Numéro auquel il s&#39;applique</label>' in page


def test_a_rule_change_reads_in_words_in_the_history(app, demo, agent_client):
    client = agent_client("support_agent", "cooptel")
    line = db.session.scalar(select(Line).where(Line.number == "+15149073400"))
    url = f"/tenants/{line.tenant_id}/lines/{line.id}"
    form = client.get(f"{url}?edit=forwarding").text
    assert '<option value="always" >Toujours renvoyer</option>' in form
    token = CSRF.search(form).group(1)
    answer = client.post(f"{url}/blocks/forwarding", data={
        "csrf_token": token, "version": re.search(r'name="version" value="(\d+)"', form)[1],
        "ring_seconds": "20", "enabled": "on", "rule": "always", "destination": "extension",
        "destination__value": "102", "find_me_destination": ""})
    assert answer.status_code == 302
    history = client.get(f"{url}/history").text
    shown = " ".join(_visible_text(history).split())
    assert "Tous les appels · Activé : — → Oui" in shown
    assert "Sur non-réponse · Activé : Oui → —" in shown
    assert "always" not in shown and "no_answer" not in shown and "— → —" not in shown
