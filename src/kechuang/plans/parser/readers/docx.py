"""Word (.docx) files: paragraphs and tables in document order."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from ..errors import DamagedFileError
from .base import Block
from .tables import rows_to_blocks

_HEADING_STYLE_RE = re.compile(r"(?:heading|标题)\s*(\d)", re.IGNORECASE)


def read_docx(data: bytes, filename: str = "") -> list[Block]:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError, PackageNotFoundError) as exc:
        raise DamagedFileError(filename, f"not a valid Word document: {exc}") from exc
    blocks: list[Block] = []
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            para = Paragraph(child, document)
            for line in para.text.split("\n"):
                if line.strip():
                    blocks.append(
                        Block(line.strip(), heading_level=_heading_level(para), list_level=_list_level(para))
                    )
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            rows = [[cell.text for cell in row.cells] for row in table.rows]
            blocks.extend(rows_to_blocks(rows))
    return blocks


def _list_level(para: Paragraph) -> int | None:
    """Level (0-based) of a paragraph numbered by Word itself, whose number is not in its text."""
    style_ppr = para.style.element.pPr if para.style is not None else None
    for ppr in (para._p.pPr, style_ppr):
        if ppr is not None and ppr.numPr is not None:
            ilvl = ppr.numPr.ilvl
            if ilvl is not None and ilvl.val is not None:
                return int(ilvl.val)
            m = re.search(r"(\d)$", para.style.name if para.style is not None else "")
            return int(m.group(1)) - 1 if m else 0
    return None


def _heading_level(para: Paragraph) -> int | None:
    """Level of a Word heading style ("Heading 2", "标题 2"), for headings numbered by Word itself."""
    name = para.style.name if para.style is not None else ""
    m = _HEADING_STYLE_RE.search(name or "")
    return int(m.group(1)) if m else None
