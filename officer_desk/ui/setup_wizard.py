"""First-run set-up of an office's desk in the window (QWizard), the same validation as ``officer-desk setup``.

Shown when the home is empty. The office (name, agency code, province and commune after the 2025 merger,
desk number), the administrator account, how the database key is kept (with a recovery copy), the
printer (with a test page) and the office's certificates (trust anchors, the administrator's PKCS#12).
The desk is created by ``accounts.setup.set_up_desk`` on a worker: it checks everything again and leaves
the home empty when it refuses. Demo mode is a separate, clearly marked choice on the first page, never
what an error falls back to.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from officer_desk.accounts.certificates import P12Source
from officer_desk.accounts.passwords import check_password_rules
from officer_desk.accounts.service import check_full_name, check_username
from officer_desk.accounts.setup import SetupRequest, SetupResult, set_up_desk
from officer_desk.errors import DeskError
from officer_desk.paths import Home
from officer_desk.rules.provinces import PROVINCE_CODES, province_of_place
from officer_desk.ui.dialogs import describe_error
from officer_desk.ui.printing import DocumentPrinter
from officer_desk.ui.tasks import TaskRunner

PROVINCES_2025 = sorted({after for _before, after in PROVINCE_CODES.values()})


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setObjectName("page_error")
    return label


class ChoicePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to Officer Desk"))
        self.setSubTitle(self.tr("This computer has no desk yet. Set up the desk of a real office, or try the "
                                 "program in demo mode."))
        layout = QVBoxLayout(self)
        self.office = QRadioButton(self.tr("Set up this office's desk (real dossiers, the officers' own "
                                           "certificates)"))
        self.office.setObjectName("choice_office")
        self.office.setChecked(True)
        self.demo = QRadioButton(self.tr("DEMO MODE — synthetic dossiers and a demo certificate. Never for "
                                         "real citizens' papers."))
        self.demo.setObjectName("choice_demo")
        self.demo.setStyleSheet("color: #8a4b00; font-weight: 600;")
        layout.addWidget(self.office)
        layout.addWidget(self.demo)
        layout.addStretch(1)

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return -1 if self.demo.isChecked() else SetupWizard.OFFICE


class OfficePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The office"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.name.setObjectName("office_name")
        self.agency = QLineEdit()
        self.agency.setObjectName("agency_code")
        self.agency.setPlaceholderText("000.00.07.H41")
        self.province = QComboBox()
        self.province.setObjectName("province")
        self.province.setEditable(True)
        self.province.addItems(PROVINCES_2025)
        self.commune = QLineEdit()
        self.commune.setObjectName("commune")
        self.desk_number = QSpinBox()
        self.desk_number.setObjectName("desk_number")
        self.desk_number.setRange(1, 9)
        form.addRow(self.tr("Office name:"), self.name)
        form.addRow(self.tr("Agency code (in dossier codes):"), self.agency)
        form.addRow(self.tr("Province (since 01/07/2025):"), self.province)
        form.addRow(self.tr("Commune or ward:"), self.commune)
        form.addRow(self.tr("Counter (desk) number:"), self.desk_number)
        self.error = _error_label()
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if not self.name.text().strip():
            self.error.setText(self.tr("Enter the office's name."))
            return False
        agency = self.agency.text().strip()
        if not agency or any(ch.isspace() for ch in agency):
            self.error.setText(self.tr("Enter the agency code, without spaces."))
            return False
        if province_of_place(self.province.currentText()) is None:
            self.error.setText(self.tr("Choose a province from the list (after the 2025 merger)."))
            return False
        if not self.commune.text().strip():
            self.error.setText(self.tr("Enter the commune or ward."))
            return False
        self.error.clear()
        return True


class AdminPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The administrator's account"))
        self.setSubTitle(self.tr("The administrator adds the officers' accounts and certificates, and keeps "
                                 "the backups."))
        form = QFormLayout(self)
        self.user = QLineEdit()
        self.user.setObjectName("admin_user")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("admin_name")
        self.password = QLineEdit()
        self.password.setObjectName("admin_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("admin_password_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name:"), self.user)
        form.addRow(self.tr("Full name:"), self.full_name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.again)
        self.error = _error_label()
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        try:
            check_username(self.user.text().strip())
            check_full_name(self.full_name.text())
            check_password_rules(self.password.text())
        except DeskError as exc:
            self.error.setText(exc.message)
            return False
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords differ."))
            return False
        self.error.clear()
        return True


class KeyPage(QWizardPage):
    def __init__(self, home: Home) -> None:
        super().__init__()
        self.setTitle(self.tr("The database key"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Dossiers are encrypted with a key kept in the operating system's key store when there is one, "
            "else in the file {file} (readable by this account only). Losing every copy of the key loses "
            "the data: keep a recovery copy on a USB stick in the office safe.").format(file=str(home.key_file)))
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        self.recovery = QLineEdit()
        self.recovery.setObjectName("recovery_path")
        self.recovery.setPlaceholderText(self.tr("Recovery copy (optional): a file on a USB stick"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        row.addWidget(self.recovery, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.understood = QCheckBox(self.tr("I understand: without the key the data cannot be read."))
        self.understood.setObjectName("key_understood")
        layout.addWidget(self.understood)
        self.registerField("key_understood*", self.understood)
        layout.addStretch(1)

    def _choose(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Recovery copy of the key"), "", "*.key")
        if name:
            self.recovery.setText(name)


class PrinterPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The printer"))
        layout = QFormLayout(self)
        self.printer = QComboBox()
        self.printer.setObjectName("printer")
        self.printer.addItem(self.tr("(none yet)"), "")
        for name in DocumentPrinter.printer_names():
            self.printer.addItem(name, name)
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        for form, label in (("a5", "A5"), ("a4", "A4"), ("thermal80", self.tr("80 mm roll"))):
            self.paper.addItem(label, form)
        self.test_button = QPushButton(self.tr("Print a test page"))
        self.test_button.setObjectName("test_page_button")
        self.test_button.clicked.connect(self.print_test_page)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setObjectName("test_page_result")
        layout.addRow(self.tr("Printer:"), self.printer)
        layout.addRow(self.tr("Paper of receipts:"), self.paper)
        layout.addRow(self.test_button)
        layout.addRow(self.result)

    def print_test_page(self) -> None:
        """A sample receipt (unsigned, marked as a sample) on the chosen printer and paper."""
        from officer_desk.receipts.render import render_document
        from officer_desk.receipts.samples import sample_receipt

        name = self.printer.currentData()
        if not name:
            self.result.setText(self.tr("Choose a printer first."))
            return
        form = self.paper.currentData()
        # The sample receipt, unsigned and without a QR code: nothing on it can pass for a real receipt.
        pdf = render_document("receipt", sample_receipt(), form)
        outcome = DocumentPrinter().print_pdf(pdf, form, printer_name=name, copies=1,
                                              job_name=self.tr("Officer Desk test page"))
        self.result.setText(self.tr("The test page was sent to {printer}.").format(printer=name)
                            if outcome.accepted else outcome.reason)


class CertificatesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The office's certificates"))
        self.setSubTitle(self.tr("The certificate authority's certificates (PEM) that the desk trusts, and the "
                                 "administrator's own signing key (PKCS#12, optional; officers add theirs "
                                 "later). The key's password is used once to check it and is never stored."))
        layout = QVBoxLayout(self)
        self.anchors = QListWidget()
        self.anchors.setObjectName("trust_list")
        add = QPushButton(self.tr("Add a CA certificate…"))
        add.clicked.connect(self._add_anchor)
        layout.addWidget(self.anchors)
        layout.addWidget(add)
        form = QFormLayout()
        self.p12 = QLineEdit()
        self.p12.setObjectName("admin_p12")
        self.p12_password = QLineEdit()
        self.p12_password.setObjectName("admin_p12_password")
        self.p12_password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Administrator's key (.p12):"), self.p12)
        form.addRow(self.tr("Its password:"), self.p12_password)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)

    def _add_anchor(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("CA certificates"), "", "*.pem *.crt *.cer")
        for name in names:
            self.anchors.addItem(name)

    def anchor_paths(self) -> tuple[Path, ...]:
        return tuple(Path(self.anchors.item(i).text()) for i in range(self.anchors.count()))


class SetupWizard(QWizard):
    """The first-run wizard; ``result_mode`` is "office" (``self.setup_result``) or "demo" after acceptance."""

    CHOICE, OFFICE, ADMIN, KEY, PRINTER, CERTIFICATES = range(6)

    def __init__(self, home: Home, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.runner = runner
        self.setup_result: SetupResult | None = None
        self.result_mode = ""
        self._done = False
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("Set up Officer Desk"))
        self.choice, self.office, self.admin = ChoicePage(), OfficePage(), AdminPage()
        self.key, self.printer, self.certificates = KeyPage(home), PrinterPage(), CertificatesPage()
        for page_id, page in ((self.CHOICE, self.choice), (self.OFFICE, self.office), (self.ADMIN, self.admin),
                              (self.KEY, self.key), (self.PRINTER, self.printer),
                              (self.CERTIFICATES, self.certificates)):
            self.setPage(page_id, page)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def request(self) -> SetupRequest:
        p12 = self.certificates.p12.text().strip()
        return SetupRequest(
            office_name=self.office.name.text(), agency_code=self.office.agency.text(),
            province=self.office.province.currentText(), commune=self.office.commune.text(),
            desk_number=self.office.desk_number.value(), admin_username=self.admin.user.text().strip(),
            admin_full_name=self.admin.full_name.text(), admin_password=self.admin.password.text(),
            trust=self.certificates.anchor_paths(),
            certificate=P12Source(Path(p12), self.certificates.p12_password.text()) if p12 else None,
        )

    def accept(self) -> None:
        if self.choice.demo.isChecked():
            self.result_mode = "demo"
            super().accept()
            return
        if self._done:
            super().accept()
            return
        request = self.request()
        printer, paper = self.printer.printer.currentData() or "", self.printer.paper.currentData() or "a5"
        recovery = self.key.recovery.text().strip()
        self.certificates.error.setText(self.tr("Setting up the desk…"))
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)

        def create() -> SetupResult:
            from officer_desk.config import save_config
            from officer_desk.security import export_database_key

            result = set_up_desk(self.home, request)
            save_config(replace(result.config, printer=printer, paper_size=paper), self.home)
            if recovery:
                export_database_key(self.home, Path(recovery))
            return result

        def ok(result: SetupResult) -> None:
            self.setup_result, self.result_mode, self._done = result, "office", True
            self.accept()

        def failed(exc: object) -> None:
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            if isinstance(exc, BaseException):
                self.certificates.error.setText(describe_error(exc)[0])

        self.runner.submit(create, ok, failed, owner=self)
