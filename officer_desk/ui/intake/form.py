"""A new dossier at the counter: procedure picker, generated declaration form, document checklist, scans.

The form is generated from the catalogue (``Procedure.fields`` and ``documents``); a scanned chip-ID QR
fills the applicant. Built for speed and safety at a busy counter:

- Enter chooses in the procedure picker and never saves; saving is an explicit Ctrl+Enter or Ctrl+S,
  named on the button.
- A field is checked when the officer leaves it (never at open); year-only dates are accepted where the
  paper form asks for a year. The checks are the core's rules (``validators``).
- Escape or closing a form with data asks first; the form is kept as an encrypted draft while it is
  filled in and offered back the next time (after a crash or a mistaken close).
- Saving builds an application-format dossier and hands it to the case service on a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
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
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.catalogue import DeclarationField, DocumentRequirement, Procedure
from officer_desk.catalogue.fees import carry_counts
from officer_desk.cccd_qr import CccdCard
from officer_desk.drafts import DraftStore
from officer_desk.i18n import current_language
from officer_desk.ui import labels, services
from officer_desk.ui.dialogs import show_error
from officer_desk.ui.intake.validators import field_problem
from officer_desk.ui.intake.widgets import DocumentChecklist, FieldEditor, ProcedurePicker
from officer_desk.ui.scanner import CccdScanCatcher
from officer_desk.ui.tasks import TaskRunner

ATTACHMENT_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
DRAFT_FORM = "intake"
DRAFT_DELAY_MS = 1500  # a draft is written this long after the last change (one small encrypted file)


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
        self.dirty = False  # the officer entered something since the dialog opened (or the draft was restored)
        self.restoring = False
        self.close_question: QMessageBox | None = None
        self.drafts = DraftStore(desk.home, desk.officer, getattr(desk.db, "db_key", None))
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self.setObjectName("intake_dialog")
        self.setWindowTitle(self.tr("New dossier"))
        self.setAcceptDrops(True)
        self.scanner = CccdScanCatcher(self)
        self.scanner.scanned.connect(self.fill_from_card)
        self.scanner.scan_failed.connect(self._scan_failed)

        outer = QVBoxLayout(self)
        self.draft_banner = self._build_draft_banner()
        outer.addWidget(self.draft_banner)
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
        self.checklist.itemChanged.connect(lambda _item, _column: self.mark_dirty())
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
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save and screen (Ctrl+Enter)"))
        self.save_button.setToolTip(self.tr("Create the case and screen it (Ctrl+Enter or Ctrl+S)"))
        for button in self.buttons.buttons():
            # No default button: Enter in a field (the procedure search above all) must never save.
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        for keys in (QKeySequence(QKeySequence.StandardKey.Save), QKeySequence("Ctrl+Return"),
                     QKeySequence("Ctrl+Enter")):
            QShortcut(keys, self, self.save)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.attach_scan)
        self.restoring = True  # filling the choices while building is not the officer's input
        self._build_applicant()
        self.restoring = False
        self.set_procedure(None)
        self._fit_to_screen()
        self.picker.search.setFocus()
        self.offer_draft()

    def _fit_to_screen(self) -> None:
        """1160×780 where it fits; on a 1366×768 laptop, the available area (the form scrolls)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        width, height = 1160, 780
        if available is not None:
            # Leave room for the window frame (title bar and borders are outside the geometry).
            width, height = min(width, available.width() - 24), min(height, available.height() - 48)
        self.resize(max(width, 640), max(height, 480))

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
            # Checked when the officer leaves a field they typed in, never at open or when tabbing past.
            widget.editingFinished.connect(lambda e=editor: self._left(e))
            widget.textEdited.connect(lambda _t, e=editor: self._edited(e))
            widget.textChanged.connect(lambda _t: self.mark_dirty())
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _i, e=editor: self._edited(e, check=True))
            widget.currentIndexChanged.connect(lambda _i, e=editor: self._changed(e))
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _on, e=editor: self._edited(e, check=True))
        return editor

    def _edited(self, editor: FieldEditor, check: bool = False) -> None:
        editor.touched = True
        self._clear_error(editor)
        self.mark_dirty()
        if check:
            self.validate(editor)

    def _changed(self, editor: FieldEditor) -> None:
        """A choice changed (by the officer or a scan): the ID number's check depends on some of them."""
        self.mark_dirty()
        id_editor = self.editors.get("applicant.id_number")
        if editor.key in ("applicant.gender", "applicant.id_type") and id_editor is not None \
                and id_editor.value() and (id_editor.touched or id_editor.error.isVisible()):
            self._show_error(id_editor, self.problem(id_editor))

    def _left(self, editor: FieldEditor) -> None:
        if editor.touched or editor.error.isVisible():
            self.validate(editor)

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
        self.channel_combo.currentIndexChanged.connect(lambda _i: self.mark_dirty())

    def _paper_order(self) -> None:
        """Tab follows the paper form: procedure, channel, ID QR, applicant top to bottom, declaration,
        documents, then the buttons (the channel row is inserted above the others, so Qt's order jumps)."""
        chain: list[QWidget] = [self.picker.search, self.picker.list, self.channel_combo, self.scan_edit]
        chain += [e.widget for k, e in self.editors.items() if k.startswith("applicant.")]
        chain += [e.widget for k, e in self.editors.items() if k.startswith("form.")]
        chain += [self.checklist, self.attach_button, self.detach_button, *self.buttons.buttons()]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def set_procedure(self, procedure: Procedure | None) -> None:
        restoring, self.restoring = self.restoring, True  # building the form is not the officer's input
        try:
            self._build_procedure(procedure)
        finally:
            self.restoring = restoring
        if procedure is not None and not restoring:
            # The procedure is chosen: the next thing at the counter is the citizen's ID card.
            self.scan_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_procedure(self, procedure: Procedure | None) -> None:
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
            self._paper_order()
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
        self._paper_order()

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
        self.mark_dirty()
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
        """The inline error for one field ('' when fine): the core's rules, see ``validators``."""
        return field_problem(editor, self.editors)

    def validate(self, editor: FieldEditor) -> bool:
        message = self.problem(editor)
        self._show_error(editor, message)
        if editor.key in ("applicant.date_of_birth", "applicant.gender", "applicant.id_type"):
            id_editor = self.editors.get("applicant.id_number")
            if id_editor is not None and id_editor.value() and (id_editor.touched or id_editor.error.isVisible()):
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
            self.draft_timer.stop()
            self.drafts.discard(DRAFT_FORM)
            self.dirty = False
            self.case_created.emit(code)
            self.accept()

        def failed(exc: Any) -> None:
            # Nothing is lost: the form stays filled and the officer can try again.
            self.saving = False
            self.buttons.setEnabled(True)
            self.message.setText("")
            show_error(self, exc, self.tr("The dossier was not saved"))

        self.runner.submit(lambda: services.intake_case(desk, dossier, files), done, failed, owner=self)

    # ------------------------------------------------------------------ keys, closing, drafts

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # QDialogButtonBox makes Save the default button when shown; Enter must never save.
        self.save_button.setDefault(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()  # QDialog would press a default button; saving is Ctrl+Enter only
            return
        super().keyPressEvent(event)

    def mark_dirty(self) -> None:
        if self.restoring or self.saving:
            return
        self.dirty = True
        self.draft_timer.start()

    def reject(self) -> None:
        """Escape, Cancel or the close button: a form with data asks before it goes."""
        if self.saving:
            return
        if not self.dirty:
            self.draft_timer.stop()
            super().reject()
            return
        if self.close_question is not None:
            return
        self.save_draft()  # whatever the answer, nothing typed is lost
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Close the new dossier?"), self.tr(
            "The dossier has not been saved. Close it anyway? What you entered is kept as a draft and offered "
            "the next time you open a new dossier."), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("intake_close_question")
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        close = box.addButton(self.tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        self.close_question = box

        def answered() -> None:
            self.close_question = None
            if box.clickedButton() is close:
                self.dirty = False
                self.draft_timer.stop()
                QDialog.reject(self)

        box.finished.connect(lambda _r: answered())
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.dirty or self.saving:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def form_state(self) -> dict[str, Any]:
        """Everything typed or ticked, to keep as a draft (scans by their path on this computer)."""
        rows: list[dict[str, Any]] = []
        for row in range(self.checklist.topLevelItemCount()):
            item = self.checklist.topLevelItem(row)
            if item is None:
                continue
            kind = self.checklist.itemWidget(item, 1)
            quantity = self.checklist.itemWidget(item, 2)
            rows.append({"checked": item.checkState(0) == Qt.CheckState.Checked,
                         "kind": kind.currentData() if isinstance(kind, QComboBox) else None,
                         "quantity": quantity.value() if isinstance(quantity, QSpinBox) else 1,
                         "file": str(self.files[row]) if row in self.files else None})
        return {"procedure": self.procedure.code if self.procedure else None,
                "channel": self.channel_combo.currentData(),
                "fields": {key: editor.value() for key, editor in self.editors.items()},
                "documents": rows}

    def save_draft(self) -> None:
        if not self.dirty or self.saving:
            return
        try:
            self.drafts.save(DRAFT_FORM, self.form_state())
        except OSError as exc:  # a full or read-only disk must not stop the counter
            self.message.setStyleSheet("color: #b26a00;")
            self.message.setText(self.tr("The draft could not be kept on disk: {reason}").format(reason=exc.strerror))

    def _build_draft_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("draft_banner")
        banner.setStyleSheet("QFrame#draft_banner { background: #fff8e1; border: 1px solid #ffb300; }")
        row = QHBoxLayout(banner)
        row.setContentsMargins(8, 4, 8, 4)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        row.addWidget(self.draft_label, 1)
        self.restore_button = QPushButton(self.tr("&Restore it"))
        self.discard_draft_button = QPushButton(self.tr("Discard it"))
        for button in (self.restore_button, self.discard_draft_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_draft_button.clicked.connect(self.discard_draft)
        banner.hide()
        return banner

    def offer_draft(self) -> None:
        draft = self.drafts.load(DRAFT_FORM)
        if draft is None:
            return
        values = draft.values
        procedure = self.desk.catalogue.find(values.get("procedure") or "") if values.get("procedure") else None
        name = str(values.get("fields", {}).get("applicant.full_name") or self.tr("(no name yet)"))
        when = draft.saved_at.astimezone().strftime("%d/%m/%Y %H:%M")
        self.draft_label.setText(self.tr("A dossier that was not saved was kept: {name}, {procedure} ({when}).").format(
            name=name, procedure=procedure.name(current_language()) if procedure else self.tr("no procedure chosen"),
            when=when))
        self.draft_banner.show()

    def discard_draft(self) -> None:
        self.drafts.discard(DRAFT_FORM)
        self.draft_banner.hide()
        self.picker.search.setFocus()

    def restore_draft(self) -> None:
        draft = self.drafts.load(DRAFT_FORM)
        self.draft_banner.hide()
        if draft is None:
            return
        values = draft.values
        self.restoring = True
        try:
            code = values.get("procedure")
            if code:
                self.picker.select_code(code)
            index = self.channel_combo.findData(values.get("channel"))
            if index >= 0:
                self.channel_combo.setCurrentIndex(index)
            for key, value in (values.get("fields") or {}).items():
                editor = self.editors.get(key)
                if editor is not None and value not in (None, ""):
                    editor.set_value(value)
                    editor.touched = True
            for row, saved in enumerate(values.get("documents") or []):
                item = self.checklist.topLevelItem(row)
                if item is None:
                    break
                item.setCheckState(0, Qt.CheckState.Checked if saved.get("checked") else Qt.CheckState.Unchecked)
                kind, quantity = self.checklist.itemWidget(item, 1), self.checklist.itemWidget(item, 2)
                if isinstance(kind, QComboBox) and kind.findData(saved.get("kind")) >= 0:
                    kind.setCurrentIndex(kind.findData(saved.get("kind")))
                if isinstance(quantity, QSpinBox):
                    quantity.setValue(int(saved.get("quantity") or 1))
                if saved.get("file") and Path(saved["file"]).is_file():
                    self.attach(row, Path(saved["file"]))
        finally:
            self.restoring = False
        self.dirty = True
        self.message.setStyleSheet("color: #2e7d32;")
        self.message.setText(self.tr("The unsaved dossier was restored; check it and save with Ctrl+Enter."))
        first = next((e for e in self.editors.values() if not e.value()), None)
        (first.widget if first else self.save_button).setFocus()
