"""The two patches of third-party behaviour stay tied to the exact releases they were written for.

Each test fails when the installed dependency moves in a way that needs a human decision: the patch
became unnecessary (delete it), or the patched symbol changed (re-measure, adapt or delete).
"""

from __future__ import annotations

import hashlib
import inspect
import io
import sys
from importlib.metadata import version

import pytest

from officer_desk.signing import speedups


def test_hex_reader_patch_targets_the_installed_pyhanko() -> None:
    assert version("pyHanko") == speedups.PATCHED_RELEASE, (
        "pyHanko moved: re-measure signing/speedups.py (bench/bench_signing.py), then update or delete it"
    )
    assert speedups.installed_release() == version("pyHanko")  # the cheap lookup the guard uses
    assert speedups.original_source_sha256() == speedups.PATCHED_SOURCE_SHA256, (
        "pyHanko's read_hex_string_from_stream changed: re-check signing/speedups.py against it"
    )
    # the guard's cheap cut of the source is the text inspect.getsource gives
    source = inspect.getsource(speedups.original()).encode("utf-8")
    assert hashlib.sha256(source).hexdigest() == speedups.original_source_sha256()


def test_hex_reader_is_installed_where_pyhanko_parses() -> None:
    from pyhanko.pdf_utils import generic

    import officer_desk.signing.verify  # noqa: F401 - importing installs the reader

    assert generic.read_hex_string_from_stream is speedups.read_hex_string_from_stream
    value = generic.read_object(io.BytesIO(b"<48 65 6C6C 6F>"), (1, 0))
    assert bytes(value.original_bytes) == b"Hello"


def test_hex_reader_is_not_installed_on_another_pyhanko(monkeypatch: pytest.MonkeyPatch) -> None:
    from pyhanko.pdf_utils import generic

    monkeypatch.setattr(generic, "read_hex_string_from_stream", speedups.original())
    monkeypatch.setattr(speedups, "installed_release", lambda: "0.39.0")
    assert speedups.install() is False
    assert generic.read_hex_string_from_stream is speedups.original()
    monkeypatch.setattr(speedups, "installed_release", lambda: speedups.PATCHED_RELEASE)
    monkeypatch.setattr(speedups, "PATCHED_SOURCE_SHA256", "0" * 64)
    assert speedups.install() is False
    assert generic.read_hex_string_from_stream is speedups.original()


@pytest.mark.gui
def test_singleton_pinning_matches_the_installed_pyside() -> None:
    from officer_desk.ui import qtcompat

    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        assert qtcompat.pin_singletons_if_needed() is False
        return
    leaking = qtcompat.measure_defect() != (0, 0)
    if qtcompat.installed_release() == qtcompat.PATCHED_RELEASE:
        assert leaking, f"PySide6 {qtcompat.PATCHED_RELEASE} no longer leaks: delete ui/qtcompat.py"
        assert qtcompat.pin_singletons_if_needed() is True
        assert sys.getrefcount(None) > 1 << 59
    else:
        assert not leaking, "this PySide6 release leaks None/True too: extend ui/qtcompat.py to it"
        assert qtcompat.pin_singletons_if_needed() is False


def test_singleton_pinning_skips_other_releases(monkeypatch: pytest.MonkeyPatch) -> None:
    from officer_desk.ui import qtcompat

    monkeypatch.setattr(qtcompat, "_applied", False)
    monkeypatch.setattr(qtcompat, "installed_release", lambda: "6.12.1")
    monkeypatch.setattr(qtcompat, "measure_defect", lambda: pytest.fail("must not probe another release"))
    assert qtcompat.pin_singletons_if_needed() is False
