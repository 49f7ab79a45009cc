"""Kill-injection harness: run an ``officer-desk`` command, SIGKILL it at a seeded random moment, check
the invariants of issue 16. Shared by ``tests/integration/test_kill_injection.py`` (a few kills, CI) and
``bench/kill_injection.py`` (100 kills per command).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DOSSIERS = Path(__file__).resolve().parents[1] / "data" / "dossiers"
SAMPLE = DOSSIERS / "tam-tru-dang-thi-mai.json"


@dataclass
class KillStats:
    command: str
    runs: int = 0
    killed: int = 0
    finished_before_kill: int = 0
    defects: list[str] = field(default_factory=list)


def desk_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(OFFICER_DESK_HOME=str(home), OFFICER_DESK_NO_KEYRING="1", OFFICER_DESK_OFFICER="kill-test",
               PYTHONWARNINGS="ignore")
    env.pop("OFFICER_DESK_DATABASE_URL", None)
    return env


def cli(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "officer_desk.cli", *args], env=desk_env(home),
                          capture_output=True, text=True, timeout=timeout, check=False)


def run_killed(home: Path, args: list[str], delay: float) -> bool:
    """Start the command and SIGKILL it after ``delay`` seconds; True when it was killed while running."""
    process = subprocess.Popen([sys.executable, "-m", "officer_desk.cli", *args], env=desk_env(home),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up code runs
        process.wait()
        return True


def make_dossiers(folder: Path, count: int, start: int = 100) -> list[str]:
    """``count`` clean dossiers (copies of the sample with their own codes) in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for extra in DOSSIERS.iterdir():
        if extra.suffix != ".json":
            shutil.copy(extra, folder / extra.name)
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    codes = []
    for index in range(start, start + count):
        code = str(data["dossier_code"])[:-4] + f"{index:04d}"
        (folder / f"d{index:04d}.json").write_text(json.dumps({**data, "dossier_code": code}, ensure_ascii=False),
                                                  encoding="utf-8")
        codes.append(code)
    return codes


def temp_leftovers(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.exists() for p in folder.rglob(".*.tmp")]


def case_state(home: Path, code: str) -> tuple[str, int | None, int]:
    """(status, register number, receipts issued (not reprints)) read through the desk's own services."""
    from sqlalchemy import select

    from officer_desk.desk import open_desk
    from officer_desk.models import Case, SignedDocument
    from officer_desk.paths import Home

    desk = open_desk(Home(home))
    try:
        with desk.db.session() as session:
            case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
            rows = session.execute(select(SignedDocument).where(
                SignedDocument.case_id == case.id, SignedDocument.doc_type == "receipt",
                SignedDocument.reprint.is_(False))).scalars().all()
            return str(case.status), case.register_number, len(rows)
    finally:
        desk.db.dispose()


def kill_receipts(home: Path, out: Path, codes: list[str], rng: random.Random, max_delay: float,
                  check: Callable[[str], None] | None = None) -> KillStats:
    """Kill ``receipt`` once per code at a random moment, check, re-run, check no gaps at the end."""
    stats = KillStats("receipt")
    numbers: dict[str, int] = {}
    payloads: dict[str, str] = {}
    for code in codes:
        target = out / f"{code}.pdf"
        stats.runs += 1
        if run_killed(home, ["receipt", code, "--out", str(target)], rng.uniform(0.2, max_delay)):
            stats.killed += 1
        else:
            stats.finished_before_kill += 1
        status, number, issued = case_state(home, code)
        if status == "received" and (number is not None or issued):
            stats.defects.append(f"{code}: received but number {number}, {issued} receipts stored")
        if status != "received" and issued != 1:
            stats.defects.append(f"{code}: {status} with {issued} receipts stored")
        if target.exists() and status == "received":
            stats.defects.append(f"{code}: orphan receipt file while the case is received")
        result = cli(home, "receipt", code, "--out", str(target), "--json")
        if result.returncode != 0:
            stats.defects.append(f"{code}: re-run exit {result.returncode}: {result.stdout[-200:]}")
            continue
        payload = json.loads(result.stdout)["qr_payload"]
        _status, number2, issued2 = case_state(home, code)
        if issued2 != 1:
            stats.defects.append(f"{code}: {issued2} receipts after the re-run")
        if number is not None and number2 != number:
            stats.defects.append(f"{code}: register number changed {number} -> {number2}")
        again = json.loads(cli(home, "receipt", code, "--out", str(target), "--json").stdout)["qr_payload"]
        if again != payload:
            stats.defects.append(f"{code}: a second re-run gave another QR payload")
        numbers[code] = int(number2 or 0)
        payloads[code] = payload
        if check is not None:
            check(code)
    if sorted(numbers.values()) != list(range(1, len(numbers) + 1)):
        stats.defects.append(f"register numbers have gaps or repeats: {sorted(numbers.values())}")
    if temp_leftovers(out):
        stats.defects.append(f"temp files left in the output folder: {temp_leftovers(out)}")
    return stats


