"""Make docs/screenshots/{main-vi,main-en,intake-vi}.png, and the window at 1366×768 and 1920×1080
(main-vi-1366x768.png, main-vi-1920x1080.png: the screen minus a 40-pixel taskbar), from a fresh demo desk.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.make_screenshots [OUT_DIR]

Until the screening engine is installed, a few stored findings are added to the newest cases so the
hints panel and the queue's badges show what an officer sees.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CASES = 3000

HINTS = [
    [
        {"code": "MISSING_REQUIRED_DOC", "severity": "error", "target": "giay_to_tuy_than",
         "message": "Thiếu thành phần bắt buộc: Giấy tờ tùy thân có ảnh còn giá trị",
         "message_en": "Missing required component: valid photo ID",
         "evidence": "Hồ sơ không có thẻ căn cước, CMND hoặc hộ chiếu",
         "suggestion": "Yêu cầu người nộp xuất trình thẻ căn cước"},
        {"code": "CCCD_BIRTHYEAR_MISMATCH", "severity": "error", "target": "applicant",
         "message": "Chữ số 5–6 của số định danh không khớp năm sinh",
         "message_en": "Digits 5–6 of the ID number do not match the birth year",
         "evidence": "Số định danh 025195001234, năm sinh 1994",
         "suggestion": "Đối chiếu thẻ căn cước bản chính"},
        {"code": "PHONE_INVALID", "severity": "warning", "target": "applicant.phone",
         "message": "Số điện thoại không hợp lệ (đầu số 11 chữ số cũ)",
         "message_en": "Invalid phone number (old 11-digit prefix)",
         "evidence": "0168 234 5678", "suggestion": "Hỏi lại số điện thoại (0168 → 038)"},
        {"code": "DEADLINE_ADJUSTED_FOR_HOLIDAY", "severity": "info", "target": "due_date",
         "message": "Hạn trả lùi do ngày nghỉ lễ", "message_en": "Due date moved by a public holiday",
         "evidence": "", "suggestion": ""},
    ],
    [{"code": "NAME_MISMATCH", "severity": "warning", "target": "applicant.full_name",
      "message": "Họ tên trên tờ khai khác trên thẻ căn cước (chỉ khác dấu)",
      "message_en": "Name on the form differs from the ID card (diacritics only)",
      "evidence": "Tờ khai: Nguyễn Văn Tuân; thẻ: NGUYỄN VĂN TUẤN", "suggestion": "Đối chiếu bản chính"}],
    [{"code": "LATE_REGISTRATION", "severity": "info", "target": "form.tre.ngay_sinh",
      "message": "Đăng ký sau thời hạn 60 ngày", "message_en": "Registered after the 60-day window",
      "evidence": "", "suggestion": ""}],
    [{"code": "DOC_EXPIRED", "severity": "error", "target": "giay_xac_nhan_tinh_trang_hon_nhan",
      "message": "Giấy xác nhận tình trạng hôn nhân đã quá 6 tháng",
      "message_en": "Marital-status certificate older than 6 months",
      "evidence": "Ngày cấp 02/03/2026", "suggestion": "Yêu cầu bổ sung giấy mới"}],
]


def prepare_home(root: Path) -> tuple[Any, list[str]]:
    from officer_desk.cases import QueueFilter
    from officer_desk.desk import open_desk
    from officer_desk.paths import Home
    from tests.helpers.desks import add_findings, build_demo_home

    build_demo_home(root, CASES, seed=5)
    desk = open_desk(Home(root), officer="canbo.lan")
    ids = desk.cases.list_ids(QueueFilter(statuses=("received",)), 0, 60)
    rows = desk.cases.rows(ids)
    # With the screening engine installed the newest cases carry its real hints: show the richest one.
    screened = sorted((r for r in rows if r.open_finding_count >= 2), key=lambda r: -r.open_finding_count)
    if screened:
        code = screened[0].dossier_code
        detail = desk.cases.detail(code)
        # Info notes need no decision: show an overridden warning (or a second error) instead.
        minor = [f for f in detail.findings if f.severity == "warning"] or [
            f for f in detail.findings[1:] if f.severity == "error"]
        if minor:
            desk.cases.decide_finding(minor[-1].id, "overridden", "Đã đối chiếu bản chính tại quầy")
        return desk, [code]
    codes = [row.dossier_code for row in rows[:12]]
    for index, code in enumerate(codes[:8]):
        add_findings(desk, code, HINTS[index % len(HINTS)])
    first = [f for f in desk.cases.detail(codes[0]).findings if f.severity != "info"]
    desk.cases.decide_finding(first[-1].id, "overridden", "Đã đối chiếu bản chính tại quầy")
    return desk, codes


def settle(app: Any, window: Any, seconds: float = 1.2) -> None:
    from PySide6.QtCore import QElapsedTimer

    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < seconds * 1000:
        app.processEvents()
        window.runner.wait_for_done(50)


def main(out_dir: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "home"
        os.environ["OFFICER_DESK_HOME"] = str(root)
        os.environ["OFFICER_DESK_NO_KEYRING"] = "1"
        from officer_desk.config import DeskConfig, save_config
        from officer_desk.paths import Home

        save_config(DeskConfig(agency_name="Trung tâm Phục vụ hành chính công tỉnh Phú Thọ",
                               officer_name="Nguyễn Thị Lan"), Home(root))
        desk, codes = prepare_home(root)
        from officer_desk.ui.app import create_application, grab_window
        from officer_desk.ui.i18n import Translations
        from officer_desk.ui.main_window import MainWindow
        from officer_desk.ui.tasks import TaskRunner

        app = create_application([sys.argv[0]])
        translations = Translations()
        runner = TaskRunner(app)
        for language in ("vi", "en"):
            translations.switch(language)
            window = MainWindow(desk, runner)
            window.resize(1440, 900)
            window.show()
            settle(app, window)
            from PySide6.QtWidgets import QAbstractItemView

            index = window.model.index(window.model.row_of(desk.cases.detail(codes[0]).row.id) or 0, 0)
            window.table.setCurrentIndex(index)
            window.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            settle(app, window)
            grab_window(window, str(out_dir / f"main-{language}.png"))
            if language == "vi":
                for width, height in ((1366, 768), (1920, 1080)):
                    window.resize(width, height - 40)  # a taskbar takes the bottom 40 pixels
                    settle(app, window, 0.6)
                    grab_window(window, str(out_dir / f"main-vi-{width}x{height}.png"))
                window.resize(1440, 900)
                settle(app, window, 0.3)
                window.intake.new_dossier()
                settle(app, window, 0.5)
                dialog = window.active_dialog
                dialog.resize(1160, 780)  # its size on a desktop monitor (the script's screen is smaller)
                dialog.picker.search.setText("khai sinh")
                dialog.picker._choose_current()
                dialog.scan_edit.setText(
                    "025194001234|123456789|Đặng Thị Mai|02031994|Nữ|Phường Vĩnh Yên, Tỉnh Phú Thọ|15082021")
                dialog.scanner.flush()
                dialog.editors["applicant.phone"].set_value("0912 345 678")
                id_editor = dialog.editors["applicant.id_number"]
                id_editor.set_value("02519400123")
                dialog.validate(id_editor)
                settle(app, window, 0.5)
                grab_window(dialog, str(out_dir / "intake-vi.png"))
                dialog.dirty = False  # no "close without saving?" question in a script
                dialog.reject()
            window.settings.clear()
            window.close()
            settle(app, window, 0.2)
        runner.wait_for_done()
        desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"))
