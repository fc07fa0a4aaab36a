"""Values as the reader expects them: local times, amounts with separators, ratios without noise.

The domain reports raw values (ISO timestamps in UTC, ``Decimal('2195000.00')``, ``Decimal('1.00')``) so
its rules stay exact and testable; this module is the Django boundary that turns them into text for
people. Messages whose parameters are named (violation templates, award reasons) are formatted by
parameter name through :data:`PARAM_FORMATS` and :func:`kechuang.i18n.render`; templates use the same
functions as filters (``kechuang.projects.templatetags.projects_format``). Pages show amounts with
:func:`money`, in 万元 with the unit written after each figure; amounts are stored, typed and exported in yuan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext

from kechuang.core.roles import ORG_KIND_LABELS, OrgKind
from kechuang.i18n import render

COMPARATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "").strip())
    except (InvalidOperation, ValueError):
        return None


def _trim(number: Decimal, places: int = 2) -> str:
    """``number`` with thousands separators and at most ``places`` decimals, trailing zeros dropped."""
    text = f"{number:,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def yuan(value: Any) -> str:
    """An amount in yuan: 2195000.00 → "2,195,000"; 1234.5 → "1,234.5"; non-numbers unchanged."""
    number = _decimal(value)
    return str(value) if number is None else _trim(number)


def wan(value: Any) -> str:
    """An amount in yuan shown in 万元 (ten thousand yuan): 3000000 → "300"; 125000 → "12.5"."""
    number = _decimal(value)
    return str(value) if number is None else _trim(number / 10_000, 4)


def money(value: Any) -> str:
    """An amount in yuan as pages show it: in 万元 with its unit, 125000 → "12.5 万元"; None → "—"."""
    if value is None or value == "":
        return "—"
    return gettext("%(amount)s × 10,000 yuan") % {"amount": wan(value)}


def times(value: Any) -> str:
    """A ratio read as "N 倍" (times): 1.00 → "1"; 0.50 → "0.5"."""
    number = _decimal(value)
    return str(value) if number is None else _trim(number, 4)


def percent(value: Any) -> str:
    """A share 0..1 as a whole percentage: 1.0 → "100%"; 0.666 → "67%"."""
    number = _decimal(value)
    return str(value) if number is None else f"{number * 100:.0f}%"


def local_datetime(value: Any) -> str:
    """An aware datetime (or its ISO text) in the installation's time zone, to the minute."""
    moment = value
    if isinstance(value, str):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if not isinstance(moment, dt.datetime):
        return str(value)
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d %H:%M")


def comparator(value: str) -> str:
    """A KPI comparator as a sign: ">=" → "≥"."""
    return COMPARATOR_SIGNS.get(value, value)


def org_kind(value: str) -> str:
    """An organisation type code as its label in the reader's language."""
    try:
        return gettext(ORG_KIND_LABELS[OrgKind(value)])
    except (KeyError, ValueError):
        return value


def _items(value: Any) -> list[str]:
    """A list, or the comma-joined text the domain puts in its messages, as its items."""
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return [str(v).strip() for v in items if str(v).strip()]


def org_kinds(value: Any) -> str:
    return "、".join(org_kind(v) for v in _items(value))


def region_name(code: str) -> str:
    """A region code or code prefix ("3302") as the region's name, the code itself when unknown."""
    from kechuang.core.models import Region

    code = str(code).strip()
    region = Region.objects.filter(code=code.ljust(6, "0")[:6]).only("name").first()
    return region.name if region else code


def region_names(value: Any) -> str:
    return "、".join(region_name(v) for v in _items(value))


def application_field(name: str) -> str:
    """A budget heading's code ("equipment_purchase") as its label."""
    from kechuang.projects.models import Application

    try:
        return str(Application._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


# How each named parameter of the domain's messages is shown (unnamed ones are shown as they are).
PARAM_FORMATS: dict[str, Callable[[Any], str]] = {
    **dict.fromkeys(("amount", "declared", "computed", "indirect", "cap", "base", "requested", "self_raised",
                     "needed", "remaining", "proposed"), yuan),
    "ratio": times,
    "pass_mark": times,
    "submitted": local_datetime,
    "deadline": local_datetime,
    "type": org_kind,
    "allowed": org_kinds,
    "region": region_name,
    "prefixes": region_names,
    "field": application_field,
}


def translated(template: str, params: Mapping[str, Any]) -> str:
    """Translate a ``{named}`` template into the active language, then fill it with formatted values."""
    return render(template, params, formats=PARAM_FORMATS)
