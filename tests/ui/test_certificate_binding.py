"""Settings › "Ký số & in" on a set-up home: an administrator binds an officer's certificate (P12 or token
key); the core checks it first and the dialog says why it refuses (issue 9)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from officer_desk.accounts.roles import Actor, ActorKind, Role
from officer_desk.accounts.service import AccountService
from officer_desk.desk import open_desk
from officer_desk.signing import certs
from tests.helpers.office import Office
from tests.helpers.signing import PIN, TestPki
from tests.integration.test_accounts_token import token  # noqa: F401


@pytest.fixture
def admin_settings(office: Office, qtbot: Any) -> Iterator[Any]:
    from officer_desk.ui.settings_dialog import SettingsDialog
    from officer_desk.ui.tasks import TaskRunner

    desk = open_desk(office.home, account=Actor("admin", "Quản Trị Viên", Role.ADMINISTRATOR, ActorKind.ACCOUNT))
    runner = TaskRunner()
    dialog = SettingsDialog(desk, None, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    yield desk, runner, dialog
    runner.wait_for_done(20_000)
    desk.close()


def _binding(dialog: Any, qtbot: Any) -> Any:
    assert not dialog.bind_button.isHidden()
    dialog.bind_button.click()
    binding = dialog.binding_dialog
    qtbot.waitUntil(lambda: binding.account.findData("canbo.lan") >= 0, timeout=10_000)
    binding.account.setCurrentIndex(binding.account.findData("canbo.lan"))
    return binding


def _certificate_of(desk: Any, user: str) -> str | None:
    info = AccountService(desk.db, desk.home, desk.acting).get(user)
    return info.certificate.sha256 if info.certificate else None


@pytest.mark.parametrize("which", ["expired", "no_key_usage", "wrong_password", "stranger"])
def test_a_refused_certificate_is_explained_and_nothing_is_bound(which: str, admin_settings: Any, pki: TestPki,
                                                                 qtbot: Any) -> None:
    desk, runner, dialog = admin_settings
    before = _certificate_of(desk, "canbo.lan")
    binding = _binding(dialog, qtbot)
    identity = {"expired": pki.expired, "no_key_usage": pki.no_key_usage, "wrong_password": pki.good,
                "stranger": pki.stranger}[which]
    binding.p12.setText(str(identity.p12))
    binding.password.setText("not-the-password" if which == "wrong_password" else PIN)
    binding.bind()
    assert binding.password.text() == ""  # the password is not kept in the dialog either
    qtbot.waitUntil(lambda: binding.buttons.isEnabled(), timeout=20_000)
    text = binding.message.text()
    assert text and "Traceback" not in text and "Bound" not in text
    assert _certificate_of(desk, "canbo.lan") == before


def test_a_good_p12_is_bound_to_the_account(admin_settings: Any, pki: TestPki, qtbot: Any) -> None:
    desk, runner, dialog = admin_settings
    binding = _binding(dialog, qtbot)
    bound: list[Any] = []
    dialog.certificate_bound.connect(bound.append)
    binding.p12.setText(str(pki.good.p12))
    binding.password.setText(PIN)
    binding.bind()
    qtbot.waitUntil(lambda: bool(bound), timeout=20_000)
    assert "canbo.lan" in binding.message.text()
    assert _certificate_of(desk, "canbo.lan") == certs.sha256_hex(pki.good.cert)
    assert PIN not in "".join(p.read_text(errors="replace") for p in desk.home.root.rglob("*.toml"))


def test_a_token_key_is_chosen_from_the_token_and_bound(admin_settings: Any, token: tuple[str, str],  # noqa: F811
                                                        pki: TestPki, qtbot: Any, office: Office) -> None:
    desk, runner, dialog = admin_settings
    module, _label = token
    sub_pem = office.folder / "sub-ca.pem"
    sub_pem.write_bytes(certs.to_pem(pki.sub.cert))
    from officer_desk.accounts.certificates import add_trust_anchors

    add_trust_anchors(desk.home, [sub_pem])
    binding = _binding(dialog, qtbot)
    binding.module.setText(module)
    binding.read_token()
    qtbot.waitUntil(lambda: binding.key.count() > 0, timeout=20_000)
    assert "Lê Văn Token" in binding.key.itemText(0)
    bound: list[Any] = []
    dialog.certificate_bound.connect(bound.append)
    binding.bind()
    qtbot.waitUntil(lambda: bool(bound) or binding.buttons.isEnabled() and binding.message.text() != "", timeout=20_000)
    assert bound, binding.message.text()
    assert AccountService(desk.db, desk.home, desk.acting).get("canbo.lan").certificate.kind == "pkcs11"


def test_a_plain_officer_has_no_binding_button(office: Office, qtbot: Any) -> None:
    from officer_desk.ui.settings_dialog import SettingsDialog

    desk = open_desk(office.home, account=Actor("canbo.lan", "Nguyễn Thị Lan", Role.OFFICER, ActorKind.ACCOUNT))
    try:
        dialog = SettingsDialog(desk, None)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.bind_button.isHidden()
        assert not dialog.keep_pin_pkcs12.isHidden() and not dialog.keep_pin_pkcs12.isChecked()  # off by default
        assert dialog.keep_pin_token.isChecked()
    finally:
        desk.close()
