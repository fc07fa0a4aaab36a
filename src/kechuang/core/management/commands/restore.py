from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kechuang.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup archive into this installation (empty, or replaced with --force)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--force", action="store_true", help="Replace the data this installation holds.")

    def handle(self, *args, file: Path, force: bool, **options) -> None:
        try:
            manifest = backup_restore(file, force=force)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(self.style.SUCCESS(f"Restored {rows} rows from the backup of {manifest['created_at']}."))
