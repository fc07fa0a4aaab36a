"""Numbers as Chinese plans write them: 120, 1,200, 2.35, 十五, 两万, 1.5万, 三分之一, 百分之二十.

Targets keep the magnitude character in the unit (10 万人次), so `parse_number` returns the number as
written; `magnitude` is there for callers that want the plain quantity.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
CN_NUMERAL = f"[{CN_DIGITS}{CN_UNITS}]"
ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"

# A fraction such as 三分之一 or 3分之2; 百分之二十 is a percentage and handled apart.
FRACTION_RE = re.compile(rf"({ARABIC}|{CN_NUMERAL}+)分之({ARABIC}|{CN_NUMERAL}+)")
PERCENT_WORD_RE = re.compile(rf"百分之({ARABIC}|{CN_NUMERAL}+)")

MAGNITUDE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """The value of an Arabic or Chinese numeral, or None when `text` is not one number."""
    s = text.strip().replace(",", "")
    if not s:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    if re.fullmatch(rf"\d+(?:\.\d+)?[{CN_UNITS}]+", s) or re.fullmatch(f"{CN_NUMERAL}+", s):
        try:
            return float(cn2an.cn2an(s, "smart"))
        except (ValueError, KeyError, IndexError):
            return None
    return None


def parse_fraction(text: str) -> float | None:
    """三分之一 → 0.3333…; None unless `text` is exactly one fraction."""
    m = FRACTION_RE.fullmatch(text.strip())
    if not m:
        return None
    den, num = parse_number(m.group(1)), parse_number(m.group(2))
    if not den or num is None:
        return None
    return num / den


def parse_percent_word(text: str) -> float | None:
    """百分之二十 → 20.0."""
    m = PERCENT_WORD_RE.fullmatch(text.strip())
    return parse_number(m.group(1)) if m else None


def is_chinese_numeral(text: str) -> bool:
    """True for 三, 十五, 两万 — numbers written in characters rather than digits."""
    return bool(re.fullmatch(f"{CN_NUMERAL}+", text))


def magnitude(unit: str) -> tuple[float, str]:
    """Split a magnitude prefix off a unit: "万人次" → (10000, "人次"), "万亿元" → (1e12, "元").

    "个百分点" keeps its 个: it is a unit of its own, not a hundred of something.
    """
    if len(unit) > 2 and unit.startswith("万亿"):
        return 1e12, unit[2:]
    if len(unit) > 1 and unit[0] in MAGNITUDE and unit != "个百分点":
        return MAGNITUDE[unit[0]], unit[1:]
    return 1.0, unit
