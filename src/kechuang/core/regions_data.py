"""China's administrative divisions (GB/T 2260 行政区划代码): the packaged table and code rules.

The table (``kechuang/core/data/regions.csv``, built by ``scripts/build_regions.py``; sources
in ``data/README.md``) holds every provincial-, prefecture- and county-level division. This
module is plain Python so parsers, importers and the Django ``core`` app share one reading
of it; the app loads these rows into its own model.

Two kinds of question are kept apart on purpose:

* *Is this a well-formed code, and what level/parent does its shape imply?* —
  :func:`validate_region_code`, :func:`level_of`, :func:`parent_code_of`. Answered from
  the digits alone, so they work for historical codes too (codes in old records and in
  USCCs outlive the divisions they name).
* *Does this division exist (now)?* — look the code up in :func:`load_regions` /
  :func:`regions_by_code`.

Parent rule (shared with the build script): a county-level code ``PPCCXX`` belongs to
prefecture ``PPCC00``, except in the four municipalities (11, 12, 31, 50) and for the
county-level units directly under a province (``PP90XX``): there the intermediate codes
(110100 "市辖区", 500200 "县", 429000 "省直辖县级行政区划", ...) are only groupings, so
the parent is the provincial-level division.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

__all__ = [
    "LEVELS",
    "MUNICIPALITY_PREFIXES",
    "InvalidRegionCode",
    "Level",
    "RegionRow",
    "level_of",
    "load_regions",
    "parent_code_of",
    "regions_by_code",
    "validate_region_code",
]

Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[Level, ...] = ("province", "prefecture", "county")

#: Provincial-level prefixes of the municipalities (北京, 天津, 上海, 重庆).
MUNICIPALITY_PREFIXES = frozenset({"11", "12", "31", "50"})


class InvalidRegionCode(ValueError):
    """A string is not a well-formed GB/T 2260 code (it says nothing about existence)."""


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One division: 6-digit ``code``, Chinese ``name``, ``level``, ``parent_code`` (None at the top)."""

    code: str
    name: str
    level: Level
    parent_code: str | None


def validate_region_code(code: str) -> None:
    """Raise :class:`InvalidRegionCode` unless ``code`` is a well-formed 6-digit division code.

    Well-formed means six ASCII digits and not ``000000``, and a prefecture/county part that
    is zero at every level above it is also zero below (``110001`` names a county under no
    prefecture and is rejected). Whether the division exists is a table look-up, not this.
    """
    if not isinstance(code, str):
        raise InvalidRegionCode(f"a region code is a string of 6 digits, got {type(code).__name__}")
    if len(code) != 6 or not (code.isascii() and code.isdigit()):
        raise InvalidRegionCode(f"a region code is exactly 6 digits (GB/T 2260), got {code!r}")
    if code[:2] == "00":
        raise InvalidRegionCode(f"region code {code!r} has no provincial-level part (digits 1-2 are 00)")
    if code[2:4] == "00" and code[4:] != "00":
        raise InvalidRegionCode(
            f"region code {code!r} has a county part (digits 5-6) but no prefecture part (digits 3-4 are 00)"
        )


def level_of(code: str) -> Level:
    """Return the level the code's shape implies: ``PP0000`` province, ``PPCC00`` prefecture, else county."""
    validate_region_code(code)
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def parent_code_of(code: str) -> str | None:
    """Return the parent division's code implied by the digits (None for a province).

    See the module docstring for why municipal districts and province-administered
    county-level units have the province as parent.
    """
    level = level_of(code)
    if level == "province":
        return None
    province = code[:2] + "0000"
    if level == "prefecture" or code[:2] in MUNICIPALITY_PREFIXES or code[2:4] == "90":
        return province
    return code[:4] + "00"


@cache
def _load() -> tuple[RegionRow, ...]:
    text = resources.files("kechuang.core.data").joinpath("regions.csv").read_text(encoding="utf-8")
    rows: list[RegionRow] = []
    for record in csv.DictReader(io.StringIO(text)):
        level = record["level"]
        if level not in LEVELS:
            raise ValueError(f"regions.csv: unknown level {level!r} for {record['code']}")
        rows.append(
            RegionRow(
                code=record["code"],
                name=record["name"],
                level=level,  # type: ignore[arg-type]  # checked against LEVELS above
                parent_code=record["parent_code"] or None,
            )
        )
    return tuple(rows)


def load_regions() -> list[RegionRow]:
    """Return all packaged divisions, sorted by code (a new list each call; rows are immutable)."""
    return list(_load())


@cache
def regions_by_code() -> dict[str, RegionRow]:
    """Return the packaged divisions keyed by code, for existence checks and name look-ups.

    Cached: treat the returned dict as read-only.
    """
    return {row.code: row for row in _load()}
