from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "kechuang.plans"
    label = "plans"
    verbose_name = _("Work plans")

    def ready(self) -> None:
        from kechuang.core.actors import actor_of
        from kechuang.core.navigation import NavItem, register
        from kechuang.plans import search_kinds  # noqa: F401
        from kechuang.plans.permissions import PlanAction, decide_plan

        register(NavItem(_("Work plans"), "plans:plan_list", 20, icon="✎",
                         allowed=lambda user: decide_plan(actor_of(user), PlanAction.VIEW)))
