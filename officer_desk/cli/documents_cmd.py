"""``receipt`` and ``notice``: documents issued for a case of the queue (contract: cli-contract.md)."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from officer_desk.cli.common import desk_from_args, require_tty
from officer_desk.cli.output import Output
from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import InputError
from officer_desk.fileio import read_secret_file
from officer_desk.i18n import _


def _pin(args: argparse.Namespace) -> str | None:
    if args.pin_file:
        try:
            return read_secret_file(Path(args.pin_file))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(_("Không đọc được tệp mã PIN {path}", path=args.pin_file)) from exc
    if args.keystore:
        require_tty("--pin-file")
    return None


def _receipt(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.receipts.service import issue_receipt

    desk = desk_from_args(args)
    try:
        issued = issue_receipt(desk, args.code, Path(args.out), args.form,
                               Path(args.keystore) if args.keystore else None, _pin(args))
    finally:
        desk.close()
    appointment = issued.appointment.astimezone(LOCAL_TZ).isoformat() if issued.appointment else None
    text = _("Đã lập giấy tiếp nhận {code}: {file}", code=args.code, file=args.out)
    if issued.reprint:
        text = _("Đã in lại giấy tiếp nhận {code} (Bản in lại): {file}", code=args.code, file=args.out)
    out.result({"file": str(Path(args.out)), "dossier_code": args.code, "qr_payload": issued.qr_payload,
                "appointment": appointment, "reprint": issued.reprint}, text)
    return 0


def _new_date(text: str) -> date | datetime:
    """``dd/mm/yyyy`` (the first collection hour of that day) or ``dd/mm/yyyy HH:MM``."""
    value = text.strip()
    try:
        return datetime.strptime(value, "%d/%m/%Y %H:%M").replace(tzinfo=LOCAL_TZ)
    except ValueError:
        pass
    try:
        return datetime.strptime(value, "%d/%m/%Y").date()
    except ValueError as exc:
        raise InputError(_("--new-date phải có dạng dd/mm/yyyy (hoặc dd/mm/yyyy HH:MM)")) from exc


def _notice(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.receipts.service import issue_notice

    new_date: date | datetime | None = None
    if args.new_date:
        new_date = _new_date(args.new_date)
    desk = desk_from_args(args)
    try:
        issued = issue_notice(desk, args.kind, args.code, Path(args.out), args.form, args.reason or "", new_date,
                              keystore=Path(args.keystore) if args.keystore else None, pin=_pin(args))
    finally:
        desk.close()
    out.result({"file": str(Path(args.out)), "dossier_code": args.code, "notice": args.kind,
                "qr_payload": issued.qr_payload},
               _("Đã lập phiếu {kind} cho hồ sơ {code}: {file}", kind=args.kind, code=args.code, file=args.out))
    return 0


def _signing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--form", choices=("a5", "a4", "thermal80"), default="a5")
    parser.add_argument("--keystore", metavar="P12")
    parser.add_argument("--pin-file", metavar="F")
    parser.add_argument("--json", action="store_true")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("receipt", help=_("tiếp nhận hồ sơ và lập giấy tiếp nhận, hẹn trả kết quả (hoặc in lại)"))
    p.add_argument("code")
    p.add_argument("--out", required=True, metavar="F")
    _signing_options(p)
    p.set_defaults(func=_receipt)

    p = sub.add_parser("notice", help=_("lập phiếu yêu cầu bổ sung, từ chối, xin lỗi hẹn lại, trả kết quả, "
                                        "phiếu kiểm soát quá trình giải quyết"))
    p.add_argument("kind", choices=("supplement", "refusal", "apology", "return", "control"))
    p.add_argument("code")
    p.add_argument("--out", required=True, metavar="F")
    p.add_argument("--reason")
    p.add_argument("--new-date", metavar="DD/MM/YYYY")
    _signing_options(p)
    p.set_defaults(func=_notice)
