"""A new dossier at the counter: procedure picker, generated declaration form, document checklist, scans.

The form is generated from the catalogue (``Procedure.fields`` and ``documents``) and validated inline;
a scanned chip-ID QR fills the applicant. Saving builds an application-format dossier and hands it to
the case service (which assigns the code and screens it) on a worker thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.catalogue import Catalogue, DeclarationField, DocumentRequirement, Procedure
from officer_desk.catalogue.fees import carry_counts
from officer_desk.cccd_qr import CccdCard
from officer_desk.i18n import current_language
from officer_desk.rules.personal_id import id_number_problems, id_problem_message
from officer_desk.rules.phone import phone_problem
from officer_desk.rules.tax_code import tax_code_message, tax_code_problem
from officer_desk.text import fold
from officer_desk.ui import labels, services
from officer_desk.ui.dialogs import show_error
from officer_desk.ui.scanner import CccdScanCatcher
from officer_desk.ui.tasks import TaskRunner

_DATE_RE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PROCEDURE_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3
CODE_ROLE = Qt.ItemDataRole.UserRole + 4
ATTACHMENT_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}


def parse_date(text: str) -> date | None:
    match = _DATE_RE.match(text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def tax_code_valid(text: str) -> bool:
    return tax_code_problem(text, date.today().year) is None


class ProcedureFilter(QSortFilterProxyModel):
    """Diacritics-insensitive match on name, code and keywords; name matches rank first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._text = ""
        self.setSortRole(NAME_ROLE)

    def set_text(self, text: str) -> None:
        self._words = fold(text).split()
        self._text = " ".join(self._words)
        self.invalidate()
        self.sort(0)

    def _rank(self, index: Any) -> int:
        name = index.data(NAME_ROLE) or ""
        code = index.data(CODE_ROLE) or ""
        if self._text and (code.startswith(self._text) or name.startswith(self._text)):
            return 0
        if self._text and self._text in name:
            return 1
        if self._words and all(word in name for word in self._words):
            return 2
        return 3

    def lessThan(self, left: Any, right: Any) -> bool:  # noqa: N802
        return (self._rank(left), left.data(NAME_ROLE) or "") < (self._rank(right), right.data(NAME_ROLE) or "")

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:  # noqa: N802
        if not self._words:
            return True
        haystack = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(word in haystack for word in self._words)


class ProcedurePicker(QWidget):
    """Search box + list of procedures; Enter or a click chooses."""

    chosen = Signal(object)  # Procedure

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        language = current_language()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Procedure (name or code):"))
        layout.addWidget(label)
        self.search = QLineEdit()
        self.search.setObjectName("procedure_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("e.g. khai sinh, tam tru, 1.004194"))
        label.setBuddy(self.search)
        layout.addWidget(self.search)
        self.source = QStandardItemModel(self)
        for procedure in sorted(catalogue, key=lambda p: p.name(language)):
            item = QStandardItem(f"{procedure.name(language)}\n{procedure.code} · {procedure.field_vi}")
            item.setData(procedure, PROCEDURE_ROLE)
            item.setData(fold(" ".join((procedure.name_vi, procedure.name_en, procedure.code,
                                        *procedure.keywords, *procedure.aliases))), SEARCH_ROLE)
            item.setData(fold(procedure.name(language)), NAME_ROLE)
            item.setData(procedure.code, CODE_ROLE)
            item.setToolTip(f"{procedure.name(language)} ({procedure.code})")
            item.setEditable(False)
            self.source.appendRow(item)
        self.proxy = ProcedureFilter(self)
        self.proxy.setSourceModel(self.source)
        self.list = QListView()
        self.list.setObjectName("procedure_list")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(1)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list, 1)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_current)
        self.search.installEventFilter(self)
        self.list.activated.connect(lambda index: self._choose(index))
        self.list.clicked.connect(lambda index: self._choose(index))
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _choose_current(self) -> None:
        if self.list.currentIndex().isValid():
            self._choose(self.list.currentIndex())

    def _choose(self, index: Any) -> None:
        procedure = index.data(PROCEDURE_ROLE)
        if procedure is not None:
            self.chosen.emit(procedure)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
        # Up/Down in the search box move through the list without leaving the box.
        if watched is self.search and event.type() == event.Type.KeyPress and event.key() in (
            Qt.Key.Key_Up, Qt.Key.Key_Down
        ):
            row = self.list.currentIndex().row() + (1 if event.key() == Qt.Key.Key_Down else -1)
            if 0 <= row < self.proxy.rowCount():
                self.list.setCurrentIndex(self.proxy.index(row, 0))
            return True
        return super().eventFilter(watched, event)

    def select_code(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            procedure = self.proxy.index(row, 0).data(PROCEDURE_ROLE)
            if procedure.code == code:
                self.list.setCurrentIndex(self.proxy.index(row, 0))
                self.chosen.emit(procedure)
                return True
        return False


@dataclass
class FieldEditor:
    """One input with its type, requiredness and inline error label."""

    key: str  # "applicant.full_name" or "form.<dotted path>"
    kind: str
    required: bool
    widget: QWidget
    error: QLabel

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QLineEdit):
            return w.text().strip()
        if isinstance(w, QComboBox):
            return w.currentData() if w.currentData() is not None else w.currentText().strip()
        if isinstance(w, QCheckBox):
            return w.isChecked()
        return None

    def set_value(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QLineEdit):
            w.setText(str(value))
        elif isinstance(w, QComboBox):
            index = w.findData(value)
            if index < 0:
                index = w.findText(str(value))
            if index >= 0:
                w.setCurrentIndex(index)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))


