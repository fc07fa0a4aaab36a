"""Benchmarks for the projects domain: expert assignment at scale and one duplicate check over 50,000.

Run: ``PYTHONPATH=src python bench/projects_domain.py``. Data is synthetic and seeded, so runs compare.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from kechuang.projects.domain.assignment import assign_experts
from kechuang.projects.domain.conflicts import Application, Collaboration, Expert
from kechuang.projects.domain.duplicates import DuplicateIndex

# --- expert assignment ---------------------------------------------------------------------------------

REVIEW_DATE = date(2025, 6, 15)


def _field_codes() -> list[str]:
    """GB/T 13745-shaped codes: 30 first-level (3 digits) x 5 second-level x 4 third-level (7 digits)."""
    return [f"{100 + 10 * a}{b:02d}{c:02d}" for a in range(30) for b in range(1, 6) for c in range(1, 5)]


def _generate_pool(seed: int = 11) -> tuple[list[Application], list[Expert]]:
    rng = random.Random(seed)
    codes = _field_codes()
    weights = [1.0 / (1 + i // 20) for i in range(len(codes))]  # some disciplines far busier than others
    orgs = [f"org-{i}" for i in range(2500)]
    experts = []
    for i in range(2000):
        home = rng.choices(codes, weights=weights)[0]
        siblings = [c for c in codes if c[:3] == home[:3]]
        fields = {home} | {rng.choice(siblings) for _ in range(rng.randint(0, 2))}
        experts.append(Expert(
            id=f"exp-{i}",
            organisation_id=rng.choice(orgs[:800]),  # experts sit in universities and institutes
            fields=tuple(sorted(fields)),
            cap=rng.randint(12, 20),
            available=rng.random() > 0.05,
            declared_organisations=frozenset(rng.sample(orgs, rng.randint(0, 3))),
            declared_persons=frozenset(f"p-{rng.randrange(30_000)}" for _ in range(rng.randint(0, 2))),
            collaborations=tuple(
                Collaboration(rng.choice(orgs), REVIEW_DATE - timedelta(days=rng.randrange(5 * 365)))
                for _ in range(rng.randint(0, 5))
            ),
        ))
    applications = []
    for i in range(5000):
        main = rng.choices(codes, weights=weights)[0]
        persons = {f"p-{rng.randrange(30_000)}" for _ in range(rng.randint(3, 8))}
        if rng.random() < 0.02:  # an expert on the team
            persons.add(f"exp-{rng.randrange(2000)}")
        applications.append(Application(
            id=f"app-{i}",
            organisation_id=rng.choice(orgs),
            fields=(main,) if rng.random() < 0.7 else (main, rng.choice(codes)),
            cooperating_organisations=frozenset(rng.sample(orgs, rng.randint(0, 3))),
            person_ids=frozenset(persons),
        ))
    return applications, experts


def _independent_conflicts(app: Application, expert: Expert) -> bool:
    """The conflict rules restated from scratch, to audit the assignment without trusting its code."""
    app_orgs = {app.organisation_id, *app.cooperating_organisations}
    three_years_ago = date(REVIEW_DATE.year - 3, REVIEW_DATE.month, REVIEW_DATE.day)
    return (
        not expert.available
        or expert.id in app.person_ids
        or expert.organisation_id in app_orgs
        or any(org in app_orgs for org in expert.declared_organisations)
        or any(p in app.person_ids for p in expert.declared_persons)
        or any(c.organisation_id in app_orgs and three_years_ago <= c.on <= REVIEW_DATE
               for c in expert.collaborations)
    )


def bench_assignment() -> dict:
    """Assign 5 experts to each of 5,000 applications from 2,000 experts; audit conflicts and caps."""
    applications, experts = _generate_pool()
    start = time.perf_counter()
    result = assign_experts(applications, experts, k=5, on=REVIEW_DATE)
    seconds = time.perf_counter() - start
    by_id = {e.id: e for e in experts}
    apps = {a.id: a for a in applications}
    conflicts = sum(
        1
        for app_id, ids in result.assignments.items()
        for e in ids
        if _independent_conflicts(apps[app_id], by_id[e])
    )
    counted: dict[str, int] = {}
    for ids in result.assignments.values():
        for e in ids:
            counted[e] = counted.get(e, 0) + 1
    matches = list(result.match.values())
    return {
        "seconds": seconds,
        "conflicts": conflicts,
        "over_cap": sum(1 for e, n in counted.items() if n > by_id[e].cap),
        "unstaffed": len(result.unstaffed),
        "exact_match_share": sum(1 for m in matches if m == 1.0) / len(matches),
        "any_match_share": sum(1 for m in matches if m > 0) / len(matches),
        "max_load_ratio": max(n / by_id[e].cap for e, n in counted.items()),
    }

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
    assignment = bench_assignment()
    print(f"BENCH assign_5k_x5_s {assignment['seconds']:.2f} s")
    print(f"BENCH assign_conflicts {assignment['conflicts']} count")
    print(f"BENCH assign_max_load_over_cap {assignment['over_cap']} count")
    prepared = build_duplicate_bench_index()
    query_s = bench_duplicates(prepared)
    print(f"BENCH dup_check_50k_s {query_s:.4f} s")
    print(f"BENCH dup_index_build_50k_s {prepared[3]:.2f} s")


if __name__ == "__main__":
    main()
