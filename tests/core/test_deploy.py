"""Production settings pass Django's deployment checks."""

from __future__ import annotations

import os
import subprocess
import sys

SECRET = "k3-Yq8#pZ2vL9@wR4tN7mB1xC6sD0fG5hJ8kE2uA9iO3-Lp7Wd4Zr"


def test_check_deploy_is_clean_under_production_settings(tmp_path) -> None:
    # The browser tests allow async-unsafe calls in this process; a deployment never does.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {**env, "KECHUANG_PRODUCTION": "1", "DEBUG": "0", "SECRET_KEY": SECRET,
           "ALLOWED_HOSTS": "kechuang.example.gov.cn", "KECHUANG_DATA_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "kechuang.cli", "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env.update({"KECHUANG_PRODUCTION": "1", "DEBUG": "0", "KECHUANG_DATA_DIR": str(tmp_path)})
    result = subprocess.run([sys.executable, "-m", "kechuang.cli", "check"], env=env, capture_output=True,
                            text=True, check=False)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
