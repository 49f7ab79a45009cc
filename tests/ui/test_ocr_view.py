"""The OCR review widget: the page beside the values, the read region highlighted, correction in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from officer_desk.ui.ocr_view import FieldRow, OcrReviewWidget, rows_from_attachment

ROWS = [
    FieldRow("so", "001092012345", "ocr", 0.97, 1, (400, 100, 300, 40)),
    FieldRow("ho_chu_dem_ten", "NGUYỄN VĂN AN", "ocr", 0.42, 1, (400, 180, 360, 44)),
    FieldRow("ngay_sinh", "02/03/1992", "typed"),
]


def make_widget(qtbot: Any) -> OcrReviewWidget:
    widget = OcrReviewWidget()
    qtbot.addWidget(widget)
    page = QImage(1200, 760, QImage.Format.Format_RGB32)
    page.fill(QColor("#eeeeee"))
    widget.set_document([page], ROWS)
    widget.resize(1000, 500)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_selecting_a_value_highlights_where_it_was_read(qtbot: Any) -> None:
    widget = make_widget(qtbot)
    assert widget.page_view.highlight() == ROWS[0].box  # the first row is current
    widget.table.setCurrentCell(1, 1)
    assert widget.page_view.highlight() == ROWS[1].box
    region = widget.page_view.highlight_rect()
    assert not region.isEmpty() and widget.page_view.image_rect().contains(region)
    # A value without a region (typed) clears the highlight.
    widget.table.setCurrentCell(2, 1)
    assert widget.page_view.highlight() is None
    assert widget.table.item(0, 0).text() != "so"  # officers see a label, not the field's internal name


def test_an_uncertain_read_is_marked_and_a_typed_value_is_not_editable(qtbot: Any) -> None:
    widget = make_widget(qtbot)
    assert widget.table.item(1, 1).background().color() == QColor("#fff3cd")
    assert widget.table.item(0, 1).background().color() != QColor("#fff3cd")
    assert widget.table.item(1, 2).text() == "42%"
    assert not widget.table.item(2, 1).flags() & Qt.ItemFlag.ItemIsEditable
    assert widget.table.item(1, 1).flags() & Qt.ItemFlag.ItemIsEditable


def test_correcting_a_value_in_place_emits_it_and_marks_it_edited(qtbot: Any) -> None:
    widget = make_widget(qtbot)
    widget.table.setCurrentCell(1, 1)
    with qtbot.wait_signal(widget.field_corrected) as signal:
        widget.table.item(1, 1).setText("NGUYỄN VĂN ÂN")
    assert signal.args == ["ho_chu_dem_ten", "NGUYỄN VĂN ÂN"]
    assert widget.rows()[1].source == "ocr-edited"
    assert widget.table.item(1, 3).text() == widget.source_label("ocr-edited")
    # Setting the same value again is no correction.
    with qtbot.assert_not_emitted(widget.field_corrected):
        widget.table.item(1, 1).setText("NGUYỄN VĂN ÂN")


def test_rows_from_an_attachment_of_the_case_view() -> None:
    rows = rows_from_attachment(
        {"so": "001092012345", "ghi_chu": "x", "nested": {"a": 1}},
        {"so": "ocr"},
        {"so": {"confidence": 0.9, "page": 2, "box": [1, 2, 3, 4]}},
    )
    assert rows == [FieldRow("so", "001092012345", "ocr", 0.9, 2, (1, 2, 3, 4)), FieldRow("ghi_chu", "x", "typed")]
