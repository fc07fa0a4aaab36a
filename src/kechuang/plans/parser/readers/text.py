"""Plain text files: detect the encoding (UTF-8, GB18030/GBK, UTF-16, others) and split into lines."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from ..errors import EncodingError
from .base import Block
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
    """One block per paragraph (a line, or wrapped lines rejoined); inner white space is kept for quotes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ").replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    width = wrap_width(lines)
    if width is not None:
        lines = join_wrapped(lines, width - 2)
    return [Block(line) for line in lines]


def read_text(data: bytes, filename: str = "") -> tuple[list[Block], str]:
    text, encoding = decode(data, filename)
    return lines_to_blocks(text), encoding
