from django.core.management.base import BaseCommand

from kechuang.tracking.demo import load_tracking_demo


class Command(BaseCommand):
    help = "Load demo tracking data (plans, assignments, a history of reports) on top of `demo-data`; idempotent."

    def handle(self, *args, **options) -> None:
        made = load_tracking_demo()
        self.stdout.write("Tracking demo data loaded." if made else "Tracking demo data already present.")
