"""Which accounting years an assessment reads.

Both regulations read completed accounting years before the assessment: the HTE rules the last three
(近三个会计年度, 认定办法 第十一条(五)), or the actual years when the enterprise is younger (工作指引:
实际经营期不满三年的按实际经营时间计算); the tech-SME rules the latest year. Assumption: the window is
the three calendar years before the assessment year, limited to years from registration on; years the
enterprise did not report are left out rather than counted as zero.
"""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from .model import AnnualFigures, Enterprise

_YEAR = attrgetter("year")


def window(enterprise: Enterprise, on: date) -> tuple[AnnualFigures, ...]:
    """The enterprise's figures for the assessment window, oldest year first."""
    first = max(on.year - 3, enterprise.registered_on.year)
    return tuple(sorted((f for f in enterprise.years if first <= f.year < on.year), key=_YEAR))
