"""Turning the engine's results into translated rows for the pages and the API.

The engine's messages are English ``str.format`` templates with their values; here each template is
passed through gettext and formatted with the same values, and each condition code gets its label.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from kechuang.enterprises.models import TECH_FIELD_CHOICES
from kechuang.enterprises.rules import Band, Condition, Gap, Message, ScoreItem, Verdict
from kechuang.i18n import render

CONDITION_LABELS = {
    "hte.registration": _("Registered for at least one year"),
    "hte.core_ip": _("Owns core intellectual property"),
    "hte.field": _("Main products in a supported high-tech field"),
    "hte.st_staff": _("S&T staff at least 10% of employees"),
    "hte.rd_ratio": _("R&D expense against sales (3 years)"),
    "hte.domestic_rd": _("R&D in China at least 60% of R&D"),
    "hte.high_tech_income": _("High-tech income at least 60% of total income"),
    "hte.innovation": _("Innovation score at least 71"),
    "hte.ip": _("Intellectual property"),
    "hte.conversion": _("Conversion of achievements"),
    "hte.rd_organisation": _("R&D organisation and management"),
    "hte.growth.net_assets": _("Growth of net assets"),
    "hte.growth.sales": _("Growth of sales"),
    "sme.employees": _("At most 500 employees"),
    "sme.sales": _("Sales at most 200 million yuan"),
    "sme.assets": _("Total assets at most 200 million yuan"),
    "sme.exclusions": _("Not in an excluded category"),
    "sme.score": _("Score at least 60 with S&T staff points"),
    "sme.st_staff": _("S&T staff share"),
    "sme.rd": _("R&D input"),
    "sme.ip": _("Intellectual property"),
}
FIELD_LABELS = dict(TECH_FIELD_CHOICES)
VERDICT_LABELS = {
    Verdict.PASS: _("Pass"),
    Verdict.BORDERLINE: _("Borderline"),
    Verdict.UNKNOWN: _("Cannot tell"),
    Verdict.FAIL: _("Fail"),
}
VERDICT_CSS = {Verdict.PASS: "success", Verdict.BORDERLINE: "warning", Verdict.UNKNOWN: "secondary",
               Verdict.FAIL: "danger"}
DIRECT_ROUTES = {
    "hte_certificate": _("valid high-tech enterprise certificate"),
    "national_award": _("national S&T award in the last five years"),
    "provincial_rd_institution": _("recognised provincial R&D institution"),
    "led_standard": _("led a national or industry standard"),
}


def text(message: Message) -> str:
    """The message in the user's language, falling back to English when a template is not translated."""
    try:  # the engine gives a field's stable code; show its label
        return render(message.template, message.params, formats={"field": lambda f: FIELD_LABELS.get(f, f)})
    except (KeyError, IndexError, ValueError):
        return message.text


# The unit of each condition's figure and threshold, where it is not a ratio (ratios show as percentages).
CONDITION_UNITS = {
    "hte.registration": "days",
    "hte.core_ip": "items",
    "hte.innovation": "points",
    "sme.employees": "persons",
    "sme.sales": "yuan",
    "sme.assets": "yuan",
    "sme.score": "points",
}
UNIT_TEMPLATES = {
    "days": _("%(number)s days"),
    "items": _("%(number)s items"),
    "persons": _("%(number)s persons"),
    "points": _("%(number)s points"),
    "yuan": _("%(number)s yuan"),
}


def grouped(value: Decimal | int) -> str:
    """Thousands separators, and fen only when there are any: 33,368,495 or 122,222.22.

    Django's Chinese format groups by nothing, so the figures would read 33368495; the engine's
    messages already group by thousands, and the pages follow them.
    """
    whole = Decimal(value) % 1 == 0
    return f"{value:,.0f}" if whole else f"{value:,.2f}"


def show_yuan(value: Decimal | int | None) -> str:
    """An amount with its unit, in yuan like the figures are entered: 33,368,495 元."""
    return "—" if value is None else show_unit(grouped(value), "yuan")


def show_percent(value: Decimal | None, *, places: int = 2) -> str:
    return "—" if value is None else f"{value:.{places}%}"


def show_unit(number: str, unit: str) -> str:
    template = UNIT_TEMPLATES.get(unit)
    return str(template) % {"number": number} if template else number


def show_number(value: Decimal | int | Band | None, *, ratio: bool, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, Band):
        number = str(value.low) if value.low == value.high else f"{value.low}–{value.high}"
        return show_unit(number, unit)
    if ratio and isinstance(value, Decimal) and value <= 1:
        return show_percent(value)
    return show_unit(grouped(value), unit)


@dataclass(frozen=True)
class ConditionRow:
    code: str
    label: str
    verdict: str
    verdict_label: str
    css: str
    actual: str
    threshold: str
    message: str
    source: str


def condition_row(c: Condition) -> ConditionRow:
    ratio = isinstance(c.threshold, Decimal) and c.threshold <= 1
    unit = CONDITION_UNITS.get(c.code, "")
    return ConditionRow(c.code, str(CONDITION_LABELS.get(c.code, c.code)), c.verdict.value,
                        str(VERDICT_LABELS[c.verdict]), VERDICT_CSS[c.verdict],
                        show_number(c.actual, ratio=ratio, unit=unit), show_number(c.threshold, ratio=ratio, unit=unit),
                        text(c.message), c.source)


@dataclass(frozen=True)
class ScoreRow:
    code: str
    label: str
    band: str
    maximum: int
    message: str


def score_row(item: ScoreItem) -> ScoreRow:
    return ScoreRow(item.code, str(CONDITION_LABELS.get(item.code, item.code)),
                    show_number(item.band, ratio=False), item.maximum, text(item.message))


@dataclass(frozen=True)
class GapRow:
    code: str
    label: str
    message: str


def gap_row(gap: Gap) -> GapRow:
    return GapRow(gap.code, str(CONDITION_LABELS.get(gap.code, gap.code)), text(gap.message))
