"""Settings: office and desk identity, office hours, database, language, certificate, printer.

Everything is written to the home's config.toml (``officer_desk.config``); QSettings only keeps
window geometry. A new language applies at once (the window is rebuilt); a new database location
applies at the next start.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from officer_desk.config import WEEKDAYS, DeskConfig, save_config
from officer_desk.ui.dialogs import show_error
from officer_desk.ui.printing import DocumentPrinter

_SPAN_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")


def parse_spans(text: str) -> tuple[str, ...] | None:
    """``"07:30-11:30, 13:30-17:00"`` -> spans; None when a span is malformed; () for closed."""
    spans = tuple(part.strip().replace(" ", "") for part in re.split(r"[,;]", text) if part.strip())
    if not all(_SPAN_RE.match(span) and span[:5] < span[6:] for span in spans):
        return None
    return spans


class SettingsDialog(QDialog):
    """Edit config.toml; ``language_changed`` fires after saving a new language."""

    language_changed = Signal(str)
    saved = Signal(object)  # DeskConfig
    certificate_bound = Signal(object)  # accounts.AccountInfo, from the binding dialog

    def __init__(self, desk: Any, parent: QWidget | None = None, runner: Any = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        config: DeskConfig = desk.config
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)

        # Office and desk.
        office = QWidget()
        form = QFormLayout(office)
        self.agency_name = QLineEdit(config.agency_name)
        self.agency_id = QLineEdit(config.agency_id)
        self.agency_id.setToolTip(self.tr("Agency identifier (QCVN), the first part of every dossier code"))
        self.agency_header = QPlainTextEdit("\n".join(config.agency_header))
        self.agency_header.setTabChangesFocus(True)
        self.agency_header.setMaximumHeight(70)
        self.agency_address = QLineEdit(config.agency_address)
        self.province = QLineEdit(config.province)
        self.desk_number = QSpinBox()
        self.desk_number.setRange(1, 9)
        self.desk_number.setValue(config.desk_number)
        self.officer_name = QLineEdit(config.officer_name)
        self.officer_name.setPlaceholderText(desk.officer)
        for label, widget in (
            (self.tr("Office &name:"), self.agency_name),
            (self.tr("Agency &code:"), self.agency_id),
            (self.tr("Document &header (one line each):"), self.agency_header),
            (self.tr("&Address:"), self.agency_address),
            (self.tr("&Province:"), self.province),
            (self.tr("&Desk number:"), self.desk_number),
            (self.tr("Officer's full &name:"), self.officer_name),
        ):
            form.addRow(label, widget)  # a text label becomes the field's buddy (Alt+letter)
        self.tabs.addTab(office, self.tr("Office && desk"))

        # Hours.
        hours = QWidget()
        hours_layout = QVBoxLayout(hours)
        hours_layout.addWidget(QLabel(self.tr(
            "Opening hours per weekday, as HH:MM-HH:MM spans separated by commas; empty = closed.")))
        self.hours_table = QTableWidget(len(WEEKDAYS), 2)
        self.hours_table.setObjectName("hours_table")
        self.hours_table.setHorizontalHeaderLabels([self.tr("Office hours"), self.tr("Result collection hours")])
        day_names = [self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                     self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday")]
        self.hours_table.setVerticalHeaderLabels(day_names)
        for row, day in enumerate(WEEKDAYS):
            self.hours_table.setItem(row, 0, QTableWidgetItem(", ".join(config.office_hours.get(day, ()))))
            self.hours_table.setItem(row, 1, QTableWidgetItem(", ".join(config.collection_hours.get(day, ()))))
        self.hours_table.horizontalHeader().setStretchLastSection(True)
        self.hours_table.setColumnWidth(0, 220)
        hours_layout.addWidget(self.hours_table)
        self.tabs.addTab(hours, self.tr("&Hours"))

        # Database and language.
        system = QWidget()
        system_form = QFormLayout(system)
        self.database_url = QLineEdit(config.database_url)
        self.database_url.setPlaceholderText(self.tr("empty = the local encrypted file"))
        self.database_url.setToolTip(self.tr("postgresql://user@server/officer_desk for a shared database"))
        local = QLabel(str(desk.home.database))
        local.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.language = QComboBox()
        self.language.setObjectName("language_combo")
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(config.language)))
        system_form.addRow(self.tr("Local database file:"), local)
        system_form.addRow(self.tr("&Server URL:"), self.database_url)
        system_form.addRow(self.tr("&Language:"), self.language)
        self.tabs.addTab(system, self.tr("Database && &language"))

        # Signing and printing.
        output = QWidget()
        output_form = QFormLayout(output)
        certificate_row = QHBoxLayout()
        self.certificate = QLineEdit(config.default_certificate)
        self.certificate.setPlaceholderText(self.tr("PKCS#12 file or token key id"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse_certificate)
        certificate_row.addWidget(self.certificate, 1)
        certificate_row.addWidget(browse)
        self.printer = QComboBox()
        self.printer.setEditable(True)
        self.printer.addItem(self.tr("System default printer"), "")
        for name in self._printers():
            self.printer.addItem(name, name)
        if config.printer and self.printer.findData(config.printer) < 0:
            self.printer.addItem(config.printer, config.printer)
        self.printer.setCurrentIndex(max(0, self.printer.findData(config.printer)))
        self.paper = QComboBox()
        for value, text in (("a5", self.tr("A5 (receipts)")), ("a4", self.tr("A4")),
                            ("thermal80", self.tr("Thermal roll 80 mm"))):
            self.paper.addItem(text, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(config.paper_size)))
        self._signing_rows(output_form, config, certificate_row)
        output_form.addRow(self.tr("&Printer:"), self.printer)
        output_form.addRow(self.tr("Paper si&ze:"), self.paper)
        self.tabs.addTab(output, self.tr("&Signing && printing"))

        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, 480)

    def _signing_rows(self, form: QFormLayout, config: DeskConfig, certificate_row: QHBoxLayout) -> None:
        """A set-up desk signs with each officer's own certificate (issue 9): the desk-wide default is
        not used there; instead the binding of certificates to accounts, the token module and how long a
        PIN is kept."""
        from PySide6.QtWidgets import QCheckBox

        from officer_desk.accounts.roles import Permission

        self.keep_pin_pkcs12 = QCheckBox(self.tr("Keep the PKCS#12 password for the signing session"))
        self.keep_pin_pkcs12.setObjectName("keep_pin_pkcs12")
        self.keep_pin_pkcs12.setChecked(bool(config.keep_pin_pkcs12))
        self.keep_pin_token = QCheckBox(self.tr("Keep the token logged in for the signing session"))
        self.keep_pin_token.setObjectName("keep_pin_token")
        self.keep_pin_token.setChecked(bool(config.keep_pin_token))
        self.pkcs11_module = QLineEdit(config.pkcs11_module)
        self.pkcs11_module.setObjectName("pkcs11_module")
        self.idle_lock = QSpinBox()
        self.idle_lock.setObjectName("idle_lock_minutes")
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSuffix(self.tr(" min (0: never)"))
        self.idle_lock.setValue(int(config.idle_lock_minutes))
        if not getattr(self.desk, "set_up", False):
            form.addRow(self.tr("Default &certificate:"), certificate_row)
            return
        for index in range(certificate_row.count()):
            item = certificate_row.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
        self.bind_button = QPushButton(self.tr("Bind an officer's certificate…"))
        self.bind_button.setObjectName("bind_certificate_button")
        self.bind_button.clicked.connect(self.open_binding)
        self.bind_button.setVisible(self.desk.acting.allows(Permission.ACCOUNT_MANAGE))
        form.addRow(self.tr("Certificates:"), self.bind_button)
        form.addRow(self.tr("Token &module (PKCS#11):"), self.pkcs11_module)
        form.addRow("", self.keep_pin_pkcs12)
        form.addRow("", self.keep_pin_token)
        form.addRow(self.tr("&Lock after idle:"), self.idle_lock)

    def open_binding(self) -> None:
        from officer_desk.ui.certificate_binding import CertificateBindingDialog
        from officer_desk.ui.tasks import TaskRunner

        dialog = CertificateBindingDialog(self.desk, self.runner or TaskRunner(self), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.bound.connect(self.certificate_bound)
        self.binding_dialog = dialog
        dialog.open()

    @staticmethod
    def _printers() -> list[str]:
        return DocumentPrinter.printer_names()

    def _chosen_printer(self) -> str:
        text = self.printer.currentText().strip()
        if self.printer.currentIndex() == 0 and text == self.printer.itemText(0):
            return ""  # the system default
        return str(self.printer.currentData() or text)

    def _browse_certificate(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose certificate"), "",
                                                    self.tr("PKCS#12 (*.p12 *.pfx);;All files (*)"))
        if name:
            self.certificate.setText(name)

    def collect(self) -> DeskConfig | None:
        """The edited configuration, or None (with a message) when something is malformed."""
        office: dict[str, tuple[str, ...]] = {}
        collection: dict[str, tuple[str, ...]] = {}
        for row, day in enumerate(WEEKDAYS):
            for column, target in ((0, office), (1, collection)):
                item = self.hours_table.item(row, column)
                spans = parse_spans(item.text() if item else "")
                if spans is None:
                    self.tabs.setCurrentIndex(1)
                    self.hours_table.setCurrentCell(row, column)
                    self.message.setText(self.tr("{day}: write hours as HH:MM-HH:MM, separated by commas.").format(
                        day=self.hours_table.verticalHeaderItem(row).text()))
                    return None
                if spans:
                    target[day] = spans
        if not self.agency_id.text().strip():
            self.tabs.setCurrentIndex(0)
            self.agency_id.setFocus()
            self.message.setText(self.tr("The agency code is required."))
            return None
        url = self.database_url.text().strip()
        if url and not url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
            self.tabs.setCurrentIndex(2)
            self.database_url.setFocus()
            self.message.setText(self.tr("The server URL must start with postgresql://"))
            return None
        return replace(
            self.desk.config,
            agency_name=self.agency_name.text().strip(),
            agency_id=self.agency_id.text().strip(),
            agency_header=tuple(line.strip() for line in self.agency_header.toPlainText().splitlines()
                                if line.strip()),
            agency_address=self.agency_address.text().strip(),
            province=self.province.text().strip(),
            desk_number=self.desk_number.value(),
            officer_name=self.officer_name.text().strip(),
            office_hours=office,
            collection_hours=collection,
            database_url=url,
            language=str(self.language.currentData()),
            default_certificate=self.certificate.text().strip(),
            pkcs11_module=self.pkcs11_module.text().strip(),
            keep_pin_pkcs12=int(self.keep_pin_pkcs12.isChecked()),
            keep_pin_token=int(self.keep_pin_token.isChecked()),
            idle_lock_minutes=self.idle_lock.value(),
            printer=self._chosen_printer(),
            paper_size=str(self.paper.currentData()),
        )

    def save(self) -> None:
        config = self.collect()
        if config is None:
            return
        previous: DeskConfig = self.desk.config
        try:
            save_config(config, self.desk.home)
        except Exception as exc:  # noqa: BLE001 - shown to the officer; nothing is half-written (atomic)
            show_error(self, exc, self.tr("Settings were not saved"))
            return
        self.desk.config = config
        self.saved.emit(config)
        self.accept()
        if config.database_url != previous.database_url:
            parent = self.parentWidget()
            if isinstance(parent, QMainWindow):
                parent.statusBar().showMessage(self.tr("The new database location is used from the next start."),
                                               10000)
        if config.language != previous.language:
            self.language_changed.emit(config.language)
