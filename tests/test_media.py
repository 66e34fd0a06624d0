"""Audio files: the real format read from the content, each refusal naming its limit, the
storage interface, and files served only to agents who may see their tenant."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pytest
from marshmallow import Schema, fields

from backoffice.core.limits import InvalidDeclaration
from backoffice.core.media.inspection import inspect_audio, read_audio
from backoffice.core.media.models import AudioFile
from backoffice.core.media.storage import FolderStorage, InvalidKey, media_storage
from backoffice.core.tenants import create_tenant
from backoffice.extensions import db
from backoffice.plugin import (
    AudioField,
    AudioLimits,
    Carrier,
    ChangeRejected,
    FeatureOffer,
    LimitError,
    Plan,
    SettingsBlock,
    Tenant,
    audio_checks,
    hookimpl,
    offer_of,
)
from backoffice.testing.audio import fake_mp3_bytes, mp3_bytes, wav_bytes
from backoffice.testing.auth import bearer_client

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
LIMITS = AudioLimits(formats=("mp3", "wav"), max_seconds=10, max_bytes=60_000)


@dataclass(frozen=True)
class GreetingLimits:
    greeting: AudioLimits

    def check(self, plans: tuple[str, ...]) -> None:
        self.greeting.check("greeting")


GREETINGS: dict[int, dict[str, Any]] = {}


class GreetingSchema(Schema):
    greeting = AudioField(use="greetings.greeting", metadata={"label": "Greeting"})
    version = fields.Integer(dump_only=True)


def write_greeting(tenant: Tenant, line, raw: dict[str, Any]) -> None:
    data = GreetingSchema().load({k: v for k, v in raw.items() if k != "version"})
    limits = offer_of(tenant, "greetings").limits.greeting
    violations = audio_checks(tenant, data.get("greeting"), limits, object_type="greetings",
                              field="greeting")
    if violations:
        raise ChangeRejected(violations)
    GREETINGS[tenant.id] = data


class SoundCo:
    """A carrier of the tests with one tenant-wide greeting."""

    @hookimpl
    def carrier_identity(self) -> Carrier:
        return Carrier(id="soundco", name="SoundCo", country="FR", default_locale="en",
                       timezone="Europe/Paris")

    @hookimpl
    def carrier_plans(self) -> list[Plan]:
        return [Plan("basic", {"en": "Basic", "fr": "De base"}, requires=("number",))]

    @hookimpl
    def carrier_features(self) -> list[FeatureOffer]:
        return [FeatureOffer("greetings", "tenant", (), GreetingLimits(greeting=LIMITS))]

    @hookimpl
    def feature_blocks(self) -> list[SettingsBlock]:
        return [SettingsBlock(
            id="greetings", feature="greetings", title="Greeting",
            schema=lambda tenant: GreetingSchema(),
            read=lambda tenant, line: {**GREETINGS.get(tenant.id, {"greeting": None}),
                                       "version": 0},
            write=write_greeting)]


@pytest.fixture
def sound_app(make_app, tmp_path):
    GREETINGS.clear()
    app = make_app(extra_plugins=[SoundCo()], MEDIA_ROOT=str(tmp_path / "media"))
    with app.app_context():
        yield app


@pytest.fixture
def tenant(sound_app):
    return create_tenant({"name": "Studio Son", "carrier_id": "soundco"})


# Inspection ------------------------------------------------------------------------------


def test_the_format_comes_from_the_content_not_the_name():
    assert read_audio(wav_bytes(2)).format == "wav"
    mp3 = read_audio(mp3_bytes(3))
    assert mp3.format == "mp3" and 2.9 < mp3.seconds <= 3
    assert read_audio(fake_mp3_bytes()) is None
    assert read_audio(b"ID3" + bytes(200)) is None  # a tag and no audio frame
    assert read_audio(b"RIFF\x00\x00\x00\x00WAVEjunk") is None


def codes(excinfo) -> list[str]:
    return [violation.code for violation in excinfo.value.violations]


def test_each_refusal_names_its_limit():
    with pytest.raises(ChangeRejected) as refused:
        inspect_audio(fake_mp3_bytes(), LIMITS, object_type="voicemail", field="greeting")
    assert codes(refused) == ["voicemail.greeting.unreadable"]
    assert refused.value.violations[0].limit == ["mp3", "wav"]
    wav_only = AudioLimits(formats=("wav",))
    with pytest.raises(ChangeRejected) as refused:
        inspect_audio(mp3_bytes(1), wav_only, object_type="voicemail", field="greeting")
    assert codes(refused) == ["voicemail.greeting.format"]
    with pytest.raises(ChangeRejected) as refused:
        inspect_audio(wav_bytes(10.5), AudioLimits(max_seconds=10), object_type="voicemail",
                      field="greeting")
    assert codes(refused) == ["voicemail.greeting.too_long"]
    assert refused.value.violations[0].limit == 10
    with pytest.raises(ChangeRejected) as refused:
        inspect_audio(wav_bytes(1), AudioLimits(max_bytes=1000), object_type="voicemail",
                      field="greeting")
    assert codes(refused) == ["voicemail.greeting.too_big"]


def test_a_file_at_each_limit_is_accepted():
    at_length = wav_bytes(10)
    info = inspect_audio(at_length, AudioLimits(max_seconds=10, max_bytes=len(at_length)),
                         object_type="voicemail", field="greeting")
    assert (info.format, info.seconds, info.size) == ("wav", 10.0, len(at_length))


def test_impossible_audio_limits_are_refused_at_start_up(make_app):
    with pytest.raises(LimitError):
        AudioLimits(formats=()).check("greeting")
    with pytest.raises(LimitError):
        AudioLimits(max_seconds=0).check("greeting")

    class Broken(SoundCo):
        @hookimpl
        def carrier_features(self) -> list[FeatureOffer]:
            return [FeatureOffer("greetings", "tenant", (),
                                 {"greeting": {"formats": ["ogg"]}}, limits_class=GreetingLimits)]

    with pytest.raises(InvalidDeclaration):
        make_app(extra_plugins=[Broken()])


# Storage ---------------------------------------------------------------------------------


def test_the_folder_storage_puts_gets_and_deletes_by_key(tmp_path):
    storage = FolderStorage(tmp_path)
    storage.put("tenants/1/abc.mp3", b"data")
    assert storage.get("tenants/1/abc.mp3") == b"data"
    assert (tmp_path / "tenants" / "1" / "abc.mp3").read_bytes() == b"data"
    storage.delete("tenants/1/abc.mp3")
    assert storage.get("tenants/1/abc.mp3") is None
    for key in ("../secret", "/etc/passwd", "tenants/1/../../x", ""):
        with pytest.raises(InvalidKey):
            storage.get(key)


def test_the_storage_folder_is_under_the_instance_unless_configured(sound_app, tmp_path):
    assert media_storage().root == tmp_path / "media"


# API -------------------------------------------------------------------------------------


def upload(api, tenant_id: int, data: bytes, name: str, use: str = "greetings.greeting"):
    return api("POST", f"/api/v1/tenants/{tenant_id}/audio",
               data={"use": use, "file": (io.BytesIO(data), name)},
               content_type="multipart/form-data")


def test_the_api_uploads_a_file_and_refuses_one_that_only_claims_to_be_mp3(sound_app, tenant):
    api = bearer_client(sound_app, "support_agent", "soundco")
    created = upload(api, tenant.id, mp3_bytes(3), "accueil.mp3")
    assert created.status_code == 201, created.text
    assert created.json["format"] == "mp3" and 2.9 < created.json["seconds"] <= 3
    content = api("GET", created.json["content_url"])
    assert content.status_code == 200 and content.mimetype == "audio/mpeg"
    assert content.data == mp3_bytes(3)

    fake = upload(api, tenant.id, fake_mp3_bytes(), "accueil.mp3")
    assert fake.status_code == 422
    assert fake.json["errors"][0]["code"] == "greetings.file.unreadable"
    long = upload(api, tenant.id, wav_bytes(10.5), "long.wav")
    assert long.status_code == 422
    assert long.json["errors"][0] == {
        "code": "greetings.file.too_long", "field": "file", "limit": 10,
        "message": long.json["errors"][0]["message"]}
    assert "10" in long.json["errors"][0]["message"]
    unknown = upload(api, tenant.id, mp3_bytes(1), "a.mp3", use="greetings.nothing")
    assert unknown.status_code == 422 and unknown.json["code"] == "audio.use.invalid"
    assert db.session.query(AudioFile).count() == 1


def test_a_feature_refers_to_an_uploaded_file_by_id_within_its_limits(sound_app, tenant):
    api = bearer_client(sound_app, "support_agent", "soundco")
    audio_id = upload(api, tenant.id, wav_bytes(2), "ok.wav").json["id"]
    url = f"/api/v1/tenants/{tenant.id}/greetings"
    saved = api("PUT", url, json={"greeting": audio_id}, headers={"If-Match": "*"})
    assert saved.status_code == 200, saved.text
    assert saved.json["greeting"] == audio_id
    missing = api("PUT", url, json={"greeting": audio_id + 999}, headers={"If-Match": "*"})
    assert missing.status_code == 422
    assert missing.json["errors"][0]["code"] == "greetings.greeting.unknown"


def test_files_are_served_only_to_agents_who_see_the_tenant(sound_app, tenant):
    api = bearer_client(sound_app, "support_agent", "soundco")
    audio_id = upload(api, tenant.id, wav_bytes(1), "a.wav").json["id"]
    other = bearer_client(sound_app, "support_agent", "sfr")
    assert other("GET", f"/api/v1/tenants/{tenant.id}/audio/{audio_id}/content"
                 ).status_code == 404
    assert other("GET", f"/tenants/{tenant.id}/audio/{audio_id}").status_code == 404
    second = create_tenant({"name": "Autre Son", "carrier_id": "soundco"})
    assert api("GET", f"/api/v1/tenants/{second.id}/audio/{audio_id}").status_code == 404


# Web form --------------------------------------------------------------------------------


def test_the_block_form_uploads_plays_back_and_round_trips(sound_app, tenant, agent_client):
    client = agent_client("support_agent", "soundco", app=sound_app)
    page = client.get(f"/tenants/{tenant.id}?edit=greetings")
    form = page.text.split('id="greetings"')[1]
    assert 'enctype="multipart/form-data"' in form and 'type="file"' in form
    token = CSRF.search(page.text).group(1)
    url = f"/tenants/{tenant.id}/blocks/greetings"

    refused = client.post(url, data={"csrf_token": token,
                                     "greeting": (io.BytesIO(fake_mp3_bytes()), "g.mp3")},
                          content_type="multipart/form-data")
    assert refused.status_code == 422
    assert 'id="greetings-greeting-error"' in refused.text
    assert tenant.id not in GREETINGS

    saved = client.post(url, data={"csrf_token": token,
                                   "greeting": (io.BytesIO(wav_bytes(2)), "g.wav")},
                        content_type="multipart/form-data")
    assert saved.status_code == 302, saved.text
    audio_id = GREETINGS[tenant.id]["greeting"]
    shown = client.get(f"/tenants/{tenant.id}").text
    assert f'<audio controls preload="none" src="/tenants/{tenant.id}/audio/{audio_id}"' in shown
    played = client.get(f"/tenants/{tenant.id}/audio/{audio_id}")
    assert played.status_code == 200 and played.mimetype == "audio/wav"

    # Opened and saved unchanged: the same file is kept; the box removes it.
    edit = client.get(f"/tenants/{tenant.id}?edit=greetings").text
    kept = re.search(r'type="hidden" name="greeting" value="(\d+)"', edit).group(1)
    assert client.post(url, data={"csrf_token": token, "greeting": kept}).status_code == 302
    assert GREETINGS[tenant.id]["greeting"] == audio_id
    client.post(url, data={"csrf_token": token, "greeting": kept, "greeting__remove": "on"})
    assert GREETINGS[tenant.id]["greeting"] is None


def test_a_form_may_carry_a_file_larger_than_other_bodies(sound_app, tenant, agent_client):
    client = agent_client("support_agent", "soundco", app=sound_app)
    token = CSRF.search(client.get(f"/tenants/{tenant.id}").text).group(1)
    big = wav_bytes(150)  # 1.2 MB, above the 1 MB of other bodies; past the 60 kB limit
    refused = client.post(f"/tenants/{tenant.id}/blocks/greetings",
                          data={"csrf_token": token, "greeting": (io.BytesIO(big), "b.wav")},
                          content_type="multipart/form-data")
    assert refused.status_code == 422
    assert "60000" in refused.text.replace("\u202f", "").replace(",", "")
