from __future__ import annotations

import json
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kechuang.core.roles import Role
from kechuang.plans.models import WorkPlan


def test_parse_prints_json_the_scorer_reads(seeds, tmp_path) -> None:
    result = subprocess.run([sys.executable, "-m", "kechuang.cli", "plan", "parse",
                             str(seeds / "000_b855764820c548de.txt"), "--format", "json"],
                            capture_output=True, text=True, check=True, env={"KECHUANG_DATA_DIR": str(tmp_path),
                                                                             "PATH": "/usr/bin:/bin"})
    document = json.loads(result.stdout)
    targets = [t for p in document["plans"] for t in _targets(p)]
    assert targets and all({"metric", "action", "kind", "comparator", "value", "value_max", "unit", "year",
                            "quote"} <= set(t) for t in targets)
    assert not (tmp_path / "kechuang.sqlite3").exists() or (tmp_path / "kechuang.sqlite3").stat().st_size == 0


def _targets(node: dict) -> list[dict]:
    found = list(node.get("targets", []))
    for child in node.get("outline", []) + node.get("children", []):
        found += _targets(child)
    return found


@pytest.mark.django_db
def test_import_command_saves_and_reports(world, seeds, capsys) -> None:
    planner = world.user(Role.PLANNER)
    call_command("plan", "import", str(seeds / "003_92efa301420ef756.txt"), "--user", planner.username)
    assert "targets" in capsys.readouterr().out
    assert WorkPlan.objects.count() >= 1


@pytest.mark.django_db
def test_import_command_refuses_bad_files(world, tmp_path) -> None:
    planner = world.user(Role.PLANNER)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError):
        call_command("plan", "import", str(empty), "--user", planner.username)
    with pytest.raises(CommandError, match="No file"):
        call_command("plan", "import", str(tmp_path / "missing.docx"), "--user", planner.username)
    assert not WorkPlan.objects.exists()
