"""A built wheel is complete: installed in a fresh virtual environment, it serves French pages.

The ``.mo`` catalogs are build products, never in git: the wheel compiles them (setup.py).
The test builds from a copy of the sources without any ``.mo``, so a catalog left by
``make`` in the work tree cannot hide a wheel that lacks it. Building needs setuptools and
babel in pip's build isolation (from the package index); it takes well under a minute.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns(".venv", ".git", "*.mo", "instance", "__pycache__",
                                 ".pytest_cache", ".ruff_cache", "build", "*.egg-info", "reports")

PAGE = textwrap.dedent("""
    import pathlib, sys
    import backoffice
    from backoffice import create_app

    assert "site-packages" in backoffice.__file__, backoffice.__file__
    catalog = pathlib.Path(backoffice.__file__).parent / "translations/fr/LC_MESSAGES/messages.mo"
    assert catalog.is_file(), "the wheel carries no compiled French catalog"
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite:///" + sys.argv[1],
                      "SECRET_KEY": "wheel-test", "TESTING": True})
    page = app.test_client().get("/login", headers={"Accept-Language": "fr"})
    print(page.status_code)
    print(page.get_data(as_text=True))
""")


def test_the_built_wheel_serves_french_pages(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=IGNORED)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(wheels), str(source)], check=True, timeout=240)
    wheel = next(wheels.glob("backoffice-*.whl"))

    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()"
                              "['purelib'])"], check=True, capture_output=True, text=True,
                             timeout=60).stdout.strip()
    # The dependencies come from this environment (appended to the path, after the wheel),
    # so the test installs nothing but the wheel.
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
                   check=True, timeout=120)

    script = tmp_path / "page.py"
    script.write_text(PAGE)
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("DATABASE_URL", "REDIS_URL", "PYTHONPATH")}
    result = subprocess.run([str(python), str(script), str(tmp_path / "db.sqlite3")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env=environment)
    assert result.returncode == 0, result.stderr
    status, page = result.stdout.split("\n", 1)
    assert status == "200"
    assert '<html lang="fr">' in page and "Connexion" in page
