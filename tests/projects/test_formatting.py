"""Values shown to people: local times, amounts with separators, ratios and shares without noise."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from kechuang.projects import formatting
from kechuang.projects.checks import problem_text
from kechuang.projects.domain.violations import Violation

pytestmark = pytest.mark.django_db


def test_amounts_have_thousands_separators_and_no_empty_cents():
    assert formatting.yuan(Decimal("2195000.00")) == "2,195,000"
    assert formatting.yuan(Decimal("1234.50")) == "1,234.5"
    assert formatting.yuan("2195000.00") == "2,195,000"
    assert formatting.wan(Decimal(3_000_000)) == "300"
    assert formatting.wan(Decimal(125_000)) == "12.5"


def test_ratios_and_shares_read_plainly():
    assert formatting.times(Decimal("1.00")) == "1"
    assert formatting.times(Decimal("0.50")) == "0.5"
    assert formatting.percent(1.0) == "100%"
    assert formatting.percent(2 / 3) == "67%"


def test_times_are_local_to_the_minute():
    utc = dt.datetime(2026, 11, 19, 15, 30, 20, 781481, tzinfo=dt.UTC)
    assert formatting.local_datetime(utc) == "2026-11-19 23:30"
    assert formatting.local_datetime(utc.isoformat()) == "2026-11-19 23:30"


def test_codes_become_labels(world):
    assert formatting.comparator(">=") == "≥"
    assert formatting.region_names(["3302"]) == world.city.name
    with translation.override("zh-hans"):
        assert formatting.org_kinds(["enterprise"]) == "企业"


def test_a_budget_problem_reads_in_chinese_with_formatted_values():
    short = Violation("self_raised", "co_funding_short",
                      "Self-raised funds of {self_raised} yuan are below {ratio} of the requested {requested} yuan",
                      {"self_raised": "1000000.00", "ratio": "1.00", "requested": "2195000.00"})
    with translation.override("zh-hans"):
        text = problem_text({"template": short.template, "params": short.params})
    assert text == "自筹经费 1,000,000 元低于申请金额 2,195,000 元的 1 倍"
