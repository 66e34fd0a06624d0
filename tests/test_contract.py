"""The hook contract stays tested, and the registry reads it right.

That it stays documented is checked in ``test_docs.py``.
"""

import json
import re
from pathlib import Path

import pluggy
import pytest

from backoffice.core import hookspecs
from backoffice.core.carriers import CarrierRegistry

ROOT = Path(__file__).resolve().parent.parent
HOOKS = sorted(name for name, value in vars(hookspecs).items()
               if callable(value) and hasattr(value, "backoffice_spec"))


def test_the_contract_has_hooks():
    assert "carrier_identity" in HOOKS and len(HOOKS) >= 9


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_exercised_by_a_test(hook):
    sources = "".join(path.read_text() for path in (ROOT / "tests").rglob("*.py")
                      if path.name != "test_contract.py")
    assert re.search(rf"\b{hook}\b", sources), f"no test exercises {hook}"


def test_a_misspelt_hook_implementation_fails_at_start_up():
    class Typo:
        @hookspecs.hookimpl
        def carrier_identiy(self):
            return None

    with pytest.raises(pluggy.PluginValidationError):
        CarrierRegistry([Typo()], entry_points=False)


def test_the_four_carriers_come_from_entry_points(app):
    result = app.test_cli_runner().invoke(args=["carriers", "--json"])
    matrix = {carrier["id"]: carrier for carrier in json.loads(result.output)}
    assert sorted(matrix) == ["bell", "cooptel", "sfr", "telus"]
    assert "blacklist" not in matrix["bell"]["features"]
    assert matrix["sfr"]["features"]["blacklist"]["limits"]["max_numbers"] == 36


def test_the_text_matrix_lists_carriers_and_limits(app):
    output = app.test_cli_runner().invoke(args=["carriers"]).output
    assert "SFR [sfr] FR Europe/Paris fr" in output
    assert "- blacklist (fixe, fixe_mobile, mobile, analogique): max_numbers=36" in output


def _core_files():
    yield from (ROOT / "backoffice" / "core").rglob("*.py")
    yield from (path for path in (ROOT / "backoffice" / "migrations").rglob("*")
                if path.is_file() and "__pycache__" not in path.parts)


def test_core_names_no_carrier():
    # "_" counts as a boundary: a carrier's name inside an identifier (a table name) is caught
    pattern = re.compile(r"(?<![a-z])(bell|telus|cooptel|sfr)(?![a-z])", re.IGNORECASE)
    offenders = [f"{path.relative_to(ROOT)}:{number}"
                 for path in _core_files()
                 for number, line in enumerate(path.read_text().splitlines(), 1)
                 if pattern.search(line)]
    assert offenders == []
