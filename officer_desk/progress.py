"""The progress port of long work: report how far it got, ask whether the officer cancelled."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Implemented by the window's task runner (``ui.tasks.TaskProgress``) and the CLI's stderr reporter."""

    def report(self, done: int, total: int, label: str) -> None: ...

    def cancelled(self) -> bool: ...
