"""The shape every rule check in this package reports a broken rule with.

A violation names the field it concerns, a stable code, an English format string with named placeholders
and the values for them. The UI translates the template (gettext, English source strings) and only then
fills the placeholders, so numbers and names are never baked into translated text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Violation:
    field: str
    code: str
    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """The English message with its placeholders filled."""
        return self.template.format(**self.params)