class DocumentChecklist(QTreeWidget):
    """The procedure's documents; files dropped on a row are attached to it."""

    files_dropped = Signal(object, list)  # QTreeWidgetItem | None, [paths]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: Any) -> None:  # noqa: N802
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
        if not paths:
            super().dropEvent(event)
            return
        item = self.itemAt(event.position().toPoint())
        self.files_dropped.emit(item, paths)
        event.acceptProposedAction()


class IntakeDialog(QDialog):
    """Receive a new dossier at the counter."""

    case_created = Signal(str)  # dossier code

    def __init__(self, desk: Any, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        self.procedure: Procedure | None = None
        self.editors: dict[str, FieldEditor] = {}
        self.files: dict[int, Path] = {}  # checklist row -> attached scan
        self.saving = False
        self.setObjectName("intake_dialog")
        self.setWindowTitle(self.tr("New dossier"))
        self.setAcceptDrops(True)
        self.scanner = CccdScanCatcher(self)
        self.scanner.scanned.connect(self.fill_from_card)
        self.scanner.scan_failed.connect(self._scan_failed)

        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("intake_split")
        outer.addWidget(split, 1)
        self.picker = ProcedurePicker(desk.catalogue)
        self.picker.chosen.connect(self.set_procedure)
        self.picker.setMinimumWidth(300)
        split.addWidget(self.picker)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("intake_title")
        self.title.setWordWrap(True)
        right_layout.addWidget(self.title)
        right_split = QSplitter(Qt.Orientation.Vertical)
        right_layout.addWidget(right_split, 1)

        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_host = QWidget()
        self.form_layout = QVBoxLayout(self.form_host)
        self.form_layout.setContentsMargins(0, 0, 8, 0)
        self.form_scroll.setWidget(self.form_host)
        right_split.addWidget(self.form_scroll)

        documents = QWidget()
        documents_layout = QVBoxLayout(documents)
        documents_layout.setContentsMargins(0, 4, 0, 0)
        doc_label = QLabel(self.tr("&Documents handed in (tick what is present; drop scans on a row):"))
        documents_layout.addWidget(doc_label)
        self.checklist = DocumentChecklist()
        self.checklist.setObjectName("document_checklist")
        self.checklist.setRootIsDecorated(False)
        self.checklist.setHeaderLabels([self.tr("Document"), self.tr("Kind"), self.tr("Qty"), self.tr("Scan")])
        self.checklist.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.checklist.header().setStretchLastSection(False)
        self.checklist.files_dropped.connect(self._files_dropped)
        doc_label.setBuddy(self.checklist)
        documents_layout.addWidget(self.checklist, 1)
        attach_row = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("&Attach scan…"))
        self.attach_button.setToolTip(self.tr("Attach a scan (PDF or image) to the selected document (Ctrl+O)"))
        self.attach_button.clicked.connect(self.attach_scan)
        self.detach_button = QPushButton(self.tr("Remove scan"))
        self.detach_button.clicked.connect(self.detach_scan)
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.detach_button)
        attach_row.addStretch(1)
        documents_layout.addLayout(attach_row)
        right_split.addWidget(documents)
        right_split.setSizes([520, 180])
        split.addWidget(right)
        split.setSizes([330, 770])

        self.message = QLabel()
        self.message.setObjectName("intake_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save and screen"))
        save.setToolTip(self.tr("Create the case and screen it (Ctrl+S)"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.attach_scan)
        self._build_applicant()
        self.set_procedure(None)
        self.resize(1160, 780)
        self.picker.search.setFocus()

    # ------------------------------------------------------------------ building the form

    def _editor(self, key: str, kind: str, required: bool, label: str, layout: QFormLayout,
                choices: tuple[str, ...] = ()) -> FieldEditor:
        widget: QWidget
        if kind in ("bool", "consent"):
            widget = QCheckBox()
        elif kind == "choice" or choices:
            combo = QComboBox()
            combo.addItem("", "")
            for choice in choices:
                combo.addItem(choice, choice)
            widget = combo
        else:
            edit = QLineEdit()
            edit.setClearButtonEnabled(True)
            if kind == "date":
                edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
            elif kind == "id_number":
                edit.setPlaceholderText(self.tr("12 digits"))
            elif kind == "phone":
                edit.setPlaceholderText(self.tr("e.g. 0912 345 678"))
            self.scanner.watch(edit)
            widget = edit
        widget.setObjectName(f"field_{key}")
        error = QLabel()
        error.setObjectName(f"error_{key}")
        error.setStyleSheet("color: #c62828; font-size: 9pt;")
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label + (" *" if required else "") + ":")
        caption.setBuddy(widget)
        layout.addRow(caption, holder)
        editor = FieldEditor(key, kind, required, widget, error)
        self.editors[key] = editor
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(lambda e=editor: self.validate(e))
            widget.textEdited.connect(lambda _t, e=editor: self._clear_error(e))
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i, e=editor: self.validate(e))
        return editor

    def _build_applicant(self) -> None:
        box = QGroupBox(self.tr("Applicant"))
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scan_edit = QLineEdit()
        self.scan_edit.setObjectName("scan_edit")
        self.scan_edit.setPlaceholderText(self.tr("Scan the QR on the citizen ID card here (or in any field)"))
        self.scanner.watch(self.scan_edit)
        scan_label = QLabel(self.tr("ID card &QR:"))
        scan_label.setBuddy(self.scan_edit)
        layout.addRow(scan_label, self.scan_edit)
        self._editor("applicant.full_name", "name", True, self.tr("&Full name"), layout)
        self._editor("applicant.date_of_birth", "date", True, self.tr("Date of &birth"), layout)
        self._editor("applicant.gender", "choice", True, self.tr("Se&x"), layout, ("Nam", "Nữ"))
        id_type = self._editor("applicant.id_type", "choice", True, self.tr("ID &type"), layout)
        combo = id_type.widget
        assert isinstance(combo, QComboBox)
        combo.clear()
        for value, text in (("CCCD", self.tr("Citizen ID (CCCD)")), ("CAN_CUOC", self.tr("Identity card (2024)")),
                            ("HO_CHIEU", self.tr("Passport")), ("CMND", self.tr("Old ID card (CMND)"))):
            combo.addItem(text, value)
        self._editor("applicant.id_number", "id_number", True, self.tr("ID &number"), layout)
        self._editor("applicant.phone", "phone", False, self.tr("P&hone"), layout)
        self._editor("applicant.email", "email", False, self.tr("E&mail"), layout)
        self._editor("applicant.address", "text", False, self.tr("&Address"), layout)
        self._editor("applicant.birth_registration_place", "text", False, self.tr("Birth registered in"), layout)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel_combo")
        for channel in ("truc_tiep", "truc_tuyen", "buu_chinh"):
            self.channel_combo.addItem(labels.channel_label(channel), channel)
        channel_label = QLabel(self.tr("C&hannel:"))
        channel_label.setBuddy(self.channel_combo)
        layout.insertRow(0, channel_label, self.channel_combo)
        self.form_layout.addWidget(box)
        self.declaration_box = QGroupBox(self.tr("Declaration"))
        self.declaration_layout = QFormLayout(self.declaration_box)
        self.declaration_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Catalogue labels are long sentences: they go above their field when they do not fit.
        self.declaration_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form_layout.addWidget(self.declaration_box)
        self.form_layout.addStretch(1)

    def set_procedure(self, procedure: Procedure | None) -> None:
        self.procedure = procedure
        for key in [k for k in self.editors if k.startswith("form.")]:
            del self.editors[key]
        while self.declaration_layout.rowCount():
            self.declaration_layout.removeRow(0)
        self.checklist.clear()
        self.files.clear()
        language = current_language()
        if procedure is None:
            self.title.setText(self.tr("<b>Choose the procedure</b> on the left (type part of its name or code, "
                                       "then Enter)."))
            self.declaration_box.hide()
            return
        self.title.setText(f"<b>{procedure.name(language)}</b> ({procedure.code}) — {procedure.field_vi}")
        self.declaration_box.show()
        for field in procedure.fields:
            self._declaration_editor(field, language)
        if not procedure.fields:
            self.declaration_layout.addRow(QLabel(self.tr("This procedure has no declaration fields.")))
        for document in procedure.documents:
            self._document_row(document, language)
        self.checklist.resizeColumnToContents(1)
        first = self.checklist.topLevelItem(0)
        if first is not None:
            self.checklist.setCurrentItem(first)

    def _declaration_editor(self, field: DeclarationField, language: str) -> None:
        label = field.label_en if language == "en" and field.label_en else field.label_vi
        self._editor(f"form.{field.name}", field.type, field.required, label, self.declaration_layout,
                     field.choices)

    def _document_row(self, document: DocumentRequirement, language: str) -> None:
        name = document.name_en if language == "en" and document.name_en else document.name_vi
        if document.required:
            name += " *"
        elif document.condition_vi and "(" not in name:
            name += " " + self.tr("(if applicable)")
        item = QTreeWidgetItem([name, "", "", self.tr("—")])
        item.setData(0, Qt.ItemDataRole.UserRole, document)
        item.setToolTip(0, document.condition_vi or name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        self.checklist.addTopLevelItem(item)
        kind = QComboBox()
        for value in ("original", "certified_copy", "copy"):
            kind.addItem(labels.kind_label(value), value)
        kind.setCurrentIndex(max(0, kind.findData(document.kind)))
        quantity = QSpinBox()
        quantity.setRange(1, 20)
        quantity.setValue(max(1, document.quantity))
        self.checklist.setItemWidget(item, 1, kind)
        self.checklist.setItemWidget(item, 2, quantity)

    # ------------------------------------------------------------------ scanning

    def fill_from_card(self, card: CccdCard) -> None:
        for key, value in card.applicant_fields().items():
            editor = self.editors.get(f"applicant.{key}")
            if editor is not None:
                editor.set_value(value)
        for editor in self.editors.values():
            if editor.key.startswith("applicant."):
                self.validate(editor)
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("Applicant filled from the ID card of {name}.").format(name=card.full_name))
        phone = self.editors["applicant.phone"].widget
        phone.setFocus()

    def _scan_failed(self, message: str) -> None:
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(message)

    # ------------------------------------------------------------------ attachments

    def _row_of(self, item: QTreeWidgetItem | None) -> int:
        return self.checklist.indexOfTopLevelItem(item) if item is not None else -1

    def attach(self, row: int, path: Path) -> bool:
        item = self.checklist.topLevelItem(row)
        if item is None:
            return False
        if path.suffix.lower() not in ATTACHMENT_EXTENSIONS or not path.is_file():
            self._scan_failed(self.tr("{file}: only PDF and image files (PNG, JPEG, TIFF) can be attached.").format(
                file=path.name))
            return False
        self.files[row] = path
        item.setText(3, path.name)
        item.setToolTip(3, str(path))
        item.setCheckState(0, Qt.CheckState.Checked)
        return True

    def detach_scan(self) -> None:
        current = self.checklist.currentItem()
        row = self._row_of(current)
        if current is not None and row in self.files:
            del self.files[row]
            current.setText(3, self.tr("—"))

    def attach_scan(self) -> None:
        row = self._row_of(self.checklist.currentItem())
        if row < 0:
            self._scan_failed(self.tr("Choose the procedure and a document first."))
            return
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Attach scan"), "", self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
        for name in names[:1]:
            self.attach(row, Path(name))

    def _files_dropped(self, item: QTreeWidgetItem | None, paths: list[Path]) -> None:
        row = self._row_of(item)
        if row < 0:
            row = self._row_of(self.checklist.currentItem())
        for path in paths:
            if row < 0:
                # Dropped beside the rows: the next document without a scan.
                row = next((r for r in range(self.checklist.topLevelItemCount()) if r not in self.files), -1)
            if row < 0:
                return
            self.attach(row, path)
            row = -1

    # ------------------------------------------------------------------ validation

    def _clear_error(self, editor: FieldEditor) -> None:
        if editor.error.isVisible():
            editor.error.hide()
            editor.widget.setStyleSheet("")

    def _show_error(self, editor: FieldEditor, message: str) -> None:
        if message:
            editor.error.setText(message)
            editor.error.show()
            editor.widget.setStyleSheet("border: 1px solid #c62828;")
        else:
            self._clear_error(editor)

    def problem(self, editor: FieldEditor) -> str:
        """The inline error for one field ('' when fine)."""
        value = editor.value()
        if editor.kind in ("bool",):
            return ""
        if editor.kind == "consent":
            return self.tr("The applicant's consent is required") if editor.required and not value else ""
        if value in ("", None):
            return self.tr("Required") if editor.required else ""
        text = str(value)
        kind = editor.kind
        if kind == "date":
            if not _DATE_RE.match(text):
                return self.tr("Enter a date as dd/mm/yyyy")
            if parse_date(text) is None:
                return self.tr("This date does not exist")
        elif kind == "id_number":
            return self._id_problem(editor.key, text)
        elif kind == "phone":
            return phone_problem(text) or ""
        elif kind == "email":
            if not _EMAIL_RE.match(text):
                return self.tr("Not a valid email address")
        elif kind == "tax_code":
            problem = tax_code_problem(text, date.today().year)
            if problem is not None:
                return tax_code_message(problem)
        elif kind == "number":
            if not re.fullmatch(r"\d+([.,]\d+)?", text.replace(".", "").replace(" ", "") or "x"):
                return self.tr("Enter a number")
        elif kind == "name":
            if any(ch.isdigit() for ch in text):
                return self.tr("A name cannot contain digits")
        return ""

    def _id_problem(self, key: str, text: str) -> str:
        if key == "applicant.id_number":
            id_type = self.editors["applicant.id_type"].value()
            if id_type == "HO_CHIEU":
                return ""
            if id_type == "CMND" and re.fullmatch(r"\d{9}", text.replace(" ", "")):
                return ""
            born = parse_date(str(self.editors["applicant.date_of_birth"].value()))
            gender = self.editors["applicant.gender"].value() or None
        else:
            born, gender = None, None
        return "; ".join(id_problem_message(p, text) for p in id_number_problems(text, born, gender))

    def validate(self, editor: FieldEditor) -> bool:
        message = self.problem(editor)
        self._show_error(editor, message)
        if editor.key in ("applicant.date_of_birth", "applicant.gender", "applicant.id_type"):
            id_editor = self.editors.get("applicant.id_number")
            if id_editor is not None and id_editor.value():
                self._show_error(id_editor, self.problem(id_editor))
        return not message

    def validate_all(self) -> list[FieldEditor]:
        return [editor for editor in self.editors.values() if not self.validate(editor)]

    # ------------------------------------------------------------------ saving

    def dossier(self) -> tuple[dict[str, Any], dict[str, Path]]:
        """The application-format object for the form, and the scans by file name."""
        assert self.procedure is not None
        applicant: dict[str, Any] = {}
        form: dict[str, Any] = {}
        for key, editor in self.editors.items():
            value = editor.value()
            if value in ("", None) or (value is False and editor.kind not in ("bool",)):
                continue
            section, _dot, dotted = key.partition(".")
            if section == "applicant":
                applicant[dotted] = value
            else:
                node = form
                parts = dotted.split(".")
                for part in parts[:-1]:
                    node = node.setdefault(part, {})
                node[parts[-1]] = value
        attachments: list[dict[str, Any]] = []
        files: dict[str, Path] = {}
        for row in range(self.checklist.topLevelItemCount()):
            item = self.checklist.topLevelItem(row)
            if item is None or item.checkState(0) != Qt.CheckState.Checked:
                continue
            document: DocumentRequirement = item.data(0, Qt.ItemDataRole.UserRole)
            kind_widget = self.checklist.itemWidget(item, 1)
            quantity_widget = self.checklist.itemWidget(item, 2)
            entry: dict[str, Any] = {
                "doc_type": document.id,
                "kind": kind_widget.currentData() if isinstance(kind_widget, QComboBox) else document.kind,
                "quantity": quantity_widget.value() if isinstance(quantity_widget, QSpinBox) else 1,
            }
            if document.presented_only:
                entry["presented_only"] = True
            if "the_can_cuoc" in document.accepts and applicant.get("id_type") in ("CCCD", "CAN_CUOC"):
                # The ID card shown at the counter carries the applicant's data for the identity checks.
                entry["doc_type"] = "the_can_cuoc"
                entry["fields"] = {k: v for k, v in (
                    ("so", applicant.get("id_number")),
                    ("ho_chu_dem_ten", str(applicant.get("full_name", "")).upper()),
                    ("ngay_sinh", applicant.get("date_of_birth")),
                    ("gioi_tinh", applicant.get("gender")),
                ) if v}
            scan = self.files.get(row)
            if scan is not None:
                name = f"{row + 1:02d}-{scan.name}"
                entry["file"] = name
                files[name] = scan
            attachments.append(entry)
        # Pages and copies for the fee travel in the attachment's fields (application-format.md).
        carry_counts(self.procedure, form, attachments)
        dossier = {
            "format": "officer-desk/application@1",
            "procedure_code": self.procedure.code,
            "channel": self.channel_combo.currentData(),
            "applicant": applicant,
            "form": form,
            "attachments": attachments,
        }
        return dossier, files

    def save(self) -> None:
        if self.saving:
            return
        self.scanner.flush()
        if self.procedure is None:
            self._scan_failed(self.tr("Choose the procedure first."))
            self.picker.search.setFocus()
            return
        invalid = self.validate_all()
        if invalid:
            self.message.setStyleSheet("color: #c62828;")
            self.message.setText(self.tr("Please correct the {count} fields marked in red.").format(
                count=len(invalid)))
            invalid[0].widget.setFocus()
            self.form_scroll.ensureWidgetVisible(invalid[0].widget)
            return
        dossier, files = self.dossier()
        desk = self.desk
        self.saving = True
        self.buttons.setEnabled(False)
        self.message.setStyleSheet("color: #616161;")
        self.message.setText(self.tr("Saving…"))

        def done(code: str) -> None:
            self.saving = False
            self.case_created.emit(code)
            self.accept()

        def failed(exc: Any) -> None:
            # Nothing is lost: the form stays filled and the officer can try again.
            self.saving = False
            self.buttons.setEnabled(True)
            self.message.setText("")
            show_error(self, exc, self.tr("The dossier was not saved"))

        self.runner.submit(lambda: services.intake_case(desk, dossier, files), done, failed, owner=self)
