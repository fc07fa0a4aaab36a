"""Backup and restore: make data, back up, restore into an empty database, and compare."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers

from kechuang.core.attachments import attachment_add
from kechuang.core.backup import BackupError, _models, backup_create, backup_restore
from kechuang.core.models import Attachment, AuditEntry, Organisation
from kechuang.core.notifications import notify
from kechuang.core.roles import Role


def state() -> dict[str, list[dict]]:
    """Every row of every backed-up model, as plain data, for comparison."""
    return {model._meta.label_lower: json.loads(serializers.serialize(
        "json", model._default_manager.order_by("pk"), use_natural_foreign_keys=True)) for model in _models()}


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_an_empty_database_gives_the_same_state(world, small_pdf, _media, tmp_path,
                                                                         settings) -> None:
    planner = world.user(Role.PLANNER)
    notify(recipient=planner, title="季度报告即将到期", body="请于本周内填报。")
    attachment_add(actor=world.user(Role.ENTERPRISE_USER), owner=world.enterprise, upload=small_pdf)
    before = state()
    stored = Path(settings.MEDIA_ROOT) / Attachment.objects.get().file.name
    archive = tmp_path / "kechuang.zip"

    manifest = backup_create(archive)
    assert manifest["counts"]["core.organisation"] == Organisation.objects.count()

    from django.core.management import call_command

    call_command("flush", verbosity=0, interactive=False)
    stored.unlink()
    assert not Organisation.objects.exists()

    backup_restore(archive)
    assert state() == before
    assert stored.read_bytes().startswith(b"%PDF")
    assert AuditEntry.objects.filter(object_id=str(world.enterprise.pk)).exists()
    # New rows get fresh keys after a restore (sequences moved past restored ids on PostgreSQL).
    new = Organisation.objects.create(name="恢复后新增", kind="university", region_id="330203")
    assert new.pk > max(o["pk"] for o in before["core.organisation"])


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_to_mix_installations(world, tmp_path) -> None:
    archive = tmp_path / "b.zip"
    backup_create(archive)
    with pytest.raises(BackupError, match="already holds data"):
        backup_restore(archive)


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path) -> None:
    bogus = tmp_path / "x.zip"
    bogus.write_bytes(b"not a zip")
    with pytest.raises(BackupError, match="not a kechuang backup"):
        backup_restore(bogus)
    with pytest.raises(BackupError, match="No backup file"):
        backup_restore(tmp_path / "missing.zip")


def test_every_app_model_is_in_the_backup() -> None:
    labels = {m._meta.label_lower for m in _models()}
    for model in apps.get_app_config("core").get_models():
        assert model._meta.label_lower in labels
