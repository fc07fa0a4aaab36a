"""Panels of the home page, contributed by the apps (like the navigation) and shown to who may read them.

The home page is the first thing a leader sees; each app adds what it knows — tracking the plan's lights
and targets at risk — without the core importing the apps. A panel's ``context`` returns ``None`` when
it has nothing to show the user (no permission, or no data yet).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class HomePanel:
    template: str
    order: int
    context: Callable[[HttpRequest], dict[str, Any] | None]


_panels: list[HomePanel] = []


def register(panel: HomePanel) -> None:
    if all(existing.template != panel.template for existing in _panels):
        _panels.append(panel)


def panels_for(request: HttpRequest) -> list[tuple[str, dict[str, Any]]]:
    """(template, context) of each panel that has something for this user, in order."""
    shown = []
    for panel in sorted(_panels, key=lambda p: p.order):
        context = panel.context(request)
        if context is not None:
            shown.append((panel.template, context))
    return shown
