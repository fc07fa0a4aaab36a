"""``kechuang enterprise_reminders``: remind enterprises whose HTE certificate ends within a year.

Run daily (cron or the task worker); each certificate is reminded once.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from kechuang.enterprises.services import renewal_reminders_send


class Command(BaseCommand):
    help = "Send renewal reminders for high-tech enterprise certificates expiring within a year."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=365, help="Remind this many days ahead (default 365).")

    def handle(self, *args: object, days: int, **options: object) -> None:
        sent = renewal_reminders_send(today=timezone.localdate(), days=days)
        self.stdout.write(f"renewal reminders sent: {sent}")
