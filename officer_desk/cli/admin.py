"""``setup``, ``account``, ``audit``, ``backup`` and ``restore`` (cli-contract.md, Additions)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from officer_desk.accounts.roles import Permission, Role
from officer_desk.cli.common import desk_from_args
from officer_desk.cli.output import Output
from officer_desk.errors import InputError
from officer_desk.fileio import read_secret_file
from officer_desk.i18n import _
from officer_desk.paths import Home


def _secret(path: str | None, option: str) -> str:
    if path is None:
        raise InputError(_("Thiếu tùy chọn {option}", option=option), code="usage")
    try:
        return read_secret_file(Path(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_("Không đọc được tệp {path} ({option})", path=path, option=option)) from exc


def _certificate_source(args: argparse.Namespace) -> Any:
    from officer_desk.accounts.certificates import P12Source, TokenSource

    if getattr(args, "certificate", None):
        return P12Source(Path(args.certificate), _secret(args.certificate_password_file,
                                                         "--certificate-password-file"))
    if getattr(args, "token_module", None):
        if not args.key_id:
            raise InputError(_("Dùng token cần thêm --key-id ID"), code="usage")
        return TokenSource(args.token_module, args.key_id, getattr(args, "token_label", None))
    return None


# --- setup ------------------------------------------------------------------------------------------


def _setup(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.accounts.setup import SetupRequest, set_up_desk

    password = _secret(args.admin_password_file, "--admin-password-file")
    for pem in args.trust:
        if not Path(pem).is_file():
            raise InputError(_("Không đọc được tệp chứng thư {path}", path=pem))
    request = SetupRequest(
        office_name=args.office_name, agency_code=args.agency_code, province=args.province, commune=args.commune,
        desk_number=args.desk_number, admin_username=args.admin, admin_full_name=args.admin_name,
        admin_password=password, trust=tuple(Path(p) for p in args.trust), certificate=_certificate_source(args),
        database_url=getattr(args, "database", None),
    )
    result = set_up_desk(Home(), request)
    admin = result.administrator
    out.result(
        {"home": str(result.home), "office_name": result.config.agency_name, "agency_code": result.config.agency_id,
         "province": result.config.province, "commune": result.config.commune,
         "desk_number": result.config.desk_number, "admin": admin.to_json()},
        _("Đã cài đặt quầy {desk} của {office}; quản trị viên: {user}", desk=result.config.desk_number,
          office=result.config.agency_name, user=admin.username),
    )
    return 0


# --- account ----------------------------------------------------------------------------------------


def _accounts(args: argparse.Namespace) -> tuple[Any, Any]:
    from officer_desk.accounts.service import AccountService

    desk = desk_from_args(args)
    return desk, AccountService(desk.db, desk.home, desk.acting, desk.config.desk_number)


def _account_add(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.accounts.certificates import add_trust_anchors
    from officer_desk.accounts.service import NewAccount

    password = _secret(args.new_password_file, "--new-password-file")
    source = _certificate_source(args)
    desk, service = _accounts(args)
    try:
        desk.require(Permission.ACCOUNT_MANAGE)  # before --trust anchors are added
        if args.trust:
            add_trust_anchors(desk.home, [Path(p) for p in args.trust])
        info = service.add(NewAccount(args.user, args.name, Role(args.role), password, source))
    finally:
        desk.close()
    out.result(info.to_json(), _("Đã tạo tài khoản {user} ({role})", user=info.username, role=str(info.role)))
    return 0


def _account_list(args: argparse.Namespace, out: Output) -> int:
    desk, service = _accounts(args)
    try:
        accounts = service.list()
    finally:
        desk.close()
    lines = [f"{a.username}\t{a.full_name}\t{a.role}\t{'active' if a.active else 'disabled'}\t"
             f"{a.certificate.subject if a.certificate else '-'}" for a in accounts]
    out.result({"accounts": [a.to_json() for a in accounts]}, "\n".join(lines))
    return 0


def _account_disable(args: argparse.Namespace, out: Output) -> int:
    desk, service = _accounts(args)
    try:
        info = service.disable(args.user)
    finally:
        desk.close()
    out.result(info.to_json(), _("Đã khóa tài khoản {user}", user=info.username))
    return 0


def _account_password(args: argparse.Namespace, out: Output) -> int:
    password = _secret(args.new_password_file, "--new-password-file")
    desk, service = _accounts(args)
    try:
        service.set_password(args.user, password)
    finally:
        desk.close()
    out.result({"user": args.user, "password_changed": True},
               _("Đã đổi mật khẩu của tài khoản {user}", user=args.user))
    return 0


# --- audit ------------------------------------------------------------------------------------------


def _audit_verify(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.audit_log import AuditLog

    desk = desk_from_args(args)
    try:
        report = AuditLog(desk).verify()
    finally:
        desk.close()
    if report.intact:
        text = _("Nhật ký nguyên vẹn: {n} mục", n=report.entries)
    else:
        broken = report.first_broken
        assert broken is not None
        text = _("Nhật ký bị can thiệp tại mục {id} ({at}): {reason}", id=str(broken.entry_id),
                 at=broken.to_json()["at"] or "?", reason=broken.reason)
    out.result(report.to_json(), text)
    return 0 if report.intact else 1


def _audit_show(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.audit_log import AuditLog

    desk = desk_from_args(args)
    try:
        records = AuditLog(desk).case_history(args.case)
    finally:
        desk.close()
    entries = [record.to_json() for record in records]
    lines = [f"{e['at']}\t{e['actor']}\t{e['action']}" for e in entries]
    out.result({"entries": entries}, "\n".join(lines))
    return 0


# --- backup / restore -------------------------------------------------------------------------------


def _backup(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.backup import create_backup

    desk = desk_from_args(args)
    try:
        summary = create_backup(desk, Path(args.out))
    finally:
        desk.close()
    out.result(summary.to_json(), _("Đã sao lưu quầy vào {file} ({cases} hồ sơ, {entries} mục nhật ký)",
                                     file=args.out, cases=summary.cases, entries=summary.audit_entries))
    return 0


def _restore(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.backup import restore_backup

    summary = restore_backup(Path(args.file), Home(), getattr(args, "database", None))
    out.result(summary.to_json(), _("Đã khôi phục quầy từ {file} ({cases} hồ sơ, {entries} mục nhật ký)",
                                     file=args.file, cases=summary.cases, entries=summary.audit_entries))
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("setup", help=_("cài đặt quầy cho một cơ quan thật (thư mục trống)"))
    p.add_argument("--office-name", required=True, metavar="N")
    p.add_argument("--agency-code", required=True, metavar="C")
    p.add_argument("--province", required=True, metavar="P")
    p.add_argument("--commune", required=True, metavar="M")
    p.add_argument("--desk-number", required=True, type=int, metavar="K")
    p.add_argument("--admin", required=True, metavar="USER")
    p.add_argument("--admin-name", required=True, metavar="NAME")
    p.add_argument("--admin-password-file", required=True, metavar="F")
    p.add_argument("--trust", action="append", default=[], metavar="PEM")
    p.add_argument("--certificate", metavar="P12")
    p.add_argument("--certificate-password-file", metavar="F")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_setup)

    p = sub.add_parser("account", help=_("tài khoản cán bộ (quản trị viên)"))
    actions = p.add_subparsers(dest="account_action", metavar="ACTION", required=True)
    a = actions.add_parser("add", help=_("tạo tài khoản"))
    a.add_argument("user", metavar="USER")
    a.add_argument("--role", required=True, choices=[r.value for r in Role])
    a.add_argument("--name", required=True, metavar="NAME")
    a.add_argument("--new-password-file", required=True, metavar="F")
    a.add_argument("--trust", action="append", default=[], metavar="PEM")
    source = a.add_mutually_exclusive_group()
    source.add_argument("--certificate", metavar="P12")
    source.add_argument("--token-module", metavar="LIB")
    a.add_argument("--certificate-password-file", metavar="F")
    a.add_argument("--key-id", metavar="ID")
    a.add_argument("--token-label", metavar="LABEL")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_account_add)
    a = actions.add_parser("list", help=_("liệt kê tài khoản"))
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_account_list)
    a = actions.add_parser("disable", help=_("khóa tài khoản"))
    a.add_argument("user", metavar="USER")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_account_disable)
    a = actions.add_parser("password", help=_("đặt mật khẩu mới"))
    a.add_argument("user", metavar="USER")
    a.add_argument("--new-password-file", required=True, metavar="F")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_account_password)

    p = sub.add_parser("audit", help=_("nhật ký kiểm toán"))
    actions = p.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    a = actions.add_parser("verify", help=_("kiểm tra chuỗi nhật ký"))
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_audit_verify)
    a = actions.add_parser("show", help=_("lịch sử của một hồ sơ"))
    a.add_argument("--case", required=True, metavar="CODE")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=_audit_show)

    p = sub.add_parser("backup", help=_("sao lưu mã hóa toàn bộ quầy"))
    p.add_argument("--out", required=True, metavar="F")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_backup)
    p = sub.add_parser("restore", help=_("khôi phục bản sao lưu vào thư mục trống"))
    p.add_argument("file", metavar="F")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_restore)
