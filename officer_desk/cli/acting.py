"""Global options anywhere on the line, and who acts: the account gate of a set-up home.

``--json``, ``--lang``, ``--database``, ``--as`` and ``--password-file`` may stand before or after
the sub-command (cli-contract.md, Additions). On a set-up home every command that changes data or
shows personal data acts as an account: missing or wrong credentials exit 2 (``auth``), a role
that may not do the action exits 1 (``forbidden``). The OS user name is never an identity there.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from officer_desk.accounts.roles import Actor, AuthError, Permission
from officer_desk.cli.options import GlobalOptions
from officer_desk.fileio import read_secret_file
from officer_desk.i18n import _
from officer_desk.paths import Home

AS_ENV = "OFFICER_DESK_AS"
PASSWORD_FILE_ENV = "OFFICER_DESK_PASSWORD_FILE"

# Commands that need no account on a set-up home: they neither change the desk's data nor show
# personal data. Everything else (new commands included) acts as an account.
OPEN_COMMANDS = frozenset({
    "verify", "verify-receipt", "catalogue", "ask", "screen", "setup", "restore", "trust list", "keys list",
    "keys check", "audit verify", "ocr",
})
# What the acting account's role must allow (accounts.roles.PERMISSIONS); the services check again.
COMMAND_PERMISSIONS: dict[str, Permission] = {
    "import": Permission.CASE_WORK,
    "export": Permission.DATA_EXPORT,
    "demo": Permission.DESK_CONFIGURE,
    "key": Permission.BACKUP,
    "sync": Permission.CASE_WORK,
    "upgrade-signatures": Permission.DOCUMENT_SIGN,
    "list": Permission.CASE_VIEW,
    "search": Permission.CASE_VIEW,
    "show": Permission.CASE_VIEW,
    "case": Permission.CASE_WORK,
    "receipt": Permission.DOCUMENT_ISSUE,
    "notice": Permission.DOCUMENT_ISSUE,
    "notice refusal": Permission.CASE_REFUSE,
    "sign": Permission.DOCUMENT_SIGN,
    "keys": Permission.TRUST_MANAGE,
    "trust": Permission.TRUST_MANAGE,
    "screening": Permission.REPORT_VIEW,
    "rescreen": Permission.CASE_WORK,
    "account": Permission.ACCOUNT_MANAGE,
    "audit": Permission.CASE_VIEW,
    "backup": Permission.BACKUP,
    "report": Permission.REPORT_VIEW,
    "register": Permission.REPORT_VIEW,  # the register book names every applicant
    "identity": Permission.IDENTITY_MANAGE,
    "identity export": Permission.CASE_VIEW,
    "identity list": Permission.CASE_VIEW,  # like export: any account (it names who trusted each desk)
    "bundle": Permission.CASE_WORK,
}
# Groups whose second word is an action (for the tables above).
_GROUPS = frozenset({"trust", "keys", "audit", "account", "notice", "identity", "bundle", "catalogue", "screening",
                     "key"})


def command_key(rest: Sequence[str]) -> str:
    """``receipt``, ``account add``, ``notice refusal`` ...: the words that name what is done."""
    words = [item for item in rest if not item.startswith("-")]
    if not words:
        return ""
    if words[0] in _GROUPS and len(words) > 1:
        return f"{words[0]} {words[1]}"
    return words[0]


def required_permission(key: str, args: argparse.Namespace) -> Permission | None:
    """The permission a command needs on a set-up home; None when it needs no account."""
    if key in OPEN_COMMANDS or key.split(" ")[0] in OPEN_COMMANDS:
        return None
    if key == "sign" and (getattr(args, "keystore", None) or getattr(args, "token_module", None)):
        return None  # an explicit key file or token signs as before; only "my certificate" needs an account
    if key in COMMAND_PERMISSIONS:
        return COMMAND_PERMISSIONS[key]
    return COMMAND_PERMISSIONS.get(key.split(" ")[0], Permission.CASE_VIEW)


@dataclass(frozen=True)
class Acting:
    """Who acts for this command: a signed-in account (set-up home) or None (work as before)."""

    actor: Actor | None
    set_up: bool
    username: str | None = None  # --as on a home never set up or a demo home: just a name


def credentials(options: GlobalOptions) -> tuple[str | None, Path | None]:
    user = options.acting_user or os.environ.get(AS_ENV) or None
    password_file = options.password_file or os.environ.get(PASSWORD_FILE_ENV) or None
    return user, Path(password_file) if password_file else None


def _read_password(path: Path) -> str:
    try:
        return read_secret_file(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise AuthError(_("Không đọc được tệp mật khẩu {path}", path=str(path))) from exc


def resolve_acting(options: GlobalOptions, key: str, args: argparse.Namespace) -> Acting:
    """Sign the named account in on a set-up home and check its role for the command."""
    user, password_file = credentials(options)
    permission = required_permission(key, args)
    home = Home()
    url = options.database or os.environ.get("OFFICER_DESK_DATABASE_URL")
    if permission is None and user is None:
        return Acting(None, False)
    from officer_desk.config import load_config

    if not url and not home.database.exists():
        configured = ""
        try:
            configured = load_config(home).database_url
        except Exception:  # noqa: BLE001 - the command itself reports an unreadable config
            configured = ""
        if not configured:
            return Acting(None, False, user)  # no database: a home never set up
    from officer_desk.accounts.service import AuthService, HomeKind, home_kind
    from officer_desk.database import open_database

    db = open_database(home, url)
    try:
        if home_kind(db, home) is not HomeKind.SET_UP:
            return Acting(None, False, user)
        if user is None or password_file is None:
            missing = "--as" if user is None else "--password-file"
            raise AuthError(_("Quầy này đã được cài đặt: cần tài khoản ({option}, hoặc {env})", option=missing,
                              env=AS_ENV if user is None else PASSWORD_FILE_ENV))
        try:
            desk_number = load_config(home).desk_number
        except Exception:  # noqa: BLE001
            desk_number = 0
        actor = AuthService(db, desk_number).sign_in(user, _read_password(password_file))
    finally:
        db.dispose()
    if permission is not None:
        actor.require(permission)
    return Acting(actor, True, actor.username)


# Commands whose effect lies outside the case services (keys, trust, files signed): the command itself
# is the audit entry.
AUDITED_COMMANDS = frozenset({"sign", "key export", "keys import", "keys remove", "keys passwd", "trust add",
                              "trust remove", "trust confirm", "trust crl-import", "upgrade-signatures"})


def seal_after_command(key: str, exit_code: int, username: str | None) -> None:
    """Record key and trust changes, then seal the audit chain, after a command on a set-up home.

    A failure here never changes the command's outcome; the log keeps why.
    """
    from officer_desk.logs import get_logger

    try:
        from officer_desk.audit_log import AuditLog
        from officer_desk.cli.common import open_desk_for_sealing

        desk = open_desk_for_sealing()
        if desk is None:
            return
        try:
            log = AuditLog(desk)
            if key in AUDITED_COMMANDS:
                desk.officer = username or "system"
                log.record("command." + key.replace(" ", "."), "desk", str(desk.config.desk_number),
                           exit_code=exit_code)
            log.seal_if_due(force=True)
        finally:
            desk.close()
    except Exception as exc:  # noqa: BLE001 - the command's own outcome stands; the log keeps why
        get_logger().warning("audit seal failed: %s", type(exc).__name__)
