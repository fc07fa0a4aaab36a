"""Recompute the stored status of every assigned target (the snapshot pages read).

One pass loads assignments, accepted reports and metric readings as plain rows, runs the engine per
target and writes snapshots and light changes in bulk, so 10,000 targets take a handful of queries.

Observations: an unbound target's actual values are its lead unit's accepted reports, dated at the
end of their period. A bound target's are the metric's readings (one stored per recompute day), and
an accepted report that overrides the metric (it carries a reason) wins over a reading of its date.

Lights keep their history: the statuses at each observation date are folded onto the stored light
(``engine.light_of(..., previous=...)``), so a target that was ever red shows yellow, never green,
once its gap is made up; every change is appended to ``LightChange``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from kechuang.core.bulk import insert_rows, upsert_rows
from kechuang.core.metrics import MetricError, registry
from kechuang.tracking.engine import Light, Observation, TargetSpec, evaluate, forecast, light_of, progress
from kechuang.tracking.models import Assignment, LightChange, MetricReading, ProgressReport, StatusSnapshot
from kechuang.tracking.specs import SPEC_FIELDS, spec_from_row

SNAPSHOT_FIELDS = ("on", "status", "light", "actual", "expected", "ratio", "progress", "as_of", "source",
                   "forecast_value", "forecast_method", "forecast_reaches", "note")
TEXT_FIELDS = frozenset({"status", "light", "source", "forecast_method", "note"})  # stored as "" when absent


def read_metric(code: str, filters: dict, cache: dict[str, float | None]) -> float | None:
    """A metric's current value, evaluated once per (code, filters) in a pass."""
    key = code + json.dumps(filters, sort_keys=True)
    if key not in cache:
        try:
            value = registry.evaluate(code, **filters)
        except MetricError:
            value = None
        cache[key] = None if value is None else float(value)
    return cache[key]


def _observations(ids: Iterable[int] | None) -> tuple[dict[int, list], dict[int, list], dict[int, list]]:
    reports: dict[int, list[Observation]] = defaultdict(list)
    overrides: dict[int, list[Observation]] = defaultdict(list)
    qs = ProgressReport.objects.filter(state=ProgressReport.State.ACCEPTED, is_contribution=False,
                                       value__isnull=False)
    readings_qs = MetricReading.objects.all()
    if ids is not None:
        qs, readings_qs = qs.filter(assignment_id__in=ids), readings_qs.filter(assignment_id__in=ids)
    for aid, end, value, reason in qs.values_list("assignment_id", "period_end", "value", "override_reason"):
        reports[aid].append(Observation(end, value))
        if reason:
            overrides[aid].append(Observation(end, value))
    readings: dict[int, list[Observation]] = defaultdict(list)
    for aid, on, value in readings_qs.values_list("assignment_id", "on", "value"):
        readings[aid].append(Observation(on, value))
    return reports, overrides, readings


def evaluate_target(spec: TargetSpec, observations: list[Observation], on: dt.date,
                    previous_light: str | None, previous_on: dt.date | None = None) -> dict:
    """The snapshot values of one target (engine arithmetic only; no database).

    The stored light already folds in every status up to the previous recompute (``previous_on``), so
    only the observation dates after it are replayed: a daily recompute evaluates a target once or twice,
    not once per report in its history.
    """
    result = evaluate(spec, observations, on)
    since = previous_on if previous_light and previous_on else dt.date.min
    dates = sorted({o.date for o in observations
                    if spec.period_start <= o.date <= min(on, spec.period_end) and o.date > since} | {on})
    light = light_of((evaluate(spec, observations, d).status for d in dates),
                     previous=Light(previous_light) if previous_light else None)
    outlook = forecast(spec, [o for o in observations if o.date <= on])
    return {"on": on, "status": result.status.value, "light": light.value if light else "",
            "actual": result.actual, "expected": result.expected, "ratio": _finite(result.ratio),
            "progress": progress(spec, result.actual), "as_of": result.as_of,
            "forecast_value": outlook.value, "forecast_method": outlook.method.value,
            "forecast_reaches": outlook.reaches, "note": ""}


def _finite(x: float | None) -> float | None:
    return x if x is None or abs(x) != float("inf") else None


def status_recompute(*, on: dt.date | None = None, plan_ids: Iterable[int] | None = None) -> int:
    """Recompute every (or the given plans') assigned target's snapshot on ``on``; returns the count."""
    on = on or timezone.localdate()
    qs = Assignment.objects.all()
    if plan_ids is not None:
        qs = qs.filter(plan_id__in=list(plan_ids))
    rows = list(qs.values(*SPEC_FIELDS, "metric_code", "metric_filters"))
    ids = [row["id"] for row in rows] if plan_ids is not None else None
    cache: dict[str, float | None] = {}
    new_readings = []
    for row in rows:
        if row["metric_code"]:
            value = read_metric(row["metric_code"], row["metric_filters"] or {}, cache)
            if value is not None:
                new_readings.append(MetricReading(assignment_id=row["id"], on=on, value=value))
    with transaction.atomic():
        MetricReading.objects.bulk_create(new_readings, update_conflicts=True, unique_fields=["assignment", "on"],
                                          update_fields=["value"], batch_size=1000)
        reports, overrides, readings = _observations(ids)
        stored = StatusSnapshot.objects.all()
        if ids is not None:
            stored = stored.filter(assignment_id__in=ids)
        stored_rows = list(stored.values_list("assignment_id", "light", "on"))
        previous = {aid: light for aid, light, _day in stored_rows}
        previous_on = {aid: day for aid, _light, day in stored_rows}
        snapshots, changes = [], []
        for row in rows:
            aid = row["id"]
            spec = spec_from_row(row)
            if spec is None:
                values = {"on": on, "status": "not_started", "light": previous.get(aid, ""), "note": "no baseline"}
            else:
                if row["metric_code"]:
                    observations = sorted(readings.get(aid, [])) + overrides.get(aid, [])
                    source = "metric"
                else:
                    observations, source = reports.get(aid, []), "report"
                values = evaluate_target(spec, observations, on, previous.get(aid), previous_on.get(aid))
                values["source"] = source if values["actual"] is not None else ""
            snapshots.append((aid, values))
            if values["light"] != previous.get(aid, ""):
                changes.append((aid, on, previous.get(aid, ""), values["light"], values["status"]))
        upsert_rows(StatusSnapshot, ("assignment", *SNAPSHOT_FIELDS),
                    ((aid, *(values.get(f, "" if f in TEXT_FIELDS else None) for f in SNAPSHOT_FIELDS))
                     for aid, values in snapshots), conflict="assignment")
        insert_rows(LightChange, ("assignment", "on", "light_from", "light_to", "status"), changes)
    return len(rows)
