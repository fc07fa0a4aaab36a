"""Matching unit names written in a plan ("高新处", "市科技局") to the platform's organisations.

Plain Python: given the names and the organisations as rows (id, name, short name, aliases, region name),
return the id each name stands for, or None. Plans write units the way people speak of them, so the rules
are general, tried in order from the surest to the loosest; the first rule that finds exactly one
organisation decides, and a rule that finds several leaves the name unmatched rather than guess:

1. the name equals an organisation's name, short name or alias (after folding spaces and full-width
   characters, reading 科学技术 as 科技 and 办公室 as 办);
2. the same after taking a region prefix off both sides (宁波市科技局 / 市科技局 / 科技局, 海曙区科技局):
   region names come from the region table; a generic prefix (省, 市, 区, 县) agrees with any region of
   that level, and a named region must be the organisation's own;
3. an organisation's form ends with the name (法规处 for 规划与政策法规处);
4. the name is an abbreviation: its characters appear in order in the organisation's form and both end with
   the same unit suffix (高新处 → 高新技术处, 社发处 → 社会发展科技处, 成果处 → 成果转化与区域创新处); the
   tightest abbreviation wins, a tie is ambiguous;
5. the same with an internal-unit suffix of another level (处 / 科 / 股 / 室 / 办: a district writes 高新科).

Collective names ("各有关处室", "各市、县科技局") stand for many units and are never matched to one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

COLLECTIVE_PREFIXES = ("各", "有关", "相关")
GENERIC_REGION_PREFIXES = ("省", "市", "区", "县")
# Suffixes of units inside a bureau; the same unit is a 处 in a city, a 科 in a district, a 股 in a county.
INTERNAL_SUFFIXES = frozenset("处科股室办")
REWRITES = (("科学技术", "科技"),)


@dataclass(frozen=True)
class KnownUnit:
    id: int
    name: str
    short_name: str = ""
    aliases: tuple[str, ...] = ()
    region: str = ""


@dataclass(frozen=True)
class _Form:
    """One way of writing a unit, split into its region prefix and the rest."""

    unit: int
    region: str
    rest: str
    own_region: str = field(default="", compare=False)


def normalise(name: str) -> str:
    """Fold width and spaces so the same text typed two ways compares equal."""
    return "".join(unicodedata.normalize("NFKC", name).split())


def canonical(name: str) -> str:
    """The comparison key: normalised, 科学技术 read as 科技, a trailing 办公室 read as 办."""
    text = normalise(name)
    for long, short in REWRITES:
        text = text.replace(long, short)
    if text.endswith("办公室"):
        text = text[: -len("办公室")] + "办"
    return text


def is_collective(name: str) -> bool:
    return normalise(name).startswith(COLLECTIVE_PREFIXES)


def split_region(text: str, regions: Iterable[str]) -> tuple[str, str]:
    """Take the longest region name (or a generic 省/市/区/县) off the front: ("海曙区", "科技局")."""
    best = ""
    for region in regions:
        if region and text.startswith(region) and len(region) > len(best) and len(text) > len(region):
            best = region
    if not best and len(text) > 2 and text.startswith(GENERIC_REGION_PREFIXES):
        best = text[0]
    return best, text[len(best):]


def _regions_agree(asked: str, form: _Form) -> bool:
    """A name's region prefix agrees with a unit when it names the unit's region or its level."""
    if not asked:
        return True
    theirs = form.region or form.own_region
    if not theirs:
        return False
    if len(asked) == 1:
        return theirs.endswith(asked)
    return asked == theirs


def _abbreviation_cost(short: str, full: str) -> int | None:
    """How loosely ``short`` abbreviates ``full`` (runs of consecutive characters), or None if it does not.

    Greedy leftmost matching of an ordered subsequence; fewer runs means a tighter abbreviation. The last
    character of each must be the same unit suffix, checked by the caller.
    """
    if len(short) < 2 or len(short) >= len(full):
        return None
    at, runs, last = 0, 0, -2
    for char in short[:-1]:
        found = full.find(char, at, len(full) - 1)
        if found < 0:
            return None
        runs += found != last + 1
        last, at = found, found + 1
    return runs


def match_units(names: Iterable[str], units: Iterable[KnownUnit],
                regions: Iterable[str] = ()) -> dict[str, int | None]:
    """Return the organisation id each name stands for, None where it is unknown, collective or ambiguous."""
    region_names = sorted({normalise(r) for r in regions if r}, key=len, reverse=True)
    forms: list[_Form] = []
    for unit in units:
        own = normalise(unit.region)
        for text in {canonical(t) for t in (unit.name, unit.short_name, *unit.aliases) if t.strip()}:
            forms.append(_Form(unit.id, "", text, own))
            region, rest = split_region(text, region_names)
            if region:
                forms.append(_Form(unit.id, region, rest, own))
    result: dict[str, int | None] = {}
    for raw in names:
        result[raw] = _match_one(raw, forms, region_names)
    return result


def _match_one(raw: str, forms: list[_Form], regions: list[str]) -> int | None:
    name = canonical(raw)
    if not name or is_collective(name):
        return None
    asked, rest = split_region(name, regions)
    rules: list[Callable[[], dict[int, int]]] = [
        lambda: {f.unit: 0 for f in forms if f.rest == name and not f.region},
        lambda: {f.unit: 0 for f in forms if f.rest == rest and _regions_agree(asked, f)},
        lambda: {f.unit: 0 for f in forms if len(rest) >= 2 and f.rest.endswith(rest) and _regions_agree(asked, f)},
        lambda: _abbreviations(rest, asked, forms, same_suffix=True),
        lambda: _abbreviations(rest, asked, forms, same_suffix=False),
    ]
    for rule in rules:
        found = rule()
        if not found:
            continue
        best = min(found.values())
        winners = [uid for uid, cost in found.items() if cost == best]
        return winners[0] if len(winners) == 1 else None
    return None


def _abbreviations(rest: str, asked: str, forms: list[_Form], *, same_suffix: bool) -> dict[int, int]:
    """Units whose form ``rest`` abbreviates, with the tightest cost per unit."""
    if len(rest) < 2:
        return {}
    found: dict[int, int] = {}
    for form in forms:
        if not form.rest or not _regions_agree(asked, form):
            continue
        if same_suffix:
            if form.rest[-1] != rest[-1]:
                continue
            probe = rest
        else:
            if rest[-1] not in INTERNAL_SUFFIXES or form.rest[-1] not in INTERNAL_SUFFIXES \
                    or form.rest[-1] == rest[-1]:
                continue
            probe = rest[:-1] + form.rest[-1]
        cost = _abbreviation_cost(probe, form.rest)
        if cost is not None:
            found[form.unit] = min(cost, found.get(form.unit, cost))
    return found
