"""``kechuang project_demo_data``: a demo programme with a call in each phase of the cycle (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kechuang.core import search_index
from kechuang.core.models import User


class Command(BaseCommand):
    help = "Create a demo programme with a call in each phase, on top of `kechuang demo-data` (idempotent)."

    def handle(self, *args, **options) -> None:
        from kechuang.projects.demo import load_project_demo

        if not User.objects.filter(username__in=["officer", "enterprise", "expert"]).count() == 3:
            raise CommandError("Run `kechuang demo-data` first: the demo logins are missing.")
        created = load_project_demo()
        search_index.reindex_all()
        self.stdout.write("Project demo data created." if created else "Project demo data already present.")
