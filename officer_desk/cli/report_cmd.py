"""``report`` (service-quality figures, contract: cli-contract.md) and ``register`` (the register book)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from officer_desk.cli.output import Output
from officer_desk.errors import UsageError
from officer_desk.i18n import _


def _scope_options(parser: Any) -> None:
    parser.add_argument("--desk", type=int, metavar="N", help=_("chỉ hồ sơ của quầy số N"))
    parser.add_argument("--office", metavar="ID", help=_("chỉ hồ sơ của cơ quan có mã định danh ID"))
    parser.add_argument("--commune", metavar="NAME", help=_("chỉ hồ sơ của xã, phường NAME"))
    parser.add_argument("--procedure", metavar="CODE", help=_("chỉ hồ sơ của thủ tục CODE"))
    parser.add_argument("--officer", metavar="USER", help=_("chỉ hồ sơ do cán bộ USER xử lý"))


def register(sub: Any) -> None:
    report = sub.add_parser(
        "report",
        help=_("báo cáo chất lượng phục vụ của một kỳ"),
        description=_("Hồ sơ tiếp nhận trong kỳ (tính cả hai ngày, giờ Việt Nam): kênh nộp, kết quả đúng hạn, "
                      "thời gian giải quyết, tỷ lệ bổ sung và từ chối"),
    )
    report.add_argument("--from", dest="first", metavar="dd/mm/yyyy", help=_("ngày đầu kỳ"))
    report.add_argument("--to", dest="last", metavar="dd/mm/yyyy", help=_("ngày cuối kỳ"))
    report.add_argument("--by", choices=("procedure", "officer", "channel", "commune"), default="procedure",
                        help=_("nhóm các dòng theo (mặc định: thủ tục)"))
    report.add_argument("--format", dest="fmt", choices=("table", "csv", "xlsx", "json"), default="table",
                        help=_("dạng kết quả (mặc định: bảng)"))
    report.add_argument("--out", type=Path, metavar="F", help=_("ghi vào tệp F"))
    _scope_options(report)
    report.add_argument("--json", action="store_true", help=_("kết quả dạng JSON trên stdout"))
    report.set_defaults(func=handle_report)

    book = sub.add_parser(
        "register",
        help=_("sổ theo dõi hồ sơ của một kỳ (PDF có chữ ký số hoặc XLSX)"),
        description=_("Sổ theo dõi hồ sơ, khổ A4 ngang: mọi hồ sơ tiếp nhận trong kỳ"),
    )
    book.add_argument("--from", dest="first", metavar="dd/mm/yyyy", help=_("ngày đầu kỳ"))
    book.add_argument("--to", dest="last", metavar="dd/mm/yyyy", help=_("ngày cuối kỳ"))
    book.add_argument("--out", type=Path, metavar="F", required=True, help=_("tệp kết quả"))
    book.add_argument("--format", dest="fmt", choices=("pdf", "xlsx"), default=None,
                      help=_("pdf (mặc định, ký số) hoặc xlsx; mặc định theo đuôi tệp"))
    book.add_argument("--keystore", type=Path, metavar="P12", help=_("chứng thư của máy (mặc định: chứng thư demo)"))
    book.add_argument("--pin-file", metavar="F", help=_("tệp mật khẩu của chứng thư"))
    book.add_argument("--json", action="store_true", help=_("kết quả dạng JSON trên stdout"))
    book.set_defaults(func=handle_register)


def handle_report(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cli.common import desk_from_args
    from officer_desk.reports import Scope, build_report, parse_period
    from officer_desk.reports.export import csv_bytes, render_text, report_table, write_report

    period = parse_period(args.first, args.last)
    if args.fmt == "xlsx" and args.out is None:
        raise UsageError(_("Dạng xlsx cần --out F"), code="usage")
    scope = Scope(desk=args.desk, office=args.office, commune=args.commune, procedure=args.procedure,
                  officer=args.officer)
    desk = desk_from_args(args)
    try:
        report = build_report(desk, period, scope, args.by)
    finally:
        desk.close()
    payload = report.as_json()
    if args.out is not None:
        write_report(report, args.out, args.fmt)
        out.result({**payload, "file": str(args.out)}, _("Đã ghi {path}", path=str(args.out)))
        return 0
    if args.fmt == "csv" and not out.json_mode:
        sys.stdout.buffer.write(csv_bytes(report_table(report)))
        sys.stdout.flush()
        return 0
    if args.fmt == "json" and not out.json_mode:
        import json

        out.result(payload, json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    out.result(payload, render_text(report))
    return 0


def handle_register(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cli.common import desk_from_args
    from officer_desk.cli.documents_cmd import _pin
    from officer_desk.reports import parse_period
    from officer_desk.reports.register import write_register

    period = parse_period(args.first, args.last)
    fmt = args.fmt or ("xlsx" if args.out.suffix.lower() == ".xlsx" else "pdf")
    pin = _pin(args) if fmt == "pdf" else None
    desk = desk_from_args(args)
    try:
        outcome = write_register(desk, period, args.out, fmt, args.keystore, pin)
    finally:
        desk.close()
    out.result({"file": str(outcome.file), "from": period.first.strftime("%d/%m/%Y"),
                "to": period.last.strftime("%d/%m/%Y"), "rows": outcome.rows, "format": fmt,
                "signed": outcome.signed, "signer": outcome.signer},
               _("Đã ghi sổ theo dõi hồ sơ ({n} hồ sơ) vào {path}", n=outcome.rows, path=str(outcome.file)))
    return 0
