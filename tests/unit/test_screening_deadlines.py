"""Due dates, fees, the holiday hint, duplicates, and the output contract of a screening result."""

from __future__ import annotations

import json
from datetime import datetime

from officer_desk.config import DeskConfig
from officer_desk.dossier import LOCAL_TZ
from officer_desk.screening.result import FINDING_CODES
from tests.helpers.screening import KET_HON, KHAI_SINH, TAM_TRU, build, codes, screen


def test_due_date_in_working_days_and_holiday_hint() -> None:
    # 3 working days from Wed 29/04/2026: 30/04 and 01/05 are holidays.
    result = screen(build(TAM_TRU, received_at="29/04/2026 10:00"))
    assert result.due_date.isoformat() == "2026-05-06"
    assert codes(result) == {("DEADLINE_ADJUSTED_FOR_HOLIDAY", "due_date")}
    finding = result.findings[0]
    assert finding.severity == "info" and "30/04/2026" in finding.evidence and "04/05/2026" in finding.evidence


def test_make_up_saturday_bringing_the_date_earlier_is_not_reported() -> None:
    absent = {"procedure_code": "1.003677", "received_at": "09/01/2026 10:00", "channel": "truc_tuyen",
              "applicant": TAM_TRU["applicant"],
              "form": {"noi_cu_tru": "Phú Thọ", "ngay_bat_dau_tam_vang": "12/01/2026",
                       "ngay_ket_thuc_tam_vang": "12/02/2026", "noi_den": "Hà Nội", "ly_do": "Đi làm"},
              "attachments": [{"doc_type": "de_nghi_tam_vang", "kind": "original"}]}
    result = screen(absent)
    assert result.due_date.isoformat() == "2026-01-10"  # make-up Saturday
    assert result.findings == ()


def test_same_day_cutoff() -> None:
    assert screen(build(KHAI_SINH, received_at="10/11/2026 15:00")).due_date.isoformat() == "2026-11-10"
    assert screen(build(KHAI_SINH, received_at="10/11/2026 15:01")).due_date.isoformat() == "2026-11-11"
    # Received on a Friday after 15:00: Monday, no holiday involved.
    friday = screen(build(KHAI_SINH, received_at="13/11/2026 16:00"))
    assert friday.due_date.isoformat() == "2026-11-16" and friday.findings == ()


def test_without_received_at_now_is_the_receipt_moment() -> None:
    data = build(TAM_TRU, received_at=None)
    result = screen(data, now=datetime(2026, 11, 27, 8, 45, tzinfo=LOCAL_TZ))
    assert result.due_date.isoformat() == "2026-12-02"


def test_fees() -> None:
    assert screen(TAM_TRU).fee_vnd == 15000
    assert screen(build(TAM_TRU, channel="truc_tuyen")).fee_vnd == 7000
    assert screen(KHAI_SINH).fee_vnd == 0
    xntthn = {"procedure_code": "1.004873.000.00.00.H14", "received_at": "10/11/2026 09:00", "channel": "truc_tiep",
              "applicant": TAM_TRU["applicant"],
              "form": {"tinh_trang_hon_nhan": "Chưa kết hôn", "muc_dich_su_dung": "Kết hôn"},
              "attachments": [{"doc_type": "to_khai_xntthn", "kind": "original"}, TAM_TRU["attachments"][2]]}
    result = screen(xntthn)
    assert result.procedure_code == "1.004873" and result.fee_vnd is None and result.findings == ()
    assert screen(xntthn, config=DeskConfig(fees={"1.004873": 3000})).fee_vnd == 3000
    # The provincial council sets it online too (TT 85/2019 Art. 5): unknown until configured (issue #11).
    assert screen(build(xntthn, channel="truc_tuyen")).fee_vnd is None
    assert screen(build(xntthn, channel="truc_tuyen"), config=DeskConfig(fees={"1.004873": 3000})).fee_vnd == 3000


class Queue:
    def __init__(self, codes: list[str]) -> None:
        self.codes = codes
        self.calls: list[tuple[str, str, str, str | None]] = []

    def __call__(self, procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
        self.calls.append((procedure_code, id_number, subject_key, exclude_code))
        return self.codes


def test_duplicate_submission_names_the_open_dossier() -> None:
    queue = Queue(["000.00.01.X99-261120-0002", TAM_TRU["dossier_code"]])
    result = screen(TAM_TRU, queue=queue)
    assert codes(result) == {("DUPLICATE_SUBMISSION", "queue:000.00.01.X99-261120-0002")}
    assert result.findings[0].severity == "warning"
    assert queue.calls == [("1.004194", "025194001234", "", TAM_TRU["dossier_code"])]
    birth_queue = Queue([])
    screen(KHAI_SINH, queue=birth_queue)
    # A birth is keyed by the child and the mother whoever files; the applicant's ID is not part of the query.
    assert birth_queue.calls[0][1] == ""
    assert birth_queue.calls[0][2].startswith("ev|birth|nguyen minh khoi/01/11/2026|")


def test_certifications_are_never_duplicates() -> None:
    copy_cert = {"procedure_code": "2.000815", "received_at": "10/11/2026 09:00", "channel": "truc_tiep",
                 "applicant": TAM_TRU["applicant"], "form": {},
                 "attachments": [{"doc_type": "ban_chinh", "kind": "original", "presented_only": True},
                                 {"doc_type": "ban_sao_can_chung_thuc", "kind": "copy"}]}
    queue = Queue(["X-1"])
    assert screen(copy_cert, queue=queue).findings == () and queue.calls == []


def test_queue_with_a_find_method_and_no_id_number() -> None:
    class Finder:
        def find(self, *args: object) -> list[str]:
            return ["A-1"]

    assert codes(screen(KET_HON, queue=Finder())) == {("DUPLICATE_SUBMISSION", "queue:A-1")}
    anonymous = build(TAM_TRU, **{"applicant.id_number": ""}, channel="truc_tuyen", attachments=[
        {"doc_type": "to_khai_ct01", "kind": "original"}, {"doc_type": "giay_to_cho_o_hop_phap", "kind": "copy"}])
    assert screen(anonymous, queue=Queue(["A-1"])).findings == ()


def test_output_contract_and_english_messages() -> None:
    result = screen(build(TAM_TRU, **{"applicant.phone": "123"}))
    payload = result.as_output()
    assert list(payload) == ["dossier_code", "procedure_code", "due_date", "fee_vnd", "fee_basis", "findings"]
    assert payload["due_date"] == "02/12/2026"
    finding = payload["findings"][0]
    assert list(finding) == ["code", "severity", "target", "message", "evidence", "suggestion", "source"]
    assert finding["source"] == "rule" and finding["code"] in FINDING_CODES
    english = result.as_output("en")["findings"][0]
    assert english["message"].startswith("Invalid phone number")
    json.dumps(payload, ensure_ascii=False)
    record = result.records()[0]
    assert record["message_en"] == english["message"] and record["message"] == finding["message"]
