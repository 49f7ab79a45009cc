"""Kill -9 at seeded random moments during ``receipt``, ``import`` and ``sign`` (issue 16, CI-sized).

Invariants: a killed ``receipt`` leaves either nothing issued (case received, no number taken) or
exactly one receipt the case records, which a re-run returns (same number, same QR payload); register
numbers have no gaps; an imported dossier is whole or absent and a re-import completes the set; a
signed output is absent or a whole valid signature; no temp file survives the next run. The long run
(100 kills per command) is ``bench/kill_injection.py``.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from tests.helpers import kill_injection as kill
from tests.helpers.signing import make_receipt_pdf

SEED = int(os.environ.get("OFFICER_DESK_KILL_SEED", "16"))
KILLS = int(os.environ.get("OFFICER_DESK_KILLS", "2"))
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL semantics are POSIX"),
]


@pytest.fixture
def demo_home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    assert kill.cli(home, "demo").returncode == 0
    return home


def test_killed_receipts_leave_one_receipt_or_none_and_no_gaps(demo_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    codes = kill.make_dossiers(folder, KILLS)
    assert kill.cli(demo_home, "import", str(folder)).returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    stats = kill.kill_receipts(demo_home, out, codes, random.Random(SEED), max_delay=4.0)
    assert stats.defects == [], stats


def test_killed_imports_lose_and_duplicate_nothing(demo_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    codes = kill.make_dossiers(folder, 6)
    stats = kill.kill_imports(demo_home, folder, codes, random.Random(SEED + 1), max_delay=3.0, rounds=KILLS)
    assert stats.defects == [], stats


def test_killed_signing_leaves_a_whole_signature_or_nothing(demo_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "doc.pdf"
    source.write_bytes(make_receipt_pdf())
    out = tmp_path / "out"
    out.mkdir()
    stats = kill.kill_signs(demo_home, source, out, demo_home / "demo" / "desk.p12", demo_home / "demo" / "desk.pin",
                            random.Random(SEED + 2), max_delay=3.0, rounds=KILLS)
    assert stats.defects == [], stats
