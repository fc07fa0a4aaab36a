"""Matching unit names written in a plan ("法规处", "市科技局") to the platform's organisations.

Plain Python: given the names and the organisations as (id, name, short name) rows, return the id each
name stands for, or None. A name matches when it equals an organisation's name or short name (after
removing spaces and folding full-width characters), or when exactly one organisation's name or short name
ends with it (a plan writes "法规处" for "规划与政策法规处"). Collective names ("各有关处室",
"各市、县科技局") stand for many units and are never matched to one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

COLLECTIVE_PREFIXES = ("各", "有关", "相关")


@dataclass(frozen=True)
class KnownUnit:
    id: int
    name: str
    short_name: str = ""


def normalise(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def is_collective(name: str) -> bool:
    return normalise(name).startswith(COLLECTIVE_PREFIXES)


def match_units(names: Iterable[str], units: Iterable[KnownUnit]) -> dict[str, int | None]:
    known = [(u.id, normalise(u.name), normalise(u.short_name)) for u in units]
    exact: dict[str, set[int]] = {}
    for uid, name, short in known:
        for key in {name, short} - {""}:
            exact.setdefault(key, set()).add(uid)
    result: dict[str, int | None] = {}
    for raw in names:
        name = normalise(raw)
        if not name or is_collective(name):
            result[raw] = None
            continue
        ids = exact.get(name, set())
        if not ids and len(name) >= 2:
            ids = {uid for uid, full, short in known if full.endswith(name) or (short and short.endswith(name))}
        result[raw] = next(iter(ids)) if len(ids) == 1 else None
    return result
