"""Work-around for a defect of PySide6 6.12.0 on Python 3.11, applied to that exact release only.

PySide6 6.12.0 returns ``None`` from void methods (``setText``, ``processEvents``...) and ``True``
from ``Signal.emit()`` without taking a reference. On Python >= 3.12 these objects are immortal and
nothing happens; on 3.11 every such call drops a reference and after a few minutes of use the
interpreter aborts ("none_dealloc: deallocating None"). ``None``, ``True`` and ``False`` are then
made effectively immortal (as Python 3.12 does) by adding 2**60 to their reference counts.

Why a patch and not a pin: QtPdf (receipt preview, printing) ships on PyPI as ``PySide6-Pdf`` only
for 6.12.0 (6.12.0.140); an older Qt would mean the ~200 MB ``PySide6-Addons`` wheel. pyproject.toml
therefore pins 6.12.0 exactly, and this module applies the patch only when the installed release is
``PATCHED_RELEASE`` *and* the defect is measured. ``tests/unit/test_dependency_patches.py`` fails as
soon as either stops being true (a fixed 6.12.0 build, or a new release that still leaks), so moving
the pin forces a look at this file.
"""

from __future__ import annotations

import ctypes
import sys

PATCHED_RELEASE = "6.12.0"
_PINNED = 1 << 60
_applied = False


def installed_release() -> str:
    """The PySide6 release (the same for the Essentials and the monolithic wheel). Read from the package,
    not importlib.metadata: this runs before the window's first frame and the metadata scan costs ~35 ms."""
    import PySide6

    return str(PySide6.__version__)


def _refcount_cell(obj: object) -> ctypes.c_ssize_t:
    # CPython: ob_refcnt is the first field of every object.
    return ctypes.c_ssize_t.from_address(id(obj))


def measure_defect() -> tuple[int, int]:
    """(None references lost per void call, True references lost per emit); (0, 0) on a sound build."""
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
    """Apply the work-around on PySide6 ``PATCHED_RELEASE`` when the defect is measured; True when applied."""
    global _applied
    if _applied:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if installed_release() != PATCHED_RELEASE:
        return False
    if measure_defect() == (0, 0):
        return False
    for singleton in (None, True, False):
        _refcount_cell(singleton).value += _PINNED
    _applied = True
    return True
