"""Readers: bytes + file name → ordered text blocks, one module per format.

The format is taken from the content (magic bytes) first and the file name second, so a .txt that is
really a web page, or a PDF saved without an extension, is still read right.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from kechuang.i18n import gettext_noop

from ..errors import EmptyFileError, UnsupportedFormatError
from .base import Block, ReadResult
from .docx import read_docx
from .furniture import drop_furniture, is_furniture
from .html import read_html
from .pdf import read_pdf
from .text import decode, read_text

__all__ = ["Block", "ReadResult", "decode", "detect_format", "is_furniture", "read_blocks"]

_BINARY_SIGNATURES = {
    b"\xd0\xcf\x11\xe0": gettext_noop("a legacy Office file such as .doc or .xls; save it as .docx"),
    b"\x89PNG": gettext_noop("a PNG image"),
    b"\xff\xd8\xff": gettext_noop("a JPEG image"),
    b"GIF8": gettext_noop("a GIF image"),
    b"Rar!": gettext_noop("a RAR archive"),
    b"\x1f\x8b": gettext_noop("a gzip archive"),
    b"7z\xbc\xaf": gettext_noop("a 7-Zip archive"),
    b"{\\rtf": gettext_noop("an RTF file; save it as .docx"),
}


HTML_EXT = (".html", ".htm", ".shtml", ".xhtml")


def detect_format(data: bytes, filename: str = "") -> str:
    """ "docx", "pdf", "html" or "txt"; raises UnsupportedFormatError for anything else."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF") or data[:1024].find(b"%PDF-") != -1:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except zipfile.BadZipFile as exc:
            raise UnsupportedFormatError(filename, gettext_noop("a damaged ZIP archive")) from exc
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFormatError(filename, gettext_noop("a ZIP archive that is not a Word document"))
    for sig, what in _BINARY_SIGNATURES.items():
        if head.startswith(sig):
            raise UnsupportedFormatError(filename, what)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedFormatError(filename, gettext_noop("binary data"))
    sniff = head.decode("ascii", errors="ignore").lower()
    if re.search(r"<!doctype html|<html|<body|<div|<p[ >]", sniff) or filename.lower().endswith(HTML_EXT):
        return "html"
    return "txt"


def read_blocks(data: bytes, filename: str = "") -> ReadResult:
    """Read any supported file into blocks with page furniture removed."""
    if not data or not data.strip():
        raise EmptyFileError(filename)
    fmt = detect_format(data, filename)
    encoding = ""
    if fmt == "pdf":
        blocks = read_pdf(data, filename)
    elif fmt == "docx":
        blocks = read_docx(data, filename)
    elif fmt == "html":
        blocks, encoding = read_html(data, filename)
    else:
        blocks, encoding = read_text(data, filename)
    blocks = drop_furniture(blocks)
    if not blocks:
        raise EmptyFileError(filename)
    return ReadResult(blocks=blocks, format=fmt, encoding=encoding)
