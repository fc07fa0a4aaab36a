"""ECharts options built on the server: app.js draws any ``{"option": ...}`` block as it is, so the
tracking charts need no JavaScript of their own and their labels are translated here."""

from __future__ import annotations

from django.utils.translation import gettext as _

from kechuang.tracking.labels import STATUS_LABELS

STATUS_COLOURS = {"not_started": "#9aa5b1", "on_track": "#2f9e44", "at_risk": "#f08c00", "behind": "#e03131",
                  "achieved": "#1864ab", "missed": "#862e9c"}


def status_bars(data: dict) -> dict:
    """Horizontal stacked bars: one bar per group, one segment per status."""
    return {"option": {
        "tooltip": {"trigger": "axis", "axisPointer": {"type": "shadow"}},
        "legend": {"top": 0},
        "grid": {"left": 130, "right": 20, "top": 40, "bottom": 20},
        "xAxis": {"type": "value"},
        "yAxis": {"type": "category", "data": data["labels"], "inverse": True},
        "series": [{"name": str(STATUS_LABELS[s]), "type": "bar", "stack": "total",
                    "itemStyle": {"color": STATUS_COLOURS[s]}, "data": data["series"][s]} for s in data["statuses"]],
    }}


def heat_map(data: dict) -> dict:
    return {"option": {
        "tooltip": {"position": "top"},
        "grid": {"left": 130, "right": 20, "top": 10, "bottom": 70},
        "xAxis": {"type": "category", "data": data["months"], "splitArea": {"show": True}},
        "yAxis": {"type": "category", "data": data["units"], "splitArea": {"show": True}},
        "visualMap": {"min": 0, "max": 100, "calculable": True, "orient": "horizontal", "left": "center",
                      "bottom": 0, "text": [_("on time %"), ""],
                      "inRange": {"color": ["#e03131", "#fab005", "#2f9e44"]}},
        "series": [{"name": _("Reports on time (%)"), "type": "heatmap", "data": data["cells"],
                    "label": {"show": True}}],
    }}


def lines(data: dict) -> dict:
    return {"option": {
        "tooltip": {"trigger": "axis"}, "legend": {"top": 0, "type": "scroll"},
        "grid": {"left": 50, "right": 20, "top": 40, "bottom": 30},
        "xAxis": {"type": "time"}, "yAxis": {"type": "value"},
        "series": [{"name": s["name"], "type": "line", "data": s["data"], "showSymbol": True} for s in data["series"]],
    }}
