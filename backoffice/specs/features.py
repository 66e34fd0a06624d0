"""The feature files, parsed with Cucumber's own Gherkin parser (``gherkin-official``),
kept as written: French keywords, steps, data tables and example tables."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner


@dataclass
class Step:
    keyword: str
    text: str
    line: int
    table: list[list[str]] = field(default_factory=list)
    doc: str = ""


@dataclass
class Examples:
    keyword: str
    name: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class Scenario:
    keyword: str
    name: str
    line: int
    steps: list[Step]
    examples: list[Examples]
    tags: list[str]
    feature: Feature | None = None

    @property
    def text(self) -> str:
        """Everything a search looks into."""
        parts = [self.name, *(f"{s.keyword}{s.text}" for s in self.steps)]
        for step in self.steps:
            parts.extend(" ".join(row) for row in step.table)
        for examples in self.examples:
            parts.extend(" ".join(row) for row in [examples.header, *examples.rows])
        return "\n".join(parts)

    @property
    def anchor(self) -> str:
        return f"l{self.line}"


@dataclass
class Feature:
    uri: str  # "sfr/renvoi.feature", as the cucumber report names it
    folder: str  # the carrier's id (or "core")
    keyword: str
    name: str
    description: str
    background: list[Step]
    background_keyword: str
    scenarios: list[Scenario]
    digest: str


def _steps(raw: list[dict]) -> list[Step]:
    return [Step(s["keyword"], s["text"], s["location"]["line"],
                 [[c["value"] for c in row["cells"]]
                  for row in s.get("dataTable", {}).get("rows", [])],
                 s.get("docString", {}).get("content", "")) for s in raw]


def _scenario(raw: dict) -> Scenario:
    examples = [Examples(e["keyword"], e.get("name", ""),
                         [c["value"] for c in e.get("tableHeader", {}).get("cells", [])],
                         [[c["value"] for c in row["cells"]] for row in e.get("tableBody", [])])
                for e in raw.get("examples", [])]
    return Scenario(raw["keyword"], raw["name"], raw["location"]["line"], _steps(raw["steps"]),
                    examples, [t["name"] for t in raw.get("tags", [])])


def parse(uri: str, text: str) -> Feature:
    document = Parser().parse(TokenScanner(text))
    raw = document["feature"]
    background: list[Step] = []
    background_keyword = ""
    scenarios: list[Scenario] = []

    def walk(children: list[dict]) -> None:
        nonlocal background, background_keyword
        for child in children:
            if "background" in child and not background:
                background = _steps(child["background"]["steps"])
                background_keyword = child["background"]["keyword"]
            elif "scenario" in child:
                scenarios.append(_scenario(child["scenario"]))
            elif "rule" in child:
                walk(child["rule"]["children"])

    walk(raw.get("children", []))
    feature = Feature(uri, uri.split("/", 1)[0] if "/" in uri else "", raw["keyword"],
                      raw["name"], raw.get("description", "").strip("\n"), background,
                      background_keyword, scenarios, digest(text))
    for scenario in scenarios:
        scenario.feature = feature
    return feature


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def load_all(directory: Path) -> list[Feature]:
    """Every feature under ``directory``, sorted by path."""
    found = []
    for path in sorted(directory.rglob("*.feature")):
        uri = path.relative_to(directory).as_posix()
        found.append(parse(uri, path.read_text(encoding="utf-8")))
    return found


def digests(directory: Path) -> dict[str, str]:
    return {path.relative_to(directory).as_posix(): digest(path.read_text(encoding="utf-8"))
            for path in sorted(directory.rglob("*.feature"))}
