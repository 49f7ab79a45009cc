"""Work off the GUI thread: a task runner over QThreadPool whose results come back as signals.

Picard-style: a task is a plain callable; the runner executes it on a pool thread and calls
``on_success(result)`` / ``on_error(exc)`` on the GUI thread. ``SyncTaskRunner`` runs tasks
inline, for tests. Long operations get a ``TaskProgress`` (the core's Progress protocol) and a
cancellable progress dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Callback = Callable[[Any], None]


class TaskProgress:
    """Thread-safe progress for the core's ``Progress`` protocol: report() and cancelled()."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self.done = 0
        self.total = 0
        self.label = ""

    def report(self, done: int, total: int, label: str = "") -> None:
        with self._lock:
            self.done, self.total, self.label = done, total, label

    def snapshot(self) -> tuple[int, int, str]:
        with self._lock:
            return self.done, self.total, self.label

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Box:
    """Carries a value through a queued signal (PySide has mis-counted references of a bare None)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


class _Relay(QObject):
    """Carries a result from the pool thread to the GUI thread (queued signal)."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        # Python keeps the job alive until its result is delivered (auto-delete of Python
        # QRunnable subclasses has crashed PySide with refcount errors).
        self.setAutoDelete(False)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._relay.failed.emit(_Box(exc))
        else:
            self._relay.succeeded.emit(_Box(result))


def _guarded(owner: QObject | None, callback: Callback | None) -> Callback:
    def call(value: Any) -> None:
        if callback is None:
            return
        if owner is not None and not shiboken6.isValid(owner):
            return  # the widget that asked is gone (window closed while the query ran)
        callback(value)

    return call


class TaskRunner(QObject):
    """Runs callables on a thread pool; results are delivered on the GUI thread."""

    synchronous = False
    task_failed = Signal(object)  # an exception no on_error handled

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # One worker per lane (each holds a pooled database connection and its page cache, so this
        # also bounds memory): "interactive" serialises what the officer waits for (pages, search,
        # the case, actions), "background" the slow scans (counts, status bar), "long" the long
        # operations with a progress dialog (imports, demo data, screening everything), "signing" the
        # documents being signed (it may wait for the officer's PIN without holding up the pages), and
        # "queue" the queue's pages and search as you type, so a keystroke never waits behind a case's
        # detail or documents (the first of which loads the fee and document machinery: seconds).
        self._pools: dict[str, QThreadPool] = {}
        for lane, threads in (("interactive", 1), ("background", 1), ("long", 1), ("signing", 1), ("queue", 1)):
            pool = QThreadPool(self)
            pool.setMaxThreadCount(threads)
            self._pools[lane] = pool
        self._jobs: dict[_Relay, _Job] = {}

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
        lane: str = "interactive",
    ) -> None:
        relay = _Relay()
        success = _guarded(owner, on_success)
        error = _guarded(owner, on_error) if on_error is not None else self.task_failed.emit

        def finished_ok(box: _Box) -> None:
            self._jobs.pop(relay, None)
            success(box.value)

        def finished_error(box: _Box) -> None:
            self._jobs.pop(relay, None)
            error(box.value)

        relay.succeeded.connect(finished_ok, Qt.ConnectionType.QueuedConnection)
        relay.failed.connect(finished_error, Qt.ConnectionType.QueuedConnection)
        job = _Job(fn, relay)
        self._jobs[relay] = job
        self._pools[lane].start(job)

    def pending(self) -> int:
        return len(self._jobs)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until every job has finished (shutdown, tests)."""
        return all(bool(pool.waitForDone(msecs)) for pool in self._pools.values())


class SyncTaskRunner(TaskRunner):
    """Runs every task at once in the calling thread: deterministic tests, no threads left behind."""

    synchronous = True

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callback | None = None,
        on_error: Callback | None = None,
        owner: QObject | None = None,
        lane: str = "interactive",
    ) -> None:
        try:
            result = fn()
        except Exception as exc:  # noqa: BLE001 - same contract as the threaded runner
            (_guarded(owner, on_error) if on_error is not None else self.task_failed.emit)(exc)
            return
        _guarded(owner, on_success)(result)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        return True


class LongTask(QObject):
    """A long operation with a cancellable progress dialog; the window stays responsive.

    ``fn(progress)`` runs on the pool; ``finished(result)`` or ``failed(exc)`` fire on the GUI
    thread; a cancelled task still finishes (the core stops at its next ``cancelled()`` check) and
    reports what it did so far.
    """

    finished = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        fn: Callable[[TaskProgress], Any],
        title: str,
        parent: QWidget | None = None,
        show_after_ms: int = 300,
    ) -> None:
        super().__init__(parent)
        self.progress = TaskProgress()
        self.runner = runner
        self._fn = fn
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setLabelText(title)
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(show_after_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setRange(0, 0)
        self.dialog.canceled.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._poll)
        self.running = False

    def start(self) -> None:
        self.running = True
        self._timer.start()
        self.dialog.setValue(0)
        self.runner.submit(lambda: self._fn(self.progress), self._done, self._error, owner=self, lane="long")

    def cancel(self) -> None:
        self.progress.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _poll(self) -> None:
        done, total, label = self.progress.snapshot()
        if total > 0:
            if self.dialog.maximum() != total:
                self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))
        if label and not self.progress.cancelled():
            self.dialog.setLabelText(label)

    def _stop(self) -> None:
        self.running = False
        self._timer.stop()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()

    def _done(self, result: Any) -> None:
        self._stop()
        self.finished.emit(result)

    def _error(self, exc: Any) -> None:
        self._stop()
        self.failed.emit(exc)
