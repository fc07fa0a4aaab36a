"""Small display helpers of the tracking pages."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from kechuang.tracking.engine.forecast import FORECAST_METHOD_LABELS
from kechuang.tracking.labels import LIGHT_LABELS, STATUS_LABELS

register = template.Library()


@register.simple_tag
def light(code: str | None) -> SafeString:
    """A coloured dot with its name in words, so the light is not told by colour alone."""
    code = code or ""
    return format_html('<span class="light light-{}"><span aria-hidden="true">●</span> {}</span>',
                       code or "none", LIGHT_LABELS.get(code, code))


@register.filter
def status_label(code: str | None) -> str:
    return str(STATUS_LABELS.get(code or "", code or "—"))


@register.filter
def forecast_label(code: str | None) -> str:
    """A forecast method's code as the reader says it (线性趋势外推, not linear_trend)."""
    label = FORECAST_METHOD_LABELS.get(code or "")
    return gettext(label) if label else (code or "")


@register.filter
def pct(value: float | None) -> str:
    return "—" if value in (None, "") else f"{float(value) * 100:.1f}%"


@register.filter
def num(value: float | None) -> str:
    """Thousands separators, at most two decimals; "—" for no value (Django passes "" for a missing one)."""
    return "—" if value in (None, "") else f"{float(value):,.2f}".rstrip("0").rstrip(".")


@register.filter
def lookup(mapping: dict, key: str) -> object:
    return mapping.get(key, "")
