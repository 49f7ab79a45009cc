"""Result documents: the officer submits the result PDF for signature (F8, "Trình ký"); a supervisor
previews and signs it (Ctrl+F8) with their own key; the case then has its result (F12 returns it)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget

from officer_desk.lifecycle import Action, Status
from officer_desk.ui import services
from officer_desk.ui.controllers.base import Controller
from officer_desk.ui.controllers.signing import SigningController

if TYPE_CHECKING:  # pyHanko and QtPdf load after the first queue page (issue 17)
    from officer_desk.signing.pades import PdfSigner


class ResultsController(Controller):
    """Handlers of "Trình ký" and "Ký kết quả"."""

    def __init__(self, window: QWidget, signing: SigningController) -> None:
        super().__init__(window)
        self.signing = signing

    def submit_result(self, path: str | None = None) -> None:
        """Choose the result PDF, preview it, and submit it for signature."""
        from officer_desk.receipts import results  # pyHanko: not before the first queue page (issue 17)

        detail = self.current()
        if detail is None or detail.row.status != Status.IN_PROCESSING:
            return
        code = detail.row.dossier_code
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self.widget, self.tr("Result document of {code}").format(
                code=code), "", self.tr("PDF (*.pdf)"))
            if not path:
                return
        chosen = Path(path)

        self.window.run(lambda: results.read_result_file(chosen), lambda pdf: self._preview_submit(code, pdf))

    def _preview_submit(self, code: str, pdf: bytes) -> None:
        from officer_desk.receipts import results  # pyHanko: not before the first queue page (issue 17)
        from officer_desk.ui.result_dialog import ResultPreviewDialog

        dialog = ResultPreviewDialog(
            self.tr("Result of {code}").format(code=code), pdf, self.tr("Submit for signature"),
            self.tr("Check the result before it goes to the supervisor for signature."), self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def submit() -> None:
            self.window.run(lambda: results.submit_result(self.desk, code, pdf),
                            lambda _r: self.window.after_change(self.tr("{code}: result submitted for signature")
                                                                .format(code=code)))

        dialog.accepted.connect(submit)
        self.window.active_dialog = dialog
        dialog.open()

    def sign_result(self) -> None:
        """A supervisor previews the submitted result, then signs it with their own certificate."""
        from officer_desk.receipts import results  # pyHanko: not before the first queue page (issue 17)

        detail = self.current()
        if detail is None or detail.row.status != Status.AWAITING_SIGNATURE:
            return
        code = detail.row.dossier_code
        self.window.run(lambda: results.result_draft(self.desk, code), lambda pdf: self._preview_sign(code, pdf))

    def _preview_sign(self, code: str, pdf: bytes) -> None:
        from officer_desk.receipts import results  # pyHanko: not before the first queue page (issue 17)
        from officer_desk.ui.result_dialog import ResultPreviewDialog

        dialog = ResultPreviewDialog(
            self.tr("Sign the result of {code}").format(code=code), pdf, self.tr("Sign"),
            self.tr("Your signature and stamp are added to the last page."), self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        what = self.tr("result")

        def call(session: PdfSigner) -> services.IssuedOutcome:
            signed = results.sign_result(self.desk, code, session)
            return services.IssuedOutcome(code, results.RESULT, signed.pdf, "a4")

        def done(_outcome: services.IssuedOutcome) -> None:
            self.window.after_change(self.tr("{code}: result signed").format(code=code))
            self.window.action_done.emit(code, Action.MARK_RESULT_READY.value)

        dialog.accepted.connect(lambda: self.signing.issue(code, what, call, done))
        self.window.active_dialog = dialog
        dialog.open()
