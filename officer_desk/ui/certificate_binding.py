"""Settings › "Ký số & in": bind an officer's signing certificate to the account (administrators).

A PKCS#12 file is imported into the desk's keystore (its password is used once, to check and import it,
and never stored); a token key is chosen from the keys the token lists (no PIN needed: certificates are
public objects), with the PKCS#11 module path kept as a setting. Either way the core checks the
certificate before binding it (validity dates, key usage for signatures, chain to the trust store) and
the dialog shows its reason in words when it refuses. Nothing is bound half-way.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from officer_desk.accounts.certificates import P12Source, TokenSource
from officer_desk.accounts.service import AccountInfo, AccountService
from officer_desk.desk import Desk
from officer_desk.signing.keystore import KeyEntry, Pkcs11Keystore
from officer_desk.ui.dialogs import describe_error
from officer_desk.ui.tasks import TaskRunner


class CertificateBindingDialog(QDialog):
    """Choose an account and its certificate (P12 or token key); the core checks it before binding."""

    bound = Signal(object)  # AccountInfo

    def __init__(self, desk: Desk, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        self.setObjectName("certificate_binding")
        self.setWindowTitle(self.tr("Bind a signing certificate"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.account = QComboBox()
        self.account.setObjectName("binding_account")
        form.addRow(self.tr("Account:"), self.account)
        self.use_p12 = QRadioButton(self.tr("PKCS#12 file (.p12, .pfx)"))
        self.use_p12.setObjectName("binding_p12")
        self.use_p12.setChecked(True)
        self.use_token = QRadioButton(self.tr("USB token (PKCS#11)"))
        self.use_token.setObjectName("binding_token")
        form.addRow(self.use_p12)
        p12_row = QHBoxLayout()
        self.p12 = QLineEdit()
        self.p12.setObjectName("binding_p12_path")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        p12_row.addWidget(self.p12, 1)
        p12_row.addWidget(browse)
        form.addRow(self.tr("File:"), p12_row)
        self.password = QLineEdit()
        self.password.setObjectName("binding_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Its password (not stored):"), self.password)
        form.addRow(self.use_token)
        module_row = QHBoxLayout()
        self.module = QLineEdit(desk.config.pkcs11_module)
        self.module.setObjectName("binding_module")
        self.module.setPlaceholderText(self.tr("The token's PKCS#11 library, e.g. /usr/lib/…/libvnpt-ca.so"))
        read = QPushButton(self.tr("Read the token"))
        read.setObjectName("binding_read_token")
        read.clicked.connect(self.read_token)
        module_row.addWidget(self.module, 1)
        module_row.addWidget(read)
        form.addRow(self.tr("Module:"), module_row)
        self.key = QComboBox()
        self.key.setObjectName("binding_key")
        form.addRow(self.tr("Key and certificate:"), self.key)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("binding_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Check and bind"))
        self.buttons.accepted.connect(self.bind)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._service = AccountService(desk.db, desk.home, desk.acting, desk.config.desk_number)
        self.runner.submit(self._service.list, self._show_accounts, self._failed, owner=self)

    def _show_accounts(self, accounts: list[AccountInfo]) -> None:
        self.account.clear()
        for info in accounts:
            current = info.certificate.common_name if info.certificate else self.tr("no certificate")
            self.account.addItem(f"{info.full_name} ({info.username}) — {current}", info.username)
        index = self.account.findData(self.desk.officer)
        self.account.setCurrentIndex(max(0, index))

    def _failed(self, exc: object) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, BaseException):
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(describe_error(exc)[0])

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Signing key"), "",
                                                    self.tr("PKCS#12 (*.p12 *.pfx)"))
        if name:
            self.p12.setText(name)
            self.use_p12.setChecked(True)

    def read_token(self) -> None:
        """List the token's keys with their certificates (no PIN is asked)."""
        module = self.module.text().strip()
        self.use_token.setChecked(True)
        self.message.setText(self.tr("Reading the token…"))

        def shown(entries: list[KeyEntry]) -> None:
            self.key.clear()
            for entry in entries:
                self.key.addItem(self.tr("{name} — valid until {date}").format(
                    name=entry.common_name, date=entry.not_after[:10]), entry.id)
            self.message.setText("" if entries else self.tr("The token holds no key with a certificate."))

        self.runner.submit(lambda: Pkcs11Keystore(module).entries(), shown, self._failed, owner=self)

    def bind(self) -> None:
        username = self.account.currentData()
        if not username:
            return
        if self.use_p12.isChecked():
            source: P12Source | TokenSource = P12Source(Path(self.p12.text().strip()), self.password.text())
        else:
            if not self.key.currentData():
                self.message.setText(self.tr("Read the token and choose its key first."))
                return
            source = TokenSource(self.module.text().strip(), str(self.key.currentData()))
        self.password.clear()  # used once, for this check; never kept
        self.buttons.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Checking the certificate…"))

        def done(info: AccountInfo) -> None:
            self.buttons.setEnabled(True)
            self.message.setStyleSheet("color: #1b5e20;")
            certificate = info.certificate
            self.message.setText(self.tr("Bound to {user}: {subject}, valid until {date}.").format(
                user=info.username, subject=certificate.subject if certificate else "",
                date=certificate.not_after.strftime("%d/%m/%Y") if certificate else ""))
            self.bound.emit(info)
            self.runner.submit(self._service.list, self._show_accounts, self._failed, owner=self)

        self.runner.submit(lambda: self._service.bind_certificate(username, source), done, self._failed, owner=self)
