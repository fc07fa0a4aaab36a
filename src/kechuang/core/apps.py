from django.apps import AppConfig
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
        from kechuang.core.navigation import NavItem, register
        from kechuang.core.roles import Role

        register(NavItem(_("Dashboard"), "core:dashboard", 0, icon="▦"))
        register(NavItem(_("Organisations"), "core:organisation_list", 10, icon="▤"))
        register(NavItem(_("Notifications"), "core:notifications", 90, icon="✉"))
        register(NavItem(_("Audit trail"), "core:audit_list", 95, frozenset({Role.BUREAU_ADMIN}), icon="☰"))
