"""Password hashing (Argon2id) and the progressive slow-down after wrong passwords.

Parameters: time cost 3, 64 MiB, one lane: one check costs about 150 ms on a 2-core office PC
(bench/README.md, ``bench/bench_accounts.py``), slow enough to make guessing a stolen database
expensive, fast enough for a sign-in. ``OFFICER_DESK_TEST_FAST_AUTH=1`` (tests only) lowers the
cost and the slow-down so the suite stays fast; stored hashes carry their own parameters, so a
hash made either way verifies either way and is upgraded at the next sign-in.
"""

from __future__ import annotations

import os
import secrets

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from officer_desk.errors import InputError
from officer_desk.i18n import _

FAST_ENV = "OFFICER_DESK_TEST_FAST_AUTH"
TIME_COST = 3
MEMORY_KIB = 64 * 1024
PARALLELISM = 1
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
# Delay after the n-th wrong password in a row: 0.5 s, 1 s, 2 s ... at most 30 s.
FIRST_DELAY_S = 0.5
MAX_DELAY_S = 30.0


def _fast() -> bool:
    return os.environ.get(FAST_ENV, "") not in ("", "0")


def hasher() -> PasswordHasher:
    if _fast():
        return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)
    return PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, type=Type.ID)


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(_("Mật khẩu cần ít nhất {n} ký tự", n=MIN_PASSWORD_LENGTH), code="weak_password")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError(_("Mật khẩu quá dài (tối đa {n} ký tự)", n=MAX_PASSWORD_LENGTH), code="weak_password")


def hash_password(password: str) -> str:
    return hasher().hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches; an account without a hash costs the same time and fails."""
    if not stored:
        # Same work as a real check, so timing does not tell which usernames exist.
        _DUMMY.verify(password)
        return False
    try:
        return hasher().verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    try:
        return hasher().check_needs_rehash(stored)
    except InvalidHashError:
        return True


def failure_delay(consecutive_failures: int) -> float:
    """Seconds to wait before answering the ``consecutive_failures``-th wrong password."""
    if consecutive_failures <= 0:
        return 0.0
    delay = min(FIRST_DELAY_S * 2 ** (consecutive_failures - 1), MAX_DELAY_S)
    return delay / 100 if _fast() else delay


class _DummyCheck:
    """A hash of a random secret, made once, checked when the username is unknown."""

    def __init__(self) -> None:
        self._hash: str | None = None

    def verify(self, password: str) -> None:
        if self._hash is None:
            self._hash = hash_password(secrets.token_hex(16))
        try:
            hasher().verify(self._hash, password)
        except (VerificationError, InvalidHashError):
            pass


_DUMMY = _DummyCheck()
