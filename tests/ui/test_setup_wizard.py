"""First run in the window: the set-up wizard → sign in → F2 → the PIN dialog → a receipt signed with the
administrator's own key from a test CA (not the demo CA); the wizard refuses what ``setup`` refuses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from officer_desk.accounts.service import AuthService, DeskSession
from officer_desk.accounts.setup import home_is_empty
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Status
from officer_desk.paths import Home
from officer_desk.receipts.service import stored_document
from officer_desk.signing import certs
from officer_desk.signing.verify import VALID, verify_pdf
from tests.helpers.signing import PIN, TestPki

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
ADMIN_PASSWORD = "quan-tri-2026!"


def _fill(wizard: Any, pki: TestPki, p12: Path, password: str = PIN) -> None:
    office, admin, certificates = wizard.office, wizard.admin, wizard.certificates
    office.name.setText("Trung tâm Phục vụ hành chính công xã Thử Nghiệm")
    office.agency.setText("000.00.07.H41")
    office.province.setCurrentText("Phú Thọ")
    office.commune.setText("Xã Thử Nghiệm")
    office.desk_number.setValue(3)
    admin.user.setText("admin")
    admin.full_name.setText("Quản Trị Viên")
    admin.password.setText(ADMIN_PASSWORD)
    admin.again.setText(ADMIN_PASSWORD)
    wizard.key.understood.setChecked(True)
    certificates.anchors.addItem(str(pki.root_pem))
    certificates.p12.setText(str(p12))
    certificates.p12_password.setText(password)


def _walk(wizard: Any) -> None:
    for _page in range(5):
        wizard.next()
    assert wizard.currentId() == wizard.CERTIFICATES


def _wizard(isolated_home: Home, qtbot: Any) -> tuple[Any, Any]:
    from officer_desk.ui.setup_wizard import SetupWizard
    from officer_desk.ui.tasks import TaskRunner

    runner = TaskRunner()
    wizard = SetupWizard(isolated_home, runner)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard, runner


def test_wizard_sets_up_the_office_then_f2_signs_with_the_admins_own_key(isolated_home: Home, pki: TestPki,
                                                                          qtbot: Any, tmp_path: Path) -> None:
    from officer_desk.ui.main_window import MainWindow
    from officer_desk.ui.sign_in import SignInDialog

    wizard, runner = _wizard(isolated_home, qtbot)
    assert home_is_empty(isolated_home)
    _fill(wizard, pki, pki.good.p12)
    wizard.office.province.setCurrentText("Không Có Tỉnh Này")
    wizard.next()
    wizard.next()  # refused on the office page: the province is not one of the 34
    assert wizard.currentId() == wizard.OFFICE and wizard.office.error.text()
    wizard.office.province.setCurrentText("Phú Thọ")
    wizard.back()
    _walk(wizard)
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.result_mode == "office", timeout=20_000)
    assert wizard.setup_result is not None and not home_is_empty(isolated_home)

    desk = open_desk(isolated_home)
    try:
        assert desk.set_up and desk.config.desk_number == 3 and desk.config.commune == "Xã Thử Nghiệm"
        data = json.loads(SAMPLE.read_text(encoding="utf-8"))
        data["attachments"] = [a for a in data["attachments"] if "file" not in a]
        session = DeskSession(AuthService(desk.db, desk.config.desk_number))
        dialog = SignInDialog(session, runner)
        qtbot.addWidget(dialog)
        dialog.user_edit.setText("admin")
        dialog.password_edit.setText(ADMIN_PASSWORD)
        with qtbot.waitSignal(dialog.signed_in, timeout=10_000) as signed:
            dialog.submit()
        desk.act_as(signed.args[0])
        code = desk.cases.intake(data, {})
        with desk.db.session() as db_session:
            from sqlalchemy import select

            from officer_desk.models import Case

            case_id = db_session.execute(select(Case.id).where(Case.dossier_code == code)).scalar_one()
            desk.cases.record_findings(db_session, case_id, [], "test")
        window = MainWindow(desk, runner, session=session)
        qtbot.addWidget(window)
        window.show()
        window.open_case_by_code(code)
        qtbot.waitUntil(lambda: window.detail is not None and window.detail.row.dossier_code == code, timeout=10_000)
        qtbot.keyClick(window.table, Qt.Key.Key_F2)
        pins = window.signing.pins
        qtbot.waitUntil(lambda: pins.dialog is not None and pins.dialog.isVisible(), timeout=15_000)
        pins.dialog.edit.setText(PIN)
        pins.dialog.accept()
        qtbot.waitUntil(lambda: not window.signing.busy, timeout=20_000)
        runner.wait_for_done(20_000)
        assert desk.cases.detail(code).row.status == Status.ACCEPTED
        report = verify_pdf(stored_document(desk, code, "receipt"), extra_trust=[pki.root_pem])
        assert report.verdict == VALID and report.signatures[0].signer == certs.common_name(pki.good.cert)
        window.close()
    finally:
        runner.wait_for_done(20_000)
        desk.close()


@pytest.mark.parametrize("which", ["expired", "no_key_usage", "wrong_password"])
def test_wizard_refuses_a_bad_certificate_in_words_and_leaves_the_home_empty(
        which: str, isolated_home: Home, pki: TestPki, qtbot: Any) -> None:
    wizard, runner = _wizard(isolated_home, qtbot)
    identity = {"expired": pki.expired, "no_key_usage": pki.no_key_usage, "wrong_password": pki.good}[which]
    _fill(wizard, pki, identity.p12, "not-the-password" if which == "wrong_password" else PIN)
    _walk(wizard)
    wizard.accept()
    error = wizard.certificates.error
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.FinishButton).isEnabled(), timeout=20_000)
    runner.wait_for_done(10_000)
    assert wizard.result_mode == "" and error.text() and "Traceback" not in error.text()
    assert home_is_empty(isolated_home)


def test_demo_mode_is_a_separate_marked_choice(isolated_home: Home, qtbot: Any) -> None:
    wizard, runner = _wizard(isolated_home, qtbot)
    assert wizard.choice.office.isChecked() and "DEMO" in wizard.choice.demo.text()
    wizard.choice.demo.setChecked(True)
    assert wizard.choice.nextId() == -1
    wizard.accept()
    assert wizard.result_mode == "demo" and home_is_empty(isolated_home)


def test_the_printer_page_prints_a_test_page(isolated_home: Home, qtbot: Any, cups_queue: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from officer_desk.ui.printing import DocumentPrinter
    from officer_desk.ui.setup_wizard import PrinterPage

    monkeypatch.setattr(DocumentPrinter, "printer_names", staticmethod(lambda: [cups_queue.name]))
    page = PrinterPage()
    qtbot.addWidget(page)
    page.printer.setCurrentIndex(page.printer.findData(cups_queue.name))
    before = cups_queue.outputs()
    page.print_test_page()
    assert cups_queue.name in page.result.text()
    cups_queue.wait_for_new_output(before)
