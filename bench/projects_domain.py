"""Benchmarks for the projects domain: expert assignment at scale and one duplicate check over 50,000.

Run: ``PYTHONPATH=src python bench/projects_domain.py``. Data is synthetic and seeded, so runs compare.
"""

from __future__ import annotations

import random
import time

from kechuang.projects.domain.duplicates import DuplicateIndex

# --- duplicate check -----------------------------------------------------------------------------------

_CJK_START, _CJK_SIZE = 0x4E00, 3500  # a common-character-sized alphabet


def _vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    """Chinese-like words of 1 to 4 characters with Zipf-like frequencies, as real text has."""
    words = [
        "".join(chr(_CJK_START + rng.randrange(_CJK_SIZE)) for _ in range(rng.choice((1, 2, 2, 2, 3, 4))))
        for _ in range(size)
    ]
    cumulative, total = [], 0.0
    for rank in range(1, size + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return words, cumulative


def _sentence(rng: random.Random, words: list[str], cum: list[float], n_words: int) -> str:
    return "".join(rng.choices(words, cum_weights=cum, k=n_words)) + rng.choice("，。；")


def _application_text(rng: random.Random, words: list[str], cum: list[float]) -> str:
    title = "".join(rng.choices(words, cum_weights=cum, k=8))
    body = "".join(_sentence(rng, words, cum, rng.randint(6, 14)) for _ in range(rng.randint(18, 30)))
    return f"{title}\n{body}"


def _near_duplicate(rng: random.Random, text: str, words: list[str], cum: list[float]) -> str:
    """The same text lightly reworded: a few words swapped, a sentence added, punctuation changed."""
    pieces = list(text)
    for _ in range(max(1, len(pieces) // 60)):
        i = rng.randrange(len(pieces))
        pieces[i] = rng.choices(words, cum_weights=cum)[0]
    edited = "".join(pieces).replace("，", ", ")
    return edited + _sentence(rng, words, cum, 10)


DuplicateBench = tuple[DuplicateIndex, str, str, float]


def build_duplicate_bench_index(n_docs: int = 50_000, seed: int = 7) -> DuplicateBench:
    """Index ``n_docs`` synthetic applications (1% near-duplicates of earlier ones).

    Returns the index, a fresh near-duplicate query of one indexed document, that document's id, and
    the build time in seconds.
    """
    rng = random.Random(seed)
    words, cum = _vocabulary(rng)
    texts: list[str] = []
    for i in range(n_docs):
        if i > 100 and rng.random() < 0.01:
            texts.append(_near_duplicate(rng, texts[rng.randrange(i)], words, cum))
        else:
            texts.append(_application_text(rng, words, cum))
    target = n_docs // 2
    query = _near_duplicate(rng, texts[target], words, cum)
    index = DuplicateIndex()
    start = time.perf_counter()
    for i, text in enumerate(texts):
        index.add(f"app-{i}", text)
    return index, query, f"app-{target}", time.perf_counter() - start


def bench_duplicates(prepared: DuplicateBench | None = None) -> float:
    """Seconds for ONE duplicate check against the 50,000-document index (build not included)."""
    index, query, expected, _ = prepared or build_duplicate_bench_index()
    start = time.perf_counter()
    matches = index.query(query, threshold=0.7)
    elapsed = time.perf_counter() - start
    if expected not in {m.id for m in matches}:
        raise RuntimeError("the near-duplicate query did not find its source document")
    return elapsed


def main() -> None:
    prepared = build_duplicate_bench_index()
    query_s = bench_duplicates(prepared)
    print(f"BENCH dup_check_50k_s {query_s:.4f} s")
    print(f"BENCH dup_index_build_50k_s {prepared[3]:.2f} s")


if __name__ == "__main__":
    main()
