"""General rules of the command-line contract: exit codes, one JSON object, no traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from officer_desk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OFFICER_DESK_HOME": str(home), "OFFICER_DESK_NO_KEYRING": "1"}
    return subprocess.run([sys.executable, "-m", "officer_desk.cli", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)


def test_errors_are_one_json_object_without_traceback(isolated_home, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("import", str(tmp_path / "missing"), "--json", home=isolated_home.root)
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["failed"][0]["file"].endswith("missing")
    assert "Traceback" not in result.stderr


def test_unknown_case_is_an_error_object(isolated_home, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["show", "NOPE-1", "--json"]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["error"]["code"] == "not_found"


def test_english_messages_on_request(isolated_home, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert main(["--lang", "en", "show", "NOPE-1"]) == 1
    assert "not found" in capsys.readouterr().err.lower()


def test_key_export_writes_a_recovery_copy(isolated_home, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert main(["list"]) == 0  # creates the database and its key
    out = tmp_path / "recovery.key"
    assert main(["key", "export", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == isolated_home.key_file.read_text(encoding="utf-8")
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_usage_error_exit_code(isolated_home) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("export", home=isolated_home.root)
    assert result.returncode == 2
