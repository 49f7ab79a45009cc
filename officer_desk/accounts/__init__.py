"""Accounts, roles, sign-in and the acting officer (issue 9).

Window-facing API: ``AuthService``/``DeskSession`` (sign in, lock, unlock), ``AccountService``
(administrators), ``Actor`` (who acts, with which role) and ``PERMISSIONS`` (the one table).
"""

from officer_desk.accounts.roles import (
    PERMISSIONS,
    Actor,
    ActorKind,
    AuthError,
    ForbiddenError,
    Permission,
    Role,
    role_allows,
)

__all__ = ["PERMISSIONS", "Actor", "ActorKind", "AuthError", "ForbiddenError", "Permission", "Role", "role_allows"]
