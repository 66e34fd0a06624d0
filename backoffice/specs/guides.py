"""The sections of a carrier guide (number and title, as the guide writes them) and the
references to them that a feature's text makes.

The guides were extracted from PDF and web pages, and each has its own shape; three are
recognised, without naming any guide or carrier:

- a table of contents (numbered lines ending with a tab or dot leaders and a page number):
  its entries are the sections, found again in the body where the body repeats the title;
- numbered headings (``4.2. Exigences des utilisateurs``) when the guide has no contents;
- titled headings: a line indented by one space, followed at once by the paragraph it
  heads (the guides without numbers).

A numbered guide is referred to as ``§6.14``; a guide without numbers as ``section « A »``
or ``section « A > B »``, where B is a heading or a heading inside A's text.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from flask import current_app

ROOT = Path(__file__).resolve().parents[2]

GUIDE_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
NUMBER_REF = re.compile(r"§\s?(\d+(?:\.\d+)*)")
TITLED_REF = re.compile(r"\bsections?\s+((?:«[^»]+»(?:\s*(?:,|\bet\b)\s*(?=«))?)+)")
QUOTED = re.compile(r"«\s*([^»]+?)\s*»")
TOC_LINE = re.compile(
    r"^(?:<b>)?(\d+(?:\.\d+)*)\.?(?:</b>)?[ \t]+(\S.*?)[ \t]*"
    r"(?:\.{2,}[ \t]*|\t[ \t]*)(?:<b>)?(\d*)(?:</b>)?[ \t]*$")
NUMBERED = re.compile(r"^ ?(\d+(?:\.\d+)*)\.[ \t]+(\S.*?)\s*$")
TITLED = re.compile(r"^ (\w[^\t]{0,78}?)\s*$")


def normalize(text: str) -> str:
    """Comparable form of a title: no accents' variants, one kind of apostrophe, no case."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"[*#]|</?b>", "", text)
    return re.sub(r"\s+", " ", text).strip(" .:").casefold()


@dataclass
class Section:
    number: str  # "" in a guide without numbers
    title: str
    anchor: str
    line: int  # 0-based line of the guide where the section starts (its heading)
    end: int = 0  # first line after the section

    @property
    def label(self) -> str:
        return f"§{self.number} {self.title}" if self.number else self.title


@dataclass
class Guide:
    file: str
    lines: list[str]
    sections: list[Section] = field(default_factory=list)
    kind: str = "none"  # "contents", "numbered", "titled" or "none"

    @property
    def numbered(self) -> bool:
        return self.kind in ("contents", "numbered")

    def text_of(self, section: Section) -> str:
        return "\n".join(self.lines[section.line:section.end])

    def by_number(self, number: str) -> list[Section]:
        return [s for s in self.sections if s.number == number]

    def by_title(self, title: str, after: int = -1) -> list[Section]:
        wanted = normalize(title)
        found = [s for s in self.sections if normalize(s.title) == wanted]
        later = [s for s in found if s.line > after]
        return later[:1] or found[:1]

    def find(self, ref: Reference) -> list[Section]:
        """The sections a reference names; in « A », « B », B may be a heading inside A."""
        found = self.resolve(ref.key)
        if not found and ref.within and not self.numbered:
            found = self.resolve(f"{ref.within} > {ref.key}")
        return found

    def resolve(self, key: str) -> list[Section]:
        """The sections a reference names (a number, or titles joined by " > ")."""
        if self.numbered:
            return self.by_number(key)
        parent: Section | None = None
        for part in (p.strip() for p in key.split(">")):
            found = self.by_title(part, after=parent.line if parent else -1)
            if found:
                parent = found[0]
            elif parent is not None and normalize(part) in normalize(self.text_of(parent)):
                continue  # a heading inside the parent's text: the parent is the section
            else:
                return []
        return [parent] if parent else []

    def blocks(self) -> list[tuple[Section | None, str]]:
        """The guide's text cut at each section's heading, for rendering with anchors."""
        ordered = sorted(self.sections, key=lambda s: s.line)
        first = ordered[0].line if ordered else len(self.lines)
        pieces: list[tuple[Section | None, str]] = [(None, "\n".join(self.lines[:first]))]
        for section, following in zip(ordered, [*ordered[1:], None], strict=False):
            stop = following.line if following else len(self.lines)
            pieces.append((section, "\n".join(self.lines[section.line:max(stop, section.line)])))
        return pieces


def _anchor(number: str, title: str, taken: set[str]) -> str:
    base = "s-" + (number.replace(".", "-") if number else
                   re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", normalize(title))
                          .encode("ascii", "ignore").decode()).strip("-"))
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def _contents(lines: list[str]) -> list[tuple[int, str, str]]:
    """The longest run of table-of-contents lines: (line, number, title)."""
    runs: list[list[tuple[int, str, str]]] = []
    for index, line in enumerate(lines):
        match = TOC_LINE.match(line)
        if not match:
            continue
        entry = (index, match.group(1), match.group(2).rstrip(". "))
        if runs and index - runs[-1][-1][0] <= 4:
            runs[-1].append(entry)
        else:
            runs.append([entry])
    best = max(runs, key=len, default=[])
    return best if len(best) >= 5 else []


