"""``kechuang tick``: enqueue the periodic jobs that are due, once per period across every machine.

Run it every minute on every machine (cron ``* * * * * kechuang tick`` or a systemd timer);
``kechuang serve --worker`` runs ``tick --loop`` beside the task worker so a demo needs no cron.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections

from kechuang.core.scheduler import local_now, tick

log = logging.getLogger(__name__)


def _instant(value: str) -> dt.datetime:
    """An ISO date-time; a naive one is read in the bureau's zone."""
    parsed = dt.datetime.fromisoformat(value)
    return local_now(parsed) if parsed.tzinfo else parsed.replace(tzinfo=local_now().tzinfo)


class Command(BaseCommand):
    help = "Enqueue the periodic jobs that are due (run it every minute; each period runs once)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--now", type=_instant, default=None,
                            help="tick as if it were this time (YYYY-MM-DDTHH:MM, bureau time zone)")
        parser.add_argument("--loop", action="store_true", help="keep ticking at the start of every minute")

    def handle(self, *args, now: dt.datetime | None, loop: bool, **options) -> None:
        if loop and now is not None:
            raise CommandError("--loop ticks on the clock; it cannot be combined with --now.")
        if not loop:
            self._tick(now)
            return
        while True:
            try:
                self._tick(None)
            except DatabaseError:  # the database restarting must not stop the ticking for good
                log.exception("tick failed; trying again next minute")
            close_old_connections()
            time.sleep(60 - time.time() % 60 + 1)  # just after the next minute starts

    def _tick(self, now: dt.datetime | None) -> None:
        for run in tick(now=now):
            self.stdout.write(f"enqueued {run.job} for {local_now(run.period_start):%Y-%m-%d %H:%M}")
