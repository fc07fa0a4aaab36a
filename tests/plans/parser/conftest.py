"""Shared fixtures: where the seed documents live, and helpers to parse them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kechuang.plans.parser import ParsedDocument, parse_document

SHARED = (Path(__file__).parents[3] / ".." / "shared").resolve()
SEEDS = SHARED / "seeds"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` ("003")."""
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.fail(f"seed {prefix} not found in {SEEDS}: the tests read ../shared/seeds beside the checkout")
    return matches[0]


@pytest.fixture(scope="session")
def parse_seed():
    cache: dict[str, ParsedDocument] = {}

    def _parse(prefix: str) -> ParsedDocument:
        if prefix not in cache:
            path = seed_path(prefix)
            cache[prefix] = parse_document(path.read_bytes(), path.name)
        return cache[prefix]

    return _parse


@pytest.fixture(scope="session")
def scorer():
    """The shared scorer (../shared/tools/score_targets.py), imported so tests score with its own logic."""
    import importlib.util

    path = SHARED / "tools" / "score_targets.py"
    if not path.exists():
        pytest.fail(f"scorer not found at {path}: the tests read ../shared beside the checkout")
    spec = importlib.util.spec_from_file_location("score_targets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def set_f1(scorer, gold: dict[str, list], predictions: dict[str, dict], *, responsibility: bool = False):
    """F1 over a whole set of documents (micro-averaged, as the scorer's command line reports it)."""
    tp = n_gold = n_pred = 0
    for doc, rows in gold.items():
        if responsibility:
            s = scorer.score_resp_doc(rows, scorer.collect_items(predictions[doc], []))
        else:
            s = scorer.score_doc(rows, scorer.collect_predictions(predictions[doc], []))
        tp, n_gold, n_pred = tp + s["tp"], n_gold + s["gold"], n_pred + s["pred"]
    f1, _, _ = scorer.prf(tp, n_gold, n_pred)
    return f1, (tp, n_gold, n_pred)
