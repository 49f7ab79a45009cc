"""Two desks on one PostgreSQL: when the other desk changes the open case, it reloads and says who did."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action
from officer_desk.paths import Home

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
CODE = "000.00.01.X99-261127-0007"


def test_open_case_reloads_when_another_desk_changes_it(tmp_path: Path, pg_url: str, qtbot: Any,
                                                         make_window: Any) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tam-tru-dang-thi-mai.json", "hop-dong-thue.pdf"):
        shutil.copy(DATA / name, folder / name)
    mine = open_desk(Home(tmp_path / "a"), pg_url, officer="canbo.a")
    other = open_desk(Home(tmp_path / "b"), pg_url, officer="canbo.b")
    try:
        mine.cases.import_paths([folder])
        window = make_window(mine)
        assert window.live.listener._thread is not None  # listening on PostgreSQL
        window.open_case_by_code(CODE)
        qtbot.waitUntil(lambda: window.detail is not None and window.detail.row.dossier_code == CODE, timeout=10_000)
        qtbot.wait(500)  # the listener is connected
        other.cases.transition(CODE, Action.ACCEPT)
        qtbot.waitUntil(lambda: "canbo.b" in window.statusBar().currentMessage(), timeout=15_000)
        qtbot.waitUntil(lambda: window.detail.row.status == "accepted", timeout=10_000)
        window.close()
    finally:
        mine.close()
        other.close()
