"""Capture at the counter: a folder that a network scanner writes into ("scan to folder" / SMB share).

Works with every scanner and every OS: the desk polls the folder and offers each new scan once the file
has stopped growing (scanners write large PDFs slowly). The scan is read, stored with the case through
the encrypted attachment store, and only then removed from the folder, so no plaintext copy of a
citizen's papers stays behind and a failed attach loses nothing. The window polls with a timer; tests
drive ``poll`` with their own clock.

Every source of scans offers the same ``CaptureSource`` shape: ``capture`` returns the pages it has ready
(in memory), ``stored`` is told once a page is stored with a case. The watched folder is one source; a
scanner on the desk's PC through SANE (``officer_desk.ocr.sane_capture``) is another; WIA/TWAIN on Windows
would be a third.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from officer_desk.errors import InputError
from officer_desk.i18n import _
from officer_desk.ocr.loader import MAX_FILE_BYTES, sniff

if TYPE_CHECKING:
    from officer_desk.ocr.reader import Progress

SCAN_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp"})
# A file whose size and time have not changed for this long is complete.
SETTLE_SECONDS = 1.5


class ScanSource(Protocol):
    def poll(self) -> list[Path]: ...
    def read(self, path: Path) -> bytes: ...
    def done(self, path: Path) -> None: ...


@dataclass(frozen=True)
class Capture:
    """One scanned page or file, in memory, ready to be stored (encrypted) with a case."""

    data: bytes
    file_name: str
    origin: Path | None = None  # the scanner folder's file, removed once the page is stored


class CaptureSource(Protocol):
    """Where scans come from: the watched folder, a SANE scanner, (on Windows) WIA or TWAIN."""

    def capture(self, progress: Progress | None = None) -> list[Capture]: ...
    def stored(self, capture: Capture) -> None: ...


@dataclass
class ScanFolder:
    """New, complete scans in ``folder`` (not below it); each offered once until ``done`` or ``skip``."""

    folder: Path
    settle_seconds: float = SETTLE_SECONDS
    clock: Callable[[], float] = time.monotonic
    _seen: dict[Path, tuple[int, int, float]] = field(default_factory=dict)
    _offered: set[Path] = field(default_factory=set)

    def poll(self) -> list[Path]:
        """Scans that have stopped growing since the last poll, oldest first."""
        if not self.folder.is_dir():
            raise InputError(_("Không tìm thấy thư mục máy quét {folder}", folder=str(self.folder)),
                             code="scan_folder")
        now = self.clock()
        ready: list[tuple[int, Path]] = []
        present: set[Path] = set()
        for path in self.folder.iterdir():
            if path.suffix.lower() not in SCAN_SUFFIXES or path.name.startswith((".", "~")):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue  # removed or locked by the scanner meanwhile
            if not path.is_file():
                continue
            present.add(path)
            signature = (stat.st_size, stat.st_mtime_ns)
            previous = self._seen.get(path)
            if previous is None or previous[:2] != signature:
                self._seen[path] = (*signature, now)
                continue
            if path in self._offered or stat.st_size == 0 or now - previous[2] < self.settle_seconds:
                continue
            ready.append((stat.st_mtime_ns, path))
        for gone in set(self._seen) - present:
            self._seen.pop(gone, None)
            self._offered.discard(gone)
        ready.sort()
        self._offered.update(path for _mtime, path in ready)
        return [path for _mtime, path in ready]

    def read(self, path: Path) -> bytes:
        """The scan's bytes, checked to be an image or PDF within the size limit."""
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise InputError(_("Tệp lớn hơn giới hạn {limit} MiB", limit=MAX_FILE_BYTES // (1024 * 1024)),
                                 code="too_large")
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(_("Không đọc được tệp {path}: {reason}", path=path.name,
                               reason=exc.strerror or str(exc)), code="unreadable") from exc
        if sniff(data) is None:
            raise InputError(_("Tệp không phải ảnh (PNG, JPEG, TIFF...) hay PDF"), code="not_image")
        return data

    def done(self, path: Path) -> None:
        """The scan is stored (encrypted) with the case: remove the plaintext copy from the folder."""
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        self._seen.pop(path, None)
        self._offered.discard(path)

    def capture(self, progress: Progress | None = None) -> list[Capture]:
        """The complete scans now in the folder, read (a file that is not a scan raises ``InputError``)."""
        return [Capture(self.read(path), path.name, path) for path in self.poll()]

    def stored(self, capture: Capture) -> None:
        if capture.origin is not None:
            self.done(capture.origin)

    def skip(self, path: Path) -> None:
        """Leave a scan in the folder without offering it again (e.g. the officer declined it)."""
        self._offered.add(path)


def attach_scan(source: ScanSource, path: Path, attach: Callable[[bytes, str], int]) -> int:
    """Read ``path``, hand it to ``attach(data, file_name)`` (which stores it encrypted), then remove it."""
    data = source.read(path)
    attachment_id = attach(data, path.name)
    source.done(path)
    return attachment_id


def store_capture(source: CaptureSource, capture: Capture, attach: Callable[[bytes, str], int]) -> int:
    """Hand a captured page to ``attach(data, file_name)`` (which stores it encrypted), then tell the source."""
    attachment_id = attach(capture.data, capture.file_name)
    source.stored(capture)
    return attachment_id
