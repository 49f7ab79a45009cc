"""Receipts and notices issued for queue cases (accept transition, register numbers, stored PDFs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.cli import main
from officer_desk.demo import enable_demo_mode
from officer_desk.lifecycle import Action, Status
from officer_desk.models import Case
from officer_desk.receipts.service import ReceiptRefused, issue_notice, issue_receipt, stored_document
from officer_desk.screening.result import ScreeningFinding
from officer_desk.vocabulary import Severity

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"


def _import(desk, tmp_path: Path, code_suffix: str = "0007", **changes) -> str:  # type: ignore[no-untyped-def]
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    data["dossier_code"] = data["dossier_code"][:-4] + code_suffix
    data.update(changes)
    path = tmp_path / f"{code_suffix}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    desk.cases.import_paths([path])
    with desk.db.session() as session:  # a clean dossier: drop whatever the screening found
        case = session.execute(select(Case).where(Case.dossier_code == data["dossier_code"])).scalar_one()
        desk.cases.record_findings(session, case.id, [], "test")
    return str(data["dossier_code"])


@pytest.fixture
def demo_desk(desk):  # type: ignore[no-untyped-def]
    enable_demo_mode(desk)
    return desk


def test_receipt_accepts_case_and_numbers_have_no_gaps(demo_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = _import(demo_desk, tmp_path, "0007")
    second = _import(demo_desk, tmp_path, "0008")
    issued = issue_receipt(demo_desk, first, tmp_path / "r1.pdf")
    assert not issued.reprint and (tmp_path / "r1.pdf").read_bytes().startswith(b"%PDF")
    detail = demo_desk.cases.detail(first)
    assert detail.row.status == Status.ACCEPTED and detail.receipt_issued_at is not None
    assert detail.register_number == 1 and detail.appointment_at is not None
    # The store commits first, then the file is published: an unwritable target fails the publishing
    # only; the receipt is issued (number 2) and a re-run returns it instead of issuing another.
    (tmp_path / "blocked").mkdir()
    with pytest.raises(OSError):
        issue_receipt(demo_desk, second, tmp_path / "blocked")
    assert demo_desk.cases.detail(second).row.status == Status.ACCEPTED
    again = issue_receipt(demo_desk, second, tmp_path / "r2.pdf")
    assert again.reprint and demo_desk.cases.detail(second).register_number == 2
    reprint = issue_receipt(demo_desk, first, tmp_path / "r1-again.pdf")
    assert reprint.reprint and demo_desk.cases.detail(first).register_number == 1
    assert reprint.qr_payload == issued.qr_payload  # the same receipt, marked "Bản in lại"
    assert "Bản in lại" in _text(tmp_path / "r1-again.pdf") and "Bản in lại" not in _text(tmp_path / "r1.pdf")
    assert stored_document(demo_desk, first).startswith(b"%PDF")


def test_receipt_failing_before_commit_consumes_no_number(demo_desk, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from officer_desk.receipts import service

    first = _import(demo_desk, tmp_path, "0007")
    second = _import(demo_desk, tmp_path, "0008")

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(service, "_store", broken)
    with pytest.raises(OSError):
        issue_receipt(demo_desk, first, tmp_path / "r1.pdf")
    assert not (tmp_path / "r1.pdf").exists()
    assert demo_desk.cases.detail(first).row.status == Status.RECEIVED
    monkeypatch.undo()
    issue_receipt(demo_desk, second, tmp_path / "r2.pdf")
    assert demo_desk.cases.detail(second).register_number == 1  # number 1 was not consumed
    issue_receipt(demo_desk, first, tmp_path / "r1.pdf")
    assert demo_desk.cases.detail(first).register_number == 2


def test_notice_is_issued_once(demo_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = _import(demo_desk, tmp_path)
    first = issue_notice(demo_desk, "refusal", code, tmp_path / "f1.pdf", reason="Không thuộc thẩm quyền")
    again = issue_notice(demo_desk, "refusal", code, tmp_path / "f2.pdf", reason="Không thuộc thẩm quyền")
    assert again.reprint and again.qr_payload == first.qr_payload
    assert demo_desk.cases.detail(code).row.status == Status.REFUSED


def _text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return " ".join(" ".join(document[i].get_textpage().get_text_range() for i in range(len(document))).split())
    finally:
        document.close()


def test_receipt_refused_while_errors_remain(demo_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = _import(demo_desk, tmp_path)
    with demo_desk.db.session() as session:
        case = session.execute(select(Case).where(Case.dossier_code == code)).scalar_one()
        demo_desk.cases.record_findings(session, case.id, [
            ScreeningFinding("MISSING_REQUIRED_DOC", Severity.ERROR, "to_khai_ct01", "Thiếu Tờ khai CT01", "",
                             suggestion="Nộp bổ sung tờ khai CT01")], "test")
    with pytest.raises(ReceiptRefused, match="MISSING_REQUIRED_DOC"):
        issue_receipt(demo_desk, code, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()
    issue_notice(demo_desk, "supplement", code, tmp_path / "bs.pdf")
    assert demo_desk.cases.detail(code).row.status == Status.SUPPLEMENT_REQUESTED


def test_supplement_without_missing_items_is_refused(demo_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code = _import(demo_desk, tmp_path)
    with pytest.raises(ReceiptRefused):
        issue_notice(demo_desk, "supplement", code, tmp_path / "bs.pdf")
    assert demo_desk.cases.detail(code).row.status == Status.RECEIVED


def test_refusal_and_return_notices_move_the_case(demo_desk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    refused = _import(demo_desk, tmp_path, "0011")
    issue_notice(demo_desk, "refusal", refused, tmp_path / "tc.pdf", reason="Không thuộc thẩm quyền")
    assert demo_desk.cases.detail(refused).row.status == Status.REFUSED
    done = _import(demo_desk, tmp_path, "0012")
    issue_receipt(demo_desk, done, tmp_path / "r.pdf")
    for action in (Action.START_PROCESSING, Action.MARK_RESULT_READY):
        demo_desk.cases.transition(done, action)
    issue_notice(demo_desk, "apology", done, tmp_path / "xl.pdf")
    issue_notice(demo_desk, "return", done, tmp_path / "tkq.pdf")
    assert demo_desk.cases.detail(done).row.status == Status.RETURNED


def test_receipt_command_json(isolated_home, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    from officer_desk.desk import open_desk

    desk = open_desk(isolated_home)
    try:
        enable_demo_mode(desk)
        code = _import(desk, tmp_path)
    finally:
        desk.close()
    capsys.readouterr()
    assert main(["receipt", code, "--out", str(tmp_path / "r.pdf"), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["dossier_code"] == code and payload["qr_payload"].startswith("ODR1:")
    assert payload["appointment"].endswith("+07:00")
    assert main(["verify-receipt", str(tmp_path / "r.pdf")]) == 0
    # A refusal needs a reason.
    assert main(["notice", "refusal", code, "--out", str(tmp_path / "n.pdf"), "--json"]) != 0


def test_bad_document_options_are_clear_errors(isolated_home, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from officer_desk.desk import open_desk

    desk = open_desk(isolated_home)
    try:
        enable_demo_mode(desk)
        code = _import(desk, tmp_path)
    finally:
        desk.close()
    capsys.readouterr()
    assert main(["notice", "apology", code, "--out", str(tmp_path / "a.pdf"), "--new-date", "mai", "--json"]) == 2
    assert "dd/mm/yyyy" in json.loads(capsys.readouterr().out)["error"]["message"]
    assert main(["receipt", code, "--out", str(tmp_path / "r.pdf"), "--keystore", str(tmp_path / "none.p12"),
                 "--pin-file", str(tmp_path / "missing.pin"), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["error"]["message"]
    assert main(["receipt", "NOPE-1", "--out", str(tmp_path / "r.pdf"), "--json"]) == 1
    assert not (tmp_path / "a.pdf").exists() and not (tmp_path / "r.pdf").exists()
