"""Small exact helpers shared by the rule modules: dates, rounding up, and share shortfalls."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February becomes 1 March in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28) + timedelta(days=1)


def ceil_int(value: Decimal | int) -> int:
    return int(Decimal(value).to_integral_value(rounding=ROUND_CEILING))


def ceil_fen(value: Decimal | int) -> Decimal:
    """Money rounded up to the fen: the least amount that reaches a threshold."""
    return Decimal(value).quantize(FEN, rounding=ROUND_CEILING)


def round_fen(value: Decimal | int) -> Decimal:
    """Money rounded half up to the fen, as tax working rounds."""
    return Decimal(value).quantize(FEN, rounding=ROUND_HALF_UP)


def added_to_reach_share(part: Decimal | int, whole: Decimal | int, share: Decimal) -> Decimal:
    """How much to add to both ``part`` and ``whole`` so that part/whole reaches ``share``.

    Solves (part + x) / (whole + x) >= share for the least x >= 0: x = (share·whole − part) / (1 − share).
    It is the right measure when the addition also grows the whole (a new S&T employee is also an
    employee; new domestic R&D is also R&D).
    """
    needed = (share * whole - part) / (1 - share)
    return needed if needed > 0 else Decimal(0)
