"""PDF documents made with pypdf for tests and probes: blank pages of given sizes, rotated
pages, documents of an exact size, encrypted ones. No binary fixture."""

from __future__ import annotations

import io

from pypdf import PdfWriter

LETTER = (612, 792)
A4 = (595.28, 841.89)
LEGAL = (612, 1008)


def landscape(size: tuple[float, float]) -> tuple[float, float]:
    return size[1], size[0]


def blank_pdf(*sizes: tuple[float, float], rotate: dict[int, int] | None = None,
              padding: int = 0, password: str | None = None) -> bytes:
    """Blank pages of ``sizes`` (points); ``rotate`` page number (1-based) -> degrees;
    ``padding`` bytes of metadata to make the file bigger; ``password`` encrypts it."""
    writer = PdfWriter()
    for number, (width, height) in enumerate(sizes, start=1):
        page = writer.add_blank_page(width=width, height=height)
        if rotate and number in rotate:
            page.rotate(rotate[number])
    if padding:
        writer.add_metadata({"/Padding": "x" * padding})
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_of_bytes(size: int, *sizes: tuple[float, float]) -> bytes:
    """A valid PDF of exactly ``size`` bytes, of blank pages of ``sizes`` (Letter by
    default): padded with metadata."""
    sizes = sizes or (LETTER,)
    base = len(blank_pdf(*sizes, padding=1))
    data = blank_pdf(*sizes, padding=1 + size - base)
    if len(data) != size:  # the padding's digits changed an offset's width: adjust once
        data = blank_pdf(*sizes, padding=1 + size - base + size - len(data))
    assert len(data) == size, (len(data), size)
    return data
