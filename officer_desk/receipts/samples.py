"""Made-up document data for previews, samples, tests and benchmarks (no real person)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from officer_desk.receipts.model import (
    ComponentLine,
    ControlStep,
    DocumentData,
    NoticeData,
    ReceiptData,
    SupplementItem,
)
from officer_desk.receipts.qr import VIETNAM_TIME

RECEIVED_AT = datetime(2026, 11, 27, 9, 30, 12, tzinfo=VIETNAM_TIME)


def sample_receipt(**changes: Any) -> ReceiptData:
    """A temporary-residence registration received at a Phú Thọ one-stop counter."""
    values: dict[str, Any] = {
        "agency_name": "Trung tâm Phục vụ hành chính công tỉnh Phú Thọ",
        "agency_header": ("UBND TỈNH PHÚ THỌ", "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"),
        "agency_id": "000.00.01.X99",
        "desk_number": 3,
        "dossier_code": "000.00.01.X99-261127-0007",
        "applicant_name": "Nguyễn Thị Thu Hường",
        "applicant_address": "Số 18, đường Hùng Vương, phường Việt Trì, tỉnh Phú Thọ",
        "applicant_phone": "0912 345 678",
        "applicant_email": "thuhuong.nguyen@example.vn",
        "procedure_code": "1.004194",
        "procedure_name": "Đăng ký tạm trú",
        "components": (
            ComponentLine("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", "Bản chính", 1),
            ComponentLine("Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê nhà)", "Bản sao chứng thực", 1),
            ComponentLine("Văn bản đồng ý của chủ hộ cho đăng ký tạm trú", "Bản chính", 1),
        ),
        "sets_count": 1,
        "processing_time_text": "03 ngày làm việc",
        "received_at": RECEIVED_AT,
        "appointment": datetime(2026, 12, 2, 15, 30, tzinfo=VIETNAM_TIME),
        "collection_place": "Quầy số 3, Bộ phận Một cửa — hoặc qua dịch vụ bưu chính công ích",
        "register_book": "01/2026",
        "register_number": 1487,
        "officer_name": "Đặng Quốc Khánh",
        "reprint": False,
        "issued_at": RECEIVED_AT + timedelta(minutes=2),
        "locality": "Phú Thọ",
    }
    values.update(changes)
    return ReceiptData(**values)


def sample_notice(doc_type: str, **changes: Any) -> NoticeData:
    """Notice data for ``doc_type`` about the dossier of :func:`sample_receipt`."""
    receipt = sample_receipt()
    later = RECEIVED_AT + timedelta(days=6)
    per_type: dict[str, dict[str, Any]] = {
        "supplement": {
            "items": (
                SupplementItem("Văn bản đồng ý của chủ hộ", "Thiếu chữ ký của chủ hộ ở mục ý kiến; ký, ghi rõ họ tên"),
                SupplementItem("Hợp đồng thuê nhà", "Là bản photo chưa chứng thực; nộp bản sao có chứng thực "
                               "hoặc xuất trình bản chính để đối chiếu"),
                SupplementItem("Tờ khai CT01, mục số định danh cá nhân", "Ghi thiếu 1 chữ số (11 số); ghi đủ 12 số "
                               "theo thẻ căn cước"),
            ),
            "contact": "Quầy số 3, điện thoại 0210 3 846 123",
            "issued_at": RECEIVED_AT + timedelta(minutes=5),
        },
        "refusal": {
            "reasons": (
                "Thủ tục không thuộc thẩm quyền giải quyết của Trung tâm: chỗ ở đề nghị đăng ký thuộc tỉnh khác.",
                "Đề nghị Ông/Bà nộp hồ sơ tại Công an cấp xã nơi có chỗ ở hợp pháp.",
            ),
            "issued_at": RECEIVED_AT + timedelta(minutes=5),
        },
        "apology": {
            "old_appointment": receipt.appointment,
            "new_appointment": datetime(2026, 12, 4, 9, 0, tzinfo=VIETNAM_TIME),
            "reason": "Cần xác minh thêm thông tin chỗ ở hợp pháp với Công an phường Việt Trì.",
            "issued_at": datetime(2026, 12, 2, 10, 15, tzinfo=VIETNAM_TIME),
        },
        "return": {
            "result_documents": ("Thông báo về kết quả giải quyết đăng ký tạm trú (01 bản)",),
            "returned_at": datetime(2026, 12, 2, 14, 5, tzinfo=VIETNAM_TIME),
            "receiver_name": "Nguyễn Thị Thu Hường",
            "issued_at": datetime(2026, 12, 2, 14, 5, tzinfo=VIETNAM_TIME),
        },
        "control": {
            "handling_unit": "Công an phường Việt Trì",
            "steps": (
                ControlStep("Bộ phận tiếp nhận và trả kết quả", "Công an phường Việt Trì",
                            RECEIVED_AT + timedelta(hours=2), "", "Nhận đủ hồ sơ"),
                ControlStep("Công an phường Việt Trì", "Bộ phận tiếp nhận và trả kết quả", later,
                            "Trước hạn", ""),
            ),
            "issued_at": RECEIVED_AT + timedelta(minutes=3),
        },
    }
    fields = dict(per_type.get(doc_type, {}))
    fields.update(changes)
    return NoticeData.from_receipt(receipt, **fields)


def sample_data(doc_type: str, **changes: Any) -> DocumentData:
    """Sample data suiting ``doc_type``."""
    return sample_receipt(**changes) if doc_type == "receipt" else sample_notice(doc_type, **changes)
