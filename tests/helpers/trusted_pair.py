"""Two set-up homes (demo mode off) that trust each other's identity, through the CLI as administrators do:
the ``office`` home receives, a second office (desk 3) sends one dossier with an attachment.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.cli import main
from officer_desk.config import load_config
from officer_desk.desk import open_desk
from officer_desk.models import AuditEntry, Base
from officer_desk.paths import Home
from officer_desk.sync.identity import DeskIdentity, load_identity
from tests.helpers.office import Office, setup_args

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
_MOVED_BY_SIGN_IN = frozenset({"officers", "audit_entries", "audit_chain_head", "audit_seals"})


@contextmanager
def at_home(root: Path) -> Iterator[None]:
    """Run CLI commands on another home (OFFICER_DESK_HOME), then come back."""
    previous = os.environ["OFFICER_DESK_HOME"]
    os.environ["OFFICER_DESK_HOME"] = str(root)
    try:
        yield
    finally:
        os.environ["OFFICER_DESK_HOME"] = previous


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(list(argv))
    lines = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(lines[-1]) if lines else {}


@dataclass
class Pair:
    office: Office  # the receiving home
    sender_root: Path
    sender: DeskIdentity
    receiver: DeskIdentity
    genuine: Path  # a bundle from the sender to the office, not yet imported
    code: str  # the dossier it carries

    def identity(self, root: Path) -> DeskIdentity:
        return load_identity(Home(root), load_config(Home(root)))

    def fingerprint(self) -> str:
        """Every row of the data tables and every file of the home, as one digest. Signing in and the audit
        seal after each command move the accounts' sign-in state and the audit log: those are compared
        by the actions they record (no bundle applied)."""
        desk = open_desk(self.office.home)
        digest = hashlib.sha256()
        try:
            with desk.db.session() as session:
                for table in Base.metadata.sorted_tables:
                    if table.name in _MOVED_BY_SIGN_IN:
                        continue
                    rows = sorted(repr(tuple(row)) for row in session.execute(select(table)))
                    digest.update(f"{table.name}:{len(rows)}:{rows}".encode())
                actions = session.execute(select(AuditEntry.action).where(
                    AuditEntry.action.in_(("bundle.imported", "sync.conflict")))).scalars().all()
                digest.update(repr(sorted(actions)).encode())
        finally:
            desk.close()
        for path in sorted(self.office.home.root.rglob("*")):
            relative = path.relative_to(self.office.home.root)
            if path.is_file() and "logs" not in relative.parts and not path.name.startswith("officer-desk.db"):
                digest.update(str(relative).encode() + path.read_bytes())
        return digest.hexdigest()

    def import_as_officer(self, capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, dict[str, object]]:
        return run_json(capsys, "bundle", "import", str(path), "--json", *self.office.as_officer())


@pytest.fixture
def pair(office: Office, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Pair:
    root = tmp_path / "sender-home"
    inbox = tmp_path / "sender-in"
    inbox.mkdir()
    shutil.copy(DATA / "tam-tru-dang-thi-mai.json", inbox / "d.json")
    shutil.copy(DATA / "hop-dong-thue.pdf", inbox / "hop-dong-thue.pdf")
    cards = {"office": tmp_path / "office.json", "sender": tmp_path / "sender.json"}
    with at_home(root):
        args = setup_args(office.pki, office.admin_pw, office.pin)
        args[args.index("--desk-number") + 1] = "3"
        assert main(args + ["--json"]) == 0, capsys.readouterr()
        code, data = run_json(capsys, "import", str(inbox), "--json", *office.as_admin())
        assert code == 0, data
        assert run_json(capsys, "identity", "export", "--out", str(cards["sender"]), "--json",
                        *office.as_admin())[0] == 0
    assert run_json(capsys, "identity", "export", "--out", str(cards["office"]), "--json",
                    *office.as_admin())[0] == 0
    assert run_json(capsys, "identity", "trust", str(cards["sender"]), "--json", *office.as_admin())[0] == 0
    genuine = tmp_path / "genuine.odb"
    with at_home(root):
        assert run_json(capsys, "identity", "trust", str(cards["office"]), "--json", *office.as_admin())[0] == 0
        code, data = run_json(capsys, "bundle", "export", "--out", str(genuine), "--json", *office.as_admin())
        assert code == 0, data
    exported = data["exported"]
    assert isinstance(exported, list) and len(exported) == 1
    made = Pair(office, root, load_identity(Home(root), load_config(Home(root))),
                load_identity(office.home, load_config(office.home)), genuine, str(exported[0]))
    return made
