"""Shared builders: a 100-day period makes hand-computed fractions exact."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kechuang.tracking.engine import Kind, TargetSpec

START = dt.date(2025, 1, 1)
END = START + dt.timedelta(days=100)  # 2025-04-11


def day(n: int) -> dt.date:
    """The date ``n`` days into the 100-day period."""
    return START + dt.timedelta(days=n)


def spec(kind: Kind = Kind.AMOUNT, value: float = 100.0, **fields: Any) -> TargetSpec:
    return TargetSpec(kind=kind, value=value, period_start=START, period_end=END, **fields)
