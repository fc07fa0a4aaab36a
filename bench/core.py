"""Benchmarks of the shared core machinery (each helper adds its figures as one function here).

Run: ``.venv/bin/python bench/core.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _django import median_ms


def bench_workflow() -> None:
    """``workflow_answer_ms``: every step out of one application's state for one user, with allowed-or-not
    and why, from the declared lifecycle (the engine's own cost: the facts read an object in memory)."""
    from kechuang.core.workflow import answer
    from kechuang.projects.domain.workflow import APPLICATION_LIFECYCLE, Role

    app = SimpleNamespace(problems={"budget"}, requires_recommendation=False, reviews=3, assigned=3)
    facts = {p.name: (lambda name: lambda obj, ctx: name not in obj.problems)(p.name)
             for p in APPLICATION_LIFECYCLE.preconditions}
    facts["no_recommender_required"] = lambda obj, ctx: not obj.requires_recommendation
    facts["reviews_complete"] = lambda obj, ctx: obj.reviews == obj.assigned

    def one() -> None:  # a draft: submit (five preconditions) and withdraw
        answer(APPLICATION_LIFECYCLE, state="draft", roles={Role.APPLICANT}, obj=app, facts=facts)

    print(f"BENCH workflow_answer_ms {median_ms(one, repeat=2001, warmup=50):.4f} ms")


def main() -> None:
    bench_workflow()


if __name__ == "__main__":
    main()
