"""``identity``, ``sync`` and ``bundle`` (cli-contract.md, Additions), and ``route`` (not in the contract)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from officer_desk.cli.common import desk_from_args
from officer_desk.cli.output import Output
from officer_desk.errors import InputError
from officer_desk.fileio import write_text_atomic
from officer_desk.i18n import _


def _identity_export(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.sync.engine import desk_identity

    desk = desk_from_args(args)
    try:
        public = desk_identity(desk).public
    finally:
        desk.close()
    write_text_atomic(Path(args.out), json.dumps(public.to_json(), indent=2) + "\n")
    out.result(public.to_json(), _("Đã ghi định danh của quầy vào {path}", path=args.out))
    return 0


def _identity_trust(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.sync.identity import read_identity_file, trust_identity

    identity = read_identity_file(Path(args.file))
    desk = desk_from_args(args)
    try:
        trust_identity(desk.db, identity, desk.officer, desk.config.desk_number)
    finally:
        desk.close()
    out.result({"trusted": identity.to_json()}, _("Đã tin cậy {desk}", desk=identity.label))
    return 0


def _sync(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cli.cases import _upgrade_signatures
    from officer_desk.sync import synchronize

    desk = desk_from_args(args)
    try:
        url = args.to or desk.config.sync_url
        if not url:
            raise InputError(_("Chưa cấu hình máy chủ đồng bộ: dùng --to URL hoặc sync_url trong config.toml"))
        report = synchronize(desk, url)
        if not report.offline and desk.config.timestamp_url:
            # Back online: documents signed offline get their timestamp too.
            _upgrade_signatures(desk.home, desk.config.timestamp_url)
    finally:
        desk.close()
    if report.offline:
        text = _("Không kết nối được máy chủ; các thay đổi vẫn chờ trong hàng đợi")
    else:
        text = _("Đã gửi {n} hồ sơ, nhận {m} hồ sơ; xung đột chưa giải quyết: {c}", n=len(report.pushed),
                 m=len(report.pulled), c=len(report.conflicts))
    out.result(report.as_json(), text)
    return 1 if report.offline or report.conflicts else 0


def _bundle_export(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.sync.bundle import export_bundle

    desk = desk_from_args(args)
    try:
        codes = export_bundle(desk, Path(args.out), args.to)
    finally:
        desk.close()
    out.result({"exported": codes}, _("Đã ghi {n} hồ sơ vào gói {path}", n=len(codes), path=args.out))
    return 0


def _bundle_import(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.sync.bundle import bundle_sender, import_bundle, write_return_bundle

    path = Path(args.file)
    desk = desk_from_args(args)
    try:
        result = import_bundle(desk, path)
        # The receiving side answers at once (new online dossiers, decisions) beside the imported file.
        answer = None if result.already_applied else write_return_bundle(desk, path, bundle_sender(path))
    finally:
        desk.close()
    if result.already_applied:
        text = _("Gói dữ liệu này đã được áp dụng trước đây; không có gì mới")
    else:
        text = _("Đã áp dụng {n} hồ sơ; xung đột: {c}", n=len(result.applied), c=len(result.conflicts))
    if answer is not None:
        out.info(_("Gói trả về cho quầy gửi: {path}", path=str(answer)))
    out.result(result.as_json(), text)
    return 1 if result.conflicts else 0


def _route(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.sync.routing import route_cases

    desk = desk_from_args(args)
    try:
        codes = route_cases(desk, args.codes, args.to)
    finally:
        desk.close()
    out.result({"routed": codes, "to": args.to},
               _("Đã giao {n} hồ sơ cho quầy {desk}; quầy nhận được ở lần đồng bộ tới", n=len(codes), desk=args.to))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("identity", help=_("định danh của quầy (xuất, tin cậy quầy khác)"))
    isub = p.add_subparsers(dest="identity_command", required=True)
    e = isub.add_parser("export", help=_("xuất định danh công khai của quầy"))
    e.add_argument("--out", required=True, metavar="F")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=_identity_export)
    t = isub.add_parser("trust", help=_("tin cậy định danh của quầy khác hoặc của trung tâm"))
    t.add_argument("file", metavar="F")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=_identity_trust)

    p = sub.add_parser("sync", help=_("đồng bộ hai chiều với cơ sở dữ liệu chung"))
    p.add_argument("--to", metavar="URL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_sync)

    p = sub.add_parser("bundle", help=_("gói dữ liệu mã hóa để chuyển bằng USB khi không có mạng"))
    bsub = p.add_subparsers(dest="bundle_command", required=True)
    e = bsub.add_parser("export", help=_("ghi gói dữ liệu cho nơi nhận"))
    e.add_argument("--out", required=True, metavar="F")
    e.add_argument("--to", metavar="ID")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=_bundle_export)
    i = bsub.add_parser("import", help=_("áp dụng một gói dữ liệu nhận được"))
    i.add_argument("file", metavar="F")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=_bundle_import)

    # Not named in the contract's additions: a supervisor's command in the style of the others.
    p = sub.add_parser("route", help=_("giao hồ sơ (hồ sơ trực tuyến từ cổng) cho quầy của một xã"))
    p.add_argument("codes", nargs="+", metavar="CODE")
    p.add_argument("--to", required=True, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_route)
