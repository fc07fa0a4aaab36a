"""Every date input of every form renders an ISO value (issue 10 §9).

``<input type="date">`` accepts only ``YYYY-MM-DD``; anything else (``2026/12/31`` under the Chinese
locale) shows as empty and blocks the submit. The forms are discovered, not listed, so a form another app
adds later is checked too.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import re
from html.parser import HTMLParser
from types import ModuleType

import pytest
from django import forms
from django.apps import apps
from django.utils import translation

DAY = dt.date(2026, 12, 31)
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _forms_modules() -> list[ModuleType]:
    """Every ``forms`` module (or ``forms`` package and its modules) of the project's apps."""
    found: list[ModuleType] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("kechuang"):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.forms":
                raise
            continue
        found.append(module)
        if hasattr(module, "__path__"):
            for info in pkgutil.walk_packages(module.__path__, prefix=f"{module.__name__}."):
                found.append(importlib.import_module(info.name))
    return found


def _form_classes() -> list[type[forms.BaseForm]]:
    classes = {
        obj
        for module in _forms_modules()
        for obj in vars(module).values()
        if inspect.isclass(obj) and issubclass(obj, forms.BaseForm) and obj.__module__ == module.__name__
    }
    return sorted(classes, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _argument(form_class: type, name: str, annotation: object) -> object:
    """A harmless value for a form's required keyword argument (choices, querysets, flags)."""
    from kechuang.core.models import Organisation

    text = str(annotation)
    if name == "units" or "QuerySet" in text:
        return Organisation.objects.none()
    if text.startswith("list"):
        return []
    if text.startswith("dict"):
        return {}
    if text == "bool":
        return False
    raise AssertionError(
        f"{form_class.__module__}.{form_class.__qualname__} needs '{name}': "
        "teach tests/core/test_date_inputs.py::_argument a harmless value for it"
    )


def _instantiate(form_class: type[forms.BaseForm]) -> forms.BaseForm:
    kwargs = {
        name: _argument(form_class, name, param.annotation)
        for name, param in inspect.signature(form_class.__init__).parameters.items()
        if param.kind is param.KEYWORD_ONLY and param.default is param.empty
    }
    form = form_class(**kwargs)
    for name, field in form.fields.items():
        if isinstance(field, forms.DateField):
            form.initial[name] = DAY
    return form


class _DateInputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[tuple[str | None, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("type") == "date":
            self.values.append((found.get("name"), found.get("value")))


def _date_inputs(form: forms.BaseForm) -> list[tuple[str | None, str | None]]:
    parser = _DateInputs()
    parser.feed(str(form))
    return parser.values


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_date_input_of_every_form_renders_iso(language: str) -> None:
    checked: list[str] = []
    with translation.override(language):
        for form_class in _form_classes():
            form = _instantiate(form_class)
            for field_name, field in form.fields.items():
                if isinstance(field, forms.DateField):
                    assert field.widget.input_type == "date", (
                        f"{form_class.__qualname__}.{field_name} is not a date picker: use IsoDateInput"
                    )
            for name, value in _date_inputs(form):
                assert value == DAY.isoformat() and ISO.match(value), (
                    f"{form_class.__module__}.{form_class.__qualname__}.{name} renders {value!r}"
                )
                checked.append(f"{form_class.__qualname__}.{name}")
    # The project has date fields in tracking, projects and enterprises forms; finding none means the
    # discovery broke, not that all is well.
    assert len(checked) >= 5, checked


def test_a_date_typed_the_chinese_way_is_still_read() -> None:
    with translation.override("zh-hans"):
        field = forms.DateField()
        assert field.clean("2026/12/31") == DAY
        assert field.clean("2026-12-31") == DAY
