"""The audit trail as a clerk reads it: field labels, names and state labels instead of codes.

The trail stores what is stable — field names, stored codes, primary keys, counts — so it survives
renames and translations. This module turns those into words at read time, in one place for every page
that shows a trail or a timeline (the audit page, organisation and enterprise pages, report and
application timelines):

- a model field's name → its ``verbose_name``; a stored choice code → its translated label;
- a foreign key's id → the related object's name (looked up in one query per model for a whole page);
- a reverse relation (``targets`` on a plan, a count) → the related model's plural name;
- ``True``/``False`` → 是/否, lists → joined with 、, nested dicts → "label: value" pairs.

Keys that are not fields (summaries such as ``assignments: 18`` or ``responsibility.lead``) are described
by the app that writes them with :func:`describe`, from its ``AppConfig.ready()``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext

__all__ = ["AuditRow", "ReadableEntry", "describe", "fields_text", "readable"]


@dataclass(frozen=True)
class _Key:
    """How one stored key reads: its label, and how its values turn into words."""

    label: object  # a (lazily translated) string
    choices: Mapping[str, object] | None = None  # stored code → label
    related: type[models.Model] | None = None  # the values are primary keys of this model
    display: Callable[[Any], str] | None = None  # anything else: value → words
    name: Callable[[Any], str] = str  # a related object → words


@dataclass(frozen=True)
class AuditRow:
    label: str
    before: str | None
    after: str | None

    @property
    def change(self) -> str:
        """The change in one phrase: "已提交 → 已采纳", or just the new value when there was none before."""
        if self.before is None:
            return self.after or "—"
        return f"{self.before} → {self.after or '—'}"


@dataclass(frozen=True)
class ReadableEntry:
    entry: Any  # an AuditEntry
    rows: list[AuditRow]

    @property
    def who(self) -> str:
        """The person's name (not the login), or 系统 for what no one did by hand."""
        if self.entry.actor_id and self.entry.actor is not None:
            return str(self.entry.actor)
        return gettext("System") if self.entry.actor_name in ("", "system") else self.entry.actor_name

    def row(self, label: str) -> AuditRow | None:
        return next((r for r in self.rows if r.label == label), None)


_described: dict[tuple[str, str], _Key] = {}


def describe(model: type[models.Model] | str, name: str, *, label: object,
             choices: Iterable[tuple[object, object]] | None = None, related: type[models.Model] | None = None,
             display: Callable[[Any], str] | None = None, name_of: Callable[[Any], str] = str) -> None:
    """Say how the key ``name`` that an app writes on ``model``'s trail reads (for keys that are not fields).

    ``model`` may be ``"*"`` for a key written on any model's trail (an attachment added to anything).
    ``related``: the values are primary keys of that model, named by ``name_of`` (default ``str``).
    """
    key = model if isinstance(model, str) else model._meta.label_lower
    _described[(key, name)] = _Key(label, {str(k): v for k, v in choices} if choices is not None else None,
                                   related, display, name_of)


def _key_for(model: type[models.Model] | None, name: str) -> _Key:
    if model is None:
        return _Key(name)
    described = _described.get((model._meta.label_lower, name))
    if described is not None:
        return described
    for candidate in (name, name.removesuffix("_id")):
        try:
            field = model._meta.get_field(candidate)
        except FieldDoesNotExist:
            continue
        if field.auto_created and not field.concrete:  # a reverse relation: the trail stores a count
            related = field.related_model._meta
            return _Key(capfirst(related.verbose_name_plural))
        choices = {str(k): v for k, v in field.flatchoices} if field.choices else None
        related = field.related_model if field.is_relation else None
        return _Key(capfirst(field.verbose_name), choices, related)
    return _described.get(("*", name), _Key(name))


def _words(value: Any, key: _Key, names: Mapping[tuple[type, str], str]) -> str | None:
    """One stored value in words (``None`` stays ``None``: the page shows a dash)."""
    if value is None or value == "":
        return None
    if key.display is not None:
        return key.display(value)
    if isinstance(value, list | tuple):
        parts = [_words(v, key, names) for v in value]
        joiner = "；" if any(isinstance(v, dict) for v in value) else "、"
        return joiner.join(p for p in parts if p) or None
    if isinstance(value, dict):  # a structured row (a KPI, a team member): its values read as a phrase
        return " ".join(_plain_words(v) for v in value.values() if v not in (None, "")) or None
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if key.choices is not None and str(value) in key.choices:
        return str(key.choices[str(value)])
    if key.related is not None:
        return names.get((key.related, str(value)), gettext("#%(id)s (deleted)") % {"id": value})
    return _plain_words(value)


def _plain_words(value: Any) -> str:
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, list | tuple):
        return "、".join(_plain_words(v) for v in value)
    if isinstance(value, str) and len(value) > 18 and value[4:5] == "-" and "T" in value:
        try:  # an ISO date-time (the trail stores them so): local time, to the minute
            return timezone.localtime(dt.datetime.fromisoformat(value)).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return value
    return str(value)


def fields_text(model: type[models.Model], values: Mapping[str, Any]) -> str:
    """A stored dict of ``model``'s field values as "label: value；…" (for keys that store several fields)."""
    return "；".join(f"{_key_for(model, k).label}: {_words(v, _key_for(model, k), {}) or '—'}"
                    for k, v in values.items())


def readable(entries: Iterable[Any]) -> list[ReadableEntry]:
    """Audit entries with their changes in words; foreign keys named with one query per related model."""
    entries = list(entries)
    models_of = {}
    keyed: list[tuple[Any, list[tuple[_Key, Any, Any]]]] = []
    wanted: dict[type[models.Model], set[str]] = defaultdict(set)
    for entry in entries:
        if entry.content_type_id not in models_of:
            models_of[entry.content_type_id] = entry.content_type.model_class() if entry.content_type_id else None
        model = models_of[entry.content_type_id]
        triples = []
        for name, pair in (entry.changes or {}).items():
            before, after = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
            key = _key_for(model, name)
            if key.related is not None and key.display is None:
                for value in (before, after):
                    for pk in value if isinstance(value, list) else [value]:
                        if pk is not None and not isinstance(pk, bool | dict):
                            wanted[key.related].add(str(pk))
            triples.append((key, before, after))
        keyed.append((entry, triples))
    names: dict[tuple[type, str], str] = {}
    name_of = {key.related: key.name for _entry, triples in keyed for key, _b, _a in triples if key.related}
    for model, pks in wanted.items():
        pk_field = model._meta.pk
        valid = []
        for pk in pks:
            try:
                valid.append(pk_field.to_python(pk))
            except Exception:  # a stored value that is not a key of this model stays as it is
                continue
        for obj in model._default_manager.filter(pk__in=valid):
            names[(model, str(obj.pk))] = name_of[model](obj)
    entries_in_words = []
    for entry, triples in keyed:
        rows = [AuditRow(str(key.label), _words(before, key, names), _words(after, key, names))
                for key, before, after in triples]
        entries_in_words.append(ReadableEntry(entry, [r for r in rows if r.before or r.after]))
    return entries_in_words
