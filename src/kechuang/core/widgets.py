"""The project's one date input.

A ``<input type="date">`` only accepts an ISO value (``YYYY-MM-DD``). Django's plain ``DateInput`` renders
the locale's first input format instead (``2026/12/31`` under Simplified Chinese), which the browser shows
as empty and refuses to submit. Every form uses this widget so the rendered value is always ISO.
"""

from __future__ import annotations

from typing import Any

from django import forms

ISO_DATE = "%Y-%m-%d"


class IsoDateInput(forms.DateInput):
    """A browser date picker whose value is always rendered as ``YYYY-MM-DD``."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format=ISO_DATE)
