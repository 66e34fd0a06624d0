"""Carrier tests use the public test kit only, so they run the same from outside this repo."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "plugins"
ALLOWED = {"backoffice.testing", "backoffice.plugin"}


def backoffice_imports(path: Path) -> list[str]:
    """The ``backoffice`` modules that ``path`` imports, as ``path:line module``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found += [f"{path.relative_to(ROOT)}:{node.lineno} {module}" for module in modules
                  if module.split(".")[0] == "backoffice"]
    return found


def test_carrier_tests_import_only_the_public_test_kit():
    files = [path for path in PLUGINS.rglob("*.py")
             if "tests" in path.relative_to(PLUGINS).parts[:-1]]
    carriers = {path.relative_to(PLUGINS).parts[0] for path in files
                if path.name.startswith("test_")}
    assert carriers >= {"bell", "telus", "cooptel", "sfr"}, "every carrier has its tests"
    offenders = [found for path in files for found in backoffice_imports(path)
                 if found.rsplit(" ", 1)[1] not in ALLOWED]
    assert offenders == [], "carrier tests import from backoffice.testing only"
