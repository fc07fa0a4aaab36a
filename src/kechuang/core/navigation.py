"""The side navigation, contributed to by each app and filtered by what the user may open.

An entry shows only when the page behind it would let the user in: an item carries ``allowed``, the same
permission answer its view asks (a callable taking the user and returning a ``Decision`` or a bool), so
the menu and the page cannot disagree. ``roles`` remains for entries whose page admits a plain set of
roles; an item with neither is for every signed-in user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kechuang.core.roles import Role


@dataclass(frozen=True)
class NavItem:
    label: str  # lazily translated by the app that registers it
    url_name: str
    order: int
    roles: frozenset[Role] = field(default_factory=frozenset)  # empty: every signed-in user
    icon: str = "•"
    allowed: Callable[[Any], object] | None = None  # user → Decision or bool; the view's own answer


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in _items):
        _items.append(item)


def _shows(item: NavItem, user: Any, roles: frozenset[Role]) -> bool:
    if item.roles and not item.roles & roles:
        return False
    return item.allowed is None or bool(item.allowed(user))


def items_for(user: Any, roles: frozenset[Role]) -> list[NavItem]:
    """The entries ``user`` (holding ``roles``) may open, in menu order."""
    return sorted((i for i in _items if _shows(i, user, roles)), key=lambda i: i.order)
