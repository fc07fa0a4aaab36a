"""Benchmark: recompute the status of n targets with a few observations each.

Run from the repository root: ``PYTHONPATH=src python bench/tracking_engine.py``. The nightly
recompute of a whole plan (and of every contract KPI) must stay well under two seconds for 10,000
targets; the figure printed here is the one to watch.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from kechuang.tracking.engine import Direction, Kind, Milestone, Observation, TargetSpec, evaluate

START = dt.date(2025, 1, 1)
END = dt.date(2025, 12, 31)
TODAY = dt.date(2025, 9, 15)


def _target(rng: random.Random) -> tuple[TargetSpec, list[Observation]]:
    """A mix of the shapes met in real plans: amounts, levels, growth, decreases, milestones."""
    kind = rng.choice(list(Kind))
    direction = Direction.DECREASE if rng.random() < 0.2 else Direction.INCREASE
    baseline = rng.uniform(50, 500)
    if kind is Kind.AMOUNT:
        direction, value = Direction.INCREASE, float(rng.randint(5, 200))
    elif kind is Kind.LEVEL:
        value = baseline * (0.9 if direction is Direction.DECREASE else 1.1)
    else:
        value = rng.uniform(3, 15)
    milestones = (
        (Milestone(dt.date(2025, 6, 30), value / 2),) if kind is Kind.AMOUNT and rng.random() < 0.3 else ()
    )
    spec = TargetSpec(
        kind=kind,
        value=value,
        period_start=START,
        period_end=END,
        direction=direction,
        baseline_value=None if kind is Kind.AMOUNT else baseline,
        milestones=milestones,
    )
    scale = value if kind is Kind.AMOUNT else baseline
    observations = [
        Observation(dt.date(2025, month, 28), rng.uniform(0.0, 1.2) * scale * month / 12)
        for month in (2, 4, 6, 8)
    ]
    return spec, observations


def recompute(n: int = 10_000, seed: int = 2025) -> float:
    """Seconds taken to evaluate ``n`` targets on TODAY (building the inputs is not timed)."""
    rng = random.Random(seed)
    targets = [_target(rng) for _ in range(n)]
    started = time.perf_counter()
    for spec, observations in targets:
        evaluate(spec, observations, TODAY)
    return time.perf_counter() - started


if __name__ == "__main__":
    print(f"BENCH status_recompute_engine_10k_s {recompute(10_000):.3f} s")
