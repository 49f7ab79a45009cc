"""Case commands: import, export, demo, key, list, search, show, and lifecycle actions."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from officer_desk.cli.common import desk_from_args
from officer_desk.cli.output import Output
from officer_desk.errors import InputError
from officer_desk.i18n import _
from officer_desk.lifecycle import Action, Status, status_label
from officer_desk.paths import Home


class StderrProgress:
    """Progress for long commands: a line on stderr every few percent."""

    def __init__(self, out: Output, label: str, steps: bool = False) -> None:
        """``steps``: the work's labels name its steps (the demo's compaction), each said once; other work
        labels each item (a file name), which is not printed."""
        self.out = out
        self.label = label
        self.steps = steps
        self._last = -1
        self._step = ""

    def report(self, done: int, total: int, label: str = "") -> None:
        if self.steps and label and label != self._step:
            self._step = label
            self.out.info(f"{self.label}: {label}")
            return
        if total <= 0:
            return
        percent = done * 100 // total
        if percent >= self._last + 10 or done == total:
            self._last = percent
            self.out.info(f"{self.label}: {done}/{total} ({percent}%)")

    def cancelled(self) -> bool:
        return False


def _import(args: argparse.Namespace, out: Output) -> int:
    desk = desk_from_args(args)
    try:
        report = desk.cases.import_paths([Path(p) for p in args.paths], StderrProgress(out, _("Nhập hồ sơ")))
    finally:
        desk.close()
    lines = [_("Đã nhập: {n}", n=len(report.imported)), _("Bỏ qua (đã có): {n}", n=len(report.skipped))]
    if report.supplemented:
        lines.append(_("Nhận bổ sung: {n}", n=len(report.supplemented)))
    for failure in report.failed:
        lines.append(_("Lỗi {file}: {error}", file=failure["file"], error=failure["error"]))
    if not args.json:
        for failure in report.failed:
            out.info(_("Lỗi {file}: {error}", file=failure["file"], error=failure["error"]))
    out.result(report.as_json(), "\n".join(lines))
    return 1 if report.failed else 0


def _export(args: argparse.Namespace, out: Output) -> int:
    desk = desk_from_args(args)
    try:
        codes = desk.cases.export(Path(args.out), args.status or ())
    finally:
        desk.close()
    out.result({"exported": codes, "out": str(args.out)}, _("Đã xuất {n} hồ sơ vào {out}", n=len(codes), out=args.out))
    return 0


def _demo(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.demo import run_demo

    if args.cases < 0:
        raise InputError(_("--cases phải là số không âm"))
    desk = desk_from_args(args)
    try:
        summary = run_demo(desk, args.cases, args.seed, StderrProgress(out, _("Tạo hồ sơ mẫu"), steps=True))
    finally:
        desk.close()
    out.result(summary, _("Chế độ demo đã bật; đã tạo {n} hồ sơ mẫu", n=summary["cases"]))
    return 0


def _key_export(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.security import export_database_key

    path = export_database_key(Home(), Path(args.out))
    out.result(
        {"file": str(path)},
        _("Đã xuất bản sao khóa cơ sở dữ liệu vào {path}. Hãy cất giữ an toàn: mất mọi bản sao là mất dữ liệu.",
          path=str(path)),
    )
    return 0


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "dossier_code": row.dossier_code,
        "applicant": row.applicant_name,
        "procedure_code": row.procedure_code,
        "channel": row.channel,
        "received_at": row.received_at.isoformat(),
        "due_date": row.due_date.strftime("%d/%m/%Y") if row.due_date else None,
        "status": row.status,
        "assigned_officer": row.assigned_officer,
        "worst_severity": row.worst_severity,
        "findings": row.open_finding_count,
    }


def _row_text(row: Any) -> str:
    due = row.due_date.strftime("%d/%m/%Y") if row.due_date else "-"
    return f"{row.dossier_code}  {row.procedure_code}  {status_label(row.status):<12} {due}  {row.applicant_name}"


def _list(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cases import QueueFilter

    desk = desk_from_args(args)
    try:
        flt = QueueFilter(statuses=tuple(args.status or ()), procedure_code=args.procedure, due=args.due,
                          text=args.search or "")
        rows = desk.cases.rows(desk.cases.list_ids(flt, 0, args.limit))
        counts = desk.cases.status_counts()
    finally:
        desk.close()
    out.result({"cases": [_row_json(r) for r in rows], "counts": counts}, "\n".join(_row_text(r) for r in rows))
    return 0


def _search(args: argparse.Namespace, out: Output) -> int:
    desk = desk_from_args(args)
    try:
        rows = desk.cases.search(args.text, args.limit)
    finally:
        desk.close()
    out.result({"cases": [_row_json(r) for r in rows]}, "\n".join(_row_text(r) for r in rows))
    return 0


def _show(args: argparse.Namespace, out: Output) -> int:
    desk = desk_from_args(args)
    try:
        detail = desk.cases.detail(args.code)
    finally:
        desk.close()
    payload = _row_json(detail.row) | {
        "version": detail.version,
        "dossier": detail.dossier,
        "allowed_actions": list(detail.allowed_actions),
        "findings": [
            {"id": f.id, "code": f.code, "severity": f.severity, "target": f.target, "message": f.message_vi,
             "decision": f.decision}
            for f in detail.findings
        ],
        "events": [
            {"at": e.at.isoformat(), "officer": e.officer, "officer_name": e.officer_name, "action": e.action,
             "from": e.from_status, "to": e.to_status, "reason": e.reason}
            for e in detail.events
        ],
    }
    payload["warnings"] = list(detail.warnings)
    lines = [_row_text(detail.row)] + [f"  ! {w}" for w in detail.warnings]
    lines += [f"  [{f.severity}] {f.code} {f.target}: {f.message_vi}" for f in detail.findings]
    lines += [f"  {e.at:%d/%m/%Y %H:%M} {e.action} {e.from_status or ''}→{e.to_status or ''} {e.reason}"
              for e in detail.events]
    out.result(payload, "\n".join(lines))
    return 0


def _action(args: argparse.Namespace, out: Output) -> int:
    desk = desk_from_args(args)
    try:
        if args.action == "assign":
            desk.cases.assign(args.code, args.officer, force=args.force, reason=args.reason or "")
            status = desk.cases.detail(args.code).row.status
        elif args.action == "unassign":
            desk.cases.unassign(args.code)
            status = desk.cases.detail(args.code).row.status
        else:
            status = desk.cases.transition(args.code, Action(args.action), args.reason or "")
    finally:
        desk.close()
    out.result({"dossier_code": args.code, "status": status},
               _("{code}: {status}", code=args.code, status=status_label(status)))
    return 0


def _upgrade_signatures(home: Home, tsa_url: str) -> dict[str, list[str]]:
    """Timestamp the documents signed while offline (their first signature stays valid)."""
    from officer_desk.signing.upgrade import UpgradeQueue

    report = UpgradeQueue(home).process(tsa_url)
    return {
        "upgraded": [str(p) for p in report.upgraded],
        "remaining": [str(p) for p in report.remaining],
        "failed": [f"{p}: {reason}" for p, reason in report.failed],
    }


def _upgrade_command(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.config import load_config

    home = Home()
    url = args.tsa or load_config(home).timestamp_url
    if not url:
        raise InputError(_("Chưa cấu hình máy chủ dấu thời gian: dùng --tsa URL hoặc timestamp_url trong config.toml"))
    result = _upgrade_signatures(home, url)
    out.result(result, _("Đã đóng dấu thời gian {n} tệp; còn chờ {m}", n=len(result["upgraded"]),
                         m=len(result["remaining"])))
    return 1 if result["remaining"] or result["failed"] else 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help=_("nhập hồ sơ từ tệp JSON hoặc thư mục"))
    p.add_argument("paths", nargs="+", metavar="FILE|DIR")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_import)

    p = sub.add_parser("export", help=_("xuất hồ sơ ra thư mục"))
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--status", action="append", choices=[s.value for s in Status])
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_export)

    p = sub.add_parser("demo", help=_("bật chế độ demo: CA demo, chứng thư quầy và hồ sơ mẫu"))
    p.add_argument("--cases", type=int, default=0, metavar="N")
    p.add_argument("--seed", type=int, default=2026, metavar="S")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_demo)

    p = sub.add_parser("key", help=_("khóa cơ sở dữ liệu"))
    key_sub = p.add_subparsers(dest="key_command", required=True)
    k = key_sub.add_parser("export", help=_("xuất bản sao khôi phục của khóa"))
    k.add_argument("--out", required=True, metavar="FILE")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=_key_export)


    p = sub.add_parser("upgrade-signatures", help=_("đóng dấu thời gian cho các tệp đã ký khi mất mạng"))
    p.add_argument("--tsa", metavar="URL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_upgrade_command)

    p = sub.add_parser("list", help=_("liệt kê hàng đợi hồ sơ"))
    p.add_argument("--status", action="append", choices=[s.value for s in Status])
    p.add_argument("--procedure")
    p.add_argument("--due", choices=("today", "overdue", "soon"))
    p.add_argument("--search")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_list)

    p = sub.add_parser("search", help=_("tìm hồ sơ theo tên, số định danh, điện thoại, mã hồ sơ"))
    p.add_argument("text")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_search)

    p = sub.add_parser("show", help=_("xem một hồ sơ"))
    p.add_argument("code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_show)

    p = sub.add_parser("case", help=_("thao tác trên hồ sơ (chuyển trạng thái, giao việc)"))
    p.add_argument(
        "action",
        choices=[a.value for a in Action if a not in (Action.ACCEPT,)] + ["assign", "unassign"],
        help=_("tiếp nhận (accept) đi kèm giấy biên nhận: dùng lệnh receipt"),
    )
    p.add_argument("code")
    p.add_argument("--reason")
    p.add_argument("--officer")
    p.add_argument("--force", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_action)
