"""The specs' cucumber report under pytest-xdist.

pytest-bdd keeps each scenario's report in a registry of the process that ran it, which a
worker's report loses on its way to the controller: the controller would write an empty
``--cucumberjson``. The worker copies the scenario onto the report (xdist carries a
report's attributes), and the controller puts it back in pytest-bdd's registry before its
cucumber writer reads it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_bdd.reporting import ReportContext, test_report_context_registry

_SCENARIO = "bdd_scenario"


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    context = test_report_context_registry.get(report)
    if context is not None:
        setattr(report, _SCENARIO, {"scenario": context.scenario, "name": context.name})


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    carried = getattr(report, _SCENARIO, None)
    if carried is not None and report not in test_report_context_registry:
        test_report_context_registry[report] = ReportContext(**carried)
