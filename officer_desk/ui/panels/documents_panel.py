"""The documents issued for the selected case: type, register number, signer, time, state; Enter opens
one in the preview (to print again or save), and documents not printed yet stand out."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from officer_desk.dossier import LOCAL_TZ
from officer_desk.receipts.documents import CaseDocument

DOCUMENT_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentsPanel(QWidget):
    """A list of the case's issued documents."""

    open_requested = Signal(object)  # CaseDocument

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documents_panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget()
        self.tree.setObjectName("issued_documents")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Register no."), self.tr("Signed by"),
                                   self.tr("Issued at"), self.tr("State")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.itemActivated.connect(self._activated)
        layout.addWidget(self.tree, 1)
        self.hint = QLabel(self.tr("Enter or double-click opens a document to print it again or save it."))
        self.hint.setStyleSheet("color: #616161;")
        layout.addWidget(self.hint)
        self.empty = QLabel(self.tr("No document has been issued for this case yet."))
        self.empty.setStyleSheet("color: #616161; padding: 8px;")
        layout.addWidget(self.empty)
        self.documents: list[CaseDocument] = []
        self.show_documents([])

    def show_documents(self, documents: list[CaseDocument]) -> None:
        self.documents = list(documents)
        self.tree.clear()
        for document in documents:
            from officer_desk.ui.pdf_preview import document_title  # QtPdf: not before the first queue page

            number = f"{document.register_number}/{document.register_book}" if document.register_number else "—"
            when = document.issued_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")
            title = document_title(document.doc_type)
            if document.reprint:
                title += " — " + self.tr("reprint")
            item = QTreeWidgetItem([title, number, document.signer or "—", when, self.state_text(document)])
            item.setData(0, DOCUMENT_ROLE, document)
            if not document.delivered:
                item.setForeground(4, QBrush(QColor("#c62828")))
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(1)
        self.tree.resizeColumnToContents(3)
        self.tree.setVisible(bool(documents))
        self.hint.setVisible(bool(documents))
        self.empty.setVisible(not documents)

    def state_text(self, document: CaseDocument) -> str:
        delivered = {"printed": self.tr("printed"), "saved": self.tr("saved as PDF")}.get(
            document.delivered, self.tr("issued, not printed"))
        signature = self.tr("signed, timestamp pending") if document.timestamp_pending else self.tr("signed")
        return f"{delivered} · {signature}" if document.signer else delivered

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        document = item.data(0, DOCUMENT_ROLE)
        if document is not None:
            self.open_requested.emit(document)
