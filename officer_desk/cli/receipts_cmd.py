"""``verify-receipt``: checks the signed QR payload of a receipt or notice (file or payload text).

The ``receipt`` and ``notice`` commands need the case database and are registered by the case layer;
they call ``officer_desk.receipts.issue``.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from officer_desk.cli.output import Output
from officer_desk.i18n import _
from officer_desk.paths import Home

STATUS_TEXT = {
    "genuine": "Phiếu thật: do quầy có khóa tin cậy phát hành, nội dung mã QR nguyên vẹn",
    "tampered": "Phiếu bị sửa hoặc giả: mã QR không khớp chữ ký",
    "unknown_issuer": "Chưa xác minh được: không có khóa công khai của quầy phát hành",
    "not_ours": "Không tìm thấy mã QR của phiếu một cửa",
}
FIELD_LABELS = {
    "doc_type": "Loại phiếu",
    "dossier_code": "Mã hồ sơ",
    "appointment": "Hẹn trả kết quả",
    "desk_id": "Quầy phát hành",
    "issued_at": "Thời điểm phát hành",
}

# What a person reading the answer calls each kind of document (the names printed on them).
DOC_TYPE_TEXT = {
    "receipt": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
    "supplement": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "refusal": "Phiếu từ chối tiếp nhận hồ sơ",
    "apology": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "return": "Phiếu trả kết quả",
    "control": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
}


def _field_text(key: str, value: object) -> str:
    """A field as a person reads it: dates as dd/mm/yyyy hh:mm, the document's name instead of its kind."""
    if key == "doc_type" and value in DOC_TYPE_TEXT:
        return _(DOC_TYPE_TEXT[str(value)])
    if key in ("appointment", "issued_at"):
        try:
            return datetime.fromisoformat(str(value)).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return str(value)
    return str(value)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "verify-receipt",
        help=_("kiểm tra mã QR của giấy tiếp nhận hoặc phiếu (tệp ảnh, PDF hoặc nội dung mã)"),
        description=_(
            "Kiểm tra mã QR có chữ ký của phiếu. Mã thoát: 0 phiếu thật; 1 bị sửa; 2 không rõ quầy phát hành; "
            "3 không có mã QR của phiếu một cửa."
        ),
    )
    parser.add_argument("arg", metavar="ARG", help=_("tệp ảnh/PDF, hoặc nội dung mã QR (ODR1:…)"))
    parser.add_argument("--json", action="store_true", help=_("in kết quả dạng JSON"))
    parser.set_defaults(func=handle_verify_receipt)


def handle_verify_receipt(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.receipts.verify_receipt import verify_receipt_arg

    result = verify_receipt_arg(args.arg, Home())
    verdict = result.verdict
    lines = [_(STATUS_TEXT[verdict.status]), verdict.reason]
    for key, label in FIELD_LABELS.items():
        value = verdict.fields.get(key)
        if value:
            lines.append(f"{_(label)}: {_field_text(key, value)}")
    out.result(result.as_dict(), "\n".join(lines))
    return result.exit_code
