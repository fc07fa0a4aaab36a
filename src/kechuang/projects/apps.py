from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "kechuang.projects"
    label = "projects"
    verbose_name = _("Programme projects")

    def ready(self) -> None:
        # Register the app's metrics and its navigation once the models are importable.
        from kechuang.core.attachments import register_attachment_access
        from kechuang.core.navigation import NavItem, register
        from kechuang.core.roles import Role
        from kechuang.projects import (
            flows,
            metrics,  # noqa: F401
            search_kinds,  # noqa: F401
        )
        from kechuang.projects.access import is_officer, may_view

        flows.register()
        # An application's files are open to whoever may open the application (assigned experts too).
        register_attachment_access("projects.application", may_view)

        register(NavItem(_("Programme calls"), "projects:call_list", 30, icon="◈"))
        register(NavItem(_("My applications"), "projects:my_applications", 31, frozenset({Role.ENTERPRISE_USER}),
                         icon="✎"))
        register(NavItem(_("Work queue"), "projects:officer_queue", 32, icon="⧗", allowed=is_officer))
        register(NavItem(_("Programmes and calls"), "projects:programme_list", 34, icon="▦", allowed=is_officer))
        register(NavItem(_("Expert pool"), "projects:expert_list", 35, icon="☷", allowed=is_officer))
        register(NavItem(_("Integrity records"), "projects:integrity_list", 36, icon="⚑", allowed=is_officer))
        register(NavItem(_("My reviews"), "projects:expert_queue", 33, frozenset({Role.EXPERT}), icon="✓"))
