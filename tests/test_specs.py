"""Living specifications: guide sections, references, the report import, pages and export."""

import json
import os
from pathlib import Path

import pytest

from backoffice.specs import catalog, features, guides
from backoffice.specs.guides import GUIDE_FILE
from backoffice.specs.results import import_report, last_run

ROOT = Path(__file__).resolve().parent.parent
NUMBERED = """1. Aperçu
Texte.
2. Accès
2.1. Accès initial
Encore du texte.
2.2. Suite
"""
TITLED = """ Introduction
Le guide commence.
 Utilisateurs
Les administrateurs modifient :

 Gestion et renvoi des appels

Fin.
 Ne pas déranger.

Tous les appelants vont à la boîte vocale.
"""
CONTENTS = """### TABLE DES MATIÈRES
1. Premier\t4
1.1. Sous-section\t4
<b>1.2.</b> Autre\t<b>5</b>
2. Second.....\t6
2.1 Dernier.....\t7

#### 1.1. SOUS-SECTION
texte
"""


def test_guide_sections_in_the_three_shapes():
    numbered = guides.parse("g.txt", NUMBERED)
    assert numbered.kind == "numbered"
    assert [s.label for s in numbered.sections] == ["§1 Aperçu", "§2 Accès", "§2.1 Accès initial",
                                                     "§2.2 Suite"]
    titled = guides.parse("g.txt", TITLED)
    assert titled.kind == "titled"
    assert [s.title for s in titled.sections] == ["Introduction", "Utilisateurs",
                                                  "Ne pas déranger"]
    contents = guides.parse("g.txt", CONTENTS)
    assert contents.kind == "contents"
    assert [s.number for s in contents.sections] == ["1", "1.1", "1.2", "2", "2.1"]
    assert contents.sections[1].line == 7  # found again in the body


def test_references_by_number_and_by_title():
    file = "002_0123456789abcdef.txt"
    refs = guides.references(
        f"Guide : {file}, section « Utilisateurs > Gestion et renvoi\n des appels » et "
        "section « Ne pas déranger » (« N'accepter aucun appel »).", (file,), {file: False})
    assert [r.key for r in refs] == ["Utilisateurs > Gestion et renvoi des appels",
                                     "Ne pas déranger"]
    titled = guides.parse(file, TITLED)
    assert [titled.find(r)[0].title for r in refs] == ["Utilisateurs", "Ne pas déranger"]
    assert titled.find(guides.Reference(file, "Facturation")) == []
    numbered = guides.parse("000_0123456789abcdef.txt", NUMBERED)
    refs = guides.references("000_0123456789abcdef.txt §2.1 et §9", ("x",),
                             {"000_0123456789abcdef.txt": True})
    assert [bool(numbered.find(r)) for r in refs] == [True, False]


def test_every_section_a_feature_names_exists_in_its_guide(app):
    specs = catalog.build()
    if not specs.guides_dir.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"no guides at {specs.guides_dir}")
        pytest.skip(f"no guides at {specs.guides_dir} (set SPECS_GUIDES_DIR)")
    assert specs.features, "no feature file found"
    missing = [f"{view.feature.uri}: {ref.guide} {ref.label}" for view, ref in specs.unresolved]
    assert missing == []
    for view in specs.features:
        named = GUIDE_FILE.findall(view.feature.description)
        if any((guide := specs.guide(file)) is not None and not guide.sections
               for file in named):
            continue  # a guide without headings (Bell's 001): its scenarios cite passages
        assert view.references, f"{view.feature.uri} names no section the guide has"


def test_a_feature_naming_a_missing_section_is_reported(app, tmp_path):
    (tmp_path / "bell").mkdir()
    source = (ROOT / "features/bell/renvoi.feature").read_text()
    (tmp_path / "bell/renvoi.feature").write_text(source.replace("§4.6", "§4.9"))
    app.config["SPECS_FEATURES_DIR"] = str(tmp_path)
    specs = catalog.build()
    if not specs.guides_dir.is_dir():
        pytest.skip("no guides")
    assert [ref.key for _, ref in specs.unresolved] == ["4.9"]


