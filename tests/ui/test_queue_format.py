"""The queue's cells as the window formats a batch of rows on each keystroke (issue 17: labels looked up once per
batch, times written without strftime) read exactly as the row-by-row formatting did, in both languages."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from officer_desk.cases import CaseRow
from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import Status
from officer_desk.ui import labels
from officer_desk.ui.i18n import Translations
from officer_desk.ui.queue_format import display_rows, display_texts


def _as_before(row: CaseRow, procedure_name: Any) -> tuple[str, ...]:
    return (
        row.dossier_code, row.applicant_name, procedure_name(row.procedure_code), labels.channel_label(row.channel),
        row.received_at.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M"),
        row.due_date.strftime("%d/%m/%Y") if row.due_date else "", labels.status_label(row.status),
        row.assigned_officer or "", str(row.open_finding_count) if row.open_finding_count else "",
    )


def _rows() -> list[CaseRow]:
    times = [datetime(2026, 12, 31, 17, 5, tzinfo=UTC), datetime(2026, 1, 2, 3, 4, 59, 999_999, tzinfo=UTC),
             datetime(2025, 6, 30, 23, 59, tzinfo=UTC)]  # 17:05 UTC is already the next day and year in Hà Nội
    statuses = [*(s.value for s in Status), "no_such_status"]
    return [
        CaseRow(id=n, dossier_code=f"000.00.01.H{n:02d}-261127-{n:04d}", applicant_name=f"Nguyễn Văn {n}",
                procedure_code=("1.001", "2.002", "unknown")[n % 3], channel=("truc_tiep", "truc_tuyen", "buu_chinh",
                                                                              "other")[n % 4],
                received_at=times[n % 3], due_date=(None, date(2027, 1, 5), date(2026, 2, 28))[n % 3],
                status=statuses[n % len(statuses)], assigned_officer=(None, "canbo.lan")[n % 2],
                worst_severity=None, open_finding_count=n % 3, receipt_issued=False)
        for n in range(40)
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_batch_reads_as_each_row_formatted_alone(qapp: Any, language: str) -> None:
    translations = Translations()  # kept: its translators live as long as it does
    translations.switch(language)
    names = {"1.001": "Đăng ký tạm trú", "2.002": "Khai sinh"}

    def procedure_name(code: str) -> str:
        return names.get(code, code)

    rows = _rows()
    expected = [_as_before(row, procedure_name) for row in rows]
    assert display_rows(rows, procedure_name) == expected
    assert [display_texts(row, procedure_name) for row in rows] == expected
    assert expected[0][4] == "01/01/2027 00:05" and expected[1][5] == "05/01/2027"
    assert len({cells[6] for cells in expected}) == len(Status) + 1  # every status label was exercised
    assert (expected[0][6] == "New") == (language == "en")
    translations.switch("vi")
