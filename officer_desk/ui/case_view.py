"""One case: applicant and declaration, documents with a preview (images, PDFs via QtPdf), timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from officer_desk.cases import AttachmentView, CaseDetail
from officer_desk.catalogue import Catalogue, Procedure
from officer_desk.choice_labels import choice_label
from officer_desk.dossier import LOCAL_TZ, form_value
from officer_desk.i18n import current_language
from officer_desk.ui import labels
from officer_desk.ui.flow_layout import FlowLayout
from officer_desk.ui.panels.documents_panel import DocumentsPanel

STATUS_COLORS = {
    "received": "#1565c0",
    "accepted": "#00838f",
    "in_processing": "#6a1b9a",
    "awaiting_signature": "#ad1457",
    "result_ready": "#2e7d32",
    "returned": "#546e7a",
    "supplement_requested": "#b26a00",
    "refused": "#c62828",
    "withdrawn": "#757575",
}


def _local(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M") if moment else ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AttachmentPreview(QStackedWidget):
    """Shows an image, a PDF (QtPdf) or a short note for what cannot be previewed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #616161;")
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_scroll = QScrollArea()
        self.image_scroll.setWidgetResizable(True)
        self.image_scroll.setWidget(self.image_label)
        self.addWidget(self.note)
        self.addWidget(self.image_scroll)
        self._pdf_view: Any = None
        self._pdf_document: Any = None
        self._pdf_buffer: QBuffer | None = None
        self._image: QImage | None = None
        self.show_note(self.tr("Select a document to preview its scan."))

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.setCurrentWidget(self.note)

    def show_bytes(self, data: bytes, media_type: str | None) -> None:
        if media_type == "application/pdf" or data[:5] == b"%PDF-":
            self._show_pdf(data)
            return
        image = QImage.fromData(data)
        if image.isNull():
            self.show_note(self.tr("This file cannot be previewed ({type}).").format(type=media_type or "?"))
            return
        self._image = image
        self._fit_image()
        self.setCurrentWidget(self.image_scroll)

    def _fit_image(self) -> None:
        if self._image is None:
            return
        size = self.image_scroll.viewport().size() - QSize(8, 8)
        pixmap = QPixmap.fromImage(self._image)
        if pixmap.width() > size.width() or pixmap.height() > size.height():
            pixmap = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.image_label.setPixmap(pixmap)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        if self.currentWidget() is self.image_scroll:
            self._fit_image()

    def _show_pdf(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self._pdf_view is None:
            self._pdf_document = QPdfDocument(self)
            self._pdf_view = QPdfView(self)
            self._pdf_view.setDocument(self._pdf_document)
            self._pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
            self._pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.addWidget(self._pdf_view)
        self._pdf_document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf_document.load(buffer)
        if self._pdf_buffer is not None:
            self._pdf_buffer.deleteLater()
        self._pdf_buffer = buffer
        if self._pdf_document.status() == QPdfDocument.Status.Error:
            self.show_note(self.tr("The PDF cannot be opened (damaged or protected)."))
            return
        self.setCurrentWidget(self._pdf_view)


class CaseView(QWidget):
    """The selected case; ``preview_requested`` asks the window to load an attachment's bytes."""

    preview_requested = Signal(object)  # AttachmentView
    # OCR hook (issue 14): a document activated (double-click, Enter) to check its values; files dropped.
    ocr_review_requested = Signal(object)  # AttachmentView
    files_dropped = Signal(list)  # local file paths (str)
    scan_requested = Signal()  # "Scan from scanner" in the documents area (SANE; ui/controllers/ocr.py)

    def __init__(self, catalogue: Catalogue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.setAcceptDrops(True)
        self.detail: CaseDetail | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)

        self.header = QLabel()
        self.header.setObjectName("case_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header)

        self.actions_bar = FlowLayout(spacing=4)
        layout.addLayout(self.actions_bar)
        self.action_buttons: list[QToolButton] = []

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)

        # Applicant and declaration.
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_widget = QWidget()
        self.sections_layout = QVBoxLayout(self.form_widget)
        self.sections_layout.setContentsMargins(4, 4, 8, 4)
        self.sections_layout.addStretch(1)
        self.form_layout = QFormLayout()  # the current section's rows
        self.form_scroll.setWidget(self.form_widget)
        self.tabs.addTab(self.form_scroll, self.tr("Applicant && declaration"))

        # Documents with preview.
        self.documents_split = QSplitter(Qt.Orientation.Horizontal)
        self.documents_split.setObjectName("documents_split")
        self.documents = QTreeWidget()
        self.documents.setObjectName("documents_tree")
        self.documents.setRootIsDecorated(False)
        self.documents.setHeaderLabels([self.tr("Document"), self.tr("Kind"), self.tr("Qty"), self.tr("File")])
        self.documents.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.header().setStretchLastSection(False)
        self.documents.currentItemChanged.connect(self._document_selected)
        self.documents.itemActivated.connect(
            lambda item, _column: self.ocr_review_requested.emit(item.data(0, Qt.ItemDataRole.UserRole)))
        self.documents.setToolTip(self.tr("Double-click or press Enter to check the values read from a "
                                          "document; drop a photo or scan here to attach it."))
        self.preview = AttachmentPreview()
        # The documents list with its own action above it: a page from the scanner beside the PC.
        documents_side = QWidget()
        documents_layout = QVBoxLayout(documents_side)
        documents_layout.setContentsMargins(0, 0, 0, 0)
        documents_layout.setSpacing(4)
        self.scan_button = QPushButton(self.tr("Scan from scanner"))
        self.scan_button.setObjectName("scan_from_scanner")
        self.scan_button.setToolTip(self.tr("Scan a page on the scanner connected to this computer and attach "
                                            "it to the case (it is read and stored encrypted)."))
        self.scan_button.setEnabled(False)
        self.scan_button.clicked.connect(self.scan_requested)
        documents_layout.addWidget(self.scan_button, 0, Qt.AlignmentFlag.AlignLeft)
        documents_layout.addWidget(self.documents, 1)
        self.documents_split.addWidget(documents_side)
        self.documents_split.addWidget(self.preview)
        self.documents_split.setSizes([380, 420])
        self.tabs.addTab(self.documents_split, self.tr("Documents"))

        # Timeline.
        self.timeline = QTreeWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setRootIsDecorated(False)
        self.timeline.setHeaderLabels([self.tr("Time"), self.tr("Officer"), self.tr("Event"), self.tr("Status"),
                                       self.tr("Reason")])
        self.timeline.header().setStretchLastSection(True)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))

        # Receipts and notices issued for the case (filled by the case panel off the GUI thread).
        self.documents_panel = DocumentsPanel()
        self.tabs.addTab(self.documents_panel, self.tr("Issued documents"))
        self.show_case(None)

    # ------------------------------------------------------------------ actions bar

    def set_actions(self, actions: list[QAction]) -> None:
        """The case's next legal actions as buttons naming their keys; an action not legal now is hidden."""
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.actions_bar.addWidget(button)
            self.action_buttons.append(button)
            action.changed.connect(lambda b=button, a=action: b.setVisible(a.isEnabled()))
            button.setVisible(action.isEnabled())

    # ------------------------------------------------------------------ content

    def procedure(self) -> Procedure | None:
        return self.catalogue.find(self.detail.row.procedure_code) if self.detail else None

    def show_case(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        while self.sections_layout.count() > 1:
            item = self.sections_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.documents.clear()
        self.timeline.clear()
        self.documents_panel.show_documents([])
        self.scan_button.setEnabled(detail is not None)
        self.preview.show_note(self.tr("Select a document to preview its scan."))
        if detail is None:
            self.header.setText(self.tr("<span style='color:#757575'>No case selected. Choose a case in the "
                                        "queue (arrow keys, Enter) or scan a dossier code.</span>"))
            self.tabs.setTabText(1, self.tr("Documents"))
            return
        row = detail.row
        procedure = self.procedure()
        language = current_language()
        procedure_name = procedure.name(language) if procedure else row.procedure_code
        color = STATUS_COLORS.get(row.status, "#616161")
        due = row.due_date.strftime("%d/%m/%Y") if row.due_date else "—"
        parts = [
            f"<span style='font-size:15pt; font-weight:600'>{_escape(row.dossier_code)}</span>"
            f" &nbsp; <span style='background:{color}; color:white; padding:2px 6px;'>&nbsp;"
            f"{_escape(labels.status_label(row.status))}&nbsp;</span>",
            f"<span style='font-size:12pt'>{_escape(row.applicant_name)}</span> — {_escape(procedure_name)}",
            self.tr("Received {received} · due {due} · {channel} · officer: {officer}").format(
                received=_local(row.received_at), due=due, channel=labels.channel_label(row.channel),
                officer=row.assigned_officer or self.tr("unassigned"),
            ),
        ]
        basis = detail.fee_basis_en if language == "en" and detail.fee_basis_en else detail.fee_basis_vi
        if detail.fee_vnd is not None:
            fee = self.tr("fee {fee} VND").format(fee=f"{detail.fee_vnd:,}".replace(",", "."))
            parts[-1] += " · " + fee + (f" ({_escape(basis)})" if basis else "")
        elif basis:
            parts[-1] += " · " + self.tr("fee: {basis}").format(basis=_escape(basis))
        if procedure is not None and procedure.code_confidence == "low":
            # The catalogue entry awaits confirmation against the legal text: the officer must know.
            parts.append("<span style='color:#b26a00'>⚠ " + self.tr(
                "Procedure information awaiting confirmation: {note}").format(
                    note=_escape(procedure.code_note or self.tr("check the current legal text"))) + "</span>")
        if detail.receipt_issued_at:
            parts[-1] += " · " + self.tr("receipt issued {at}").format(at=_local(detail.receipt_issued_at))
        self.header.setText("<br>".join(parts))
        self._fill_form(detail, procedure, language)
        self._fill_documents(detail, procedure, language)
        self._fill_timeline(detail)

    def _section(self, title: str) -> None:
        """Start a titled group (applicant, declaration); rows go to ``self.form_layout``."""
        box = QGroupBox(title)
        box.setFlat(True)
        self.form_layout = QFormLayout(box)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.sections_layout.insertWidget(self.sections_layout.count() - 1, box)

    def _value_label(self, text: str) -> QLabel:
        label = QLabel(_escape(text) if text else "<span style='color:#9e9e9e'>—</span>")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _fill_form(self, detail: CaseDetail, procedure: Procedure | None, language: str) -> None:
        dossier = detail.dossier
        person_fields = (
            ("full_name", self.tr("Full name")),
            ("date_of_birth", self.tr("Date of birth")),
            ("gender", self.tr("Sex")),
            ("id_type", self.tr("ID type")),
            ("id_number", self.tr("ID number")),
            ("id_valid_until", self.tr("ID valid until")),
            ("birth_registration_place", self.tr("Birth registered in")),
            ("phone", self.tr("Phone")),
            ("email", self.tr("Email")),
            ("address", self.tr("Address")),
        )
        for key, title in (("applicant", self.tr("Applicant")), ("co_applicant", self.tr("Co-applicant"))):
            person = dossier.get(key)
            if not isinstance(person, dict):
                continue
            self._section(title)
            for field_key, label in person_fields:
                value = _text(person.get(field_key))
                if field_key in ("email", "id_valid_until", "birth_registration_place") and not value:
                    continue
                self.form_layout.addRow(label + ":", self._value_label(value))
        raw_form = dossier.get("form")
        form: dict[str, Any] = raw_form if isinstance(raw_form, dict) else {}
        self._section(self.tr("Declaration"))
        shown: set[str] = set()
        if procedure is not None:
            for field in procedure.fields:
                value = form_value(form, field.name)
                if field.choices and isinstance(value, str):
                    value = choice_label(value)
                label = field.label_en if language == "en" and field.label_en else field.label_vi
                if field.required:
                    label += " *"
                self.form_layout.addRow(label + ":", self._value_label(_text(value)))
                shown.add(field.name.split(".")[0] if "." not in field.name else field.name)
        for key, value in form.items():
            if key in shown or (isinstance(value, dict) and procedure is not None and any(
                f.name.startswith(key + ".") for f in procedure.fields
            )):
                continue
            # A value the catalogue does not declare: its key in words, never the raw key.
            self.form_layout.addRow(choice_label(key).capitalize() + ":", self._value_label(_text(value)))

    def _document_name(self, procedure: Procedure | None, doc_type: str, language: str) -> str:
        identity = {
            "the_can_cuoc": self.tr("Citizen ID card"),
            "cmnd": self.tr("Old ID card (CMND)"),
            "ho_chieu": self.tr("Passport"),
        }
        requirement = procedure.document(doc_type) if procedure else None
        if requirement is not None:
            return requirement.name_en if language == "en" and requirement.name_en else requirement.name_vi
        if doc_type in identity:
            return identity[doc_type]
        return doc_type

    def _fill_documents(self, detail: CaseDetail, procedure: Procedure | None, language: str) -> None:
        for attachment in detail.attachments:
            kind = labels.kind_label("certified_copy" if attachment.certified and attachment.kind == "copy"
                                     else attachment.kind)
            if attachment.presented_only:
                kind += " " + self.tr("(shown)")
            item = QTreeWidgetItem([
                self._document_name(procedure, attachment.doc_type, language),
                kind,
                str(attachment.quantity),
                attachment.file_name or "—",
            ])
            item.setData(0, Qt.ItemDataRole.UserRole, attachment)
            item.setToolTip(0, attachment.doc_type)
            self.documents.addTopLevelItem(item)
        self.documents.resizeColumnToContents(1)
        self.documents.resizeColumnToContents(2)
        self.tabs.setTabText(1, self.tr("Documents ({count})").format(count=len(detail.attachments)))

    def _fill_timeline(self, detail: CaseDetail) -> None:
        for event in sorted(detail.events, key=lambda e: e.at, reverse=True):
            change = ""
            if event.to_status:
                change = labels.status_label(event.to_status)
                if event.from_status:
                    change = f"{labels.status_label(event.from_status)} → {change}"
            item = QTreeWidgetItem([_local(event.at), event.officer or "", labels.event_label(event.action), change,
                                    event.reason.replace("\n", " · ")])
            item.setToolTip(4, event.reason)
            self.timeline.addTopLevelItem(item)
        for column in range(4):
            self.timeline.resizeColumnToContents(column)

    def _document_selected(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        attachment: AttachmentView = current.data(0, Qt.ItemDataRole.UserRole)
        if not attachment.content_sha256:
            if attachment.presented_only:
                self.preview.show_note(self.tr("Shown at the counter; no scan is kept."))
            else:
                self.preview.show_note(self.tr("No scan attached for this document."))
            return
        self.preview.show_note(self.tr("Loading…"))
        self.preview_requested.emit(attachment)

    # -- OCR hook (issue 14): a phone photo or scan dropped on the case is attached and read.
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)

    def show_attachment(self, attachment: AttachmentView, data: bytes) -> None:
        current = self.documents.currentItem()
        if current is None or current.data(0, Qt.ItemDataRole.UserRole) != attachment:
            return
        self.preview.show_bytes(data, attachment.media_type)
