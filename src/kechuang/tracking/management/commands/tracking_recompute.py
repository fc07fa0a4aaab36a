import datetime as dt

from django.core.management.base import BaseCommand

from kechuang.tracking.recompute import status_recompute


class Command(BaseCommand):
    help = "Recompute the stored status, light and forecast of every assigned plan target."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--on", type=dt.date.fromisoformat, default=None, help="date (YYYY-MM-DD); default today")

    def handle(self, *args, on: dt.date | None, **options) -> None:
        self.stdout.write(f"{status_recompute(on=on)} targets recomputed.")
