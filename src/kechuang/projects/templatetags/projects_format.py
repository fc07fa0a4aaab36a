"""Template filters showing amounts, ratios, times and codes the way ``kechuang.projects.formatting`` does."""

from __future__ import annotations

from django import template

from kechuang.projects import formatting

register = template.Library()

register.filter("yuan", formatting.yuan)
register.filter("wan", formatting.wan)
register.filter("money", formatting.money)
register.filter("times", formatting.times)
register.filter("percent", formatting.percent)
register.filter("local_datetime", formatting.local_datetime)
register.filter("comparator", formatting.comparator)
register.filter("org_kinds", formatting.org_kinds)
register.filter("region_names", formatting.region_names)
