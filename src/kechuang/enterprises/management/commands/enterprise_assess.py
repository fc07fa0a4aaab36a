"""``kechuang enterprise_assess``: re-assess every enterprise so cached outcomes follow the calendar.

An outcome depends on the date (the registration year, the three-year window, certificate validity),
so the cache is refreshed nightly even when no figure changed.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from kechuang.enterprises.assessment import assess_profiles


class Command(BaseCommand):
    help = "Re-assess every enterprise against the rule set in force today and cache the outcomes."

    def handle(self, *args: object, **options: object) -> None:
        done = assess_profiles(None, on=timezone.localdate())
        self.stdout.write(f"enterprises assessed: {done}")
