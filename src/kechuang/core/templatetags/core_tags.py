"""Template helpers: query strings that keep filters across pages, Bootstrap-styled widgets."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms, template
from django.utils.safestring import SafeString

from kechuang.core.audit_display import ReadableEntry, readable

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with ``changes`` applied (so paging keeps the search and filters)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag
def bootstrap_widget(field: forms.BoundField, id: str = "", small: bool = False) -> SafeString:
    """Render a field's widget with Bootstrap classes and the ARIA links to its error and help text.

    ``id`` overrides the element id, for a form repeated on one page (each copy needs its own ids).
    """
    widget = field.field.widget
    css = "form-select" if isinstance(widget, forms.Select) else "form-control"
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input"
    attrs: dict[str, str] = {"class": css + (" is-invalid" if field.errors else "")}
    described = [f"{field.auto_id}_error"] if field.errors else []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if id:
        attrs["id"] = id
    if small:
        attrs["class"] += " form-control-sm" if css == "form-control" else " form-select-sm"
    return field.as_widget(attrs=attrs)


@register.filter
def num(value: float | int | None) -> str:
    """A number as a clerk writes it: 10 not 10.0, 2.35 not 2.3500, up to six significant digits."""
    if value is None or value == "":
        return ""
    return f"{float(value):.6g}" if abs(float(value)) < 1e15 else str(value)


@register.simple_tag
def readable_audit(entries: Iterable[object]) -> list[ReadableEntry]:
    """Audit entries with their changes as a clerk reads them (labels, names, state labels).

    See :mod:`kechuang.core.audit_display`; related objects are named with one query per model.
    """
    return readable(entries)
