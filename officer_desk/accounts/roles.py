"""Roles and the one permission table of the desk: which role may do which action.

The window hides what a role cannot do; the services refuse it anyway (``Actor.require``), so a
script or a plugin calling a service directly as a plain officer gets the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from officer_desk.errors import DeskError
from officer_desk.i18n import _


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


ROLE_LABELS = {
    Role.OFFICER: "Cán bộ tiếp nhận",
    Role.SUPERVISOR: "Lãnh đạo",
    Role.ADMINISTRATOR: "Quản trị",
}


class Permission(StrEnum):
    """Actions that a role may or may not do (cli-contract.md, "Three kinds of home")."""

    CASE_VIEW = "case.view"  # the queue, a case, its history: personal data
    CASE_WORK = "case.work"  # intake, import, screening decisions, own cases, corrections
    DOCUMENT_ISSUE = "document.issue"  # receipts and notices (refusal excepted)
    DOCUMENT_SIGN = "document.sign"  # sign a PDF with one's own certificate
    CASE_ASSIGN_ANY = "case.assign_any"  # assign a case to someone else, take one over
    CASE_UNASSIGN_ANY = "case.unassign_any"  # release a case held by someone else
    CASE_REFUSE = "case.refuse"
    RESULT_SIGN = "result.sign"
    CONFLICT_RESOLVE = "conflict.resolve"
    REPORT_VIEW = "report.view"
    DATA_EXPORT = "data.export"  # export dossiers in bulk
    ACCOUNT_MANAGE = "account.manage"
    TRUST_MANAGE = "trust.manage"  # trust anchors, CRLs, the desk keystore
    IDENTITY_MANAGE = "identity.manage"
    BACKUP = "backup"
    DESK_CONFIGURE = "desk.configure"


_OFFICER = frozenset({Role.OFFICER, Role.SUPERVISOR, Role.ADMINISTRATOR})
_SUPERVISOR = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})
_ADMINISTRATOR = frozenset({Role.ADMINISTRATOR})

# THE table. Each role holds the rights of the roles before it ("supervisor: also ...").
PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.CASE_VIEW: _OFFICER,
    Permission.CASE_WORK: _OFFICER,
    Permission.DOCUMENT_ISSUE: _OFFICER,
    Permission.DOCUMENT_SIGN: _OFFICER,
    Permission.CASE_ASSIGN_ANY: _SUPERVISOR,
    Permission.CASE_UNASSIGN_ANY: _SUPERVISOR,
    Permission.CASE_REFUSE: _SUPERVISOR,
    Permission.RESULT_SIGN: _SUPERVISOR,
    Permission.CONFLICT_RESOLVE: _SUPERVISOR,
    Permission.REPORT_VIEW: _SUPERVISOR,
    Permission.DATA_EXPORT: _SUPERVISOR,
    Permission.ACCOUNT_MANAGE: _ADMINISTRATOR,
    Permission.TRUST_MANAGE: _ADMINISTRATOR,
    Permission.IDENTITY_MANAGE: _ADMINISTRATOR,
    Permission.BACKUP: _ADMINISTRATOR,
    Permission.DESK_CONFIGURE: _ADMINISTRATOR,
}

PERMISSION_LABELS = {
    Permission.CASE_VIEW: "xem hồ sơ",
    Permission.CASE_WORK: "xử lý hồ sơ",
    Permission.DOCUMENT_ISSUE: "lập giấy tiếp nhận và phiếu",
    Permission.DOCUMENT_SIGN: "ký số tài liệu",
    Permission.CASE_ASSIGN_ANY: "giao hồ sơ cho cán bộ khác",
    Permission.CASE_UNASSIGN_ANY: "thu hồi hồ sơ đang giao cho cán bộ khác",
    Permission.CASE_REFUSE: "từ chối hồ sơ",
    Permission.RESULT_SIGN: "ký kết quả",
    Permission.CONFLICT_RESOLVE: "giải quyết xung đột đồng bộ",
    Permission.REPORT_VIEW: "xem báo cáo",
    Permission.DATA_EXPORT: "xuất dữ liệu hồ sơ",
    Permission.ACCOUNT_MANAGE: "quản lý tài khoản",
    Permission.TRUST_MANAGE: "quản lý kho chứng thư tin cậy và kho khóa",
    Permission.IDENTITY_MANAGE: "quản lý định danh quầy",
    Permission.BACKUP: "sao lưu dữ liệu",
    Permission.DESK_CONFIGURE: "cấu hình quầy",
}


def role_allows(role: Role | str, permission: Permission) -> bool:
    try:
        return Role(role) in PERMISSIONS[permission]
    except ValueError:
        return False


class AuthError(DeskError):
    """No account, or the wrong password: nothing was done (exit 2)."""

    code = "auth"
    exit_code = 2


class ForbiddenError(DeskError):
    """The acting account's role may not do this; nothing was done (exit 1)."""

    code = "forbidden"
    exit_code = 1


class ActorKind(StrEnum):
    ACCOUNT = "account"  # a signed-in account of a set-up desk
    DEMO = "demo"  # the demo officer of a demo home: every role
    UNMANAGED = "unmanaged"  # a home never set up: works as before accounts existed
    NOBODY = "nobody"  # a set-up home before anyone signed in: may do nothing


@dataclass(frozen=True)
class Actor:
    """Who acts: the account's username (stored on events), full name (printed) and role."""

    username: str
    full_name: str
    role: Role | None
    kind: ActorKind

    @classmethod
    def nobody(cls) -> Actor:
        return cls("", "", None, ActorKind.NOBODY)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    def allows(self, permission: Permission) -> bool:
        if self.kind in (ActorKind.DEMO, ActorKind.UNMANAGED):
            return True
        if self.kind is ActorKind.NOBODY or self.role is None:
            return False
        return role_allows(self.role, permission)

    def require(self, permission: Permission) -> None:
        """Refuse (``ForbiddenError``, or ``AuthError`` when nobody signed in) unless allowed."""
        if self.kind is ActorKind.NOBODY:
            raise AuthError(_("Cần đăng nhập bằng tài khoản của quầy để làm việc này"))
        if not self.allows(permission):
            raise ForbiddenError(_(
                "Tài khoản {user} ({role}) không có quyền {action}",
                user=self.username, role=_(ROLE_LABELS[self.role]) if self.role else "-",
                action=_(PERMISSION_LABELS[permission]),
            ))
