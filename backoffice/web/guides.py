"""The carriers' guides rendered in the app, and guide references shown as section titles.

A reference is ``"<guide file> §6.14"`` (or ``§2, §9.1``, or a section's own words). The
guides are read at run time from ``GUIDES_PATH`` (config or the ``BACKOFFICE_GUIDES_PATH``
environment variable), by default the repository's sibling ``../shared/guides``. Without
them a reference is shown as its section, without a link.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, url_for

bp = Blueprint("guides", __name__, url_prefix="/guides")
ROOT = Path(__file__).resolve().parents[2]
FILE = re.compile(r"^[\w.-]+\.(?:txt|md)$")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+(\S.*)$")
TOC_TAIL = re.compile(r"(?:\.{2,}|…)?\s*\d+\s*$")


@dataclass(frozen=True)
class GuideRef:
    title: str
    url: str = ""


@dataclass(frozen=True)
class GuideLine:
    text: str
    level: int = 0  # 0: text; 2, 3, 4: a heading
    anchor: str = ""


def guides_dir() -> Path | None:
    configured = current_app.config.get("GUIDES_PATH") or os.environ.get(
        "BACKOFFICE_GUIDES_PATH")
    candidates = [Path(configured)] if configured else [
        ROOT.parent / "shared" / "guides", ROOT.parent.parent / "shared" / "guides"]
    return next((path for path in candidates if path.is_dir()), None)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "").strip(" #\t")).strip()


@lru_cache(maxsize=16)
def _parsed(path: str, mtime: float) -> tuple[tuple[GuideLine, ...], dict[str, tuple[str, str]]]:
    """The guide's lines with headings marked, and §number -> (title, anchor)."""
    lines: list[GuideLine] = []
    sections: dict[str, tuple[str, str]] = {}
    toc: dict[str, str] = {}
    for index, raw in enumerate(Path(path).read_text(encoding="utf-8",
                                                     errors="replace").splitlines()):
        text = raw.rstrip()
        markdown = text.lstrip().startswith("#")
        cleaned = _clean(text)
        numbered = NUMBERED.match(cleaned)
        if numbered and "\t" in text and TOC_TAIL.search(text):  # a table of contents entry
            toc.setdefault(numbered.group(1), _clean(TOC_TAIL.sub("", numbered.group(2))))
            lines.append(GuideLine(text))
            continue
        heading = (markdown and cleaned) or (numbered and len(cleaned) < 90
                                             and not cleaned.endswith((".", ",", ":", ";")))
        if heading and cleaned:
            anchor = f"l{index}"
            depth = cleaned.split(" ")[0].count(".") if numbered else 1
            if numbered and numbered.group(1) not in sections:
                anchor = "s" + numbered.group(1)
                sections[numbered.group(1)] = (_clean(numbered.group(2)), anchor)
            lines.append(GuideLine(cleaned, min(2 + depth, 4), anchor))
        else:
            lines.append(GuideLine(text))
    for number, title in toc.items():  # numbered in the contents only: find its heading
        if number in sections:
            continue
        anchor = next((line.anchor for line in lines if line.level
                       and line.text.casefold() == title.casefold()), "")
        sections[number] = (title, anchor)
    return tuple(lines), sections


def _guide(name: str):
    folder = guides_dir()
    if folder is None or not FILE.match(name) or not (folder / name).is_file():
        return None
    path = folder / name
    return _parsed(str(path), path.stat().st_mtime)


def guide_refs(reference: str) -> list[GuideRef]:
    """A guide reference as the sections it names, each titled and linked when it can be."""
    if not reference:
        return []
    name, _, rest = reference.strip().partition(" ")
    if not FILE.match(name):
        return [GuideRef(reference)]
    parsed = _guide(name)
    parts = [part.strip() for part in rest.split(",") if part.strip()] or [""]
    found = []
    for part in parts:
        number = part.removeprefix("§").strip()
        if parsed is None:
            found.append(GuideRef(part or name))
            continue
        lines, sections = parsed
        base = url_for("guides.show", name=name)
        if part.startswith("§") and number in sections:
            title, anchor = sections[number]
            found.append(GuideRef(f"{title} (§{number})", f"{base}#{anchor}" if anchor else base))
        elif part and not part.startswith("§"):
            last = _clean(part.split(">")[-1]).casefold()
            anchor = next((line.anchor for line in lines if line.level
                           and line.text.casefold() == last), "")
            found.append(GuideRef(part, f"{base}#{anchor}" if anchor else base))
        else:
            found.append(GuideRef(part or name, base))
    return found


@bp.get("/<name>")
def show(name: str):
    parsed = _guide(name)
    if parsed is None:
        abort(404)
    lines, _ = parsed
    title = next((line.text for line in lines if line.text.strip()), name)
    return render_template("guides/show.html", lines=lines, title=_clean(title))
