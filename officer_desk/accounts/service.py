"""Accounts and sign-in: the services the CLI and the window use (frozen dataclasses in and out).

``AccountService`` changes accounts (administrators only, refused in the service itself);
``AuthService`` checks a password (Argon2id, progressive slow-down, every success and failure
audited); ``DeskSession`` is what the window holds: the signed-in account, lock and unlock.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_desk.accounts.passwords import (
    check_password_rules,
    failure_delay,
    hash_password,
    needs_rehash,
    verify_password,
)
from officer_desk.accounts.roles import Actor, ActorKind, AuthError, Permission, Role
from officer_desk.audit import audit
from officer_desk.errors import ConflictError, InputError, NotFoundError
from officer_desk.i18n import _
from officer_desk.models import DeskSetting, Officer, OfficerCertificate
from officer_desk.models.session import Database
from officer_desk.paths import Home

if TYPE_CHECKING:  # pyHanko and the trust store: imported where a certificate is read or bound (issue 17)
    from officer_desk.accounts.certificates import CertificateBinding, CertificateSource

HOME_KIND_KEY = "home_kind"
_USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")


class HomeKind(StrEnum):
    """cli-contract.md, "Three kinds of home"."""

    NEVER_SET_UP = "never_set_up"
    DEMO = "demo"
    SET_UP = "set_up"


def home_kind(db: Database, home: Home) -> HomeKind:
    """What kind of home this is: a set-up desk is recorded in its database, demo mode in ``demo/``."""
    from officer_desk.signing.demo_ca import demo_mode_enabled

    with db.session() as session:
        marker = session.get(DeskSetting, HOME_KIND_KEY)
        if marker is not None and marker.value == HomeKind.SET_UP:
            return HomeKind.SET_UP
        # An account with a password makes a desk set up even if the marker row was removed.
        account = session.execute(select(Officer.id).where(Officer.password_hash.is_not(None)).limit(1)).first()
        if account is not None:
            return HomeKind.SET_UP
    return HomeKind.DEMO if demo_mode_enabled(home) else HomeKind.NEVER_SET_UP


@dataclass(frozen=True)
class CertificateInfo:
    kind: str
    subject: str
    common_name: str
    not_after: datetime
    sha256: str

    def to_json(self) -> dict[str, Any]:
        from officer_desk.signing.certs import iso_vn

        return {"subject": self.subject, "not_after": iso_vn(self.not_after)}


@dataclass(frozen=True)
class AccountInfo:
    username: str
    full_name: str
    role: Role
    active: bool
    certificate: CertificateInfo | None

    def to_json(self) -> dict[str, Any]:
        return {"user": self.username, "name": self.full_name, "role": str(self.role), "active": self.active,
                "certificate": self.certificate.to_json() if self.certificate else None}


@dataclass(frozen=True)
class NewAccount:
    username: str
    full_name: str
    role: Role
    password: str
    certificate: CertificateSource | None = None


def check_username(username: str) -> str:
    if not _USERNAME_RE.match(username):
        raise InputError(_("Tên đăng nhập {user} không hợp lệ: 2–64 ký tự chữ, số, dấu chấm, gạch dưới, gạch ngang",
                           user=username[:64]), code="invalid_username")
    return username


def check_full_name(full_name: str) -> str:
    name = " ".join(full_name.split())
    if not name or len(name) > 200:
        raise InputError(_("Họ tên của tài khoản cần từ 1 đến 200 ký tự"))
    return name


def _certificate_row(session: Session, officer_id: int) -> OfficerCertificate | None:
    return session.execute(
        select(OfficerCertificate).where(OfficerCertificate.officer_id == officer_id, OfficerCertificate.active)
        .order_by(OfficerCertificate.id.desc())
    ).scalars().first()


def _info(session: Session, officer: Officer) -> AccountInfo:
    row = _certificate_row(session, officer.id)
    certificate = (CertificateInfo(row.kind, row.subject, row.common_name, row.not_after, row.sha256)
                   if row is not None else None)
    try:
        role = Role(officer.role)
    except ValueError:
        role = Role.OFFICER
    return AccountInfo(officer.username, officer.full_name, role, officer.active, certificate)


def bound_certificate(db: Database, username: str) -> CertificateBinding | None:
    """The certificate bound to an account (what the signer is loaded from), or None."""
    from officer_desk.accounts.certificates import CertificateBinding

    with db.session() as session:
        officer = session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none()
        if officer is None:
            return None
        row = _certificate_row(session, officer.id)
        if row is None:
            return None
        return CertificateBinding(
            kind=row.kind, subject=row.subject, common_name=row.common_name, sha256=row.sha256,
            not_after=row.not_after, certificate_pem=row.certificate_pem, keystore_id=row.keystore_id,
            module_path=row.module_path, key_id=row.key_id, token_label=row.token_label,
        )


class AccountService:
    """Accounts of a set-up desk; every change needs ``Permission.ACCOUNT_MANAGE`` and is audited."""

    def __init__(self, db: Database, home: Home, actor: Actor, desk_number: int = 0) -> None:
        self.db = db
        self.home = home
        self.actor = actor
        self.desk_number = desk_number

    def _find(self, session: Session, username: str) -> Officer:
        officer = session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none()
        if officer is None or officer.password_hash is None:
            raise NotFoundError(_("Không có tài khoản {user}", user=username[:64]))
        return officer

    def _audit(self, session: Session, action: str, username: str, **details: Any) -> None:
        audit(session, self.actor.username or "system", action, "account", username, desk=self.desk_number,
              **details)

    def list(self) -> list[AccountInfo]:
        self.actor.require(Permission.ACCOUNT_MANAGE)
        with self.db.session() as session:
            officers = session.execute(
                select(Officer).where(Officer.password_hash.is_not(None)).order_by(Officer.username)
            ).scalars().all()
            return [_info(session, officer) for officer in officers]

    def get(self, username: str) -> AccountInfo:
        with self.db.session() as session:
            return _info(session, self._find(session, username))

    def add(self, new: NewAccount, *, bootstrap: bool = False) -> AccountInfo:
        """Create an account (and bind its certificate, checked first). ``bootstrap``: the set-up's admin."""
        if not bootstrap:
            self.actor.require(Permission.ACCOUNT_MANAGE)
        username = check_username(new.username)
        full_name = check_full_name(new.full_name)
        check_password_rules(new.password)
        with self.db.session() as session:
            existing = session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none()
            if existing is not None and existing.password_hash is not None:
                raise ConflictError(_("Tài khoản {user} đã có", user=username))
        # The certificate is checked (and a P12 imported) before anything is written to the database.
        binding = self._bind_source(new.certificate) if new.certificate is not None else None
        password_hash = hash_password(new.password)
        now = datetime.now(UTC)
        with self.db.session() as session:
            officer = existing_row = session.execute(
                select(Officer).where(Officer.username == username)).scalar_one_or_none()
            if existing_row is None:  # an officer known only from events (sync, a home before set-up)
                officer = Officer(username=username)
                session.add(officer)
            assert officer is not None
            officer.full_name = full_name
            officer.role = str(new.role)
            officer.active = True
            officer.password_hash = password_hash
            officer.password_changed_at = now
            officer.failed_sign_ins = 0
            session.flush()
            self._audit(session, "account.created", username, role=str(new.role))
            if binding is not None:
                self._store_binding(session, officer, binding)
            session.flush()
            return _info(session, officer)

    def _bind_source(self, source: CertificateSource) -> CertificateBinding:
        from officer_desk.accounts.certificates import P12Source, import_p12, probe_token

        if isinstance(source, P12Source):
            return import_p12(self.home, source)
        return probe_token(self.home, source)

    def _store_binding(self, session: Session, officer: Officer, binding: CertificateBinding) -> None:
        for row in session.execute(select(OfficerCertificate).where(OfficerCertificate.officer_id == officer.id,
                                                                    OfficerCertificate.active)).scalars():
            row.active = False
        session.add(OfficerCertificate(
            officer_id=officer.id, kind=binding.kind, keystore_id=binding.keystore_id,
            module_path=binding.module_path, key_id=binding.key_id, token_label=binding.token_label,
            subject=binding.subject[:500], common_name=binding.common_name[:200], sha256=binding.sha256,
            not_after=binding.not_after, certificate_pem=binding.certificate_pem,
        ))
        self._audit(session, "account.certificate_bound", officer.username, kind=binding.kind,
                    certificate=binding.sha256)

    def bind_certificate(self, username: str, source: CertificateSource) -> AccountInfo:
        self.actor.require(Permission.ACCOUNT_MANAGE)
        with self.db.session() as session:
            self._find(session, username)
        binding = self._bind_source(source)
        with self.db.session() as session:
            officer = self._find(session, username)
            self._store_binding(session, officer, binding)
            session.flush()
            return _info(session, officer)

    def disable(self, username: str) -> AccountInfo:
        self.actor.require(Permission.ACCOUNT_MANAGE)
        with self.db.session() as session:
            officer = self._find(session, username)
            if officer.role == Role.ADMINISTRATOR and officer.active:
                others = session.execute(select(Officer.id).where(
                    Officer.role == str(Role.ADMINISTRATOR), Officer.active, Officer.password_hash.is_not(None),
                    Officer.id != officer.id)).first()
                if others is None:
                    raise ConflictError(_("Không thể khóa quản trị viên cuối cùng của quầy"))
            officer.active = False
            self._audit(session, "account.disabled", username)
            session.flush()
            return _info(session, officer)

    def set_password(self, username: str, new_password: str) -> None:
        self.actor.require(Permission.ACCOUNT_MANAGE)
        check_password_rules(new_password)
        password_hash = hash_password(new_password)
        with self.db.session() as session:
            officer = self._find(session, username)
            officer.password_hash = password_hash
            officer.password_changed_at = datetime.now(UTC)
            officer.failed_sign_ins = 0
            self._audit(session, "account.password_changed", username)


