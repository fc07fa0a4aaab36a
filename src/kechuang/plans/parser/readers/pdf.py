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
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from ..errors import DamagedFileError, NoTextLayerError
from .base import Block
from .furniture import is_furniture
from .tables import find_header, rows_to_blocks
from .wrap import join_wrapped


def read_pdf(data: bytes, filename: str = "") -> list[Block]:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = _page_items(pdf.pages)
    except (PdfminerException, MalformedPDFException, PSException, ValueError, TypeError, KeyError) as exc:
        raise DamagedFileError(filename, f"not a valid PDF: {exc}") from exc
    if not any(pages):
        raise NoTextLayerError(filename)
    blocks: list[Block] = []
    for items in _drop_running_lines(pages):
        lines: list[str] = []
        for item in [*items, None]:  # None flushes the last run of lines
            if isinstance(item, str):
                lines.append(item)
                continue
            blocks.extend(Block(p) for p in _join_wrapped(lines))
            lines = []
            if item is not None:
                blocks.extend(item)
    return blocks


def _page_items(pdf_pages) -> list[list[str | list[Block]]]:
    """Per page, in reading order from the top: text lines, and task tables as lists of row blocks."""
    pages: list[list[str | list[Block]]] = []
    header: list[str] | None = None  # a task table may run on over the next page without a header
    for page in pdf_pages:
        placed: list[tuple[float, str | list[Block]]] = []
        text_area = page
        for table in page.find_tables():
            rows = table.extract()
            header = find_header(rows) or header
            row_blocks = [b for b in rows_to_blocks(rows, header) if b.kind == "row"]
            if row_blocks:
                placed.append((table.bbox[1], row_blocks))
                text_area = text_area.outside_bbox(table.bbox)
        placed += [
            (ln["top"], ln["text"].strip()) for ln in text_area.extract_text_lines() if ln["text"].strip()
        ]
        placed.sort(key=lambda item: item[0])
        pages.append([item for _, item in placed])
    return pages


def _drop_running_lines(pages: list[list[str | list[Block]]]) -> list[list[str | list[Block]]]:
    """Drop lines that repeat on most pages among the first or last two lines (running headers/footers)."""
    if len(pages) < 3:
        return pages

    def edge_lines(items):
        lines = [i for i in items if isinstance(i, str)]
        return {*lines[:2], *lines[-2:]}

    counts = Counter(re.sub(r"\d+", "#", ln) for items in pages for ln in edge_lines(items))
    running = {k for k, n in counts.items() if n >= max(3, len(pages) * 0.6)}
    kept = []
    for items in pages:
        edges = edge_lines(items)
        kept.append(
            [
                i
                for i in items
                if not (isinstance(i, str) and i in edges and re.sub(r"\d+", "#", i) in running)
            ]
        )
    return kept


def _join_wrapped(lines: list[str]) -> list[str]:
    """Rejoin hard-wrapped lines into paragraphs: a page's longest lines are full ones."""
    lines = [ln for ln in lines if not is_furniture(ln)]
    if not lines:
        return []
    return join_wrapped(lines, int(max(len(ln) for ln in lines) * 0.85))
