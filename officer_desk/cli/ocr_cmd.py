"""``ocr FILE [--doc-type T] [--json]``: read an image or PDF offline and print the fields found."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from officer_desk.cli.output import Output
from officer_desk.i18n import _


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "ocr",
        help=_("đọc chữ trên ảnh hoặc PDF giấy tờ (ngoại tuyến)"),
        description=_("Đọc thẻ căn cước, giấy khai sinh, giấy chứng sinh, giấy xác nhận tình trạng hôn nhân "
                      "hoặc tờ khai; exit 0 khi đọc được (kể cả độ tin cậy thấp), 2 khi không đọc được tệp"),
    )
    parser.add_argument("file", metavar="FILE", type=Path, help=_("tệp ảnh (PNG, JPEG, TIFF...) hoặc PDF"))
    parser.add_argument("--doc-type", metavar="T", help=_("loại giấy tờ, ví dụ the_can_cuoc, giay_khai_sinh "
                                                          "(mặc định: tự nhận biết)"))
    parser.add_argument("--json", action="store_true", help=_("kết quả dạng JSON trên stdout"))
    parser.set_defaults(func=handle_ocr)


def handle_ocr(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.ocr.loader import MAX_FILE_BYTES, OcrInputError
    from officer_desk.ocr.reader import read_document

    path: Path = args.file
    try:
        if path.is_dir():
            raise OcrInputError(_("{path} là thư mục, không phải tệp", path=str(path)), code="not_image")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise OcrInputError(_("Tệp lớn hơn giới hạn {limit} MiB", limit=MAX_FILE_BYTES // (1024 * 1024)),
                                code="too_large")
        data = path.read_bytes()
    except OSError as exc:
        raise OcrInputError(_("Không đọc được tệp {path}: {reason}", path=str(path),
                              reason=exc.strerror or str(exc)), code="unreadable") from exc
    result = read_document(data, args.doc_type)
    lines = [_("Loại giấy tờ: {doc_type}; số trang: {pages}", doc_type=result.doc_type, pages=result.pages)]
    if not result.fields:
        lines.append(_("Không đọc được trường nào"))
    for name, found in result.fields.items():
        lines.append(_("{name}: {value} (độ tin cậy {confidence}, trang {page})", name=name, value=found.value,
                       confidence=f"{found.confidence:.2f}", page=found.page))
    out.result(result.as_json(), "\n".join(lines))
    return 0
