from __future__ import annotations

import pytest

from kechuang.core.metrics import MetricError, MetricsRegistry, registry


def test_register_and_evaluate_with_filters() -> None:
    local = MetricsRegistry()

    @local.register("demo.incubators", label="Incubators", unit="家", dimensions=("region", "year"))
    def incubators(region: str | None = None, year: int | None = None) -> int:
        table = {("330200", 2025): 8, ("330200", 2026): 11}
        return table.get((region, year), 0)

    assert local.evaluate("demo.incubators", region="330200", year=2026) == 11
    assert [m.code for m in local.all()] == ["demo.incubators"]
    assert local.get("demo.incubators").unit == "家"


def test_unknown_metric_and_dimension_are_explained() -> None:
    local = MetricsRegistry()
    local.register("demo.count", label="Count", unit="个", dimensions=("region",))(lambda region=None: 1)
    with pytest.raises(MetricError, match=r"no metric 'demo\.nothing'"):
        local.evaluate("demo.nothing")
    with pytest.raises(MetricError, match="has no dimension year"):
        local.evaluate("demo.count", year=2026)
    with pytest.raises(MetricError, match="already registered"):
        local.register("demo.count", label="Again", unit="个")(lambda: 2)
    with pytest.raises(MetricError, match="namespaced"):
        local.register("count", label="Bare", unit="个")(lambda: 3)


@pytest.mark.django_db
def test_core_organisation_count_is_registered(world) -> None:
    assert "core.organisation_count" in registry
    assert registry.evaluate("core.organisation_count", kind="enterprise", region="330200") == 3
    assert registry.evaluate("core.organisation_count", kind="enterprise") == 4
