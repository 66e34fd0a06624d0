"""Feature files: French, in a carrier's (or core's) folder, naming their guide and section."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURES = sorted((ROOT / "features").rglob("*.feature"))
FOLDERS = {"core", "bell", "telus", "cooptel", "sfr"}
GUIDE = re.compile(r"\b00[0-4]_[0-9a-f]{16}\.txt\b")


def test_there_is_a_feature_per_carrier():
    assert {path.parent.name for path in FEATURES} >= {"bell", "telus", "cooptel", "sfr"}


@pytest.mark.parametrize("path", FEATURES, ids=lambda p: str(p.relative_to(ROOT)))
def test_feature_file_is_well_formed(path):
    text = path.read_text()
    assert text.startswith("# language: fr\n")
    assert path.parent.name in FOLDERS and path.parent.parent.name == "features"
    assert GUIDE.search(text), "the description must name its guide file"
    assert "§" in text or "section" in text.lower(), "the description must name its section"
    for number, line in enumerate(text.splitlines(), 1):
        first_word = line.strip().split(" ", 1)[0]
        assert not (first_word.startswith("Lorsqu") and "’" in first_word), (
            f"{path.name}:{number}: “{first_word}” breaks pytest-bdd; write Lorsqu'")
