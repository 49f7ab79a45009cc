"""What a test needs from the machine: skipped on a developer's machine without it, failed under CI."""

from __future__ import annotations

import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_or_skip(condition: bool, reason: str) -> None:
    """Skip when a service or tool is missing; under CI=true the test fails instead."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required under CI: {reason}")
    pytest.skip(f"not available: {reason}")


def require_tool(name: str) -> str:
    """Path of an external binary (skipped without it; failed under CI=true)."""
    path = shutil.which(name)
    require_or_skip(path is not None, f"{name} not installed")
    assert path is not None
    return path
