"""The side navigation, contributed to by each app and filtered by the user's roles."""

from __future__ import annotations

from dataclasses import dataclass, field

from kechuang.core.roles import Role


@dataclass(frozen=True)
class NavItem:
    label: str  # lazily translated by the app that registers it
    url_name: str
    order: int
    roles: frozenset[Role] = field(default_factory=frozenset)  # empty: every signed-in user
    icon: str = "•"


_items: list[NavItem] = []


def register(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in _items):
        _items.append(item)


def items_for(roles: frozenset[Role]) -> list[NavItem]:
    return sorted((i for i in _items if not i.roles or i.roles & roles), key=lambda i: i.order)