def _report(tmp_path, fail_line=None):
    parsed = features.parse("bell/renvoi.feature",
                            (ROOT / "features/bell/renvoi.feature").read_text())
    elements = []
    for scenario in parsed.scenarios:
        status = "failed" if scenario.line == fail_line else "passed"
        result = {"status": status}
        if status == "failed":
            result["error_message"] = "AssertionError: 5 != 6"
        elements.append({"keyword": scenario.keyword, "name": scenario.name,
                         "line": scenario.line, "type": "scenario",
                         "steps": [{"keyword": "Alors ", "name": "ça marche", "line": 1,
                                    "result": result}]})
    path = tmp_path / "specs.json"
    path.write_text(json.dumps([{"uri": "bell/renvoi.feature", "elements": elements}]))
    return parsed, path


def test_import_keeps_the_last_result_the_failing_step_and_the_commit(app, tmp_path):
    parsed, report = _report(tmp_path)
    failing = parsed.scenarios[1]
    _, report = _report(tmp_path, fail_line=failing.line)
    import_report(report, catalog.features_dir(), commit="abc123")
    run = last_run()
    assert run.commit == "abc123" and len(run.results) == len(parsed.scenarios)
    specs = catalog.build()
    view = specs.feature("bell/renvoi.feature")
    failed = [s for s in view.scenarios if s.result.status == "failed"]
    assert [s.scenario.name for s in failed] == [failing.name]
    assert failed[0].result.failed_step == "Alors ça marche"
    assert "5 != 6" in failed[0].result.message
    other = specs.feature("sfr/renvoi.feature")
    assert {s.result.status for s in other.scenarios} == {"not_run"}
    assert specs.changed == []
    assert specs.search("§4.3", carrier="bell")
    assert specs.search("", status="failed") == failed


def test_results_older_than_the_specs_on_disk_are_flagged(app, tmp_path):
    features_dir = tmp_path / "features"
    (features_dir / "bell").mkdir(parents=True)
    source = (ROOT / "features/bell/renvoi.feature").read_text()
    (features_dir / "bell/renvoi.feature").write_text(source)
    app.config["SPECS_FEATURES_DIR"] = str(features_dir)
    _, report = _report(tmp_path)
    import_report(report, features_dir, commit="abc123")
    assert catalog.build().changed == []
    (features_dir / "bell/renvoi.feature").write_text(source + "\n")
    assert catalog.build().changed == ["bell/renvoi.feature"]


def test_a_viewer_reads_specs_coverage_and_guides(app, agent_client, tmp_path):
    _, report = _report(tmp_path)
    import_report(report, catalog.features_dir(), commit="abc123")
    client = agent_client(role="viewer", carrier="sfr")
    page = client.get("/specs/").get_data(as_text=True)
    assert "Spécifications" in page and "abc123" in page
    page = client.get("/specs/features/bell/renvoi.feature").get_data(as_text=True)
    assert "Scénario" in page and "réussi" in page
    page = client.get("/specs/coverage/sfr").get_data(as_text=True)
    assert "§6.14" in page and "Aucun scénario" in page
    page = client.get("/specs/?q=%C2%A76.14&result=not_run").get_data(as_text=True)
    assert "Renvois" in page or "renvoi" in page
    page = client.get("/specs/guides/004_1c65287363dc7b18.txt").get_data(as_text=True)
    assert 'id="s-6-14"' in page
    page = client.get("/specs/block?section=004_1c65287363dc7b18.txt+%C2%A76.14").get_data(
        as_text=True)
    assert "features/sfr/renvoi.feature" in page
    assert client.get("/specs/guides/..%2Fsecret").status_code == 404


def test_export_writes_static_pages(app, tmp_path):
    from backoffice.specs.export import export

    count = export(tmp_path / "out")
    index = (tmp_path / "out/index.html").read_text()
    assert count > 20 and "feature-sfr-renvoi.html" in index
    assert (tmp_path / "out/coverage-telus.html").exists()
