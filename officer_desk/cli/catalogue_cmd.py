"""``officer-desk catalogue check DIR`` and ``catalogue list``: the procedure catalogue from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from officer_desk.cli.output import Output
from officer_desk.errors import InputError
from officer_desk.i18n import _, current_language
from officer_desk.paths import Home


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "catalogue",
        help="danh mục thủ tục: kiểm tra, liệt kê / the procedure catalogue: check, list",
        description="Danh mục thủ tục hành chính (docs/catalogue.md)",
    )
    actions = parser.add_subparsers(dest="catalogue_command", metavar="ACTION")
    actions.required = True

    check = actions.add_parser(
        "check",
        help="kiểm tra một thư mục tệp thủ tục / validate a folder of procedure files",
        description="Exit 0: hợp lệ; 1: có lỗi (mỗi lỗi một dòng PATH:LINE: KEY: message trên stderr); "
        "2: không đọc được thư mục",
    )
    check.add_argument("directory", metavar="DIR", type=Path, help="thư mục chứa các tệp *.yaml (hoặc một tệp)")
    check.add_argument("--json", action="store_true", help="kết quả dạng JSON trên stdout")
    check.set_defaults(func=handle_check)

    listing = actions.add_parser(
        "list",
        help="liệt kê các thủ tục đang dùng / list the procedures in use",
        description="Danh mục đang dùng: danh mục kèm theo phần mềm cộng thư mục procedures/ của thư mục dữ liệu",
    )
    listing.add_argument("--json", action="store_true", help="kết quả dạng JSON trên stdout")
    listing.set_defaults(func=handle_list)


def handle_check(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.catalogue import catalogue_files, check_directory

    directory: Path = args.directory
    try:
        problems = check_directory(directory)
    except InputError as exc:  # DIR missing or unreadable: exit 2 (reported here, one line on stderr)
        out.result({"error": {"code": exc.code, "message": exc.message}}, None)
        out.info(_("Lỗi: {reason}", reason=exc.message))
        return exc.exit_code
    files = [directory] if directory.is_file() else catalogue_files(directory)
    for problem in problems:
        out.info(str(problem))
    payload = {
        "directory": str(directory),
        "files": len(files),
        "valid": not problems,
        "problems": [
            {"path": str(p.path), "line": p.line, "key": p.key, "message": p.message} for p in problems
        ],
    }
    if problems:
        text = _("{count} lỗi trong {files} tệp", count=len(problems), files=len(files))
        out.result(payload, None)
        out.info(text)
        return 1
    if not files:
        out.result(payload, None)
        out.info(_("Không có tệp .yaml nào trong {path}", path=str(directory)))
        return 0
    out.result(payload, _("Hợp lệ: {files} tệp", files=len(files)))
    return 0


def handle_list(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.catalogue import fee_text, load_catalogue, processing_text

    home = Home()
    catalogue = load_catalogue(home)
    for problem in catalogue.problems:
        out.info(_("Bỏ qua tệp có lỗi: {problem}", problem=str(problem)))
    language = current_language()
    rows: list[dict[str, Any]] = []
    lines: list[str] = []
    for procedure in catalogue:
        processing = processing_text(procedure)
        fee = fee_text(procedure)
        local = procedure.source_file is not None and _is_below(procedure.source_file, home.procedures)
        rows.append({
            "code": procedure.code,
            "name": procedure.name(language),
            "name_vi": procedure.name_vi,
            "name_en": procedure.name_en,
            "level": procedure.level,
            "processing_days": procedure.processing_days,
            "processing_unit": procedure.processing_unit,
            "same_day_cutoff": procedure.same_day_cutoff.strftime("%H:%M") if procedure.same_day_cutoff else None,
            "processing": processing,
            "fee_vnd": procedure.fee_vnd,
            "fee_online_vnd": procedure.fee_online_vnd,
            "fee": fee,
            "source": "local" if local else "shipped",
        })
        marker = " *" if local else ""
        lines.append(f"{procedure.code}  {procedure.name(language)}{marker}\n          {processing} · {fee}")
    if any(row["source"] == "local" for row in rows):
        lines.append(_("* thủ tục từ thư mục {path}", path=str(home.procedures)))
    out.result({"procedures": rows}, "\n".join(lines))
    return 0


def _is_below(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True
