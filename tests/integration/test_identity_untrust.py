"""``identity list`` and ``identity untrust`` on set-up homes (issue 12): who may, what the officer reads,
what is audited, and what untrusting does — bundles from that desk are refused afterwards, while the
dossiers it sent and the conflicts they opened stay exactly as they were.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.cli import main
from officer_desk.desk import open_desk
from officer_desk.models import AuditEntry, Case, TrustedIdentity
from officer_desk.sync.engine import open_conflicts
from officer_desk.sync.identity import trusted_identities
from tests.helpers.office import SAMPLE
from tests.helpers.trusted_pair import Pair, at_home, pair, run_json

__all__ = ["pair"]  # the fixture, used by name


def test_list_shows_each_trusted_desk_in_words(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    office = pair.office
    code, data = run_json(capsys, "identity", "list", "--json")  # like identity export: an account is needed
    assert code == 2 and data["error"]["code"] == "auth"  # type: ignore[index]
    code, data = run_json(capsys, "identity", "list", "--json", *office.as_officer())
    assert code == 0
    [row] = data["identities"]  # type: ignore[misc]
    assert set(row) == {"desk_id", "agency_code", "desk_number", "fingerprint", "trusted_at", "trusted_by"}
    assert row["desk_id"] == pair.sender.desk_id and row["desk_number"] == 3 and row["trusted_by"] == "admin"
    assert row["agency_code"] == "000.00.07.H41" and row["trusted_at"].endswith("+07:00")
    assert row["fingerprint"] == pair.sender.public.fingerprint and len(row["fingerprint"].split()) == 8
    assert main(["identity", "list", *office.as_officer()]) == 0
    text = capsys.readouterr().out
    assert "quầy 3 (000.00.07.H41)" in text and "tin cậy từ" in text and pair.sender.public.fingerprint in text
    assert main(["--lang", "en", "identity", "list", *office.as_supervisor()]) == 0
    assert "trusted since" in capsys.readouterr().out


def test_only_an_administrator_untrusts_and_it_is_audited(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    office, desk_id = pair.office, pair.sender.desk_id
    for who in (office.as_officer(), office.as_supervisor()):
        code, data = run_json(capsys, "identity", "untrust", desk_id, "--json", *who)
        assert code == 1 and data["error"]["code"] == "forbidden"  # type: ignore[index]
    code, data = run_json(capsys, "identity", "untrust", desk_id, "--json")
    assert code == 2 and data["error"]["code"] == "auth"  # type: ignore[index]
    desk = open_desk(office.home)
    try:
        assert [t.desk_id for t in trusted_identities(desk.db)] == [desk_id]
    finally:
        desk.close()
    code, data = run_json(capsys, "identity", "untrust", desk_id, "--json", *office.as_admin())
    assert code == 0 and data["untrusted"]["desk_id"] == desk_id  # type: ignore[index]
    assert run_json(capsys, "identity", "list", "--json", *office.as_admin())[1] == {"identities": []}
    code, data = run_json(capsys, "identity", "untrust", desk_id, "--json", *office.as_admin())
    assert code == 1 and data["error"]["code"] == "not_found"  # type: ignore[index]
    desk = open_desk(office.home)
    try:
        with desk.db.session() as session:
            [entry] = session.execute(select(AuditEntry).where(AuditEntry.action == "identity.untrusted")).scalars()
            assert entry.actor == "admin" and entry.entity_id == desk_id
            assert entry.details["fingerprint"] == pair.sender.public.fingerprint
            assert entry.details["signing_key"] == pair.sender.public.signing_key.hex()
    finally:
        desk.close()
    assert main(["audit", "verify"]) == 0  # the chain still holds


def _same_code_other_citizen(pair: Pair, capsys: pytest.CaptureFixture[str]) -> None:
    """The office received another citizen's dossier under the code the bundle carries: a conflict."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["attachments"] = [a for a in data["attachments"] if "file" not in a]
    data["applicant"]["id_number"] = "001099012345"
    data["dossier_code"] = pair.code
    path = pair.office.folder / "other-citizen.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["import", str(path), "--json", *pair.office.as_officer()]) == 0, capsys.readouterr()
    capsys.readouterr()


