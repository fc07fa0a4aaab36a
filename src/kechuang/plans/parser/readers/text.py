"""Plain text files: detect the encoding (UTF-8, GB18030/GBK, UTF-16, others) and split into lines."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from ..errors import EncodingError
from .base import Block
from .tables import find_header, rows_to_blocks
from .wrap import join_wrapped, wrap_width

_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")


def decode(data: bytes, filename: str = "") -> tuple[str, str]:
    """(text, encoding name). Chinese government texts are UTF-8 or GBK/GB18030 in practice."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for enc in ("gbk", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return text, enc
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        if _plausible(text):
            return text, best.encoding
    raise EncodingError(filename)


def _plausible(text: str) -> bool:
    """Decoded text that reads as text: few control characters and some Chinese or Latin letters."""
    if not text:
        return False
    sample = text[:20000]
    if len(_CONTROL_RE.findall(sample)) > len(sample) * 0.01:
        return False
    return bool(_CJK_RE.search(sample)) or sample.isascii()


def lines_to_blocks(text: str) -> list[Block]:
    """One block per paragraph (a line, or wrapped lines rejoined); inner white space is kept for quotes.

    A run of tab- or pipe-separated lines under a task-table header (序号 工作任务 牵头单位…) is a
    table saved as text: its lines become table rows, as the Word and HTML readers give them.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    # A table row keeps its leading tabs: blank first cells (under a merged header) hold the columns.
    lines = [line.strip(" ") for line in text.split("\n") if line.strip()]
    segments = _split_tables(lines)
    width = wrap_width([ln for part in segments if isinstance(part[0], str) for ln in part])
    blocks: list[Block] = []
    for part in segments:
        if not isinstance(part[0], str):
            blocks.extend(rows_to_blocks(part))
            continue
        joined = join_wrapped(part, width - 2) if width is not None else part
        blocks.extend(Block(line) for line in joined)
    return blocks


_RULE_RE = re.compile(r"^[\s|:\-—]+$")  # a markdown rule under a header: |---|---|


def _cells(line: str) -> list[str] | None:
    """The cells of a tab- or pipe-separated line, or None for a plain line."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.count("|") >= 2 and not _RULE_RE.match(line):
        return [c.strip() for c in line.strip("|").split("|")]
    return None


def _split_tables(lines: list[str]) -> list[list]:
    """Consecutive plain lines (lists of str) and tables (lists of rows of cells), in order.

    Lines come with their tabs; plain lines are returned stripped.
    """
    segments: list[list] = []
    i = 0
    while i < len(lines):
        cells = _cells(lines[i])
        if cells is not None and len(cells) >= 3 and find_header([cells]) is not None:
            rows = [cells]
            i += 1
            while i < len(lines) and (_RULE_RE.match(lines[i]) or (row := _cells(lines[i])) is not None):
                if not _RULE_RE.match(lines[i]):
                    rows.append(row)
                i += 1
            segments.append(rows)
            continue
        line = lines[i].strip()
        if segments and isinstance(segments[-1][0], str):
            segments[-1].append(line)
        else:
            segments.append([line])
        i += 1
    return segments


def read_text(data: bytes, filename: str = "") -> tuple[list[Block], str]:
    text, encoding = decode(data, filename)
    return lines_to_blocks(text), encoding
