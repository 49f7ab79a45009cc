"""Accounts through the service layer (as the window uses it): roles refused in the services, sign-in."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from officer_desk.accounts.passwords import MEMORY_KIB, TIME_COST, failure_delay, hasher
from officer_desk.accounts.roles import PERMISSIONS, Actor, ActorKind, AuthError, ForbiddenError, Permission, Role
from officer_desk.accounts.service import AccountService, AuthService, DeskSession, NewAccount
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action
from officer_desk.models import AuditEntry
from tests.helpers.office import OFFICER_PASSWORD, Office, import_clean_case


def test_the_permission_table_gives_each_role_its_rights() -> None:
    assert Role.OFFICER in PERMISSIONS[Permission.DOCUMENT_ISSUE]
    for permission in (Permission.CASE_UNASSIGN_ANY, Permission.CASE_REFUSE, Permission.ACCOUNT_MANAGE):
        assert Role.OFFICER not in PERMISSIONS[permission]
    assert Role.SUPERVISOR in PERMISSIONS[Permission.CASE_REFUSE]
    assert Role.SUPERVISOR not in PERMISSIONS[Permission.ACCOUNT_MANAGE]
    assert all(Role.ADMINISTRATOR in roles for roles in PERMISSIONS.values())
    assert set(PERMISSIONS) == set(Permission)


def test_a_plain_officer_cannot_unassign_anothers_case_or_refuse(office: Office) -> None:
    code = import_clean_case(office)
    supervisor = office.desk("lanhdao", Role.SUPERVISOR)
    officer = office.desk("canbo.lan", Role.OFFICER)
    try:
        supervisor.cases.assign(code)
        with pytest.raises(ForbiddenError):
            officer.cases.unassign(code)
        with pytest.raises(ForbiddenError):
            officer.cases.assign(code, force=True, reason="Lấy lại")
        with pytest.raises(ForbiddenError):
            officer.cases.assign(code, "canbo.lan")
        supervisor.cases.unassign(code)
        supervisor.cases.assign(code, "canbo.lan")  # a supervisor hands the case to the officer
        assert officer.cases.detail(code).row.assigned_officer == "canbo.lan"
        with pytest.raises(ForbiddenError):
            officer.cases.transition(code, Action.REFUSE, reason="Không thuộc thẩm quyền")
        assert officer.cases.detail(code).row.status == "received"
        with pytest.raises(ForbiddenError):
            officer.cases.assign(code, "lanhdao")
    finally:
        supervisor.close()
        officer.close()


def test_a_plain_officer_cannot_change_accounts(office: Office) -> None:
    desk = office.desk("canbo.lan", Role.OFFICER)
    try:
        service = AccountService(desk.db, desk.home, desk.acting, desk.config.desk_number)
        with pytest.raises(ForbiddenError):
            service.add(NewAccount("x.y", "X Y", Role.ADMINISTRATOR, "mat-khau-dai-2026"))
        with pytest.raises(ForbiddenError):
            service.disable("admin")
        with pytest.raises(ForbiddenError):
            service.set_password("admin", "mat-khau-dai-2026")
        with pytest.raises(ForbiddenError):
            service.list()
    finally:
        desk.close()


def test_nobody_signed_in_may_do_nothing_and_the_os_user_is_not_an_identity(office: Office) -> None:
    desk = open_desk(office.home)  # OFFICER_DESK_OFFICER=canbo.test is set by the suite
    try:
        assert desk.acting.kind is ActorKind.NOBODY and desk.officer == ""
        with pytest.raises(AuthError):
            desk.cases.search("Mai")
        desk.act_as(Actor("canbo.lan", "Nguyễn Thị Lan", Role.OFFICER, ActorKind.ACCOUNT))
        assert desk.officer_name == "Nguyễn Thị Lan"
    finally:
        desk.close()


def test_sign_in_is_audited_and_slows_down_after_wrong_passwords(office: Office) -> None:
    desk = office.desk("admin", Role.ADMINISTRATOR)
    waits: list[float] = []
    auth = AuthService(desk.db, 2, sleep=waits.append)
    try:
        for _attempt in range(3):
            with pytest.raises(AuthError):
                auth.sign_in("canbo.lan", "sai-mat-khau")
        # Besides the answer's own delay, a sign-in may first wait out what is left of the previous delay
        # (less than a full delay, and how much depends on the machine's speed): keep the full ones.
        expected = [failure_delay(1), failure_delay(2), failure_delay(3)]
        assert [w for w in waits if w in expected] == expected
        assert failure_delay(1) < failure_delay(2) < failure_delay(3)
        actor = auth.sign_in("canbo.lan", OFFICER_PASSWORD)
        assert actor.role is Role.OFFICER and actor.full_name == "Nguyễn Thị Lan"
        with pytest.raises(AuthError):
            auth.sign_in("khong.co", "bat-ky")
        with desk.db.session() as session:
            actions = [row.action for row in session.execute(
                select(AuditEntry).where(AuditEntry.entity_type == "account", AuditEntry.entity_id.in_(
                    ["canbo.lan", "khong.co"])).order_by(AuditEntry.id)).scalars()]
        assert actions.count("auth.sign_in_failed") == 4 and "auth.signed_in" in actions
    finally:
        desk.close()


def test_lock_and_unlock_with_the_same_password(office: Office) -> None:
    desk = office.desk("admin", Role.ADMINISTRATOR)
    try:
        session = DeskSession(AuthService(desk.db, 2, sleep=lambda _s: None))
        session.sign_in("canbo.lan", OFFICER_PASSWORD)
        session.lock()
        assert session.locked
        with pytest.raises(AuthError):
            session.unlock("sai-mat-khau")
        assert session.locked
        session.unlock(OFFICER_PASSWORD)
        assert not session.locked and session.current is not None and session.current.username == "canbo.lan"
        session.sign_out()
        assert session.current is None
        with desk.db.session() as db_session:
            actions = list(db_session.execute(select(AuditEntry.action).where(
                AuditEntry.entity_id == "canbo.lan", AuditEntry.action.like("auth.%"))
                .order_by(AuditEntry.id)).scalars())
        assert actions[-4:] == ["auth.locked", "auth.sign_in_failed", "auth.unlocked", "auth.signed_out"]
    finally:
        desk.close()


def test_production_password_cost_is_argon2id_64mib(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OFFICER_DESK_TEST_FAST_AUTH")
    parameters = hasher()
    assert parameters.time_cost == TIME_COST and parameters.memory_cost == MEMORY_KIB
    assert failure_delay(1) == 0.5 and failure_delay(20) == 30.0


def test_an_administrator_binds_a_certificate_checked_first(office: Office) -> None:
    from officer_desk.accounts.certificates import P12Source
    from officer_desk.signing.errors import CertificateRefusedError
    from tests.helpers.signing import PIN

    desk = office.desk("admin", Role.ADMINISTRATOR)
    try:
        service = AccountService(desk.db, desk.home, desk.acting, desk.config.desk_number)
        with pytest.raises(CertificateRefusedError):
            service.bind_certificate("lanhdao", P12Source(office.pki.expired.p12, PIN))
        assert service.get("lanhdao").certificate is None
        info = service.bind_certificate("lanhdao", P12Source(office.pki.good.p12, PIN))
        assert info.certificate is not None and info.certificate.common_name == "Nguyễn Văn Thử"
        assert info.certificate.not_after > datetime.now(UTC)
    finally:
        desk.close()
