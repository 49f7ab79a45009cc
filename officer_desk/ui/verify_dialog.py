"""Verify a signed document (PAdES signatures) or a receipt's QR code, off the GUI thread."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from officer_desk.ui.dialogs import describe_error
from officer_desk.ui.tasks import TaskRunner

# (text colour, background) per verdict: green valid, amber undetermined, red invalid.
VERDICT_COLOURS: dict[str, tuple[str, str]] = {
    "valid": ("#1b5e20", "#e8f5e9"),
    "genuine": ("#1b5e20", "#e8f5e9"),
    "indeterminate": ("#8a4b00", "#fff3e0"),
    "unknown_issuer": ("#8a4b00", "#fff3e0"),
    "invalid": ("#b71c1c", "#ffebee"),
    "tampered": ("#b71c1c", "#ffebee"),
    "unreadable": ("#424242", "#eeeeee"),
    "not_ours": ("#424242", "#eeeeee"),
}


def _local_time(value: str | None) -> str:
    """An ISO time as the officer reads it (dd/mm/yyyy hh:mm:ss); unparsable text is shown as is."""
    if not value:
        return "—"
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M:%S")
    except ValueError:
        return value


def _read_and_verify(path: Path, home: Any) -> Any:
    """Runs on the pool: read the file and verify every signature (verify_pdf never raises on bad PDFs)."""
    from officer_desk.signing.verify import verify_pdf

    return verify_pdf(path.read_bytes(), extra_trust=[], home=home, file=str(path))


def _check_receipt(arg: str, home: Any) -> Any:
    from officer_desk.receipts.verify_receipt import verify_receipt_arg

    return verify_receipt_arg(arg, home)


class VerifyDialog(QDialog):
    """Choose a PDF and see whether its signatures hold; or check a receipt's QR code."""

    def __init__(self, desk: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        self.last_result: Any = None
        self.setObjectName("verify_dialog")
        self.setWindowTitle(self.tr("Verify a signed document"))

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Check the digital signatures of a PDF (decision, receipt, notice), "
                               "or the QR code printed on a receipt."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        buttons_row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("&Choose a signed PDF…"))
        self.choose_button.setObjectName("choose_pdf_button")
        self.choose_button.clicked.connect(lambda: self.choose_pdf())
        self.receipt_button = QPushButton(self.tr("Check receipt &QR (PDF or photo)…"))
        self.receipt_button.setObjectName("check_receipt_button")
        self.receipt_button.clicked.connect(lambda: self.choose_receipt())
        buttons_row.addWidget(self.choose_button)
        buttons_row.addWidget(self.receipt_button)
        buttons_row.addStretch(1)
        layout.addLayout(buttons_row)

        payload_row = QHBoxLayout()
        payload_label = QLabel(self.tr("Or paste the &QR text:"))
        self.payload_edit = QLineEdit()
        self.payload_edit.setObjectName("payload_edit")
        self.payload_edit.setClearButtonEnabled(True)
        self.payload_edit.setPlaceholderText(self.tr("ODR1:… (scan the receipt's QR code here)"))
        payload_label.setBuddy(self.payload_edit)
        self.payload_button = QPushButton(self.tr("Check"))
        self.payload_button.setObjectName("check_payload_button")
        self.payload_button.clicked.connect(self._check_pasted)
        self.payload_edit.returnPressed.connect(self._check_pasted)
        payload_row.addWidget(payload_label)
        payload_row.addWidget(self.payload_edit, 1)
        payload_row.addWidget(self.payload_button)
        layout.addLayout(payload_row)

        self.file_label = QLabel()
        self.file_label.setObjectName("file_label")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_label)

        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdict_label")
        self.verdict_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict_label.setMinimumHeight(56)
        font = self.verdict_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.verdict_label.setFont(font)
        layout.addWidget(self.verdict_label)

        self.message_label = QLabel()
        self.message_label.setObjectName("message_label")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)

        self.details = QTextBrowser()
        self.details.setObjectName("verify_details")
        self.details.setOpenLinks(False)
        layout.addWidget(self.details, 1)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self._set_verdict("", "")
        self.choose_button.setDefault(True)
        self.choose_button.setFocus()
        self.resize(780, 720)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        # Enter in the QR text box checks that text (returnPressed); it must not also press the
        # dialog's default button, which would open the file chooser.
        if self.payload_edit.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ commands

    def choose_pdf(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a signed PDF"), "",
                                                    self.tr("PDF (*.pdf);;All files (*)"))
        if name:
            self.verify_file(name)

    def choose_receipt(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a receipt (PDF or photo)"), "",
            self.tr("Receipts (*.pdf *.png *.jpg *.jpeg);;All files (*)"))
        if name:
            self.check_receipt(name)

    def _check_pasted(self) -> None:
        text = self.payload_edit.text().strip()
        if text:
            self.check_receipt(text)

    def verify_file(self, path: str | Path) -> None:
        """Verify the signatures of ``path`` on the task runner; the result replaces what is shown."""
        target = Path(path)
        home = self.desk.home
        self.file_label.setText(self.tr("File: {file}").format(file=target.name))
        self._start(self.tr("Verifying the signatures…"), lambda: _read_and_verify(target, home), self.show_report)

    def check_receipt(self, path_or_text: str) -> None:
        """Check a receipt's QR payload: a PDF or image file, or the payload text itself."""
        home = self.desk.home
        shown = Path(path_or_text).name if len(path_or_text) < 300 and Path(path_or_text).is_file() else ""
        self.file_label.setText(self.tr("Receipt: {file}").format(file=shown) if shown
                                else self.tr("Receipt QR text"))
        self._start(self.tr("Checking the receipt QR…"), lambda: _check_receipt(path_or_text, home),
                    self.show_receipt)

    def _start(self, label: str, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_verdict("", "")
        self.message_label.setText(label)
        self.details.clear()
        for button in (self.choose_button, self.receipt_button, self.payload_button):
            button.setEnabled(False)

        def finished(result: Any) -> None:
            self._finish()
            done(result)

        self.runner.submit(fn, finished, self._failed, owner=self)

    def _finish(self) -> None:
        for button in (self.choose_button, self.receipt_button, self.payload_button):
            button.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        """A file that cannot be read (or any failure) is a message in the dialog, never a traceback."""
        self._finish()
        message, details = describe_error(exc)
        self.last_result = exc
        self._set_verdict(self.tr("Not checked"), "unreadable")
        self.message_label.setText(message)
        self.details.setPlainText(details)

    # ------------------------------------------------------------------ results

    def _set_verdict(self, text: str, verdict: str) -> None:
        self.verdict_label.setText(text)
        self.verdict_label.setProperty("verdict", verdict)
        if not text:
            self.verdict_label.setStyleSheet("")
            self.verdict_label.hide()
            return
        colour, background = VERDICT_COLOURS.get(verdict, VERDICT_COLOURS["unreadable"])
        self.verdict_label.setStyleSheet(
            f"color: {colour}; background: {background}; border: 2px solid {colour}; border-radius: 6px; "
            "padding: 6px;")
        self.verdict_label.show()

    def show_report(self, report: Any) -> None:
        """Show a ``VerificationReport``: the overall verdict, then one block per signature."""
        self.last_result = report
        self._set_verdict(report.verdict_label, report.verdict)
        count = len(report.signatures)
        if report.verdict == "unreadable":
            summary = self.tr("The file could not be checked: {reason}").format(
                reason="; ".join(report.reasons) or report.verdict_label)
        elif count == 0:
            summary = "; ".join(report.reasons) or self.tr("The document has no signature.")
        else:
            summary = self.tr("{count} signature(s) checked.").format(count=count)
        self.message_label.setText(summary)
        blocks = [self._signature_html(index, signature) for index, signature in enumerate(report.signatures, 1)]
        self.details.setHtml("".join(blocks))

    def _signature_html(self, index: int, sig: Any) -> str:
        colour, _background = VERDICT_COLOURS.get(sig.verdict, VERDICT_COLOURS["unreadable"])
        yes, no = self.tr("yes"), self.tr("no")
        integrity = {"intact": self.tr("intact (the signed content is unchanged)"),
                     "broken": self.tr("BROKEN (the signed content was changed)")}.get(sig.integrity, sig.integrity)
        modification = {"none": self.tr("none"),
                        "allowed": self.tr("allowed changes only (form filling, later signatures)"),
                        "illegal": self.tr("changes NOT allowed after signing")}.get(sig.modification,
                                                                                        sig.modification)
        revocation = {"good": self.tr("not revoked"), "revoked": self.tr("REVOKED"),
                      "unknown": self.tr("unknown (no revocation information)")}.get(sig.revocation, sig.revocation)
        anchor = sig.trust_anchor
        anchor_text = (f"{html.escape(anchor.subject)}<br><small>SHA-256 {html.escape(anchor.sha256)}</small>"
                       f"<br>{html.escape(anchor.status_label)}" if anchor is not None
                       else html.escape(self.tr("none found")))
        rows = [
            (self.tr("Signer"), html.escape(sig.signer or "—")),
            (self.tr("Organisation"), html.escape(sig.organisation or "—")),
            (self.tr("Signing time"), html.escape(_local_time(sig.signing_time))),
            (self.tr("Timestamped"), html.escape(yes if sig.timestamped else no)),
            (self.tr("Integrity"), html.escape(integrity)),
            (self.tr("Changes after signing"), html.escape(modification)),
            (self.tr("Certificate chain"), "<br>".join(html.escape(c) for c in sig.chain) or "—"),
            (self.tr("Trust anchor"), anchor_text),
            (self.tr("Revocation"), html.escape(revocation)),
        ]
        title = self.tr("Signature {number}: {verdict}").format(number=index, verdict=sig.verdict_label)
        parts = [f"<h3 style='color:{colour}'>{html.escape(title)}</h3>",
                 "<table cellspacing='0' cellpadding='3' width='100%'>"]
        for label, value in rows:
            parts.append(f"<tr><td width='30%' valign='top'><b>{html.escape(label)}</b></td>"
                         f"<td valign='top'>{value}</td></tr>")
        parts.append("</table>")
        changes = list(getattr(sig, "changes", []) or [])
        if changes:
            changes_label = (self.tr("Modified after signing — what differs from the signed document")
                             if sig.modification == "illegal" else self.tr("Changes after signing (allowed)"))
            parts.append(f"<p><b>{html.escape(changes_label)}</b></p><ul>")
            parts.extend(f"<li>{html.escape(change)}</li>" for change in changes)
            parts.append("</ul>")
        if sig.reasons:
            reasons_label = self.tr("Reasons")
            parts.append(f"<p><b>{html.escape(reasons_label)}</b></p><ul>")
            parts.extend(f"<li>{html.escape(reason)}</li>" for reason in sig.reasons)
            parts.append("</ul>")
        parts.append("<hr>")
        return "".join(parts)

    def receipt_label(self, status: str) -> str:
        labels = {
            "genuine": self.tr("Genuine"),
            "tampered": self.tr("Tampered"),
            "unknown_issuer": self.tr("Unknown issuer"),
            "not_ours": self.tr("No receipt QR found"),
        }
        return labels.get(status, status)

    def show_receipt(self, result: Any) -> None:
        """Show a ``ReceiptVerification``: genuine / tampered / unknown issuer, the reason and the fields."""
        self.last_result = result
        verdict = result.verdict
        self._set_verdict(self.receipt_label(verdict.status), verdict.status)
        explanations = {
            "genuine": self.tr("The QR code was issued and signed by a trusted desk and has not been altered."),
            "tampered": self.tr("The QR code is in the desk's format but was altered or signed with another key."),
            "unknown_issuer": self.tr("The QR code is well formed, but the desk that issued it is not trusted "
                                      "on this computer."),
            "not_ours": self.tr("No QR code issued by a desk was found."),
        }
        self.message_label.setText(explanations.get(verdict.status, ""))
        names = {"dossier_code": self.tr("Dossier code"), "doc_type": self.tr("Document"),
                 "name_hash": self.tr("Applicant name (hash)"),
                 "appointment": self.tr("Appointment"), "desk_id": self.tr("Desk"),
                 "issued_at": self.tr("Issued at"), "key_id": self.tr("Key")}
        parts = [f"<p>{html.escape(verdict.reason)}</p>"] if verdict.reason else []
        fields = [(names.get(key, key), value) for key, value in verdict.fields.items() if value]
        if fields:
            parts.append("<table cellspacing='0' cellpadding='3'>")
            parts.extend(f"<tr><td><b>{html.escape(str(label))}</b></td><td>{html.escape(str(value))}</td></tr>"
                         for label, value in fields)
            parts.append("</table>")
        self.details.setHtml("".join(parts))
