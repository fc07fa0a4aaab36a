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
