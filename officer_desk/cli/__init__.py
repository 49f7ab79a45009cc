"""The ``officer-desk`` command line (contract: shared/domain/cli-contract.md).

With no sub-command it opens the window; every sub-command works headless. Each command module
in this package exposes ``register(subparsers)`` and handlers ``handler(args, out) -> int``.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from officer_desk import __version__
from officer_desk.cli.options import GlobalOptions, split_global_options
from officer_desk.errors import UsageError

if TYPE_CHECKING:
    from officer_desk.cli.output import Handler, Output

# The commands' machinery (accounts, output, logging, config) is imported where it is used: the window's
# start reads only its options here and puts its splash on screen first (issue 10, bench/bench_startup.py).


def command_modules() -> tuple[ModuleType, ...]:
    """The command modules, in the order their commands appear in --help.

    Imported here, when a sub-command or --help needs them, not at the top: they pull in the database,
    signing and OCR stacks, and the window's start (no sub-command) must show its splash first (issue 10).
    """
    from officer_desk.cli import (
        admin,
        cases,
        catalogue_cmd,
        documents_cmd,
        ocr_cmd,
        receipts_cmd,
        report_cmd,
        screening_cmd,
        signing_cmd,
        sync_cmd,
    )

    return (cases, catalogue_cmd, screening_cmd, signing_cmd, receipts_cmd, documents_cmd, admin, ocr_cmd,
            report_cmd, sync_cmd)


# Which module registers each sub-command, so a command line builds the parser of its own command only
# (tests/integration/test_cli_startup.py keeps this table equal to what the modules register).
COMMAND_MODULE = {
    **dict.fromkeys(("import", "export", "demo", "key", "upgrade-signatures", "list", "search", "show", "case"),
                    "cases"),
    "catalogue": "catalogue_cmd",
    **dict.fromkeys(("screen", "ask", "screening", "rescreen"), "screening_cmd"),
    **dict.fromkeys(("sign", "verify", "keys", "trust"), "signing_cmd"),
    "verify-receipt": "receipts_cmd",
    **dict.fromkeys(("receipt", "notice"), "documents_cmd"),
    **dict.fromkeys(("setup", "account", "audit", "backup", "restore"), "admin"),
    "ocr": "ocr_cmd",
    **dict.fromkeys(("report", "register"), "report_cmd"),
    **dict.fromkeys(("identity", "sync", "bundle", "route"), "sync_cmd"),
}


def command_module(name: str) -> ModuleType:
    """One command module by its name in COMMAND_MODULE (plain imports: each loads only its own stack)."""
    if name == "cases":
        from officer_desk.cli import cases
        return cases
    if name == "catalogue_cmd":
        from officer_desk.cli import catalogue_cmd
        return catalogue_cmd
    if name == "screening_cmd":
        from officer_desk.cli import screening_cmd
        return screening_cmd
    if name == "signing_cmd":
        from officer_desk.cli import signing_cmd
        return signing_cmd
    if name == "receipts_cmd":
        from officer_desk.cli import receipts_cmd
        return receipts_cmd
    if name == "documents_cmd":
        from officer_desk.cli import documents_cmd
        return documents_cmd
    if name == "admin":
        from officer_desk.cli import admin
        return admin
    if name == "ocr_cmd":
        from officer_desk.cli import ocr_cmd
        return ocr_cmd
    if name == "report_cmd":
        from officer_desk.cli import report_cmd
        return report_cmd
    if name == "sync_cmd":
        from officer_desk.cli import sync_cmd
        return sync_cmd
    raise KeyError(name)


class _Parser(argparse.ArgumentParser):
    """Usage errors become UsageError, so --json still gets its one JSON object."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message}")


def _base_parser(add_help: bool = True) -> argparse.ArgumentParser:
    """The global and window options, without the sub-commands."""
    parser = _Parser(
        prog="officer-desk",
        add_help=add_help,
        description="Officer Desk — bàn làm việc của cán bộ một cửa / desk for one-stop counter officers",
    )
    parser.add_argument("--version", action="version", version=f"officer-desk {__version__}")
    parser.add_argument("--database", metavar="URL", help="PostgreSQL URL (default: the local encrypted file)")
    parser.add_argument("--lang", choices=("vi", "en"), help="language of messages")
    # Documented here for --help; main() takes them from anywhere on the line (cli/acting.py).
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--as", dest="acting_user", metavar="USER", help="act as this account (set-up desks)")
    parser.add_argument("--password-file", metavar="F", help="the account's password (first line of F)")
    # Window options (used when no sub-command is given).
    parser.add_argument("--screenshot", metavar="PATH", help="grab the window to PNG and exit")
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help="close the window after SECONDS")
    return parser


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with ``command`` (a known sub-command), only that command's module is registered."""
    parser = _base_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = (command_module(COMMAND_MODULE[command]),) if command in COMMAND_MODULE else command_modules()
    for module in modules:
        module.register(sub)
    return parser


