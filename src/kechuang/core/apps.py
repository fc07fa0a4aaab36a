from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kechuang.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Register the core's own metrics once the models are importable.
        from kechuang.core import (
            metrics_core,  # noqa: F401
            search_kinds,  # noqa: F401
        )
        from kechuang.core.actors import actor_of
        from kechuang.core.navigation import NavItem, register
        from kechuang.core.roles import Role

        # Each app's audit_labels module says how its audit keys that are not model fields read.
        autodiscover_modules("audit_labels")
        register(NavItem(_("Dashboard"), "core:dashboard", 0, icon="▦"))
        register(NavItem(_("Organisations"), "core:organisation_list", 10, icon="▤"))
        register(NavItem(_("Notifications"), "core:notifications", 90, icon="✉"))
        register(NavItem(_("Audit trail"), "core:audit_list", 95, icon="☰",
                         allowed=lambda user: Role.BUREAU_ADMIN in actor_of(user).roles))
        register(NavItem(_("Scheduled jobs"), "core:jobs", 96, icon="◷",
                         allowed=lambda user: Role.BUREAU_ADMIN in actor_of(user).roles))
