"""What an uploaded fax document really is (a PDF, judged from its content), and the limits
it breaks, each refusal naming its limit or its page (guide 003 §6.4: "Être en format .pdf;
Faire au maximum 1,5MB; Être composé uniquement de pages en format US Letter portrait ou A4
portrait").

Page sizes are read with pypdf from each page's media box, turned by its ``/Rotate``, with a
tolerance of :data:`TOLERANCE_PT` points (A4 is 595.28 × 841.89 pt, often rounded).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from babel.numbers import format_decimal
from flask_babel import get_locale
from pypdf import PdfReader

from backoffice.core.errors import N_, Violation
from backoffice.core.limits import PAGE_SIZE_WORDS, FaxLimits
from backoffice.i18n import gettext

TOLERANCE_PT = 3
"""How many points a page may differ from a named size and still be that size."""
SIZES_PT: dict[str, tuple[float, float]] = {
    "letter": (612, 792), "a4": (595.28, 841.89), "legal": (612, 1008),
}
"""Portrait width and height, in points, of the sizes a carrier may accept."""
OTHER_SIZES_PT = {N_("A3"): (841.89, 1190.55), N_("A5"): (419.53, 595.28),
                  N_("US Tabloid"): (792, 1224)}
"""Other common sizes, only to name a refused page's size."""
PDF_MAGIC = b"%PDF-"


class Spoken:
    """A message parameter put into words when the message is shown, in the language of
    that moment (a refusal made in one language may be read in another)."""

    def __init__(self, words: Callable[[], str]):
        self.words = words

    def __str__(self) -> str:
        return self.words()

    def __repr__(self) -> str:
        return f"Spoken({self.words()!r})"


def megabytes(size: int) -> Spoken:
    """``1.5 MB`` (``1,5 Mo`` in French): a size as the guides write it (1 MB = 10⁶ bytes)."""
    def words() -> str:
        number = format_decimal(round(size / 1_000_000, 2), locale=str(get_locale() or "en"))
        return gettext("%(number)s MB", number=number)
    return Spoken(words)


def size_names(sizes: tuple[str, ...]) -> Spoken:
    """``US Letter or A4``, in the language of the moment."""
    def words() -> str:
        names = [gettext(PAGE_SIZE_WORDS[size]) for size in sizes]
        if len(names) == 1:
            return names[0]
        return gettext("%(first)s or %(last)s", first=", ".join(names[:-1]), last=names[-1])
    return Spoken(words)


def points(value: float) -> str:
    """A length in points as a page size is read: ``612``, ``595.3``."""
    return f"{value:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class PdfInfo:
    """A PDF document as read from its bytes: its size and each page's width and height
    in points, as the page is shown (its rotation applied)."""

    size: int
    pages: tuple[tuple[float, float], ...]


def _matches(width: float, height: float, size: tuple[float, float]) -> bool:
    return abs(width - size[0]) <= TOLERANCE_PT and abs(height - size[1]) <= TOLERANCE_PT


def size_of(width: float, height: float) -> tuple[str | None, bool]:
    """The named size of a page (a key of :data:`SIZES_PT`, else an English name of
    :data:`OTHER_SIZES_PT`, else ``None``) and whether it lies in landscape."""
    for name, size in (*SIZES_PT.items(), *OTHER_SIZES_PT.items()):
        if _matches(width, height, size):
            return name, False
        if _matches(height, width, size):
            return name, True
    return None, width > height


def read_pdf(data: bytes) -> PdfInfo | str:
    """The document as read, or why it cannot be: ``"not_pdf"`` (its content is no PDF,
    whatever its name says), ``"encrypted"``, or ``"damaged"`` (unreadable, or no page)."""
    if PDF_MAGIC not in data[:1024]:
        return "not_pdf"
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return "encrypted"
        pages = []
        for page in reader.pages:
            box = page.mediabox
            width, height = abs(float(box.width)), abs(float(box.height))
            if page.rotation % 180:
                width, height = height, width
            pages.append((width, height))
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        return "damaged"
    if not pages:
        return "damaged"
    return PdfInfo(len(data), tuple(pages))


UNREADABLE = {
    "not_pdf": N_("This file is not a PDF document (its content says so, whatever its name): "
                  "a fax document is a PDF file."),
    "encrypted": N_("This PDF document is encrypted (protected by a password): send it "
                    "without protection."),
    "damaged": N_("This PDF document cannot be read (it is damaged or has no page)."),
}


SIZE_MESSAGES = {
    (False, False): N_("Page %(page)s measures %(width)s × %(height)s pt; every page must be "
                       "%(sizes)s."),
    (False, True): N_("Page %(page)s measures %(width)s × %(height)s pt; every page must be "
                      "%(sizes)s in portrait."),
    (True, False): N_("Page %(page)s is %(name)s (%(width)s × %(height)s pt); every page must "
                      "be %(sizes)s."),
    (True, True): N_("Page %(page)s is %(name)s (%(width)s × %(height)s pt); every page must "
                     "be %(sizes)s in portrait."),
}
"""(the size has a name, only portrait is accepted) -> the refusal of a page's size."""


def document_violations(data: bytes, limits: FaxLimits, *, object_type: str = "fax",
                        field: str = "document") -> tuple[PdfInfo | None, list[Violation]]:
    """The document as read and the limits it breaks, as ``<object>.<field>.<reason>``."""
    prefix = f"{object_type}.{field}"
    if limits.max_bytes is not None and len(data) > limits.max_bytes:
        return None, [Violation(
            code=f"{prefix}.too_big", field=field, message=N_(
                "The document weighs %(size)s (%(bytes)s bytes); the limit is %(max)s "
                "(%(max_bytes)s bytes)."),
            params={"size": megabytes(len(data)), "bytes": len(data),
                    "max": megabytes(limits.max_bytes), "max_bytes": limits.max_bytes},
            limit=limits.max_bytes)]
    info = read_pdf(data)
    if isinstance(info, str):
        return None, [Violation(code=f"{prefix}.{info}", field=field,
                                message=UNREADABLE[info])]
    return info, page_violations(info, limits, prefix=prefix, field=field)


def page_violations(info: PdfInfo, limits: FaxLimits, *, prefix: str,
                    field: str) -> list[Violation]:
    """One refusal per page of another size, or in landscape when only portrait is taken."""
    violations = []
    accepted = size_names(limits.page_sizes)
    for number, (width, height) in enumerate(info.pages, start=1):
        name, landscape = size_of(width, height)
        params = {"page": number, "width": points(width), "height": points(height),
                  "sizes": accepted}
        if name in limits.page_sizes:
            if landscape and limits.portrait_only:
                violations.append(Violation(
                    code=f"{prefix}.landscape", field=field, message=N_(
                        "Page %(page)s is landscape (%(width)s × %(height)s pt); every page "
                        "must be %(sizes)s in portrait."), params=params,
                    limit=list(limits.page_sizes)))
            continue
        if name is not None:
            words = PAGE_SIZE_WORDS.get(name, name)
            params["name"] = Spoken(lambda words=words: gettext(words))
        message = SIZE_MESSAGES[(name is not None, limits.portrait_only)]
        violations.append(Violation(code=f"{prefix}.page_size", field=field, message=message,
                                    params=params, limit=list(limits.page_sizes)))
    return violations