def _command_named(arguments: list[str]) -> str | None:
    """The sub-command a line names (its first word after the global options), unless it asks for the
    top-level help or the version: those list every command."""
    for argument in arguments:
        if argument in ("-h", "--help", "--version"):
            return None
        if not argument.startswith("-"):
            return argument if argument in COMMAND_MODULE else None
        if argument in ("--screenshot", "--quit-after"):
            return None  # a window option with a value: leave the line to the full parser
    return None


def _window_arguments(arguments: list[str]) -> argparse.Namespace | None:
    """The parsed options when the line only opens the window (no sub-command, no --help), else None."""
    try:
        args, rest = _base_parser(add_help=False).parse_known_args(arguments)
    except UsageError:
        return None  # let the full parser word the error
    if rest:
        return None
    args.command = None
    return args


def _configure_language(args: argparse.Namespace) -> None:
    from officer_desk.config import load_config
    from officer_desk.i18n import set_language

    language = args.lang
    if not language:
        try:
            language = load_config().language
        except Exception:  # noqa: BLE001 - an unreadable config must not stop --help or errors
            language = "vi"
    set_language(language)


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None and not sys.warnoptions:
        # A real run (console script, python -m): libraries' warnings (pyHanko's import of the
        # deprecated DSA API, ...) are for developers, not the officer's terminal. -W or
        # PYTHONWARNINGS brings them back; tests pass argv and keep pytest's "warnings are errors".
        warnings.simplefilter("ignore")
    if hasattr(os, "umask"):
        # every file the desk creates (home, logs, temp files, outputs) is owner-only (issue 16)
        os.umask(0o077)
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser: argparse.ArgumentParser | None = None
    try:
        # Global options stand anywhere: before or after the sub-command (cli-contract.md, Additions).
        options = split_global_options(arguments)
        window_args = _window_arguments(options.rest)
        if window_args is not None:
            args = window_args
        else:
            parser = build_parser(_command_named(options.rest))
            args = parser.parse_args(options.rest)
    except UsageError as exc:
        from officer_desk.cli.output import Output

        out = Output(json_mode="--json" in arguments)
        out.error(exc.code, exc.message)
        if not out.json_mode:
            (parser or build_parser()).print_usage(sys.stderr)
        return exc.exit_code
    args.lang = options.lang or args.lang
    args.database = options.database or args.database
    if options.json:
        args.json = True
    if args.lang not in (None, "vi", "en"):
        from officer_desk.cli.output import Output

        out = Output(json_mode=options.json)
        out.error("usage", f"officer-desk: --lang: {args.lang} (vi, en)")
        return 2
    if not args.command:
        from officer_desk.ui.startup import show_splash  # the first frame, before the rest of the desk loads

        show_splash()
    # --database reaches every layer that opens the desk through the environment, for this run only: an
    # in-process caller (a test, a script calling main()) keeps its own environment afterwards.
    previous_database = os.environ.get("OFFICER_DESK_DATABASE_URL")
    if args.database:
        os.environ["OFFICER_DESK_DATABASE_URL"] = args.database
    try:
        _configure_language(args)
        if not args.command:
            from officer_desk.ui.app import run_app  # Qt is imported only when the window opens

            return run_app(args)
        from officer_desk.cli.acting import command_key
        from officer_desk.cli.output import Output, run_handler

        if argv is None:
            from officer_desk.cli.collector import own_process

            own_process()  # one command, then exit: its stack loads without the collector's passes (collector.py)

        out = Output(json_mode=bool(getattr(args, "json", False)))
        return run_handler(_acting_handler(args.func, options, command_key(options.rest)), args, out)
    finally:
        if args.database:
            if previous_database is None:
                os.environ.pop("OFFICER_DESK_DATABASE_URL", None)
            else:
                os.environ["OFFICER_DESK_DATABASE_URL"] = previous_database


def _acting_handler(handler: Handler, options: GlobalOptions, key: str) -> Handler:
    """Run ``handler`` as the acting account (set-up homes), then seal the audit log it extended."""
    from officer_desk.cli.acting import resolve_acting, seal_after_command

    def run(args: argparse.Namespace, out: Output) -> int:
        args.acting = resolve_acting(options, key, args)
        code = 2
        try:
            code = handler(args, out)
            return code
        finally:
            if args.acting.set_up:
                seal_after_command(key, code, args.acting.username)

    return run


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
