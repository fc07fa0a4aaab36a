from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrackingConfig(AppConfig):
    name = "kechuang.tracking"
    label = "tracking"
    verbose_name = _("Plan tracking")

    def ready(self) -> None:
        from kechuang.core import home
        from kechuang.core.actors import actor_of
        from kechuang.core.navigation import NavItem, register
        from kechuang.core.roles import Role
        from kechuang.tracking import (
            flows,
            metrics,  # noqa: F401  (registers the metrics)
        )
        from kechuang.tracking.home import plan_panel
        from kechuang.tracking.permissions import TrackingAction, decide_tracking

        def watches(user) -> object:
            return decide_tracking(actor_of(user), TrackingAction.VIEW_ALL)

        flows.register()
        home.register(home.HomePanel("tracking/_home_plan.html", 10, plan_panel))
        register(NavItem(_("Plan tracking"), "tracking:dashboard", 25, icon="◉", allowed=watches))
        register(NavItem(_("My tasks"), "tracking:my_tasks", 26, frozenset({Role.DEPARTMENT_USER}), icon="✓",
                         allowed=lambda user: user.organisation_id is not None))
        register(NavItem(_("Assessment"), "tracking:assessment_index", 27, icon="★", allowed=watches))
        register(NavItem(_("Indicators across plans"), "tracking:indicators", 28, icon="⇆", allowed=watches))

        from kechuang.core.schedule import JOBS
        from kechuang.i18n import gettext_noop
        from kechuang.tracking import tasks

        # After office hours: the day's reports are in before statuses are recomputed and reminders go out.
        JOBS.register("tracking.recompute", label=gettext_noop("Recompute target statuses and lights"),
                      task=tasks.recompute_statuses, daily_at="18:30")
        JOBS.register("tracking.reminders", label=gettext_noop("Progress-report reminders"),
                      task=tasks.send_reminders, daily_at="18:40")
