"""PDF files with a text layer (pdfplumber). Scans without text raise NoTextLayerError.

PDF text comes as visual lines: running headers and footers repeat on every page and paragraphs are
hard-wrapped. Lines repeated at the top or bottom of most pages are dropped, and a line is joined to
the next when it runs to (nearly) the full text width and does not end a sentence.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError

from ..errors import DamagedFileError, NoTextLayerError
from .base import Block
from .furniture import is_furniture
from .tables import rows_to_blocks
from .wrap import join_wrapped


def read_pdf(data: bytes, filename: str = "") -> list[Block]:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFSyntaxError, ValueError, TypeError) as exc:
        raise DamagedFileError(filename, f"not a valid PDF: {exc}") from exc
    with pdf:
        pages: list[list[str]] = []
        tables: list[list[Block]] = []
        for page in pdf.pages:
            found = page.find_tables()
            tables.append([b for t in found for b in rows_to_blocks(t.extract()) if b.kind == "row"])
            if found and tables[-1]:
                outside = page
                for t in found:
                    outside = outside.outside_bbox(t.bbox)
                text = outside.extract_text() or ""
            else:
                tables[-1] = []
                text = page.extract_text() or ""
            pages.append([ln.strip() for ln in text.split("\n") if ln.strip()])
    if not any(pages) and not any(tables):
        raise NoTextLayerError(filename)
    pages = _drop_running_lines(pages)
    blocks: list[Block] = []
    for lines, rows in zip(pages, tables, strict=True):
        blocks.extend(Block(p) for p in _join_wrapped(lines))
        blocks.extend(rows)
    return blocks


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop lines that repeat on most pages in the first or last two lines (running headers/footers)."""
    if len(pages) < 3:
        return pages
    edge = Counter()
    for lines in pages:
        for ln in {*lines[:2], *lines[-2:]}:
            edge[re.sub(r"\d+", "#", ln)] += 1
    running = {k for k, n in edge.items() if n >= max(3, len(pages) * 0.6)}
    return [
        [
            ln
            for i, ln in enumerate(lines)
            if not ((i < 2 or i >= len(lines) - 2) and re.sub(r"\d+", "#", ln) in running)
        ]
        for lines in pages
    ]


def _join_wrapped(lines: list[str]) -> list[str]:
    """Rejoin hard-wrapped lines into paragraphs: a page's longest lines are full ones."""
    lines = [ln for ln in lines if not is_furniture(ln)]
    if not lines:
        return []
    return join_wrapped(lines, int(max(len(ln) for ln in lines) * 0.85))
