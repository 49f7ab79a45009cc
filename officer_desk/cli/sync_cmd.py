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
    # Read out to the other administrator, who compares it with what ``identity trust`` shows there.
    out.info(_("Dấu vân tay: {fingerprint}", fingerprint=public.fingerprint))
    return 0


def _identity_trust(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.sync.engine import desk_identity
    from officer_desk.sync.identity import IdentityError, read_identity_file, trust_identity

    identity = read_identity_file(Path(args.file))
    desk = desk_from_args(args)
    try:
        if identity.desk_id == desk_identity(desk).desk_id:
            # The administrator picked this desk's own file: its bundles would be written to itself.
            raise IdentityError(_("Đây là định danh của chính quầy này; hãy tin cậy tệp định danh của trung tâm "
                                  "hoặc của quầy kia"))
        trust_identity(desk.db, identity, desk.officer, desk.config.desk_number)
    finally:
        desk.close()
    out.result({"trusted": identity.to_json()}, _("Đã tin cậy {desk}", desk=identity.label))
    out.info(_("Dấu vân tay: {fingerprint}", fingerprint=identity.fingerprint))
    return 0


def _identity_list(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.dossier import LOCAL_TZ
    from officer_desk.sync.identity import list_trusted

    desk = desk_from_args(args)
    try:
        entries = list_trusted(desk.db)
    finally:
        desk.close()
    rows = []
    lines = []
    for entry in entries:
        public, since = entry.identity, entry.trusted_at.astimezone(LOCAL_TZ).replace(microsecond=0)
        rows.append({"desk_id": public.desk_id, "agency_code": public.agency_code, "desk_number": public.desk_number,
                     "fingerprint": public.fingerprint, "trusted_at": since.isoformat(),
                     "trusted_by": entry.trusted_by})
        lines.append(_("{desk}: tin cậy từ {since} (bởi {by}); dấu vân tay {fingerprint}; mã định danh {id}",
                       desk=public.label, since=since.strftime("%d/%m/%Y %H:%M"), by=entry.trusted_by or "?",
                       fingerprint=public.fingerprint, id=public.desk_id))
    out.result({"identities": rows}, "\n".join(lines) if lines else _("Quầy này chưa tin cậy định danh nào"))
    return 0


def _identity_untrust(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.accounts.roles import Permission
    from officer_desk.sync.identity import untrust_identity

    desk = desk_from_args(args)
    try:
        desk.require(Permission.IDENTITY_MANAGE)
        public = untrust_identity(desk.db, args.id, desk.officer, desk.config.desk_number)
    finally:
        desk.close()
    out.result({"untrusted": public.to_json()},
               _("Đã bỏ tin cậy {desk}: gói dữ liệu từ quầy đó sẽ bị từ chối; hồ sơ và xung đột đã có vẫn giữ nguyên",
                 desk=public.label))
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
    from officer_desk.sync.bundle import import_bundle, write_return_bundle

    path = Path(args.file)
    desk = desk_from_args(args)
    try:
        result = import_bundle(desk, path)
        # The receiving side answers at once (new online dossiers, decisions) beside the imported file, to the
        # sender whose signature was checked (the file may have been replaced on the stick meanwhile).
        answer = None if result.already_applied else write_return_bundle(desk, path, result.sender)
    finally:
        desk.close()
    if result.superseded:
        text = _("Một gói dữ liệu mới hơn từ quầy này đã được áp dụng; gói này không có gì mới")
    elif result.already_applied:
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
    p = sub.add_parser("identity", help=_("định danh của quầy (xuất, tin cậy hoặc bỏ tin cậy quầy khác)"))
    isub = p.add_subparsers(dest="identity_command", required=True)
    e = isub.add_parser("export", help=_("xuất định danh công khai của quầy"))
    e.add_argument("--out", required=True, metavar="F")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=_identity_export)
    t = isub.add_parser("trust", help=_("tin cậy định danh của quầy khác hoặc của trung tâm"))
    t.add_argument("file", metavar="F")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=_identity_trust)
    li = isub.add_parser("list", help=_("liệt kê các định danh được tin cậy"))
    li.add_argument("--json", action="store_true")
    li.set_defaults(func=_identity_list)
    u = isub.add_parser("untrust", help=_("bỏ tin cậy định danh của một quầy (gói dữ liệu từ quầy đó bị từ chối)"))
    u.add_argument("id", metavar="ID")
    u.add_argument("--json", action="store_true")
    u.set_defaults(func=_identity_untrust)

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
