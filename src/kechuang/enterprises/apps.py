from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "kechuang.enterprises"
    label = "enterprises"
    verbose_name = _("Enterprises")

    def ready(self) -> None:
        # Register the metrics and the navigation once the models are importable.
        from kechuang.core.navigation import NavItem, register
        from kechuang.core.roles import Role
        from kechuang.enterprises import (
            metrics,  # noqa: F401
            search_kinds,  # noqa: F401
        )

        bureau = frozenset({Role.BUREAU_ADMIN, Role.PROGRAMME_OFFICER, Role.PLANNER, Role.LEADER,
                            Role.DEPARTMENT_USER})
        register(NavItem(_("My enterprise"), "enterprises:mine", 20, frozenset({Role.ENTERPRISE_USER}), icon="◆"))
        register(NavItem(_("Enterprise registry"), "enterprises:registry", 21, bureau, icon="◆"))
        register(NavItem(_("Cultivation pool"), "enterprises:pool", 22, bureau, icon="▲"))
        register(NavItem(_("Tier movements"), "enterprises:tiers", 23, bureau, icon="↗"))
        # Only roles that may register enterprises import them (see permissions.may_import); the page
        # itself refuses a bureau department, which the menu cannot tell from a district bureau.
        importers = frozenset({Role.BUREAU_ADMIN, Role.PROGRAMME_OFFICER, Role.DEPARTMENT_USER})
        register(NavItem(_("Import enterprises"), "enterprises:import", 24, importers, icon="⇪"))
