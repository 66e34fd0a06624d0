"""The specs as the pages show them: carriers → features → scenarios with their section
references and last result, the coverage of each guide, and the search."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app

from backoffice.core.carriers import registry
from backoffice.specs import features as parsing
from backoffice.specs import guides as guide_parsing
from backoffice.specs.features import Feature, Scenario
from backoffice.specs.guides import Guide, Reference, Section
from backoffice.specs.results import NOT_RUN, last_run

ROOT = Path(__file__).resolve().parent.parent.parent


def features_dir() -> Path:
    configured = current_app.config.get("SPECS_FEATURES_DIR") or os.environ.get(
        "SPECS_FEATURES_DIR")
    return Path(configured) if configured else ROOT / "features"


guides_dir = guide_parsing.guides_dir


@dataclass
class Result:
    status: str = NOT_RUN
    failed_step: str = ""
    message: str = ""
    examples: list[str] = field(default_factory=list)


@dataclass
class ScenarioView:
    scenario: Scenario
    feature: FeatureView
    references: list[Reference]
    result: Result


@dataclass
class FeatureView:
    feature: Feature
    carrier: str
    references: list[Reference]
    scenarios: list[ScenarioView] = field(default_factory=list)
    stale: bool = False

    def count(self, status: str) -> int:
        return sum(1 for s in self.scenarios if s.result.status == status)


@dataclass
class SectionCoverage:
    section: Section
    features: list[FeatureView]
    scenarios: list[ScenarioView]


@dataclass
class GuideCoverage:
    file: str
    guide: Guide | None
    sections: list[SectionCoverage]
    features: list[FeatureView]  # naming the guide


@dataclass
class Catalog:
    carriers: list[tuple[str, str]]  # (id, name), in the registry's order
    features: list[FeatureView]
    run: object | None
    guides_dir: Path
    changed: list[str]  # features whose file changed since the run (or are new)
    unresolved: list[tuple[FeatureView, Reference]]

    def of(self, carrier: str) -> list[FeatureView]:
        return [f for f in self.features if f.carrier == carrier]

    def feature(self, uri: str) -> FeatureView | None:
        return next((f for f in self.features if f.feature.uri == uri), None)

    @property
    def scenarios(self) -> list[ScenarioView]:
        return [s for f in self.features for s in f.scenarios]

    def guide(self, file: str) -> Guide | None:
        return guide_parsing.load(self.guides_dir, file)

    def carrier_of_guide(self, file: str) -> str | None:
        return next((e.carrier.id for e in registry().all() if file in e.carrier.guides), None)

    def sections_of(self, ref: Reference) -> list[Section]:
        guide = self.guide(ref.guide)
        return guide.find(ref) if guide else []

    def covers(self, view: ScenarioView, guide: str, section: Section) -> bool:
        return any(ref.guide == guide and section in self.sections_of(ref)
                   for ref in view.references)

    def coverage(self, carrier: str) -> list[GuideCoverage]:
        entry = registry()[carrier]
        found = []
        for file in entry.carrier.guides:
            guide = self.guide(file)
            naming = [f for f in self.of(carrier) if any(r.guide == file for r in f.references)
                      or file in f.feature.description]
            sections = []
            for section in (guide.sections if guide else []):
                scenarios = [s for f in naming for s in f.scenarios
                             if self.covers(s, file, section)]
                features = [f for f in naming if any(
                    r.guide == file and section in self.sections_of(r) for r in f.references)]
                sections.append(SectionCoverage(section, features, scenarios))
            found.append(GuideCoverage(file, guide, sections, naming))
        return found

    def search(self, query: str = "", status: str = "", carrier: str = "",
               refs: list[Reference] | None = None) -> list[ScenarioView]:
        """Scenarios whose text (name, steps, tables, feature) holds every word of the query,
        a section reference (``§6.14``) naming one of theirs; by result and carrier."""
        found = []
        refs = refs or []
        words, wanted = [], list(refs)
        for word in query.split():
            if word.startswith("§") and len(word) > 1:
                wanted.append(Reference("", word[1:].rstrip(".,;")))
            else:
                words.append(guide_parsing.normalize(word))
        for view in self.scenarios:
            if carrier and view.feature.carrier != carrier:
                continue
            if status and view.result.status != status:
                continue
            text = guide_parsing.normalize(
                f"{view.feature.feature.name}\n{view.scenario.text}\n{view.feature.feature.uri}")
            if any(word not in text for word in words):
                continue
            if wanted and not any(self._matches(view, ref) for ref in wanted):
                continue
            found.append(view)
        return found

    def _matches(self, view: ScenarioView, wanted: Reference) -> bool:
        for ref in view.references:
            if wanted.guide and ref.guide != wanted.guide:
                continue
            if ref.key == wanted.key or ref.key.startswith(wanted.key + "."):
                return True
            if wanted.guide and set(map(id, self.sections_of(ref))) & set(
                    map(id, self.sections_of(wanted))):
                return True
        return False


def _numbered(directory: Path, files: tuple[str, ...]) -> dict[str, bool]:
    kinds = {}
    for file in files:
        guide = guide_parsing.load(directory, file)
        kinds[file] = guide.numbered if guide else True
    return kinds


def build() -> Catalog:
    directory = features_dir()
    guides_path = guides_dir()
    run = last_run()
    results = {(r.uri, r.line): r for r in run.results} if run else {}
    digests = run.digests if run else {}
    carriers = [(e.carrier.id, e.carrier.name) for e in registry().all()]
    known = {carrier for carrier, _ in carriers}
    views, changed, unresolved = [], [], []
    for feature in parsing.load_all(directory) if directory.is_dir() else []:
        carrier = feature.folder
        files = registry()[carrier].carrier.guides if carrier in known else ()
        named = tuple(guide_parsing.GUIDE_FILE.findall(feature.description))
        files = tuple(dict.fromkeys((*files, *named)))
        kinds = _numbered(guides_path, files)
        default = named[0] if named else None
        refs = guide_parsing.references(feature.description, files, kinds, default)
        primary = refs[0].guide if refs else default
        stale = run is not None and digests.get(feature.uri) != feature.digest
        if stale:
            changed.append(feature.uri)
        view = FeatureView(feature, carrier, refs, stale=stale)
        for scenario in feature.scenarios:
            own = guide_parsing.references(scenario.text, files, kinds, primary)
            stored = results.get((feature.uri, scenario.line))
            result = (Result(stored.status, stored.failed_step, stored.message,
                             list(stored.examples or [])) if stored else Result())
            view.scenarios.append(ScenarioView(scenario, view, own or refs, result))
        views.append(view)
    catalog = Catalog(carriers, views, run, guides_path, changed, [])
    for view in views:
        for ref in view.references:
            if catalog.guide(ref.guide) is not None and not catalog.sections_of(ref):
                unresolved.append((view, ref))
    catalog.unresolved = unresolved
    return catalog