class AuthService:
    """Checks passwords of a set-up desk: audited, slower after each wrong password in a row."""

    def __init__(self, db: Database, desk_number: int = 0, sleep: Callable[[float], None] = time.sleep) -> None:
        self.db = db
        self.desk_number = desk_number
        self.sleep = sleep

    def sign_in(self, username: str, password: str, *, action: str = "auth.signed_in") -> Actor:
        """The account's actor, or ``AuthError`` (same answer for an unknown user and a wrong password)."""
        username = username.strip()[:64]
        with self.db.session() as session:
            officer = session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none()
            stored = officer.password_hash if officer is not None and officer.active else None
            failures = officer.failed_sign_ins if officer is not None else 0
            last_failed = officer.last_failed_at if officer is not None else None
        if failures and last_failed is not None:
            # Another process may have just failed: the slow-down holds across processes too.
            remaining = failure_delay(failures) - (datetime.now(UTC) - last_failed).total_seconds()
            if remaining > 0:
                self.sleep(remaining)
        ok = verify_password(stored, password)
        with self.db.session() as session:
            officer = session.execute(select(Officer).where(Officer.username == username)).scalar_one_or_none()
            if not ok:
                reason = "unknown" if officer is None or officer.password_hash is None else (
                    "disabled" if not officer.active else "wrong_password")
                count = 0
                if officer is not None and officer.password_hash is not None:
                    officer.failed_sign_ins = (officer.failed_sign_ins or 0) + 1
                    officer.last_failed_at = datetime.now(UTC)
                    count = officer.failed_sign_ins
                audit(session, username or "-", "auth.sign_in_failed", "account", username or "-",
                      desk=self.desk_number, reason=reason, attempt=count)
            else:
                assert officer is not None and officer.password_hash is not None
                officer.failed_sign_ins = 0
                officer.last_sign_in_at = datetime.now(UTC)
                if needs_rehash(officer.password_hash):
                    officer.password_hash = hash_password(password)
                audit(session, username, action, "account", username, desk=self.desk_number)
                return Actor(officer.username, officer.full_name, Role(officer.role), ActorKind.ACCOUNT)
        self.sleep(failure_delay(count or failures + 1))
        raise AuthError(_("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khóa"))


class DeskSession:
    """The window's signed-in session: who is at the desk, and whether the desk is locked."""

    def __init__(self, auth: AuthService) -> None:
        self.auth = auth
        self.current: Actor | None = None
        self.locked = False

    def sign_in(self, username: str, password: str) -> Actor:
        actor = self.auth.sign_in(username, password)
        self.current, self.locked = actor, False
        return actor

    def lock(self) -> None:
        """Hide the desk until the same account's password is given again (audited)."""
        if self.current is None or self.locked:
            return
        self.locked = True
        with self.auth.db.session() as session:
            audit(session, self.current.username, "auth.locked", "account", self.current.username,
                  desk=self.auth.desk_number)

    def unlock(self, password: str) -> Actor:
        if self.current is None:
            raise AuthError(_("Chưa có ai đăng nhập"))
        actor = self.auth.sign_in(self.current.username, password, action="auth.unlocked")
        self.locked = False
        return actor

    def sign_out(self) -> None:
        if self.current is not None:
            with self.auth.db.session() as session:
                audit(session, self.current.username, "auth.signed_out", "account", self.current.username,
                      desk=self.auth.desk_number)
        self.current, self.locked = None, False
