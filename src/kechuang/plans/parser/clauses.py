"""Clauses: split an item's text into sentences (the quote of a target) and comma clauses.

A sentence ends at 。！？；, a full stop-like semicolon, or a line break; the text is kept verbatim so a
target's quote can be found in the document as it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』\"]?|\n|$)")
_CLAUSE_SPLIT_RE = re.compile(r"[，,：:]")


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim, with its closing punctuation
    start: int  # offset in the source text


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order; empty pieces are dropped."""
    out: list[Sentence] = []
    for m in _SENTENCE_RE.finditer(text):
        piece = m.group()
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append(Sentence(piece.strip(), m.start() + lead))
    return out


def split_clauses(sentence: str) -> list[str]:
    """Comma clauses of one sentence, verbatim and in order."""
    return [c for c in _CLAUSE_SPLIT_RE.split(sentence) if c.strip()]
