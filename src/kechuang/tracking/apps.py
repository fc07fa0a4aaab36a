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
        from kechuang.tracking import metrics  # noqa: F401  (registers the metrics)
        from kechuang.tracking.home import plan_panel
        from kechuang.tracking.permissions import TrackingAction, decide_tracking

        def watches(user) -> object:
            return decide_tracking(actor_of(user), TrackingAction.VIEW_ALL)

        home.register(home.HomePanel("tracking/_home_plan.html", 10, plan_panel))
        register(NavItem(_("Plan tracking"), "tracking:dashboard", 25, icon="◉", allowed=watches))
        register(NavItem(_("My tasks"), "tracking:my_tasks", 26, frozenset({Role.DEPARTMENT_USER}), icon="✓",
                         allowed=lambda user: user.organisation_id is not None))
        register(NavItem(_("Assessment"), "tracking:assessment_index", 27, icon="★", allowed=watches))
        register(NavItem(_("Indicators across plans"), "tracking:indicators", 28, icon="⇆", allowed=watches))
