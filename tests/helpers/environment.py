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


# What every test's process environment holds (tests/conftest.py's isolated_home, and the templates made
# for it, such as the office home): no keyring, a test officer, cheap Argon2id and short slow-downs.
TEST_ENVIRONMENT = {"OFFICER_DESK_NO_KEYRING": "1", "OFFICER_DESK_OFFICER": "canbo.test",
                    "OFFICER_DESK_TEST_FAST_AUTH": "1"}
# ... and never from the machine: who acts, a password file, a database URL or key file.
CLEARED_ENVIRONMENT = ("OFFICER_DESK_AS", "OFFICER_DESK_PASSWORD_FILE", "OFFICER_DESK_DATABASE_URL",
                       "OFFICER_DESK_DB_KEY_FILE")
