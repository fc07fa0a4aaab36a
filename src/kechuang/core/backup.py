"""One consistent archive of the database and the stored attachments, and its restore.

The archive is a zip file holding ``manifest.json`` (format version, time, source database, applied
migrations), ``data.json`` (every model's rows, in Django's portable serialisation with natural keys
for content types, so it restores onto SQLite or PostgreSQL alike) and ``media/…`` (the stored files).

Consistency: the rows are read inside one transaction (REPEATABLE READ on PostgreSQL; SQLite reads
a snapshot within a transaction), so a backup taken while people work is one moment, not a smear.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT_VERSION = 1
# Rows Django rebuilds by itself, or that have no meaning on another installation.
EXCLUDED_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session", "admin.logentry"}


class BackupError(Exception):
    """The archive cannot be written or restored; the message says why."""


def _models() -> list[type]:
    return [m for m in apps.get_models() if m._meta.label_lower not in EXCLUDED_MODELS and m._meta.managed]


def _applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def backup_create(path: Path) -> dict[str, object]:
    """Write the archive to ``path``; return its manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        stream = io.StringIO()
        counts: dict[str, int] = {}
        objects = []
        for model in serializers.sort_dependencies([(None, _models())], allow_cycles=True):
            rows = list(model._default_manager.order_by("pk"))
            counts[model._meta.label_lower] = len(rows)
            objects.extend(rows)
        serializers.serialize("json", objects, stream=stream, use_natural_foreign_keys=True)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "database": connection.vendor,
            "migrations": _applied_migrations(),
            "counts": counts,
        }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        archive.writestr("data.json", stream.getvalue())
        if media_root.is_dir():
            for file in sorted(media_root.rglob("*")):
                if file.is_file():
                    archive.write(file, f"media/{file.relative_to(media_root).as_posix()}")
    return manifest


def _database_is_empty() -> bool:
    return not any(model._default_manager.exists() for model in _models())


def backup_restore(path: Path, *, force: bool = False) -> dict[str, object]:
    """Bring this installation to the state in the archive at ``path``.

    The database is migrated first; restoring over existing data is refused unless ``force`` (then
    the existing rows are flushed), so a mistyped command cannot mix two installations.
    """
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise BackupError(f"{path} is not a kechuang backup (not a zip archive).") from None
    with archive:
        names = set(archive.namelist())
        if not {"manifest.json", "data.json"} <= names:
            raise BackupError(f"{path} is not a kechuang backup (manifest.json or data.json missing).")
        manifest = json.loads(archive.read("manifest.json"))
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Backup format {manifest.get('format')} is not supported (expected {FORMAT_VERSION}).")
        call_command("migrate", verbosity=0, interactive=False)
        known = {tuple(m) for m in _applied_migrations()}
        missing = [m for m in manifest["migrations"] if tuple(m) not in known]
        if missing:
            raise BackupError(
                "The backup comes from a newer version of kechuang (unknown migrations: "
                + ", ".join(f"{a}.{n}" for a, n in missing[:5]) + "). Upgrade before restoring."
            )
        if not _database_is_empty():
            if not force:
                raise BackupError("This installation already holds data; restore into an empty database "
                                  "or pass --force to replace everything.")
            call_command("flush", verbosity=0, interactive=False)
        data = archive.read("data.json").decode()
        with transaction.atomic():
            # Save while deserialising: a natural-key reference (a role grant's user) resolves only
            # once the row it points to is in the database; the rest are fixed up afterwards.
            deferred = []
            for obj in serializers.deserialize("json", data, handle_forward_references=True):
                obj.save()
                if obj.deferred_fields:
                    deferred.append(obj)
            for obj in deferred:
                obj.save_deferred_fields()
            _reset_sequences()
        media_root = Path(settings.MEDIA_ROOT)
        for name in names:
            if name.startswith("media/") and not name.endswith("/"):
                target = media_root / name.removeprefix("media/")
                if ".." in Path(name).parts:
                    raise BackupError(f"Unsafe path in backup: {name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    return manifest


def _reset_sequences() -> None:
    """After inserting explicit primary keys, move PostgreSQL's sequences past them."""
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), _models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
