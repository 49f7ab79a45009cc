"""A command line that starts in a fraction of a second (issue 17): ``--help`` and ``screen FILE`` never load
the database layer (ORM, table classes), yet ``screen`` still finds duplicates in the home's queue, read-only,
on both back-ends. The timings themselves are in bench/bench_cli_startup.py."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from officer_desk.cli import main
from officer_desk.paths import Home

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
SAMPLE = DATA / "tam-tru-dang-thi-mai.json"
CODE = "000.00.01.X99-261127-0007"
HEAVY = ("sqlalchemy.orm", "officer_desk.models", "officer_desk.desk", "officer_desk.database", "pyhanko",
         "reportlab", "PySide6")

PROBE = """
import json, sys
from officer_desk.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = [name for name in {heavy!r} if name in sys.modules]
print(json.dumps({{"code": code, "heavy": heavy}}), file=sys.stderr)
"""


def _probe(arguments: list[str]) -> dict[str, object]:
    result = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), *arguments], env=os.environ.copy(),
                            capture_output=True, text=True, timeout=120, check=False)
    return dict(json.loads(result.stderr.strip().splitlines()[-1]))


def _queued_copy(tmp_path: Path) -> Path:
    """The sample filed again under another code: a duplicate of the queued one."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["dossier_code"] = CODE.replace("0007", "0099")
    data["attachments"] = [{**item, "presented_only": True} for item in data["attachments"]]
    path = tmp_path / "again.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_help_loads_no_command_stack(isolated_home: Home) -> None:
    assert _probe(["--help"]) == {"code": 0, "heavy": []}


def test_screen_reads_the_queue_without_the_database_layer(isolated_home: Home, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder)
    shutil.copy(DATA / "hop-dong-thue.pdf", folder)
    assert main(["import", str(folder / SAMPLE.name), "--json"]) == 0
    probe = _probe(["screen", str(_queued_copy(tmp_path)), "--json"])
    assert probe == {"code": 0, "heavy": []}, probe


def test_screen_finds_duplicates_read_only_on_both_back_ends(isolated_home: Home, backend: str | None,
                                                              tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    database = ["--database", backend] if backend else []
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder)
    shutil.copy(DATA / "hop-dong-thue.pdf", folder)
    assert main([*database, "import", str(folder / SAMPLE.name), "--json"]) == 0
    capsys.readouterr()
    again = _queued_copy(tmp_path)
    before = isolated_home.database.stat().st_mtime_ns if backend is None else None
    assert main([*database, "screen", str(again), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f["target"] for f in findings if f["code"] == "DUPLICATE_SUBMISSION"] == [f"queue:{CODE}"]
    assert main([*database, "screen", str(folder / SAMPLE.name), "--json"]) == 0  # never its own duplicate
    assert not [f for f in json.loads(capsys.readouterr().out)["findings"] if f["code"] == "DUPLICATE_SUBMISSION"]
    if before is not None:
        assert isolated_home.database.stat().st_mtime_ns == before


def test_the_command_table_names_what_each_module_registers() -> None:
    from officer_desk.cli import COMMAND_MODULE, _base_parser, command_module, command_modules

    registered: dict[str, str] = {}
    for module in command_modules():
        sub = _base_parser().add_subparsers(dest="command")
        module.register(sub)
        name = module.__name__.rsplit(".", 1)[-1]
        assert command_module(name) is module
        registered.update(dict.fromkeys(sub.choices, name))
    assert registered == COMMAND_MODULE


def test_a_command_line_loads_only_its_own_command_module(isolated_home: Home) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", "import json, sys\nfrom officer_desk.cli import main\nmain(['catalogue', 'list'])\n"
         "print(json.dumps(sorted(m for m in sys.modules if m.startswith('officer_desk.cli.'))), file=sys.stderr)"],
        env=os.environ.copy(), capture_output=True, text=True, timeout=120, check=True)
    loaded = json.loads(probe.stderr.strip().splitlines()[-1])
    assert [m for m in loaded if m.endswith("_cmd") or m.endswith((".cases", ".admin"))] == [
        "officer_desk.cli.catalogue_cmd"]


def test_an_unknown_command_is_still_a_usage_error_listing_the_commands(
        isolated_home: Home, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sreen", "x.json"]) == 2
    assert "screen" in capsys.readouterr().err


def test_database_option_leaves_the_callers_environment_as_it_was(
    isolated_home: Home, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--database`` is for one run: an in-process caller (the test suite itself) must not find it in its
    environment afterwards, or every later desk it opens goes to that server."""
    monkeypatch.delenv("OFFICER_DESK_DATABASE_URL", raising=False)
    unreachable = "postgresql+psycopg://nobody:x@127.0.0.1:1/none?connect_timeout=2"
    assert main(["--database", unreachable, "list", "--json"]) != 0
    capsys.readouterr()
    assert "OFFICER_DESK_DATABASE_URL" not in os.environ
    monkeypatch.setenv("OFFICER_DESK_DATABASE_URL", "postgresql+psycopg://kept@127.0.0.1:1/kept")
    main(["--database", unreachable, "list", "--json"])
    capsys.readouterr()
    assert os.environ["OFFICER_DESK_DATABASE_URL"] == "postgresql+psycopg://kept@127.0.0.1:1/kept"
