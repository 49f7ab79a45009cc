"""Capture from a scanner attached to the desk's PC, through SANE (Linux), behind the capture interface.

The binding is python-sane (the maintained SANE binding, built against libsane): it lists the scanners,
opens one, sets the resolution and a grey mode where the device offers them, and reads the page line by
line. The page comes back as a lossless PNG in memory and goes to the encrypted attachment store; nothing
is written to disk on the way. Each operation is one SANE session (init, open, read, close, exit) under a
process-wide lock, because SANE is not thread-safe and a scanner plugged in or out between two scans must
be seen. Cancelling stops the transfer at the next line (the binding calls ``sane_cancel``).

Errors an officer can act on: no scanner, the scanner busy, the scan cancelled, the scanner gone (I/O
error or unplugged), paper jammed, feeder empty, cover open, access denied. WIA/TWAIN (Windows) would be
another ``CaptureSource`` of the same shape.
"""

from __future__ import annotations

import io
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.ocr.capture import Capture

if TYPE_CHECKING:
    from PIL import Image

    from officer_desk.ocr.reader import Progress

DEFAULT_RESOLUTION = 300  # dpi: what the OCR reads best (preprocess.py assumes about 300)
_LOCK = threading.Lock()


class ScannerError(DeskError):
    """The scan did not happen; ``code`` says why (no_scanner, busy, cancelled, gone, ...)."""

    code = "scanner"
    exit_code = 2


@dataclass(frozen=True)
class Scanner:
    """A scanner SANE sees: its SANE name (``backend:device``) and what it says it is."""

    name: str
    vendor: str
    model: str
    kind: str

    @property
    def label(self) -> str:
        """What the officer picks from: maker and model (the SANE name is for the log)."""
        words = [w for w in (self.vendor, self.model) if w and w.lower() != "noname"]
        return " ".join(words) or self.name


@dataclass(frozen=True)
class ScanSettings:
    """What to ask the scanner for; ``options`` are backend options by SANE name (e.g. ``source``)."""

    resolution: int = DEFAULT_RESOLUTION
    grey: bool = True
    options: dict[str, Any] = field(default_factory=dict)


def sane_available() -> bool:
    """Whether this platform scans through SANE. python-sane is a hard dependency on Linux (pyproject marker)
    and absent elsewhere (WIA/TWAIN not built): there the window offers no scanner action."""
    return sys.platform.startswith("linux")


def _binding() -> Any:
    if not sane_available():
        raise ScannerError(_("Máy này chưa cài SANE để dùng máy quét (gói libsane1, python-sane)"),
                           code="no_sane")
    # A plain import: on Linux a missing binding is a broken installation and must say so, not hide the scanner.
    import sane  # python-sane: compiled against libsane

    return sane


# sane_strstatus() texts (English in every libsane build) -> what the officer reads.
def _status_error(exc: BaseException, device: str = "") -> ScannerError:
    text = str(exc).lower()
    if "busy" in text:
        return ScannerError(_("Máy quét đang bận (đang quét cho người khác hoặc chương trình khác); "
                              "hãy thử lại sau"), code="busy")
    if "cancel" in text:
        return ScannerError(_("Đã hủy lượt quét"), code="cancelled")
    if "jammed" in text:
        return ScannerError(_("Giấy bị kẹt trong máy quét; hãy gỡ giấy rồi quét lại"), code="jammed")
    if "out of documents" in text:
        return ScannerError(_("Khay nạp giấy của máy quét không có giấy"), code="no_paper")
    if "cover" in text:
        return ScannerError(_("Nắp máy quét đang mở; hãy đóng nắp rồi quét lại"), code="cover_open")
    if "denied" in text:
        return ScannerError(_("Tài khoản máy tính không có quyền dùng máy quét (nhóm scanner)"),
                            code="access_denied")
    if "invalid argument" in text and device:
        return ScannerError(_("Không còn thấy máy quét {device}; hãy kiểm tra dây cáp hoặc nguồn rồi "
                              "chọn lại", device=device), code="gone")
    if "i/o" in text or "invalid argument" in text or "no such" in text:
        return ScannerError(_("Mất kết nối với máy quét giữa chừng; hãy kiểm tra dây cáp hoặc nguồn rồi "
                              "quét lại"), code="gone")
    if "no data" in text:
        return ScannerError(_("Máy quét không gửi về trang nào"), code="empty")
    if "memory" in text:
        return ScannerError(_("Không đủ bộ nhớ để nhận trang quét; hãy giảm độ phân giải"), code="no_memory")
    return ScannerError(_("Máy quét báo lỗi: {reason}", reason=str(exc)), code="scanner")


@contextmanager
def _session() -> Iterator[Any]:
    """One SANE session for one operation; a second scan while one runs is refused, not queued."""
    sane = _binding()
    if not _LOCK.acquire(blocking=False):
        raise ScannerError(_("Máy quét đang bận (đang quét cho người khác hoặc chương trình khác); "
                             "hãy thử lại sau"), code="busy")
    try:
        try:
            sane.init()
        except sane._sane.error as exc:  # noqa: SLF001 - the binding's only error type
            raise _status_error(exc) from exc
        try:
            yield sane
        finally:
            sane.exit()
    finally:
        _LOCK.release()


