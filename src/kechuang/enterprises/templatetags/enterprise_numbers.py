"""Filters that show the enterprises' figures with thousands separators and units, in either language."""

from __future__ import annotations

from decimal import Decimal

from django import template

from kechuang.enterprises import presenters

register = template.Library()


@register.filter
def yuan(value: Decimal | int | None) -> str:
    """33368495 → "33,368,495 元" (or "33,368,495 yuan")."""
    return presenters.show_yuan(value)


@register.filter
def amount(value: Decimal | int | None) -> str:
    """An amount in a column whose header names the unit: 1,100,000.00."""
    return "—" if value is None else f"{value:,.2f}"


@register.filter
def count(value: int | None) -> str:
    """A whole number of persons or items: 1,250."""
    return "—" if value is None else f"{value:,}"


@register.filter
def percent(value: Decimal | None) -> str:
    """A rate such as the super-deduction rate 1.00 → "100%"."""
    return presenters.show_percent(value, places=0)
