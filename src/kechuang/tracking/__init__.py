"""Plan implementation tracking (督查督办): assignments, progress reports, live metrics, status, reminders,
assessment, dashboards and exports. The pure arithmetic lives in ``engine/`` (no Django)."""
