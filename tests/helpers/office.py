"""A set-up office home (demo mode off) made through the CLI, with the test PKI's certificates.

The ``office`` fixture is registered for every test by ``tests/conftest.py``; import the other names.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.accounts.roles import Actor, ActorKind, Role
from officer_desk.cli import main
from officer_desk.desk import Desk, open_desk
from officer_desk.i18n import set_language
from officer_desk.models import Case
from officer_desk.paths import Home
from tests.helpers.desks import copy_home
from tests.helpers.environment import CLEARED_ENVIRONMENT, TEST_ENVIRONMENT
from tests.helpers.signing import PIN, TestPki

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
ADMIN_PASSWORD = "quan-tri-2026!"
OFFICER_PASSWORD = "can-bo-2026!"
SUPERVISOR_PASSWORD = "lanh-dao-2026!"


def write_secret(folder: Path, name: str, value: str) -> Path:
    path = folder / name
    path.write_text(value + "\n", encoding="utf-8")
    return path


@dataclass
class Office:
    home: Home
    folder: Path
    pki: TestPki
    admin_pw: Path
    officer_pw: Path
    supervisor_pw: Path
    pin: Path

    def run(self, *args: str) -> int:
        return main(list(args))

    def as_admin(self) -> list[str]:
        return ["--as", "admin", "--password-file", str(self.admin_pw)]

    def as_officer(self) -> list[str]:
        return ["--as", "canbo.lan", "--password-file", str(self.officer_pw)]

    def as_supervisor(self) -> list[str]:
        return ["--as", "lanhdao", "--password-file", str(self.supervisor_pw)]

    def desk(self, username: str, role: Role) -> Desk:
        """The desk as a signed-in account (the service layer, as the window uses it)."""
        full = {"admin": "Quản Trị Viên", "canbo.lan": "Nguyễn Thị Lan", "lanhdao": "Trần Văn Lãnh"}[username]
        return open_desk(self.home, account=Actor(username, full, role, ActorKind.ACCOUNT))


def setup_args(pki: TestPki, admin_pw: Path, pin: Path) -> list[str]:
    return ["setup", "--office-name", "Trung tâm Phục vụ hành chính công xã Thử Nghiệm", "--agency-code",
            "000.00.07.H41", "--province", "Phú Thọ", "--commune", "Xã Thử Nghiệm", "--desk-number", "2",
            "--admin", "admin", "--admin-name", "Quản Trị Viên", "--admin-password-file", str(admin_pw),
            "--trust", str(pki.root_pem), "--certificate", str(pki.good.p12),
            "--certificate-password-file", str(pin)]


def _write_secrets(folder: Path) -> tuple[Path, Path, Path, Path]:
    folder.mkdir()
    return (write_secret(folder, "admin.pw", ADMIN_PASSWORD), write_secret(folder, "officer.pw", OFFICER_PASSWORD),
            write_secret(folder, "supervisor.pw", SUPERVISOR_PASSWORD), write_secret(folder, "p12.pin", PIN))


@pytest.fixture(scope="session")
def office_template(pki: TestPki, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The set-up office home, made once per test process through the CLI (setup, an officer with her own
    P12, a supervisor) in the environment ``isolated_home`` gives every test; ``office`` copies it."""
    root = tmp_path_factory.mktemp("office-template")
    home = root / "home"
    admin_pw, officer_pw, supervisor_pw, pin = _write_secrets(root / "secrets")
    as_admin = ["--as", "admin", "--password-file", str(admin_pw)]
    output = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, redirect_stdout(output), redirect_stderr(output):
        patch.setenv("OFFICER_DESK_HOME", str(home))
        for name, value in TEST_ENVIRONMENT.items():
            patch.setenv(name, value)
        for name in CLEARED_ENVIRONMENT:
            patch.delenv(name, raising=False)
        set_language("vi")
        assert main(setup_args(pki, admin_pw, pin) + ["--json"]) == 0, output.getvalue()
        assert main(["account", "add", "canbo.lan", "--role", "officer", "--name", "Nguyễn Thị Lan",
                     "--new-password-file", str(officer_pw), "--certificate", str(pki.ec.p12),
                     "--certificate-password-file", str(pin), *as_admin]) == 0, output.getvalue()
        assert main([*as_admin, "account", "add", "lanhdao", "--role", "supervisor", "--name",
                     "Trần Văn Lãnh", "--new-password-file", str(supervisor_pw)]) == 0, output.getvalue()
    return home


@pytest.fixture
def office(pki: TestPki, office_template: Path, isolated_home: Home, tmp_path: Path) -> Office:
    """setup → an officer (own P12) and a supervisor account; demo mode is off. A copy of
    ``office_template`` (the same CLI steps each test ran before, about a second each)."""
    admin_pw, officer_pw, supervisor_pw, pin = _write_secrets(tmp_path / "secrets")
    assert not isolated_home.root.exists()
    copy_home(office_template, isolated_home.root)
    return Office(isolated_home, tmp_path / "secrets", pki, admin_pw, officer_pw, supervisor_pw, pin)


def import_clean_case(office: Office, suffix: str = "0007") -> str:
    """Import the sample dossier as the officer and drop its screening findings (a clean case)."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    data["dossier_code"] = data["dossier_code"][:-4] + suffix
    path = office.folder / f"{suffix}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(path), "--json", *office.as_officer()]) == 0
    desk = office.desk("canbo.lan", Role.OFFICER)
    try:
        with desk.db.session() as session:
            case = session.execute(select(Case).where(Case.dossier_code == data["dossier_code"])).scalar_one()
            desk.cases.record_findings(session, case.id, [], "test")
    finally:
        desk.close()
    return str(data["dossier_code"])
