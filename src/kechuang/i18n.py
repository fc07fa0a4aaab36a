"""The one way messages of plain-Python modules reach the reader in the reader's language.

A pure module (parsers, rule engines, workflow declarations) imports no Django. It marks its English
message templates with :func:`gettext_noop` — one of the keywords Django's ``makemessages`` (xgettext)
extracts, so the template lands in the catalogue — and returns or raises them with their parameters
(:class:`Message`). The web layer turns a message into text with :func:`render`, which translates the
template in the active language and then fills in the parameters, so numbers never end up inside
translated text. ``tests/core/test_i18n.py`` checks that every marked template has a Chinese translation.

Templates use ``{named}`` fields (``str.format``, format specs allowed: ``{ratio:.2%}``); a few older
templates use ``%(named)s`` and are filled the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


def gettext_noop(message: str) -> str:
    """Mark ``message`` for the catalogue; it is translated when shown, not here."""
    return message


class MessageError(ValueError):
    """An error from a plain-Python module carrying its message as an English template and parameters.

    ``str(error)`` is the English message (logs, the CLI); the web layer shows
    ``gettext(error.template) % error.params``.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template % params)


@dataclass(frozen=True)
class Message:
    """An English template with its parameters; ``translate`` names parameters that are msgids themselves
    (state or role labels), rendered in the reader's language too."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)
    translate: tuple[str, ...] = ()

    def __str__(self) -> str:
        return _fill(self.template, {k: _join(v) for k, v in self.params.items()})


def _join(value: Any, sep: str = ", ") -> Any:
    return sep.join(str(v) for v in value) if isinstance(value, list | tuple) else value


def _fill(template: str, params: Mapping[str, Any]) -> str:
    if "%(" in template and "{" not in template:
        return template % params if params else template
    return template.format(**params) if params else template


def render(message: Message | str, params: Mapping[str, Any] | None = None, *,
           formats: Mapping[str, Callable[[Any], Any]] | None = None) -> str:
    """``message`` (a :class:`Message` or a template with ``params``) as text in the active language.

    ``formats`` maps parameter names to functions that show a value for people (amounts with separators,
    region codes as names); parameters named in ``Message.translate`` are translated themselves.
    """
    from django.utils.translation import get_language, gettext

    if isinstance(message, Message):
        template, values, own = message.template, dict(message.params), message.translate
    else:
        template, values, own = message, dict(params or {}), ()
    sep = "、" if (get_language() or "").startswith("zh") else ", "
    formats = formats or {}
    shown: dict[str, Any] = {}
    for name, value in values.items():
        if name in own:
            value = [gettext(str(v)) for v in value] if isinstance(value, list | tuple) else gettext(str(value))
        elif name in formats:
            value = formats[name](value)
        shown[name] = _join(value, sep)
    return _fill(gettext(template), shown)
