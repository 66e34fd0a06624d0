"""The carriers' guides rendered in the app, and guide references shown as section titles.

A reference is ``"<guide file> §6.14"`` (or ``§2, §9.1``, or a section's own words, ``A > B``).
The guides are read by the specifications' reader (:mod:`backoffice.specs.guides`, which knows
the three shapes of heading) from its ``guides_dir``. Without them a reference is shown as its
section, without a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Blueprint, abort, render_template, url_for

from backoffice.specs.guides import Guide, guides_dir, heading_levels, load

bp = Blueprint("guides", __name__, url_prefix="/guides")
FILE = re.compile(r"^[\w.-]+\.(?:txt|md)$")


@dataclass(frozen=True)
class GuideRef:
    title: str
    url: str = ""


def _guide(name: str) -> Guide | None:
    folder = guides_dir()
    if not FILE.match(name) or not folder.is_dir():
        return None
    return load(folder, name)


def guide_refs(reference: str) -> list[GuideRef]:
    """A guide reference as the sections it names, each titled and linked when it can be."""
    if not reference:
        return []
    name, _, rest = reference.strip().partition(" ")
    if not FILE.match(name):
        return [GuideRef(reference)]
    guide = _guide(name)
    numbered = rest.strip().startswith("§")  # "§2, §9.1"; a title may hold a comma
    parts = [part.strip() for part in (rest.split(",") if numbered else [rest])
             if part.strip()] or [""]
    found = []
    for part in parts:
        if guide is None:
            found.append(GuideRef(part or name))
            continue
        base = url_for("guides.show", name=name)
        key = part.removeprefix("§").strip()
        sections = guide.resolve(key) if key else []
        if not sections:
            found.append(GuideRef(part or name, base))
        elif sections[0].number:
            section = sections[0]
            found.append(GuideRef(f"{section.title} (§{section.number})",
                                  f"{base}#{section.anchor}"))
        else:
            found.append(GuideRef(part, f"{base}#{sections[0].anchor}"))
    return found


@bp.get("/<name>")
def show(name: str):
    guide = _guide(name)
    if guide is None:
        abort(404)
    title = next((line.strip(" #*\t") for line in guide.lines if line.strip()), name)
    pieces = []
    for section, text in guide.blocks():
        lines = text.splitlines()[1:] if section else text.splitlines()
        if section is None and lines and lines[0].strip(" #*\t") == title:
            lines = lines[1:]
        pieces.append((section, [line for line in lines if line.strip()]))
    return render_template("guides/show.html", title=title, pieces=pieces,
                           levels=heading_levels(guide))
