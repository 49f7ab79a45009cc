"""The lazy queue model: model-tester clean, pages fetched on demand, sort and filters in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from officer_desk.cases import QueueFilter
from officer_desk.ui.queue_model import CASE_ID_ROLE, COLUMN_KEYS, PAGE_SIZE, CaseQueueModel


def make_model(desk: Any, runner: Any) -> CaseQueueModel:
    return CaseQueueModel(desk.cases, runner, soon_limit=lambda today: desk.calendar.add_working_days(today, 1))


def test_model_tester_over_filters_sorts_and_search(small_desk: Any, sync_runner: Any) -> None:
    model = make_model(small_desk, sync_runner)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_filter(QueueFilter())
    assert model.rowCount() == 300
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.AscendingOrder)
        model.sort(column, Qt.SortOrder.DescendingOrder)
    model.set_filter(QueueFilter(statuses=("received",)))
    assert 0 < model.rowCount() < 300
    assert {model.case_row(r).status for r in range(model.rowCount())} == {"received"}
    model.set_filter(QueueFilter(text="nguyen"))
    assert 0 < model.rowCount() < 300
    model.set_filter(QueueFilter(text="zzzz no such name"))
    assert model.rowCount() == 0
    assert model.data(model.index(0, 0)) is None


def test_sort_happens_in_sql(small_desk: Any, sync_runner: Any) -> None:
    model = make_model(small_desk, sync_runner)
    model.set_filter(QueueFilter())
    model.sort(COLUMN_KEYS.index("due_date"), Qt.SortOrder.AscendingOrder)
    assert model.filter.sort == "due_date" and not model.filter.descending
    dues = [model.case_row(r).due_date for r in range(model.rowCount())]
    assert dues == sorted(dues)
    expected = small_desk.cases.list_ids(QueueFilter(sort="due_date", descending=False), 0, 300)
    assert [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(model.rowCount())] == expected


def test_large_queue_keeps_ids_and_fetches_only_visible_pages(large_desk: Any, sync_runner: Any) -> None:
    model = make_model(large_desk, sync_runner)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_filter(QueueFilter())
    assert model.rowCount() == large_desk.cases.count(QueueFilter())
    assert model.rowCount() >= 50_000
    assert model.loaded_row_count() == PAGE_SIZE  # only the first page
    deep = model.rowCount() - 1
    assert model.data(model.index(deep, 0)) not in (None, "…")
    assert model.loaded_row_count() <= 2 * PAGE_SIZE
    assert model.index(0, 0).parent() == QModelIndex()


def test_search_knows_every_id_but_fetches_rows_a_page_at_a_time(small_desk: Any, sync_runner: Any) -> None:
    model = make_model(small_desk, sync_runner)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    flt = QueueFilter(text="n", sort="dossier_code")
    model.set_filter(flt)
    ids, _truncated = small_desk.cases.search_queue(flt, 200)
    assert model.rowCount() == len(ids) > PAGE_SIZE  # enough hits for a second page
    assert len(model._rows) == PAGE_SIZE  # only the first page's rows were read
    last = model.rowCount() - 1
    assert model.data(model.index(last, 0), CASE_ID_ROLE) == ids[last]
    assert len(model._rows) == PAGE_SIZE + len(ids) - (last // PAGE_SIZE) * PAGE_SIZE  # plus the last page only
    assert [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(model.rowCount())] == ids


def test_one_page_statement_matches_ids_then_rows(small_desk: Any) -> None:
    cases = small_desk.cases
    officer = next(row.assigned_officer for row in cases.rows(cases.list_ids(QueueFilter(), 0, 300))
                   if row.assigned_officer)
    for flt in (QueueFilter(), QueueFilter(officer=officer, sort="applicant_name", descending=True),
                QueueFilter(statuses=("received",), sort="due_date")):
        for offset in (0, 50):
            assert cases.page(flt, offset, 50) == cases.rows(cases.list_ids(flt, offset, 50))


def test_scrolling_down_seeks_past_the_page_above(small_desk: Any, sync_runner: Any, monkeypatch: Any) -> None:
    """Row after row, each new page comes from ``page_after`` (a seek past the page above), and the rows are
    those of the queue's own order; a jump far down still reads by offset."""
    model = make_model(small_desk, sync_runner)
    seeks: list[int] = []
    offsets: list[int] = []
    page_after, page = small_desk.cases.page_after, small_desk.cases.page

    def counted_after(flt: QueueFilter, after: Any, limit: int = 50) -> Any:
        seeks.append(after.id)
        return page_after(flt, after, limit)

    def counted_page(flt: QueueFilter, offset: int = 0, limit: int = 50) -> Any:
        offsets.append(offset)
        return page(flt, offset, limit)

    monkeypatch.setattr(small_desk.cases, "page_after", counted_after)
    monkeypatch.setattr(small_desk.cases, "page", counted_page)
    for flt in (QueueFilter(), QueueFilter(sort="applicant_name", descending=False)):
        seeks.clear()
        offsets.clear()
        model.set_filter(flt)
        shown = [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(model.rowCount())]
        assert shown == small_desk.cases.list_ids(flt, 0, 300)
        assert offsets == [0] and len(seeks) == 300 // PAGE_SIZE - 1  # the first page, then seeks only
    model.set_filter(QueueFilter(sort="due_date"))  # a column with NULLs cannot seek: offsets again
    offsets.clear()
    assert [model.data(model.index(r, 0), CASE_ID_ROLE) for r in range(model.rowCount())] == (
        small_desk.cases.list_ids(QueueFilter(sort="due_date"), 0, 300))
    assert offsets == [PAGE_SIZE * n for n in range(1, 300 // PAGE_SIZE)]


def test_the_next_page_seeks_past_the_row_as_it_was_read(small_desk: Any, sync_runner: Any,
                                                          monkeypatch: Any) -> None:
    """A case refreshed after an action keeps its place but may sort elsewhere now: the page below still
    continues from the page above as it was read (else a status sort could skip every case in between)."""
    import sqlalchemy as sa

    model = make_model(small_desk, sync_runner)
    flt = QueueFilter(sort="status")
    model.set_filter(flt)
    last = model.case_row(PAGE_SIZE - 1)
    assert last is not None
    with small_desk.db.engine.begin() as connection:
        connection.execute(sa.text("UPDATE cases SET status = 'withdrawn' WHERE id = :id"), {"id": last.id})
    model.refresh_case(last.id)
    assert model.case_row(PAGE_SIZE - 1).status == "withdrawn"  # the cached row changed
    seeks: list[Any] = []
    page_after = small_desk.cases.page_after

    def counted_after(flt: QueueFilter, after: Any, limit: int = 50) -> Any:
        seeks.append(after)
        return page_after(flt, after, limit)

    monkeypatch.setattr(small_desk.cases, "page_after", counted_after)
    assert model.case_row(PAGE_SIZE) is not None
    assert seeks == [last]  # the row as the page was read, not the refreshed one
