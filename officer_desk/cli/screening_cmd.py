"""``screen FILE``, ``ask QUESTION``, ``screening report`` and ``rescreen``: screening from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from officer_desk.cli.output import Output
from officer_desk.config import load_config
from officer_desk.errors import InputError
from officer_desk.i18n import _, current_language
from officer_desk.paths import Home

if TYPE_CHECKING:
    from officer_desk.catalogue import Catalogue

MAX_SCREEN_BYTES = 5 * 1024 * 1024


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "screen",
        help=_("sàng lọc một tệp hồ sơ (không ghi vào cơ sở dữ liệu)"),
        description=_("Kiểm tra một hồ sơ theo danh mục thủ tục; exit 0 dù có phát hiện, 2 nếu không đọc được"),
    )
    parser.add_argument("file", metavar="FILE", type=Path, help=_("tệp hồ sơ JSON (officer-desk/application@1)"))
    parser.add_argument("--json", action="store_true", help=_("kết quả dạng JSON trên stdout"))
    parser.set_defaults(func=handle_screen)

    ask = sub.add_parser(
        "ask",
        help=_("trợ lý thủ tục: tìm thủ tục theo câu hỏi của người dân"),
        description=_("Tìm thủ tục phù hợp nhất với câu hỏi (có dấu hoặc không dấu)"),
    )
    ask.add_argument("question", metavar="QUESTION", help=_("câu hỏi, ví dụ \"làm giấy khai sinh cần gì\""))
    ask.add_argument("--top", type=int, default=3, metavar="K", help=_("số thủ tục trả về (mặc định 3)"))
    ask.add_argument("--json", action="store_true", help=_("kết quả dạng JSON trên stdout"))
    ask.set_defaults(func=handle_ask)

    screening = sub.add_parser("screening", help=_("thống kê sàng lọc"))
    actions = screening.add_subparsers(dest="screening_command", metavar="ACTION")
    actions.required = True
    report = actions.add_parser(
        "report", help=_("số lần mỗi mã phát hiện xuất hiện và bị cán bộ bỏ qua"),
    )
    report.add_argument("--json", action="store_true", help=_("kết quả dạng JSON trên stdout"))
    report.set_defaults(func=handle_report)

    rescreen = sub.add_parser(
        "rescreen",
        help=_("sàng lọc lại hồ sơ (sau khi sửa danh mục thủ tục)"),
        description=_("Mặc định: mọi hồ sơ chưa kết thúc"),
    )
    which = rescreen.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help=_("mọi hồ sơ, kể cả đã kết thúc"))
    which.add_argument("--status", action="append", metavar="S", help=_("chỉ hồ sơ ở trạng thái S (lặp lại được)"))
    rescreen.add_argument("--json", action="store_true", help=_("kết quả dạng JSON trên stdout"))
    rescreen.set_defaults(func=handle_rescreen)


def _catalogue_and_config() -> tuple[Catalogue, Any, Home]:
    from officer_desk.catalogue import load_catalogue

    home = Home()
    config = load_config(home)
    return load_catalogue(home, config.aliases), config, home


def handle_screen(args: argparse.Namespace, out: Output) -> int:
    from officer_desk import dossier as dossier_format
    from officer_desk.queue_lookup import read_only_queue
    from officer_desk.screening.engine import screen_dossier
    from officer_desk.workdays import calendar_for

    path: Path = args.file
    try:
        size = path.stat().st_size
        if size > MAX_SCREEN_BYTES:
            raise InputError(_("Tệp JSON lớn hơn giới hạn {limit} MiB", limit=MAX_SCREEN_BYTES // (1024 * 1024)),
                             code="too_large")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(_("Không đọc được tệp {path}: {reason}", path=str(path),
                           reason=exc.strerror or str(exc)), code="unreadable") from exc
    parsed = dossier_format.parse(dossier_format.loads(data))
    catalogue, config, home = _catalogue_and_config()
    calendar = calendar_for(home.root, config.days_off)
    # The home's queue is read (never written) for duplicates when the home has a database.
    with read_only_queue(home) as queue:
        result = screen_dossier(parsed, catalogue, calendar, config=config, queue=queue)
    language = current_language()
    basis = result.fee_basis_en if language == "en" and result.fee_basis_en else result.fee_basis
    lines = [
        _("Hồ sơ {code} — thủ tục {procedure}", code=result.dossier_code or "—", procedure=result.procedure_code),
        _("Hạn trả: {due}; lệ phí: {fee}", due=result.due_date.strftime("%d/%m/%Y"),
          fee=_("chưa cấu hình") if result.fee_vnd is None else f"{result.fee_vnd:,}".replace(",", ".")),
    ]
    if basis:
        lines.append(_("Cách tính lệ phí: {basis}", basis=basis))
    if result.code_confidence == "low":
        lines.append(_("Lưu ý: thông tin thủ tục có độ tin cậy thấp — {note}", note=result.code_note or "—"))
    if not result.findings:
        lines.append(_("Không phát hiện vấn đề nào"))
    for finding in result.findings:
        message, evidence, suggestion = finding.text(language)
        lines.append(f"[{finding.severity}] {finding.code} {finding.target}: {message}")
        if evidence:
            lines.append(f"    {evidence}")
        if suggestion:
            lines.append(f"    → {suggestion}")
    out.result(result.as_output(language), "\n".join(lines))
    return 0


def handle_ask(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.catalogue import fee_text
    from officer_desk.screening.assistant import ask

    catalogue, config, _home = _catalogue_and_config()
    answers = ask(args.question, catalogue, max(args.top, 0))
    payload = {"question": args.question, "answers": [a.as_json(config) for a in answers]}
    if not answers:
        text = _("Thủ tục này không có trong danh mục của quầy — hãy hỏi cán bộ tại quầy")
    else:
        lines = []
        for rank, answer in enumerate(answers, start=1):
            item = answer.as_json(config)
            lines.append(f"{rank}. {item['procedure_code']} {item['name']} ({item['score']})")
            lines.append("   " + _("Thời hạn: {time}; lệ phí: {fee}", time=item["processing_time"],
                                     fee=fee_text(answer.procedure)))
            lines.append("   " + _("Khớp: «{passage}»", passage=item["passage"]))
            condition = answer.key_condition()
            if condition:
                lines.append("   " + _("Điều kiện: {condition}", condition=condition))
            for document in item["documents"]:
                lines.append(f"   - {document}")
        text = "\n".join(lines)
    out.result(payload, text)
    return 0


def handle_report(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cli.common import desk_from_args
    from officer_desk.screening.service import finding_report, screened_case_count

    desk = desk_from_args(args)
    try:
        stats = finding_report(desk)
        screened = screened_case_count(desk)
    finally:
        desk.close()
    payload = {
        "screened_cases": screened,
        "codes": [
            {"code": s.code, "fired": s.fired, "dismissed": s.dismissed, "accepted": s.accepted,
             "dismissal_rate": round(s.dismissal_rate, 4)}
            for s in stats
        ],
    }
    lines = [_("Hồ sơ đã sàng lọc: {n}", n=screened)]
    lines.append(f"{_('Mã'):<36} {_('Xuất hiện'):>10} {_('Bỏ qua'):>10} {_('Tỷ lệ bỏ qua'):>14}")
    for s in stats:
        lines.append(f"{s.code:<36} {s.fired:>10} {s.dismissed:>10} {s.dismissal_rate:>13.1%}")
    out.result(payload, "\n".join(lines))
    return 0


def handle_rescreen(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cli.cases import StderrProgress
    from officer_desk.cli.common import desk_from_args
    from officer_desk.lifecycle import Status
    from officer_desk.screening.service import ENGINE_VERSION, rescreen

    statuses = [s.value for s in Status] if args.all else list(args.status or [])
    desk = desk_from_args(args)
    try:
        count = rescreen(desk, statuses, StderrProgress(out, _("Sàng lọc lại")))
    finally:
        desk.close()
    out.result({"rescreened": count, "engine_version": ENGINE_VERSION},
               _("Đã sàng lọc lại {n} hồ sơ ({version})", n=count, version=ENGINE_VERSION))
    return 0
