"""The layering: carriers reach core through one public module; core reaches no outer layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import backoffice.plugin

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = "backoffice.plugin"
TESTING = "backoffice.testing"


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports, absolute, with its line number."""
    modules = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            modules += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.append((node.lineno, node.module))
    return modules


def offenders(paths: list[Path], forbidden, allowed=lambda module: False) -> list[str]:
    return [f"{path.relative_to(ROOT)}:{line} imports {module}"
            for path in paths for line, module in imported_modules(path)
            if forbidden(module) and not allowed(module)]


def _under(*prefixes: str):
    return lambda module: any(module == p or module.startswith(p + ".") for p in prefixes)


CARRIER_CODE = [path for path in (ROOT / "plugins").rglob("*.py") if "tests" not in path.parts]
CARRIER_TESTS = [path for path in (ROOT / "plugins").rglob("*.py") if "tests" in path.parts]


def test_carrier_code_imports_core_only_through_the_public_module():
    found = offenders(CARRIER_CODE + [ROOT / "tests" / "fifth_carrier.py"],
                      _under("backoffice"), _under(PUBLIC))
    assert found == []


def test_carrier_tests_import_only_the_public_module_and_the_testing_kit():
    assert offenders(CARRIER_TESTS, _under("backoffice"), _under(PUBLIC, TESTING)) == []


def test_core_imports_no_outer_layer_and_no_carrier():
    outer = _under("backoffice.web", "backoffice.api", "backoffice.auth", "backoffice.access",
                   "backoffice.cli", "backoffice.plugin", "backoffice.testing", "plugins")
    assert offenders(list((ROOT / "backoffice" / "core").rglob("*.py")), outer) == []


@pytest.mark.parametrize(("layer", "other"), [("web", "api"), ("api", "web")])
def test_web_and_api_do_not_import_each_other(layer, other):
    paths = list((ROOT / "backoffice" / layer).rglob("*.py"))
    assert offenders(paths, _under(f"backoffice.{other}")) == []


def test_the_public_module_exports_exactly_what_it_lists():
    exported = set(backoffice.plugin.__all__)
    assert len(exported) == len(backoffice.plugin.__all__), "a name is listed twice"
    assert all(hasattr(backoffice.plugin, name) for name in exported)



def core_import_graph() -> dict[str, set[str]]:
    """Core module -> the core modules it imports when it loads (not under TYPE_CHECKING)."""
    modules: dict[str, set[str]] = {}
    for path in (ROOT / "backoffice" / "core").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found: set[str] = set()
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        modules[name] = found
    return {name: {dep for dep in deps if dep in modules and dep != name}
            for name, deps in modules.items()}


def test_core_has_no_import_cycle():
    graph, done, path = core_import_graph(), set(), []

    def visit(module: str) -> list[str] | None:
        if module in path:
            return path[path.index(module):] + [module]
        if module in done:
            return None
        path.append(module)
        for dependency in sorted(graph[module]):
            if cycle := visit(dependency):
                return cycle
        path.pop()
        done.add(module)
        return None

    cycles = [cycle for module in sorted(graph) if (cycle := visit(module))]
    assert cycles == []
