from django.core.management.base import BaseCommand

from kechuang.core.search_index import reindex, reindex_all


class Command(BaseCommand):
    help = "Rebuild the Chinese search index (all kinds, or the kinds named)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("kinds", nargs="*", help="organisation, enterprise, plan, application")

    def handle(self, *args, kinds: list[str], **options) -> None:
        counts = {k: reindex(k) for k in kinds} if kinds else reindex_all()
        for kind, n in counts.items():
            self.stdout.write(f"{kind}: {n}")
