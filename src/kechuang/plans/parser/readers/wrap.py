"""Rejoin hard-wrapped lines (PDF text, text files saved with fixed-width lines) into paragraphs."""

from __future__ import annotations

import re
from collections import Counter

SENTENCE_END = "。！？；：:;!?」”）)"
_CN = "一二三四五六七八九十百"
MARKER_RE = re.compile(
    rf"^(?:第[{_CN}\d]+(?:部分|[篇章节条])|[{_CN}]+、|[（(][{_CN}\d]+[）)]|\d+\s*[、.．]|[①-⑳])"
)


def wrap_width(lines: list[str]) -> int | None:
    """The fixed line width of hard-wrapped text, or None when lines are whole paragraphs.

    Wrapped text has many lines of (nearly) the same, maximal length; paragraph-per-line text has
    lengths all over the place.
    """
    long_lines = [len(ln) for ln in lines if len(ln) >= 15]
    if len(long_lines) < 5:
        return None
    width = Counter(long_lines).most_common(1)[0][0]
    near = sum(1 for n in long_lines if width - 2 <= n <= width)
    return width if width >= max(long_lines) - 2 and near >= 0.3 * len(long_lines) else None


def join_wrapped(lines: list[str], full: int) -> list[str]:
    """Join a line to the next when it is `full` long or longer and does not end a sentence."""
    out: list[str] = []
    last = ""  # the previous physical line
    for ln in lines:
        if out and len(last) >= full and last[-1] not in SENTENCE_END and not MARKER_RE.match(ln):
            out[-1] += ln
        else:
            out.append(ln)
        last = ln
    return out
