"""The core's exception hierarchy: every error carries a message an officer can act on."""

from __future__ import annotations


class DeskError(Exception):
    """Base of every expected error; ``code`` is stable for scripts, ``message`` is for people."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code

    def __str__(self) -> str:
        return self.message


class UsageError(DeskError):
    code = "usage"
    exit_code = 2


class InputError(DeskError):
    """Unreadable or malformed input from outside (a file, a field, a password)."""

    code = "invalid_input"
    exit_code = 2


class CatalogueError(DeskError):
    code = "catalogue"
    exit_code = 2


class UnknownProcedureError(InputError):
    code = "unknown_procedure"


class DossierFormatError(InputError):
    code = "invalid_dossier"


class LifecycleError(DeskError):
    """An action that the case's state does not allow; nothing was changed."""

    code = "illegal_transition"


class ConflictError(DeskError):
    """Someone else changed or holds the case; nothing was changed."""

    code = "conflict"


class NotFoundError(DeskError):
    code = "not_found"


class DatabaseKeyError(DeskError):
    code = "database_key"
    exit_code = 2


class ClockError(DeskError):
    """The PC clock is behind the newest stored event; deadline actions wait for confirmation."""

    code = "clock_behind"
