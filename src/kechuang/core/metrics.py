"""The metrics registry: one place that answers "what can we measure?".

Each app registers the figures it can compute (``enterprises.hte_count``, ``techmarket.contract_amount``,
…) with a unit and the dimensions it can be filtered by (region, year, …). Plan targets bind to a
metric code plus filters; dashboards draw metrics; assessments score them. The registry itself is plain
Python; the compute functions may query the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MetricValue = float | int | None
ComputeFn = Callable[..., MetricValue]


class MetricError(ValueError):
    """A metric is unknown, registered twice, or asked for with a filter it does not have."""


@dataclass(frozen=True)
class Metric:
    code: str
    label: str
    unit: str
    dimensions: tuple[str, ...]
    compute: ComputeFn
    description: str = ""
    keywords: tuple[str, ...] = field(default=())

    def evaluate(self, **filters: object) -> MetricValue:
        unknown = sorted(set(filters) - set(self.dimensions))
        if unknown:
            raise MetricError(
                f"Metric {self.code!r} has no dimension {', '.join(unknown)}; "
                f"it can be filtered by: {', '.join(self.dimensions) or 'nothing'}."
            )
        return self.compute(**{k: v for k, v in filters.items() if v is not None})


class MetricsRegistry:
    def __init__(self) -> None:
        self._metrics: dict[str, Metric] = {}

    def register(
        self,
        code: str,
        *,
        label: str,
        unit: str,
        dimensions: Iterable[str] = (),
        description: str = "",
        keywords: Iterable[str] = (),
    ) -> Callable[[ComputeFn], ComputeFn]:
        """Decorator: register ``fn`` as the way to compute metric ``code``."""

        def decorator(fn: ComputeFn) -> ComputeFn:
            if code in self._metrics:
                raise MetricError(f"Metric {code!r} is already registered.")
            if "." not in code:
                raise MetricError(f"Metric code {code!r} must be namespaced as '<app>.<name>'.")
            self._metrics[code] = Metric(
                code=code,
                label=label,
                unit=unit,
                dimensions=tuple(dimensions),
                compute=fn,
                description=description,
                keywords=tuple(keywords),
            )
            return fn

        return decorator

    def unregister(self, code: str) -> None:
        self._metrics.pop(code, None)

    def get(self, code: str) -> Metric:
        try:
            return self._metrics[code]
        except KeyError:
            raise MetricError(f"There is no metric {code!r} registered.") from None

    def evaluate(self, code: str, **filters: object) -> MetricValue:
        return self.get(code).evaluate(**filters)

    def all(self) -> list[Metric]:
        return sorted(self._metrics.values(), key=lambda m: m.code)

    def __contains__(self, code: object) -> bool:
        return code in self._metrics


registry = MetricsRegistry()
