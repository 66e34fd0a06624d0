"""The specs' cucumber report keeps every scenario when the tests run on several workers."""

import json

pytest_plugins = ["pytester"]

FEATURE = """\
# language: fr
Fonctionnalité: Deux scénarios
  Scénario: Le premier passe
    Étant donné un nombre 1
  Scénario: Le second échoue
    Étant donné un nombre 2
"""

STEPS = """\
from pytest_bdd import given, parsers, scenarios

scenarios("deux.feature")


@given(parsers.parse("un nombre {value:d}"))
def number(value):
    assert value == 1
"""


def test_workers_report_every_scenario_to_the_cucumber_file(pytester):
    pytester.makefile(".feature", deux=FEATURE)
    pytester.makepyfile(test_deux=STEPS)
    report = pytester.path / "specs.json"
    result = pytester.runpytest_subprocess("-n", "2", f"--cucumberjson={report}",
                                           "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    features = json.loads(report.read_text())
    outcomes = {element["name"]: element["steps"][0]["result"]["status"]
                for feature in features for element in feature["elements"]}
    assert outcomes == {"Le premier passe": "passed", "Le second échoue": "failed"}
