"""The window with a PKCS#11 token (SoftHSM2 stands in for a CA's USB token; issue 9): the PIN dialog names
the token, the receipt is signed on the token, a token that reports its PIN locked or is deleted in the
middle of a session gives a message in words and leaves the case unchanged."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from officer_desk.lifecycle import Status
from officer_desk.receipts.service import stored_document
from officer_desk.signing.verify import VALID, verify_pdf
from tests.helpers.office import Office, import_clean_case
from tests.helpers.signing import TestPki
from tests.integration.test_accounts_token import USER_PIN, _bind_token, token  # noqa: F401
from tests.ui.test_office_window import SignedInWindow, _receipts


@pytest.fixture
def token_officer(office: Office, token: tuple[str, str], qtbot: Any,  # noqa: F811
                  capsys: pytest.CaptureFixture[str]) -> Any:
    module, label = token
    officer_pw = _bind_token(office, module, capsys)
    codes = [import_clean_case(office, suffix) for suffix in ("0007", "0008")]
    at_desk = SignedInWindow(office, qtbot, "canbo.token", officer_pw.read_text(encoding="utf-8").strip())
    yield at_desk, codes, label
    at_desk.close()


def _press_f2(at_desk: SignedInWindow, code: str, qtbot: Any) -> None:
    at_desk.open_case(code)
    qtbot.keyClick(at_desk.window.table, Qt.Key.Key_F2)


def test_f2_signs_on_the_token_and_keeps_it_open_for_the_session(token_officer: Any, pki: TestPki,
                                                                   qtbot: Any) -> None:
    at_desk, codes, label = token_officer
    _press_f2(at_desk, codes[0], qtbot)
    dialog = at_desk.pin_dialog()
    assert label in dialog.findChild(type(dialog.note), "pin_prompt").text()  # the token is named
    dialog.edit.setText(USER_PIN)
    dialog.accept()
    at_desk.idle()
    report = verify_pdf(stored_document(at_desk.desk, codes[0], "receipt"), extra_trust=[pki.root_pem])
    assert report.verdict == VALID and report.signatures[0].signer == "Lê Văn Token"
    # Tokens keep the session by default: the second receipt is signed without asking the PIN again.
    shown: list[object] = []
    at_desk.window.signing.pins.dialog_shown.connect(shown.append)
    _press_f2(at_desk, codes[1], qtbot)
    at_desk.idle()
    assert shown == [] and at_desk.desk.cases.detail(codes[1]).row.status == Status.ACCEPTED
    assert _receipts(at_desk.desk) == 2


def test_token_deleted_mid_session_is_a_message_and_nothing_is_issued(token_officer: Any, qtbot: Any) -> None:
    at_desk, codes, label = token_officer
    _press_f2(at_desk, codes[0], qtbot)
    dialog = at_desk.pin_dialog()
    dialog.edit.setText(USER_PIN)
    dialog.accept()
    at_desk.idle()
    subprocess.run(["softhsm2-util", "--delete-token", "--token", label], check=True, capture_output=True)
    _press_f2(at_desk, codes[1], qtbot)
    at_desk.idle()
    box = at_desk.window.active_dialog
    assert isinstance(box, QMessageBox) and "token" in box.text().lower()
    detail = at_desk.desk.cases.detail(codes[1])
    assert detail.row.status == Status.RECEIVED and detail.receipt_issued_at is None
    assert _receipts(at_desk.desk) == 1
    assert not at_desk.window.signing.session.is_open  # asked again next time


def test_a_token_reporting_ckr_pin_locked_is_named_in_words(token_officer: Any, qtbot: Any,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """SoftHSM2 never locks its PIN: the token's answer CKR_PIN_LOCKED is played by a stand-in token."""
    from pkcs11 import exceptions as p11

    from officer_desk.signing.keystore import Pkcs11Keystore

    class LockingToken:
        label = "VNPT-CA"
        flags = 0

        def open(self, **_kwargs: Any) -> Any:
            raise p11.PinLocked()

    at_desk, codes, _label = token_officer
    monkeypatch.setattr(Pkcs11Keystore, "_token", lambda self: LockingToken())
    _press_f2(at_desk, codes[0], qtbot)
    dialog = at_desk.pin_dialog()
    dialog.edit.setText(USER_PIN)
    dialog.accept()
    at_desk.idle()
    box = at_desk.window.active_dialog
    assert isinstance(box, QMessageBox) and "khóa" in box.text()  # "the token's PIN is locked"
    detail = at_desk.desk.cases.detail(codes[0])
    assert detail.row.status == Status.RECEIVED and detail.register_number is None
    assert _receipts(at_desk.desk) == 0
