from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    name = "kechuang.tracking"
    label = "tracking"
    verbose_name = _("Plan tracking")

    def ready(self) -> None:
        from kechuang.core.navigation import NavItem, register
        from kechuang.core.roles import Role
        from kechuang.tracking import (
            flows,
            metrics,  # noqa: F401  (registers the metrics)
        )
        from kechuang.tracking.permissions import MANAGERS, WATCHERS

        flows.register()
        register(NavItem(_("Plan tracking"), "tracking:dashboard", 25, WATCHERS, icon="◉"))
        register(NavItem(_("My tasks"), "tracking:my_tasks", 26, frozenset({Role.DEPARTMENT_USER}), icon="✓"))
        register(NavItem(_("Assessment"), "tracking:assessment_index", 27, WATCHERS, icon="★"))
        register(NavItem(_("Indicators across plans"), "tracking:indicators", 28, MANAGERS | WATCHERS, icon="⇆"))

        from kechuang.core.schedule import JOBS
        from kechuang.i18n import gettext_noop
        from kechuang.tracking import tasks

        # After office hours: the day's reports are in before statuses are recomputed and reminders go out.
        JOBS.register("tracking.recompute", label=gettext_noop("Recompute target statuses and lights"),
                      task=tasks.recompute_statuses, daily_at="18:30")
        JOBS.register("tracking.reminders", label=gettext_noop("Progress-report reminders"),
                      task=tasks.send_reminders, daily_at="18:40")
