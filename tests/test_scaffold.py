"""``backoffice new-carrier`` writes a carrier that installs with pip and passes the kit as is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backoffice.scaffold import ScaffoldError, new_carrier

BIN = Path(sys.executable).parent


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kwargs)


def test_a_new_carrier_installs_appears_and_passes_the_conformance_kit(tmp_path):
    written = run(str(BIN / "backoffice"), "new-carrier", "acme", "--name", "Acme Télécom",
                  "--country", "BE", "--into", str(tmp_path),
                  env={**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}"})
    assert written.returncode == 0, written.stderr
    root = tmp_path / "backoffice-carrier-acme"
    site = tmp_path / "site"
    installed = run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(site), str(root))
    assert installed.returncode == 0, installed.stderr
    env = {**os.environ, "PYTHONPATH": str(site),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}"}
    listed = run(str(BIN / "backoffice"), "carriers", env=env)
    assert "Acme Télécom [acme] BE Europe/Brussels fr" in listed.stdout, listed.stderr
    assert "- forwarding (line): triggers=['always']" in listed.stdout
    suite = run(sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q",
                str(root / "carrier_acme" / "tests"), cwd=root, env=env)
    assert suite.returncode == 0, suite.stdout[-3000:] + suite.stderr[-2000:]
    assert " passed" in suite.stdout and "failed" not in suite.stdout


@pytest.mark.parametrize(("carrier_id", "country", "problem"), [
    ("Acme", "BE", "lowercase"),
    ("sfr", "FR", "already installed"),
    ("acme", "XX", "not an ISO 3166-1 country"),
])
def test_a_bad_identity_is_refused_with_the_reason(carrier_id, country, problem):
    with pytest.raises(ScaffoldError, match=problem):
        new_carrier(carrier_id, "Acme", country, taken=("sfr",))


def test_the_locale_and_time_zone_come_from_the_country():
    carrier = new_carrier("acme", "Acme", "be")
    assert (carrier.country, carrier.locale, carrier.timezone) == ("BE", "fr", "Europe/Brussels")
    assert new_carrier("nordic", "Nordic", "NO").locale == "en"