def parse(file: str, text: str) -> Guide:
    lines = text.splitlines()
    guide = Guide(file, lines)
    taken: set[str] = set()
    found: list[tuple[int, str, str]] = []
    contents = _contents(lines)
    if contents:
        guide.kind = "contents"
        position = contents[-1][0] + 1
        for toc_line, number, title in contents:
            wanted = normalize(title)
            at = next((i for i in range(position, len(lines))
                       if wanted and wanted in normalize(lines[i])
                       and len(lines[i]) < 2 * len(title) + 20),
                      None)
            if at is None:
                found.append((toc_line, number, title))
            else:
                found.append((at, number, title))
                position = at + 1
    else:
        numbered = [(i, m.group(1), m.group(2)) for i, line in enumerate(lines)
                    if (m := NUMBERED.match(line))]
        if sum("." in number for _, number, _ in numbered) >= 2:
            guide.kind = "numbered"
            found = numbered
        else:
            for i, line in enumerate(lines[:-1]):
                match = TITLED.match(line)
                following = lines[i + 1]
                heads = (following.strip() and not following[0].isspace()
                         and not following[0].isdigit())
                before = next((x.strip() for x in reversed(lines[:i]) if x.strip()), ".")
                if match and match.group(1)[0].isupper() and before[-1] in ".:!?»)" and (
                        heads or (match.group(1).endswith(".") and len(match.group(1)) < 60)):
                    found.append((i, "", match.group(1).rstrip(". ")))
            guide.kind = "titled" if found else "none"
    for line, number, title in found:
        guide.sections.append(Section(number, title, _anchor(number, title, taken), line))
    ordered = sorted(guide.sections, key=lambda s: s.line)
    for section, following in zip(ordered, [*ordered[1:], None], strict=False):
        section.end = following.line if following and following.line > section.line else len(lines)
    return guide


def guides_dir() -> Path:
    """Where the guides are: config or environment ``SPECS_GUIDES_DIR`` (or the console's
    older ``GUIDES_PATH`` / ``BACKOFFICE_GUIDES_PATH``), else the repository's sibling
    ``shared/guides`` (from a git worktree under ``wt/``, the one beside its parent)."""
    for name, env in (("SPECS_GUIDES_DIR", "SPECS_GUIDES_DIR"),
                      ("GUIDES_PATH", "BACKOFFICE_GUIDES_PATH")):
        configured = current_app.config.get(name) or os.environ.get(env)
        if configured:
            return Path(configured)
    candidates = [ROOT.parent / "shared" / "guides", ROOT.parent.parent / "shared" / "guides"]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def heading_levels(guide: Guide, top: int = 2) -> dict[str, int]:
    """Section anchor -> its HTML heading level from ``top``, by numbering depth, never more
    than one below the heading before it (``§5`` then ``§5.1.1`` gives h2, h3)."""
    levels: dict[str, int] = {}
    previous = top - 1
    for section in sorted(guide.sections, key=lambda s: s.line):
        depth = section.number.count(".") if section.number else 0
        level = min(top + depth, previous + 1, 6)
        levels[section.anchor] = previous = level
    return levels


@lru_cache(maxsize=32)
def _load(path: str, mtime: float) -> Guide:
    return parse(Path(path).name, Path(path).read_text(encoding="utf-8", errors="replace"))


def load(directory: Path, file: str) -> Guide | None:
    path = directory / file
    if not path.is_file():
        return None
    return _load(str(path), path.stat().st_mtime)


@dataclass(frozen=True)
class Reference:
    guide: str
    key: str  # "6.14" or "Utilisateurs > Gestion et renvoi des appels"
    within: str = ""  # the title before it in "section « A », « B »": B may be inside A

    @property
    def label(self) -> str:
        return f"§{self.key}" if self.key[:1].isdigit() else f"« {self.key} »"


def references(text: str, guides: tuple[str, ...], numbered: dict[str, bool],
               default: str | None = None) -> list[Reference]:
    """The section references of ``text``: each belongs to the guide file named last before
    it (else ``default``, else the carrier's first guide); a guide with numbers is referred
    to by ``§N``, one without by ``section « title »``."""
    marks: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in GUIDE_FILE.finditer(text)]
    fallback = default or (guides[0] if guides else "")

    def guide_at(position: int) -> str:
        named = [name for start, name in marks if start < position]
        return named[-1] if named else fallback

    found: list[Reference] = []
    for match in NUMBER_REF.finditer(text):
        guide = guide_at(match.start())
        if numbered.get(guide, True):
            found.append(Reference(guide, match.group(1)))
    for match in TITLED_REF.finditer(text):
        guide = guide_at(match.start())
        if not numbered.get(guide, True):
            previous = ""
            for title in QUOTED.findall(match.group(1)):
                title = re.sub(r"\s+", " ", title)
                found.append(Reference(guide, title, previous))
                previous = title
    unique: list[Reference] = []
    for ref in found:
        if ref not in unique:
            unique.append(ref)
    return unique