def kill_imports(home: Path, folder: Path, codes: list[str], rng: random.Random, max_delay: float,
                 rounds: int) -> KillStats:
    """Kill ``import DIR`` ``rounds`` times, then import again: every dossier lands exactly once."""
    stats = KillStats("import")
    for _round in range(rounds):
        stats.runs += 1
        if run_killed(home, ["import", str(folder)], rng.uniform(0.2, max_delay)):
            stats.killed += 1
        else:
            stats.finished_before_kill += 1
        result = cli(home, "import", str(folder), "--json")
        if result.returncode != 0:
            stats.defects.append(f"re-import exit {result.returncode}: {result.stdout[-300:]}")
            continue
        report = json.loads(result.stdout)
        seen = set(report["imported"]) | set(report["skipped"])
        if seen != set(codes):
            stats.defects.append(f"re-import saw {len(seen)} of {len(codes)} dossiers")
        listed = json.loads(cli(home, "list", "--json", "--limit", "100000").stdout)
        stored = [c["dossier_code"] for c in listed["cases"]]
        if sorted(stored) != sorted(set(stored)) or not set(codes) <= set(stored):
            stats.defects.append("stored dossiers missing or duplicated after a killed import")
        result = cli(home, "export", "--out", str(folder.parent / f"export-{_round}"))
        if result.returncode != 0:
            stats.defects.append(f"export after a killed import: exit {result.returncode}")
    if temp_leftovers(home / "attachments"):
        # a kill between write and rename may leave one; the next write of that blob removes it
        cli(home, "import", str(folder))
        if temp_leftovers(home / "attachments"):
            stats.defects.append("temp files left under attachments/")
    return stats


def kill_signs(home: Path, source: Path, out: Path, p12: Path, pin_file: Path, rng: random.Random,
               max_delay: float, rounds: int, trust: Path | None = None) -> KillStats:
    """Kill ``sign`` ``rounds`` times: the output is absent or a whole valid signature, never half."""
    stats = KillStats("sign")
    extra = ["--trust", str(trust)] if trust is not None else []
    for index in range(rounds):
        target = out / f"signed-{index}.pdf"
        args = ["sign", str(source), "--out", str(target), "--keystore", str(p12), "--pin-file", str(pin_file),
                *extra]
        stats.runs += 1
        if run_killed(home, args, rng.uniform(0.2, max_delay)):
            stats.killed += 1
        else:
            stats.finished_before_kill += 1
        if target.exists():
            verdict = cli(home, "verify", str(target), "--json", *extra)
            if verdict.returncode not in (0, 2):
                stats.defects.append(f"{target.name}: exists but verifies {verdict.returncode}")
        result = cli(home, *args)
        if result.returncode != 0:
            stats.defects.append(f"re-sign exit {result.returncode}")
    if temp_leftovers(out):
        stats.defects.append(f"temp files left beside the signed outputs: {temp_leftovers(out)}")
    return stats


def timed(home: Path, *args: str) -> float:
    start = time.perf_counter()
    cli(home, *args)
    return time.perf_counter() - start
