"""Output discipline of the CLI: one JSON object with --json, messages on stderr, no tracebacks."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.logs import get_logger, log_unexpected

Handler = Callable[[argparse.Namespace, "Output"], int]


class Output:
    """Where a command writes: ``result`` (stdout, JSON or text), ``info``/``warn`` (stderr)."""

    def __init__(self, json_mode: bool = False) -> None:
        self.json_mode = json_mode
        self._json_written = False

    def result(self, payload: dict[str, Any], text: str | None = None) -> None:
        """The command's answer: the JSON object with --json, else ``text`` (if any)."""
        if self.json_mode:
            if self._json_written:
                raise RuntimeError("a command wrote two JSON results")
            sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
            self._json_written = True
        elif text is not None:
            sys.stdout.write(text.rstrip("\n") + "\n")
        sys.stdout.flush()

    def line(self, text: str) -> None:
        """A line of human-readable output (stdout without --json, stderr with it)."""
        stream = sys.stderr if self.json_mode else sys.stdout
        stream.write(text + "\n")
        stream.flush()

    def info(self, text: str) -> None:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def error(self, code: str, message: str) -> None:
        if self.json_mode and not self._json_written:
            self.result({"error": {"code": code, "message": message}})
        sys.stderr.write(_("Lỗi: {message}", message=message) + "\n")
        sys.stderr.flush()


def run_handler(handler: Handler, args: argparse.Namespace, out: Output) -> int:
    """Run a command; expected errors become messages and exit codes, the rest is logged."""
    try:
        return handler(args, out)
    except DeskError as exc:
        get_logger().info("command %s failed: %s", getattr(args, "command", "?"), exc.code)
        out.error(exc.code, exc.message)
        return exc.exit_code
    except KeyboardInterrupt:
        out.error("interrupted", _("Đã dừng theo yêu cầu"))
        return 2
    except Exception as exc:  # noqa: BLE001 - the officer sees a message, the log gets the detail
        reference = log_unexpected(exc)
        out.error(
            "internal",
            _("Lỗi không mong đợi (mã tra cứu {reference}); chi tiết đã ghi vào nhật ký", reference=reference),
        )
        return 2
