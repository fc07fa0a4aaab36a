"""Chinese search, the pure part: text → tokens, query → terms, BM25 over candidates. No Django.

Why our own tokens: SQLite FTS5 and PostgreSQL's parser both make one token of a run of Han characters,
so "宁波芯片" would only be found by "宁波芯片". We store, for every Han run of a record:

- the words jieba finds in search mode (with a domain dictionary of technology fields, carrier kinds,
  unit name parts and field words), so whole words score above bigrams that cross a word boundary;
- every character bigram, so any partial name of two characters or more ("宁波芯", "芯微") matches;
- every single character, so a short form made of first characters ("宁芯" for 宁波芯微) still matches.

A query is matched in two tiers: first every bigram of the query must be present (a near-substring
match; single-character queries need the character), then — to fill up the page — every character
(short forms). Candidates are scored with BM25 here in Python from stored corpus statistics, so the
order is the same whatever database retrieved them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Longer queries are cut here: a name or a phrase is never longer, and each character adds a term.
MAX_QUERY_CHARS = 40
K1 = 1.2
B = 0.75

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_HAN}]+|[a-z0-9]+")
_HAN_RUN = re.compile(rf"[{_HAN}]+")


@cache
def _jieba():
    """jieba with the domain dictionary loaded once (loading the main dictionary takes about a second)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    text = resources.files("kechuang.core.data").joinpath("search_words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            jieba.add_word(word, freq=200_000)
    return jieba


def normalise(text: str) -> str:
    """Full-width to half-width, lower case: "ＡＢＣ" and "abc" are one term."""
    return unicodedata.normalize("NFKC", text or "").lower()


def _bigrams(run: str) -> list[str]:
    return [run[i:i + 2] for i in range(len(run) - 1)]


def tokenize(text: str) -> list[str]:
    """The tokens stored for a record's text, repeats kept (they are the term frequencies)."""
    tokens: list[str] = []
    jieba = _jieba()
    for run in _RUN.findall(normalise(text)):
        if not _HAN_RUN.fullmatch(run):
            tokens.append(run)
            continue
        tokens.extend(run)
        tokens.extend(_bigrams(run))
        tokens.extend(w for w in jieba.cut_for_search(run, HMM=False) if len(w) >= 2)
    return tokens


@dataclass(frozen=True)
class Query:
    """What a query asks for: ``strict`` terms all must match; else ``loose`` terms all must match."""

    strict: tuple[str, ...]
    loose: tuple[str, ...]
    scoring: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.strict


def parse_query(text: str) -> Query:
    """Terms of a user's query. Punctuation, quotes and operators are not terms, so FTS or SQL syntax in
    the query (``"``, ``*``, ``NEAR``, ``'; drop table``) is either dropped or searched as plain words."""
    runs = _RUN.findall(normalise(text)[:MAX_QUERY_CHARS])
    strict: list[str] = []
    loose: list[str] = []
    scoring: list[str] = []
    jieba = _jieba()
    for run in runs:
        if not _HAN_RUN.fullmatch(run) or len(run) == 1:
            strict.append(run)
            loose.append(run)
            continue
        strict.extend(_bigrams(run))
        loose.extend(run)
        scoring.extend(w for w in jieba.cut_for_search(run, HMM=False) if len(w) >= 3)
    unique = lambda seq: tuple(dict.fromkeys(seq))  # noqa: E731
    strict_t, loose_t = unique(strict), unique(loose)
    return Query(strict=strict_t, loose=loose_t, scoring=unique((*strict_t, *loose_t, *scoring)))


@dataclass(frozen=True)
class CorpusStats:
    """What BM25 needs to know of the whole corpus of one kind of record."""

    documents: int
    total_length: int
    df: Mapping[str, int]

    @property
    def average_length(self) -> float:
        return self.total_length / self.documents if self.documents else 1.0


def idf(stats: CorpusStats, term: str) -> float:
    """Lucene's BM25 idf, never negative however common the term."""
    n = stats.df.get(term, 0)
    return math.log(1 + (stats.documents - n + 0.5) / (n + 0.5))


def bm25(terms: Sequence[str], tokens: str, length: int, stats: CorpusStats) -> float:
    """Okapi BM25 of one document (its space-joined tokens) for ``terms``. Term frequencies are counted
    with ``list.count`` per query term (a C loop) rather than a Counter of every token: the hot loop."""
    listed = tokens.split(" ")
    norm = K1 * (1 - B + B * length / (stats.average_length or 1.0))
    score = 0.0
    for term in terms:
        tf = listed.count(term)
        if tf:
            score += idf(stats, term) * tf * (K1 + 1) / (tf + norm)
    return score


def rank(terms: Sequence[str], candidates: Iterable[tuple[int, str, int]], stats: CorpusStats,
         limit: int) -> list[int]:
    """Ids of the best ``limit`` candidates ``(id, space-joined tokens, length)``, best first; ties by id,
    so the order never depends on the order the database returned them in."""
    scored = [(-round(bm25(terms, tokens, length, stats), 9), pk) for pk, tokens, length in candidates]
    scored.sort()
    return [pk for _, pk in scored[:limit]]
