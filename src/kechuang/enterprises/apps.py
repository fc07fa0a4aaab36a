from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "kechuang.enterprises"
    label = "enterprises"
    verbose_name = _("Enterprises")

    def ready(self) -> None:
        # Register the metrics and the navigation once the models are importable.
        from kechuang.core.actors import actor_of
        from kechuang.core.navigation import NavItem, register
        from kechuang.core.roles import Role
        from kechuang.enterprises import (
            metrics,  # noqa: F401
            search_kinds,  # noqa: F401
        )
        from kechuang.enterprises.permissions import may_open_import, may_view_registry

        def bureau(user) -> object:
            return may_view_registry(actor_of(user))
        register(NavItem(_("My enterprise"), "enterprises:mine", 20, frozenset({Role.ENTERPRISE_USER}), icon="◆"))
        register(NavItem(_("Enterprise registry"), "enterprises:registry", 21, icon="◆", allowed=bureau))
        register(NavItem(_("Cultivation pool"), "enterprises:pool", 22, icon="▲", allowed=bureau))
        register(NavItem(_("Tier movements"), "enterprises:tiers", 23, icon="↗", allowed=bureau))
        # The import page's own answer: a bureau department (unlike a district bureau) is refused.
        register(NavItem(_("Import enterprises"), "enterprises:import", 24, icon="⇪",
                         allowed=lambda user: may_open_import(actor_of(user))))

        from kechuang.core.schedule import JOBS
        from kechuang.enterprises import tasks
        from kechuang.i18n import gettext_noop

        JOBS.register("enterprises.certificate_reminders", label=gettext_noop("HTE certificate renewal reminders"),
                      task=tasks.send_certificate_reminders, daily_at="18:50")
        JOBS.register("enterprises.reassess", label=gettext_noop("Re-assess every enterprise"),
                      task=tasks.reassess_enterprises, daily_at="02:00")
