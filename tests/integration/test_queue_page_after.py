"""The page after a loaded page (issue 17): ``page_after`` seeks past the last row shown and gives exactly the
rows ``page`` gives at the next offset, for every sort that can seek, both directions and the window's filters,
ties in the sort column included, on both back-ends; the window's model scrolls with it."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa

from officer_desk.cases import QueueFilter
from officer_desk.cases.queue import DEEP_PAGE_OFFSET, KEYSET_SORTS, SORT_COLUMNS
from officer_desk.demo import generate_cases
from officer_desk.lifecycle import Status

LIMIT = 20


def _filters(desk: Any) -> list[QueueFilter]:
    sample = desk.cases.rows(desk.cases.list_ids(QueueFilter(), 0, 50))
    return [
        QueueFilter(),
        QueueFilter(statuses=(Status.RETURNED,)),
        QueueFilter(statuses=(Status.RECEIVED, Status.IN_PROCESSING, Status.ACCEPTED)),
        QueueFilter(due="overdue"),
        QueueFilter(procedure_code=sample[0].procedure_code),
        QueueFilter(channel=sample[0].channel),
    ]


@pytest.fixture
def queue_with_ties(desk: Any) -> Any:
    assert generate_cases(desk, 240, seed=23) == 240
    with desk.db.engine.begin() as connection:
        ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM cases ORDER BY id"))]
        received = connection.execute(sa.text("SELECT received_at FROM cases WHERE id = :i"),
                                      {"i": ids[5]}).scalar_one()
        # Ties across page boundaries: one received time, one name, one finding count for runs of cases.
        connection.execute(sa.text("UPDATE cases SET received_at = :r WHERE id IN :ids").bindparams(
            sa.bindparam("ids", expanding=True)), {"r": received, "ids": ids[:60:2]})
        connection.execute(sa.text("UPDATE cases SET applicant_name = 'Nguyễn Văn An' WHERE id IN :ids")
                           .bindparams(sa.bindparam("ids", expanding=True)), {"ids": ids[10:90:3]})
        connection.execute(sa.text("UPDATE cases SET open_finding_count = 2 WHERE id IN :ids")
                           .bindparams(sa.bindparam("ids", expanding=True)), {"ids": ids[::4]})
    return desk


@pytest.mark.parametrize("sort", sorted(KEYSET_SORTS))
def test_the_page_after_a_page_is_the_page_at_the_next_offset(queue_with_ties: Any, sort: str) -> None:
    desk = queue_with_ties
    walked = 0
    for base in _filters(desk):
        for descending in (True, False):
            flt = replace(base, sort=sort, descending=descending)
            by_offset = [desk.cases.page(flt, offset, LIMIT) for offset in range(0, 240, LIMIT)]
            page = by_offset[0]
            for number, expected in enumerate(by_offset[1:], start=1):
                if len(page) < LIMIT:
                    assert expected == [], (flt, number)
                    break
                following = desk.cases.page_after(flt, page[-1], LIMIT)
                assert following == expected, (flt, number)
                walked += len(following)
                page = following
    assert walked > 500  # the walks crossed many page boundaries, not only empty tails


def test_sorts_that_cannot_seek_fall_back_to_none(desk: Any) -> None:
    assert generate_cases(desk, 30, seed=2) == 30
    row = desk.cases.page(QueueFilter(), 0, 10)[-1]
    assert set(SORT_COLUMNS) - set(KEYSET_SORTS) == {"due_date", "assigned_officer"}  # NULLs, or not in the row
    assert desk.cases.page_after(QueueFilter(sort="due_date"), row, 10) is None
    assert desk.cases.page_after(QueueFilter(sort="assigned_officer"), row, 10) is None
    assert desk.cases.page_after(QueueFilter(text="nguyen"), row, 10) is None


def test_a_page_far_down_is_the_same_page_as_one_statement_gives(queue_with_ties: Any) -> None:
    """From ``DEEP_PAGE_OFFSET`` on, a page is read as ids then rows (both compiled once): the same rows, in the
    same order, as the single statement one row higher up, for every sort (those with NULLs included)."""
    desk = queue_with_ties
    for sort in sorted(SORT_COLUMNS):
        for base in _filters(desk):
            for descending in (True, False):
                flt = replace(base, sort=sort, descending=descending)
                deep = desk.cases.page(flt, DEEP_PAGE_OFFSET, LIMIT)
                above = desk.cases.page(flt, DEEP_PAGE_OFFSET - 1, LIMIT + 1)  # one statement
                assert deep == above[1:], flt
                assert deep == desk.cases.rows(desk.cases.list_ids(flt, DEEP_PAGE_OFFSET, LIMIT)), flt
        everything = desk.cases.page(QueueFilter(sort=sort), DEEP_PAGE_OFFSET, LIMIT)
        assert len(everything) == LIMIT  # 240 cases: the unfiltered queue does reach that far
