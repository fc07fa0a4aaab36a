"""``kechuang enterprise_demo_data``: profiles, figures and IP for the demo enterprises (idempotent)."""

from django.core.management.base import BaseCommand

from kechuang.core import search_index
from kechuang.enterprises.demo import load_enterprise_demo_data


class Command(BaseCommand):
    help = "Add enterprise profiles, three years of figures, IP and qualifications to the demo enterprises."

    def handle(self, *args: object, **options: object) -> None:
        created = load_enterprise_demo_data()
        search_index.reindex_all()
        self.stdout.write(f"enterprise profiles created: {created}")
