from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kechuang.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "Write one consistent archive of the database and the stored attachments."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        try:
            manifest = backup_create(file)
        except (BackupError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["counts"].values())
        self.stdout.write(self.style.SUCCESS(f"Backup written to {file}: {rows} rows from {manifest['database']}."))
