"""The growth rate of 工作指引 (国科发火〔2016〕195号) 四(二)4.

    g = ½ × (Y2 / Y1 + Y3 / Y2) − 1

for net assets (year-end, 资产总额 − 负债总额) and for sales revenue over the three years, with the
guideline's special cases:

- 第一年末净资产或销售收入为0的，按后两年计算: Y1 = 0 → g = Y3 / Y2 − 1;
- 第二年末净资产或销售收入为0的，按0分计算: Y2 = 0 → no rate, 0 points;
- 实际经营期不满三年的，按实际经营时间计算: two years → g = Y2 / Y1 − 1; one year → no rate, 0 points.

Assumption for negative values (negative net assets; the guideline is silent): a negative figure is
taken as 0, as the common reading of the guideline does, so a negative base year falls under the zero
rules above and a negative later year drags the rate down.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

TWO = Decimal(2)


def growth_rate(values: Sequence[Decimal | int]) -> Decimal | None:
    """Growth rate of up to three yearly values (oldest first); None when the rules give 0 points."""
    v = [x if x > 0 else 0 for x in values[-3:]]
    if len(v) == 3:
        y1, y2, y3 = v
        if not y2:
            return None
        if not y1:
            return Decimal(y3) / y2 - 1
        return (Decimal(y2) / y1 + Decimal(y3) / y2) / TWO - 1
    if len(v) == 2 and v[0]:
        return Decimal(v[1]) / v[0] - 1
    return None
