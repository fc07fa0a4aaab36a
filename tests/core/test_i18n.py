"""One way pure-module messages reach the reader: every template a module marks with ``gettext_noop`` has a
Chinese translation, and :func:`kechuang.i18n.render` shows a message in the active language."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path
from types import ModuleType

import pytest
from django.utils import translation

import kechuang
from kechuang.i18n import Message, render


def marked_messages(module: ModuleType) -> set[str]:
    """The string literals ``module`` passes to ``gettext_noop`` (under whatever name it imported it)."""
    tree = ast.parse(inspect.getsource(module))
    names = {"gettext_noop"} | {a.asname for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                                for a in node.names if a.name == "gettext_noop" and a.asname}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in names and node.args:
            value = node.args[0]
            assert isinstance(value, ast.Constant), f"{module.__name__}:{node.lineno} marks a non-literal"
            found.add(value.value)
    return found


def _modules() -> list[ModuleType]:
    """Every module of the project that marks messages: the pure modules (parsers, rule engines, workflow
    declarations, permission rules) and the few Django-side ones that pass marked reasons to ``refuse``."""
    found = []
    for info in pkgutil.walk_packages(kechuang.__path__, "kechuang."):
        if info.ispkg or ".migrations." in info.name or info.name.endswith((".i18n", "__main__")):
            continue
        source = Path(info.module_finder.find_spec(info.name).origin).read_text(encoding="utf-8")
        if "gettext_noop" in source:
            found.append(importlib.import_module(info.name))
    return found


def test_the_scan_finds_the_pure_modules():
    names = {m.__name__ for m in _modules()}
    assert {"kechuang.core.workflow", "kechuang.projects.domain.workflow", "kechuang.tracking.workflow",
            "kechuang.enterprises.rules.hte_explain", "kechuang.projects.domain.budget"} <= names


@pytest.mark.parametrize("module", _modules(), ids=lambda m: m.__name__)
def test_every_marked_message_has_a_chinese_translation(module):
    with translation.override("zh-hans"):
        missing = sorted(m for m in marked_messages(module) if translation.gettext(m) == m)
    assert missing == []


def test_render_translates_the_template_then_fills_in_the_values():
    message = Message("Only {roles} may take this step.", {"roles": ("planners", "leadership")},
                      translate=("roles",))
    with translation.override("zh-hans"):
        assert render(message) == "仅规划处、领导可以执行此步骤。"
    with translation.override("en"):
        assert render(message) == "Only planners, leadership may take this step."
    assert str(message) == "Only planners, leadership may take this step."


def test_render_formats_named_values_for_people():
    with translation.override("zh-hans"):
        text = render("Project leader {leader} already leads {count} open projects; the limit is {limit}",
                      {"leader": "张三", "count": 3, "limit": 2}, formats={"count": lambda v: f"{v}"})
    assert "张三" in text and "3" in text and "Project leader" not in text
