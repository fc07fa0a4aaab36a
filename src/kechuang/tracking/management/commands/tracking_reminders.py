import datetime as dt

from django.core.management.base import BaseCommand

from kechuang.tracking.reminders import reminders_run


class Command(BaseCommand):
    help = "Send the progress-report reminders due today (idempotent: a rerun sends nothing new)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--today", type=dt.date.fromisoformat, default=None, help="date (YYYY-MM-DD)")

    def handle(self, *args, today: dt.date | None, **options) -> None:
        sent = reminders_run(today=today)
        self.stdout.write(f"{len(sent)} reminders recorded.")
