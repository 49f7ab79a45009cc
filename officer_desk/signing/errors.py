"""Errors of the signing layer, each with a message an officer can act on and a CLI exit code."""

from __future__ import annotations

from officer_desk.errors import DeskError, InputError, UsageError


class SigningError(DeskError):
    """Signing could not be done for a technical reason (exit 2); nothing was written."""

    code = "signing_failed"
    exit_code = 2


class CertificateRefusedError(DeskError):
    """The pre-sign certificate check refused the certificate (exit 1); nothing was signed."""

    code = "certificate_refused"
    exit_code = 1


class KeystoreError(InputError):
    """A key file or token could not be read (exit 2)."""

    code = "keystore"


class WrongPinError(KeystoreError):
    code = "wrong_pin"


class PinRequiredError(UsageError):
    """A PIN is needed but nobody can be asked (no terminal): name the option that supplies it."""

    code = "pin_required"


class TokenError(KeystoreError):
    code = "token"


class PdfReadError(InputError):
    code = "unreadable_pdf"


class TrustStoreError(DeskError):
    code = "trust_store"
    exit_code = 2


class SigningCancelled(DeskError):
    code = "cancelled"
    exit_code = 1
