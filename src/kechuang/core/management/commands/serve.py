import os
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = ("Serve kechuang with gunicorn (and, with --worker, run the background task worker and the "
            "once-a-minute job tick beside it).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--bind", default=os.environ.get("KECHUANG_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        parser.add_argument("--worker", action="store_true",
                            help="Also run the task worker (db_worker) and tick the periodic jobs every minute.")

    def handle(self, *args, bind: str, workers: int, worker: bool, **options) -> None:
        background: list[subprocess.Popen] = []
        if worker:
            background.append(subprocess.Popen([sys.executable, "-m", "kechuang.cli", "db_worker"]))
            # The demo needs no cron: this process ticks each minute (a job still runs once per period
            # if cron ticks on this or another machine as well).
            background.append(subprocess.Popen([sys.executable, "-m", "kechuang.cli", "tick", "--loop"]))
        try:
            subprocess.run(
                [sys.executable, "-m", "gunicorn", "kechuang.config.wsgi:application", "--bind", bind,
                 "--workers", str(workers), "--access-logfile", "-"],
                check=False,
            )
        except KeyboardInterrupt:
            pass
        finally:
            for process in background:
                process.terminate()
