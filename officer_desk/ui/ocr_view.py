"""The document beside what the machine read from it: the officer checks each value against its highlighted
region and corrects it in place.

``OcrReviewWidget`` is standalone: give it the page images and the fields (value, confidence, page, box,
provenance); selecting a field highlights its region on the page; editing a value emits
``field_corrected(name, value)``. The window's hook sends that to ``OcrService.correct_field`` on its task
runner (provenance ``ocr-edited``, audited). No model or database import here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Below this the reader is unsure: the row is marked for the officer's attention.
LOW_CONFIDENCE = 0.6
_ROLE_NAME = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class FieldRow:
    """One value read from a document (plain data, built from the case view's attachment)."""

    name: str
    value: str
    source: str  # typed | portal | qr | ocr | ocr-edited
    confidence: float | None = None
    page: int = 1
    box: tuple[int, int, int, int] | None = None


def rows_from_attachment(fields: dict[str, object], provenance: dict[str, str],
                         seen: dict[str, object], default_source: str = "typed") -> list[FieldRow]:
    """Rows for an attachment's ``fields``/``provenance``/``ocr`` (what ``CaseService.detail`` returns)."""
    rows: list[FieldRow] = []
    for name, value in fields.items():
        if isinstance(value, dict | list):
            continue
        info = seen.get(name) if isinstance(seen.get(name), dict) else {}
        assert isinstance(info, dict)
        box = info.get("box")
        rows.append(FieldRow(
            name=name, value="" if value is None else str(value), source=provenance.get(name, default_source),
            confidence=float(info["confidence"]) if isinstance(info.get("confidence"), int | float) else None,
            page=int(info.get("page") or 1),
            box=tuple(int(v) for v in box) if isinstance(box, list) and len(box) == 4 else None,  # type: ignore[arg-type]
        ))
    return rows


class PageView(QWidget):
    """One page image, scaled to fit, with the selected field's region outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._box: tuple[int, int, int, int] | None = None
        self.setMinimumSize(240, 160)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_image(self, image: QImage | None) -> None:
        self._image = image
        self.update()

    def set_highlight(self, box: tuple[int, int, int, int] | None) -> None:
        self._box = box
        self.update()

    def highlight(self) -> tuple[int, int, int, int] | None:
        return self._box

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 360)

    def image_rect(self) -> QRectF:
        """Where the page is drawn in the widget (aspect ratio kept, centred)."""
        if self._image is None or self._image.isNull():
            return QRectF()
        scale = min(self.width() / self._image.width(), self.height() / self._image.height())
        width, height = self._image.width() * scale, self._image.height() * scale
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def highlight_rect(self) -> QRectF:
        """The selected region in widget coordinates (empty when nothing is selected)."""
        if self._box is None or self._image is None or self._image.isNull():
            return QRectF()
        target = self.image_rect()
        scale = target.width() / self._image.width()
        x, y, w, h = self._box
        return QRectF(target.x() + x * scale, target.y() + y * scale, max(2.0, w * scale), max(2.0, h * scale))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#fafafa"))
        if self._image is not None and not self._image.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.image_rect(), self._image)
            region = self.highlight_rect()
            if not region.isEmpty():
                painter.setPen(QPen(QColor("#d32f2f"), 2))
                painter.setBrush(QBrush(QColor(255, 235, 59, 90)))
                painter.drawRect(region.adjusted(-3, -3, 3, 3))
        painter.end()


class OcrReviewWidget(QWidget):
    """Document image on the left, extracted fields on the right; edit a value to correct it."""

    field_corrected = Signal(str, str)  # field name, the officer's value
    field_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: list[QImage] = []
        self._rows: list[FieldRow] = []
        self._filling = False
        self.page_view = PageView()
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.page_view, 1)
        left_layout.addWidget(self.page_label)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value"), self.tr("Confidence"),
                                              self.tr("Source")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Values read from the document"))
        self.hint = QLabel(self.tr("Select a value to see where it was read; type to correct it."))
        self.hint.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.table.currentCellChanged.connect(self._current_changed)
        self.table.itemChanged.connect(self._item_changed)

    # -------------------------------------------------------------- data

    def set_document(self, pages: list[QImage], rows: list[FieldRow]) -> None:
        self._pages = pages
        self._rows = list(rows)
        self._filling = True
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self._fill_row(index, row)
        self._filling = False
        self.table.resizeColumnToContents(0)
        self._show_page(1)
        self.page_view.set_highlight(None)
        if rows:
            self.table.setCurrentCell(0, 1)

    def rows(self) -> list[FieldRow]:
        return list(self._rows)

    def _fill_row(self, index: int, row: FieldRow) -> None:
        name_item = QTableWidgetItem(self.field_label(row.name))
        name_item.setData(_ROLE_NAME, row.name)
        name_item.setFlags(name_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        value_item = QTableWidgetItem(row.value)
        editable = row.source in ("ocr", "ocr-edited", "qr")
        if not editable:
            value_item.setFlags(value_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        confidence = "—" if row.confidence is None else f"{round(row.confidence * 100)}%"
        confidence_item = QTableWidgetItem(confidence)
        confidence_item.setFlags(confidence_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        source_item = QTableWidgetItem(self.source_label(row.source))
        source_item.setFlags(source_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        uncertain = row.source == "ocr" and row.confidence is not None and row.confidence < LOW_CONFIDENCE
        for column, item in enumerate((name_item, value_item, confidence_item, source_item)):
            if uncertain:
                item.setBackground(QColor("#fff3cd"))
                item.setToolTip(self.tr("The machine is not sure of this value: please check it."))
            self.table.setItem(index, column, item)

    def field_label(self, name: str) -> str:
        labels = {
            "so": self.tr("ID number"), "so_dinh_danh": self.tr("Personal ID number"),
            "ho_chu_dem_ten": self.tr("Full name"), "ho_ten": self.tr("Full name"),
            "ngay_sinh": self.tr("Date of birth"), "gioi_tinh": self.tr("Gender"),
            "que_quan": self.tr("Place of origin"), "co_gia_tri_den": self.tr("Valid until"),
            "ngay_cap": self.tr("Date of issue"), "noi_dang_ky_khai_sinh": self.tr("Place of birth registration"),
            "noi_thuong_tru": self.tr("Permanent residence"), "noi_cu_tru": self.tr("Residence"),
            "ho_ten_me": self.tr("Mother's name"), "ho_ten_cha": self.tr("Father's name"),
            "ho_ten_tre": self.tr("Child's name"), "noi_sinh": self.tr("Place of birth"),
            "dien_thoai": self.tr("Phone"),
        }
        return labels.get(name, name.replace("_", " "))

    def source_label(self, source: str) -> str:
        return {
            "ocr": self.tr("Read by machine"), "ocr-edited": self.tr("Corrected by officer"),
            "qr": self.tr("Card QR code"), "typed": self.tr("Typed"), "portal": self.tr("Online portal"),
        }.get(source, source)

    # -------------------------------------------------------------- interaction

    def _show_page(self, page: int) -> None:
        image = self._pages[page - 1] if 1 <= page <= len(self._pages) else None
        self.page_view.set_image(image)
        self.page_label.setText(self.tr("Page {page} of {total}").format(page=page, total=len(self._pages))
                                if self._pages else self.tr("No image"))

    def _current_changed(self, row: int, _column: int, _previous_row: int, _previous_column: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        field = self._rows[row]
        self._show_page(field.page)
        self.page_view.set_highlight(field.box)
        self.field_selected.emit(field.name)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        index = item.row()
        row = self._rows[index]
        value = item.text().strip()
        if value == row.value:
            return
        self._rows[index] = FieldRow(row.name, value, "ocr-edited", row.confidence, row.page, row.box)
        self._filling = True
        self._fill_row(index, self._rows[index])
        self._filling = False
        self.field_corrected.emit(row.name, value)