def test_after_untrust_its_bundles_are_refused_and_what_it_sent_stays(pair: Pair, capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path) -> None:
    office = pair.office
    _same_code_other_citizen(pair, capsys)
    code, data = pair.import_as_officer(capsys, pair.genuine)
    assert code == 1 and data == {"applied": [], "conflicts": [pair.code]}
    # a second dossier from the sender, then its next bundle
    second = json.loads(SAMPLE.read_text(encoding="utf-8"))
    second["attachments"] = [a for a in second["attachments"] if "file" not in a]
    second["dossier_code"] = pair.code[:-4] + "3001"
    source = tmp_path / "second.json"
    source.write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    later = tmp_path / "later.odb"
    with at_home(pair.sender_root):
        assert run_json(capsys, "import", str(source), "--json", *office.as_admin())[0] == 0
        assert run_json(capsys, "bundle", "export", "--out", str(later), "--json", *office.as_admin())[0] == 0

    def state() -> tuple[list[str], list[tuple[str, str]]]:
        desk = open_desk(office.home)
        try:
            with desk.db.session() as session:
                cases = [(c.dossier_code, c.applicant_id_number) for c in session.execute(
                    select(Case).order_by(Case.dossier_code)).scalars()]
            return open_conflicts(desk.db), cases
        finally:
            desk.close()

    before = state()
    assert before[0] == [pair.code]
    assert run_json(capsys, "identity", "untrust", pair.sender.desk_id, "--json", *office.as_admin())[0] == 0
    assert state() == before  # the conflict stays open, the dossiers stay
    code, data = pair.import_as_officer(capsys, later)
    assert code == 1 and data["error"]["code"] == "bundle_refused"  # type: ignore[index]
    assert "chưa được tin cậy" in data["error"]["message"]  # type: ignore[index]
    assert state() == before  # nothing from the untrusted desk applied
    code, data = run_json(capsys, "bundle", "export", "--out", str(tmp_path / "x.odb"), "--to",
                          pair.sender.desk_id, "--json", *office.as_officer())
    assert code == 2 and not (tmp_path / "x.odb").exists()  # nor written for it
    # trusted again (the same keys) on purpose: its bundle is applied
    card = tmp_path / "sender-again.json"
    card.write_text(json.dumps(pair.sender.public.to_json()), encoding="utf-8")
    assert run_json(capsys, "identity", "trust", str(card), "--json", *office.as_admin())[0] == 0
    code, data = pair.import_as_officer(capsys, later)
    assert code == 1 and second["dossier_code"] in data["applied"]  # type: ignore[operator]


def test_trusting_other_keys_under_a_trusted_desk_id_is_refused(pair: Pair, capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    """Whoever holds other keys cannot take a trusted desk's place by re-sending its desk id."""
    office = pair.office
    impostor = tmp_path / "impostor-home"
    with at_home(impostor):
        assert run_json(capsys, "identity", "export", "--out", str(tmp_path / "impostor.json"), "--json")[0] == 0
    card = json.loads((tmp_path / "impostor.json").read_text(encoding="utf-8"))
    card["desk_id"] = pair.sender.desk_id
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(card), encoding="utf-8")
    code, data = run_json(capsys, "identity", "trust", str(forged), "--json", *office.as_admin())
    assert code == 1 and data["error"]["code"] == "identity"  # type: ignore[index]
    assert pair.sender.public.fingerprint in data["error"]["message"]  # type: ignore[index]
    desk = open_desk(office.home)
    try:
        with desk.db.session() as session:
            row = session.get(TrustedIdentity, pair.sender.desk_id)
            assert row is not None and row.signing_key == pair.sender.public.signing_key.hex()
    finally:
        desk.close()
    # the administrator who means it untrusts first
    assert run_json(capsys, "identity", "untrust", pair.sender.desk_id, "--json", *office.as_admin())[0] == 0
    assert run_json(capsys, "identity", "trust", str(forged), "--json", *office.as_admin())[0] == 0
    code, data = pair.import_as_officer(capsys, pair.genuine)  # signed with the old keys: refused now
    assert code == 1 and data["error"]["code"] == "bundle_refused"  # type: ignore[index]


def test_trusting_the_desks_own_identity_or_a_huge_file_is_refused(pair: Pair, capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    office = pair.office
    own = tmp_path / "own.json"
    assert run_json(capsys, "identity", "export", "--out", str(own), "--json", *office.as_admin())[0] == 0
    code, data = run_json(capsys, "identity", "trust", str(own), "--json", *office.as_admin())
    assert code == 1 and data["error"]["code"] == "identity"  # type: ignore[index]
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({**pair.sender.public.to_json(), "padding": "x" * (1 << 20)}), encoding="utf-8")
    code, data = run_json(capsys, "identity", "trust", str(huge), "--json", *office.as_admin())
    assert code == 2 and data["error"]["code"] == "invalid_input"  # type: ignore[index]
    listed = run_json(capsys, "identity", "list", "--json", *office.as_admin())[1]["identities"]
    assert [row["desk_id"] for row in listed] == [pair.sender.desk_id]  # type: ignore[union-attr,index]
