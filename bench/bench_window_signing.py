"""Window benchmark: F2 to the signed receipt shown, on a set-up office home (demo mode off; issue 9).

    .venv/bin/python bench/bench_window_signing.py [--receipts 15] [--json]

Builds a throw-away office in a temporary home (a test CA made here, the administrator's RSA-2048
PKCS#12 bound at set-up), signs in, and presses F2 in a real MainWindow with the threaded task runner.
The PIN dialog is answered the moment it is shown (PIN entry excluded from the figures). "Shown" = the
worker finished, the case panel shows the accepted case and the busy indicator is gone. Printing is
left out (no printer visible), as in the hand measurement. Figures:

* sign-in (Argon2id at the production cost, through the sign-in dialog)
* first F2 of a signing session (key opened: PKCS#12 decrypted, chain checked, CMS size measured)
* warm F2 with the key kept for the session (``keep_pin_pkcs12 = 1``; tokens keep it by default)
* warm F2 with the PKCS#12 default (password asked for every document, so the key is opened each time)

Goals: warm < 300 ms; first signature of a session < 1 s (PIN entry excluded).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOALS = {"warm_ms": 300.0, "first_ms": 1000.0}
SAMPLE = ROOT / "tests" / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
PASSWORD = "quan-tri-2026!"


def _wait(app: Any, condition: Any, timeout_s: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout_s
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not finish in time")
        time.sleep(0.001)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receipts", type=int, default=15)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="officer-desk-bench-window-"))
    os.environ.update({"OFFICER_DESK_HOME": str(folder / "home"), "OFFICER_DESK_NO_KEYRING": "1",
                       "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
    os.environ.pop("OFFICER_DESK_DATABASE_URL", None)
    os.environ.pop("OFFICER_DESK_TEST_FAST_AUTH", None)  # the production Argon2id cost

    from PySide6.QtWidgets import QApplication

    from officer_desk.accounts.certificates import P12Source
    from officer_desk.accounts.service import AuthService, DeskSession
    from officer_desk.accounts.setup import SetupRequest, set_up_desk
    from officer_desk.config import save_config
    from officer_desk.desk import open_desk
    from officer_desk.paths import Home
    from officer_desk.ui import printing
    from officer_desk.ui.main_window import MainWindow
    from officer_desk.ui.sign_in import SignInDialog
    from officer_desk.ui.tasks import TaskRunner
    from tests.helpers.signing import PIN, _build_pki

    app = QApplication.instance() or QApplication([])
    printing.DocumentPrinter.printer_names = staticmethod(lambda: [])  # type: ignore[method-assign]
    (folder / "pki").mkdir()
    pki = _build_pki(folder / "pki")
    home = Home(folder / "home")
    set_up_desk(home, SetupRequest("Trung tâm bench", "000.00.07.H41", "Phú Thọ", "Xã Thử Nghiệm", 1, "admin",
                                   "Quản Trị Viên", PASSWORD, (pki.root_pem,), P12Source(pki.good.p12, PIN)))
    desk = open_desk(home)
    runner = TaskRunner()
    session = DeskSession(AuthService(desk.db, desk.config.desk_number))
    dialog = SignInDialog(session, runner)
    dialog.user_edit.setText("admin")
    dialog.password_edit.setText(PASSWORD)
    started = time.perf_counter()
    dialog.submit()
    _wait(app, lambda: dialog.actor is not None)
    sign_in_ms = (time.perf_counter() - started) * 1000
    desk.act_as(dialog.actor)

    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    codes = []
    from sqlalchemy import select

    from officer_desk.models import Case

    for index in range(2 * args.receipts + 2):
        data["dossier_code"] = f"{data['dossier_code'][:-4]}{7000 + index:04d}"
        code = desk.cases.intake(data, {})
        with desk.db.session() as db_session:
            case_id = db_session.execute(select(Case.id).where(Case.dossier_code == code)).scalar_one()
            desk.cases.record_findings(db_session, case_id, [], "bench")
        codes.append(code)

    window = MainWindow(desk, runner, session=session)
    window.show()
    window.signing.pins.dialog_shown.connect(lambda shown: (shown.edit.setText(PIN), shown.accept()))
    # The session is prepared in the background after sign-in (trust store, stamp font): an officer takes
    # longer than that to call the first citizen. Wait for it, then measure.
    prepared = time.perf_counter()
    _wait(app, lambda: runner.pending() == 0)
    prepare_ms = (time.perf_counter() - prepared) * 1000

    def press_f2(code: str) -> float:
        window.open_case_by_code(code)
        _wait(app, lambda: window.detail is not None and window.detail.row.dossier_code == code)
        started = time.perf_counter()
        window.case_controller.accept_case()  # what F2 triggers
        _wait(app, lambda: not window.signing.busy and window.detail is not None
              and window.detail.row.dossier_code == code and window.detail.row.status == "accepted")
        return (time.perf_counter() - started) * 1000

    def keep(value: int) -> None:
        desk.config = replace(desk.config, keep_pin_pkcs12=value)
        save_config(desk.config, home)

    keep(1)
    first_ms = press_f2(codes[0])
    warm_kept = [press_f2(code) for code in codes[1:1 + args.receipts]]
    keep(0)
    window.signing.session.close()
    warm_asked = [press_f2(code) for code in codes[1 + args.receipts:1 + 2 * args.receipts]]
    window.close()
    runner.wait_for_done(20_000)
    desk.close()

    summary = {
        "sign_in_ms": round(sign_in_ms),
        "prepare_ms": round(prepare_ms),
        "first_ms": round(first_ms),
        "warm_kept_median_ms": round(statistics.median(warm_kept)),
        "warm_kept_max_ms": round(max(warm_kept)),
        "warm_asked_median_ms": round(statistics.median(warm_asked)),
        "warm_asked_max_ms": round(max(warm_asked)),
        "receipts": args.receipts,
    }
    summary["goals_met"] = {"warm": summary["warm_kept_median_ms"] < GOALS["warm_ms"],
                            "first": summary["first_ms"] < GOALS["first_ms"]}
    if args.json:
        print(json.dumps(summary))
    else:
        print(f"sign-in (Argon2id, dialog)                 {summary['sign_in_ms']} ms")
        print(f"session prepared in the background        {summary['prepare_ms']} ms")
        print(f"first F2 of the signing session            {summary['first_ms']} ms   (goal < 1000 ms)")
        print(f"warm F2, key kept for the session          median {summary['warm_kept_median_ms']} ms, "
              f"max {summary['warm_kept_max_ms']} ms   (goal < 300 ms)")
        print(f"warm F2, PKCS#12 password asked each time  median {summary['warm_asked_median_ms']} ms, "
              f"max {summary['warm_asked_max_ms']} ms")
    return 0 if all(summary["goals_met"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