def list_scanners() -> list[Scanner]:
    """The scanners SANE sees now (network scanners included: this can take a few seconds)."""
    with _session() as sane:
        try:
            found = sane.get_devices()
        except sane._sane.error as exc:  # noqa: SLF001
            raise _status_error(exc) from exc
    return [Scanner(str(name), str(vendor), str(model), str(kind)) for name, vendor, model, kind in found]


def find_scanners() -> list[Scanner]:
    """The scanners to choose from; ``ScannerError`` (no_scanner) when SANE sees none."""
    found = list_scanners()
    if not found:
        raise ScannerError(_("Không thấy máy quét nào; hãy cắm cáp, bật nguồn máy quét rồi thử lại"),
                           code="no_scanner")
    return found


def _closest(constraint: Any, wanted: int) -> int | None:
    """The allowed resolution nearest to ``wanted`` from a SANE range (min, max, step) or list."""
    if isinstance(constraint, tuple) and len(constraint) == 3:
        low, high, step = (float(v) for v in constraint)
        value = min(max(float(wanted), low), high)
        if step > 0:
            value = low + round((value - low) / step) * step
        return int(value)
    if isinstance(constraint, list) and constraint:
        return int(min((float(v) for v in constraint), key=lambda v: abs(v - wanted)))
    return None


def _configure(device: Any, settings: ScanSettings, error: type[Exception]) -> int:
    """Resolution and grey mode where the device offers them (else its own), any other backend option as
    given; returns the resolution the page will have."""
    options = device.opt
    if "resolution" in options and options["resolution"].is_settable():
        resolution = _closest(options["resolution"].constraint, settings.resolution)
        if resolution is not None:
            try:
                device.resolution = resolution
            except (AttributeError, error):
                pass  # the device keeps its own; the page says which below
    if "mode" in options and options["mode"].is_settable() and isinstance(options["mode"].constraint, list):
        modes = [str(m) for m in options["mode"].constraint]
        wanted = ("gray", "grey") if settings.grey else ("color", "colour")
        chosen = next((m for m in modes if m.lower().startswith(wanted)), None)
        if chosen is not None:
            try:
                device.mode = chosen
            except (AttributeError, error):
                pass  # colour or line-art still reads
    for name, value in settings.options.items():
        key = name.replace("-", "_")
        if key not in device.opt:
            raise ScannerError(_("Máy quét này không có tùy chọn {name}", name=name), code="option")
        try:
            setattr(device, key, value)
        except (AttributeError, TypeError, error) as exc:
            raise ScannerError(_("Máy quét không nhận giá trị {value} cho tùy chọn {name}", value=str(value),
                                 name=name), code="option") from exc
    try:
        return int(round(float(device.resolution)))
    except (AttributeError, TypeError, ValueError, error):
        return settings.resolution


def _png(image: Image.Image, resolution: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(resolution, resolution), optimize=False)
    return buffer.getvalue()


@dataclass
class SaneSource:
    """One scanner as a ``CaptureSource``: each ``capture`` scans one page from the flatbed (or feeder)."""

    device: str
    settings: ScanSettings = field(default_factory=ScanSettings)

    def capture(self, progress: Progress | None = None) -> list[Capture]:
        if progress is not None and progress.cancelled():
            raise ScannerError(_("Đã hủy lượt quét"), code="cancelled")
        with _session() as sane:
            error = sane._sane.error  # noqa: SLF001
            try:
                device = sane.open(self.device)
            except error as exc:
                raise _status_error(exc, self.device) from exc
            try:
                resolution = _configure(device, self.settings, error)
                try:
                    device.start()
                    image = device.snap(progress=_line_callback(progress, device))
                except (error, RuntimeError, AttributeError) as exc:
                    raise _status_error(exc) from exc
            finally:
                device.close()
        if image.width == 0 or image.height == 0:
            raise ScannerError(_("Máy quét không gửi về trang nào"), code="empty")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return [Capture(_png(image, resolution), f"scan-{stamp}.png")]

    def stored(self, capture: Capture) -> None:
        """Nothing to clean up: the page never left memory before it was stored encrypted."""


def _line_callback(progress: Progress | None, device: Any) -> Any:
    """Called by the binding after each line. It must never raise: python-sane 2.9 dereferences the
    callback's result without a check, so an exception there crashes the process. Cancelling calls
    ``sane_cancel`` instead (allowed at any time by the SANE standard); the next read then reports it."""
    if progress is None:
        return None
    label = _("Đang quét…")
    state = {"cancelled": False}

    def on_line(line: int, lines: int) -> None:
        if state["cancelled"]:
            return
        try:
            if progress.cancelled():
                state["cancelled"] = True
                device.cancel()
            elif line % 64 == 0 or line == lines:
                progress.report(line, max(lines, line), label)
        except Exception:  # noqa: BLE001 - see above: a raise here would take the desk down with it
            state["cancelled"] = True
            device.cancel()

    return on_line
