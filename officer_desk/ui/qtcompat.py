"""Work-around for a defect of PySide6 6.12.0 on Python 3.11, detected at run time, not assumed.

PySide6 6.12.0 returns ``None`` from void methods (``setText``, ``processEvents``...) and ``True``
from ``Signal.emit()`` without taking a reference. On Python >= 3.12 these objects are immortal and
nothing happens; on 3.11 every such call drops a reference and after a few minutes of use the
interpreter aborts ("none_dealloc: deallocating None"). When the defect is measured, ``None``,
``True`` and ``False`` are made effectively immortal (as Python 3.12 does) by adding 2**60 to their
reference counts. The real fix is a PySide6 release without the defect (6.11.x is fine).
"""

from __future__ import annotations

import ctypes
import sys

_PINNED = 1 << 60
_applied = False


def _refcount_cell(obj: object) -> ctypes.c_ssize_t:
    # CPython: ob_refcnt is the first field of every object.
    return ctypes.c_ssize_t.from_address(id(obj))


def _measure() -> tuple[int, int]:
    """(None references lost per void call, True references lost per emit)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        probed = Signal(int)

    probe = _Probe()
    none_before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    none_lost = none_before - sys.getrefcount(None)
    true_before = sys.getrefcount(True)
    for _ in range(8):
        probe.probed.emit(1)
    true_lost = true_before - sys.getrefcount(True)
    return max(none_lost, 0) // 8, max(true_lost, 0) // 8


def pin_singletons_if_needed() -> bool:
    """Apply the work-around when the installed PySide has the defect; True when applied."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    none_lost, true_lost = _measure()
    if not (none_lost or true_lost):
        return False
    for singleton in (None, True, False):
        _refcount_cell(singleton).value += _PINNED
    _applied = True
    return True


def defect_detected() -> bool:
    return _applied
