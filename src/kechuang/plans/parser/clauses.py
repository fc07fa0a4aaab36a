"""Clauses: split an item's text into sentences, the unit a target is read from and quoted by.

A sentence ends at 。！？；!?; or a line break; the text is kept verbatim (with its offset) so a
target's quote can be found in the document as it stands. Comma clauses are left to the target
rules, which need to see the whole sentence: an action or a firmness word often sits in an
earlier clause (力争新建A 5家，B 3家).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_RE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』\"]?|\n|$)")


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
