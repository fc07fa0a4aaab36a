"""GB/T 4754 (国民经济行业分类) codes: a section letter and/or a 2–4 digit class code.

Accepted forms: ``"C"``, ``"C16"``, ``"C1610"``, ``"1610"``, ``"16"``. Only the section and the
two-digit division are read, which is all the excluded-industry list needs.
"""

from __future__ import annotations

from typing import NamedTuple


class IndustryCode(NamedTuple):
    section: str | None
    division: str | None


def parse_industry_code(code: str) -> IndustryCode:
    text = code.strip().upper()
    section = text[0] if text[:1].isalpha() else None
    digits = text[1:] if section else text
    if (section and len(text) == 1) or (digits.isdigit() and 2 <= len(digits) <= 4):
        return IndustryCode(section, digits[:2] or None)
    raise ValueError(f"not a GB/T 4754 industry code: {code!r}")
