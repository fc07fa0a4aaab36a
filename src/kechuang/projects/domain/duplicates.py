"""Duplicate-application detection (一题多报): same or near-identical text submitted more than once.

How it works, and why:

* Text (title + summary + objectives) is normalised (NFKC, lower case, only letters and digits kept, so
  full-width punctuation and spacing tricks change nothing) and cut into character n-grams (3 by default).
  Chinese needs no word segmenter for this: character 3-grams already capture word order and phrasing.
* Each n-gram becomes one exact integer (its code points packed 21 bits apiece): no hash collisions, and
  the index is stable across processes, unlike ``hash(str)``.
* An inverted index maps each shingle to the documents holding it. A query keeps only its *rarest*
  shingles (prefix filtering): if a document shares at least ``m = ceil(t * |Q|)`` of the query's ``|Q|``
  shingles, it must share at least one of any ``|Q| - m + 1`` of them, so looking up the rarest that
  many finds every document that can reach the threshold and skips the huge lists of common shingles.
  Both Jaccard and containment at threshold ``t`` imply that overlap, so the filter loses nothing.
* Each candidate is then verified with the exact similarity on its full shingle set, and only the
  documents that pass are aligned with ``difflib.SequenceMatcher`` to show the shared passages.
"""

from __future__ import annotations

import math
import unicodedata
from array import array
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Measure = Literal["jaccard", "containment"]
_BITS = 21  # enough for any Unicode code point


@dataclass(frozen=True)
class Passage:
    """A stretch of text found in both documents; spans index the original texts, end exclusive."""

    query_start: int
    query_end: int
    other_start: int
    other_end: int
    query_text: str
    other_text: str


@dataclass(frozen=True)
class Match:
    id: str
    similarity: float  # in the measure the query asked for
    jaccard: float
    containment: float  # share of the query's shingles found in the other document
    passages: tuple[Passage, ...]


_FOLDED: dict[str, str] = {}


def _fold_char(ch: str) -> str:
    """One character NFKC-folded and lower-cased, keeping only letters and digits (memoised: text
    repeats a few thousand characters, and per-character normalisation dominates indexing otherwise)."""
    folded = _FOLDED.get(ch)
    if folded is None:
        folded = "".join(c for c in unicodedata.normalize("NFKC", ch).lower() if c.isalnum())
        _FOLDED[ch] = folded
    return folded


def fold(text: str) -> str:
    """The normalised text that shingles are cut from."""
    return "".join(map(_fold_char, text))


def normalise(text: str) -> tuple[str, list[int]]:
    """:func:`fold` plus, for each kept character, its index in the original text."""
    kept: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        kept.append(folded)
        positions.extend([i] * len(folded))
    return "".join(kept), positions


def shingles(normalised: str, n: int = 3) -> set[int]:
    """The set of character n-grams of a normalised text, each packed into one integer."""
    if not normalised:
        return set()
    if len(normalised) < n:
        return {_pack(normalised)}
    codes = [ord(c) for c in normalised]
    if n == 3:  # the common case, unrolled for speed
        return {(a << 42) | (b << 21) | c for a, b, c in zip(codes, codes[1:], codes[2:], strict=False)}
    return {_pack(normalised[i:i + n]) for i in range(len(normalised) - n + 1)}


def _pack(gram: str) -> int:
    value = 0
    for ch in gram:
        value = (value << _BITS) | ord(ch)
    return value


class DuplicateIndex:
    """Texts of earlier applications, searchable for near-identical copies.

    Build it once with :meth:`add`; each :meth:`query` then touches only the posting lists of the query's
    rarest shingles and the few candidates they lead to.
    """

    def __init__(self, n: int = 3, min_passage: int = 8) -> None:
        self.n = n
        self.min_passage = min_passage
        self._ids: list[str] = []
        self._texts: list[str] = []
        self._sets: list[array] = []
        # shingle -> the documents holding it: a bare int while only one does (most shingles are
        # rare, and a million one-element lists would cost memory and garbage-collector time).
        self._postings: dict[int, int | list[int]] = {}
        self._known: set[str] = set()

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, id: str, text: str) -> None:
        if id in self._known:
            raise ValueError(f"document {id!r} is already indexed")
        doc = len(self._ids)
        grams = shingles(fold(text), self.n)
        self._known.add(id)
        self._ids.append(id)
        self._texts.append(text)
        self._sets.append(array("q", grams))
        postings = self._postings
        for gram in grams:
            held = postings.get(gram)
            if held is None:
                postings[gram] = doc
            elif type(held) is int:
                postings[gram] = [held, doc]
            else:
                held.append(doc)

    def query(
        self,
        text: str,
        threshold: float = 0.8,
        measure: Measure = "jaccard",
        exclude_id: str | None = None,
    ) -> list[Match]:
        """Indexed documents whose similarity to ``text`` is at least ``threshold``, most similar first."""
        if not 0 < threshold <= 1:
            raise ValueError("threshold must be in (0, 1]")
        norm, positions = normalise(text)
        query_set = shingles(norm, self.n)
        if not query_set:
            return []
        size = len(query_set)
        needed = max(1, math.ceil(threshold * size - 1e-9))  # shared shingles any match must have
        holders = {gram: self._holders(gram) for gram in query_set}
        by_rarity = sorted(query_set, key=lambda g: len(holders[g]))
        candidates: set[int] = set()
        for gram in by_rarity[: size - needed + 1]:
            candidates.update(holders[gram])
        matches = []
        for doc in candidates:
            other = self._sets[doc]
            if measure == "jaccard" and not threshold * size <= len(other) <= size / threshold:
                continue  # sizes alone rule out the Jaccard threshold
            shared = sum(1 for g in other if g in query_set)
            if shared < needed:
                continue
            jaccard = shared / (size + len(other) - shared)
            containment = shared / size
            similarity = jaccard if measure == "jaccard" else containment
            if similarity >= threshold and self._ids[doc] != exclude_id:
                matches.append((similarity, doc, jaccard, containment))
        matches.sort(key=lambda m: (-m[0], self._ids[m[1]]))
        return [
            Match(self._ids[doc], sim, jac, con, self._passages(text, norm, positions, self._texts[doc]))
            for sim, doc, jac, con in matches
        ]

    def _holders(self, gram: int) -> list[int]:
        held = self._postings.get(gram)
        if held is None:
            return []
        return [held] if type(held) is int else held

    def _passages(self, text: str, norm: str, positions: list[int], other: str) -> tuple[Passage, ...]:
        """Shared stretches of the two texts, aligned on their normalised forms, mapped back to originals.

        ``autojunk`` is off: its heuristic treats any character frequent in a long text as junk, which
        for Chinese would drop the commonest characters (的, 和, 技术…) and split every passage.
        """
        other_norm, other_positions = normalise(other)
        matcher = SequenceMatcher(None, norm, other_norm, autojunk=False)
        passages = []
        for a, b, size in matcher.get_matching_blocks():
            if size < self.min_passage:
                continue
            qs, qe = positions[a], positions[a + size - 1] + 1
            os_, oe = other_positions[b], other_positions[b + size - 1] + 1
            passages.append(Passage(qs, qe, os_, oe, text[qs:qe], other[os_:oe]))
        return tuple(passages)
