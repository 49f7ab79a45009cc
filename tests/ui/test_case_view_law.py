"""Issue #11 in the window: the fee with how it was computed, and low-confidence catalogue entries flagged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LAW = Path(__file__).resolve().parents[1] / "data" / "screening" / "law" / "cases"


def _import(desk: Any, tmp_path: Path, dossier: dict[str, Any]) -> str:
    path = tmp_path / "dossier.json"
    path.write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")
    _outcome, code = desk.cases.import_file(path)
    return str(code)


def test_case_view_shows_the_fee_basis_and_the_low_confidence_note(
    empty_desk: Any, make_window: Any, tmp_path: Path, qtbot: Any
) -> None:
    case = json.loads((LAW / "fee_copy_three_copies_two_pages.json").read_text(encoding="utf-8"))
    code = _import(empty_desk, tmp_path, case["dossier"])
    detail = empty_desk.cases.detail(code)
    assert detail.fee_vnd == 12000 and detail.fee_basis_vi == "3 bản × 2 trang × 2.000đ"
    assert detail.fee_text_vi == "12.000đ (3 bản × 2 trang × 2.000đ)"  # the receipt's fee line
    window = make_window(empty_desk)
    window.case_view.show_case(detail)
    header = window.case_view.header.text()
    assert "12.000" in header and "3 bản × 2 trang × 2.000đ" in header
    assert "⚠" not in header
    lltp = dict(case["dossier"], procedure_code="2.000488", dossier_code="000.00.01.H41-261110-0999",
                form={"loai_phieu": "1", "muc_dich_su_dung": "Đi làm", "so_luong_phieu": 1},
                attachments=[{"doc_type": "to_khai_lltp", "kind": "original"}])
    other = _import(empty_desk, tmp_path, lltp)
    window.case_view.show_case(empty_desk.cases.detail(other))
    flagged = window.case_view.header.text()
    assert "⚠" in flagged and "Luật 107/2025" in flagged
