"""Two offline desks and the center's PostgreSQL: identity, field merge, persistent conflicts, bundles."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.desk import Desk, open_desk
from officer_desk.lifecycle import Action
from officer_desk.models import AuditEntry, Case, CaseEvent
from officer_desk.paths import Home
from officer_desk.sync import synchronize
from officer_desk.sync.bundle import BundleRefusedError, NotABundleError, export_bundle, import_bundle
from officer_desk.sync.conflicts import list_conflicts, resolve
from officer_desk.sync.engine import desk_identity
from officer_desk.sync.identity import trust_identity

DATA = Path(__file__).resolve().parents[1] / "data" / "dossiers"
CODE = "000.00.01.X99-261127-0007"


def _open(root: Path) -> Desk:
    return open_desk(Home(root))


@pytest.fixture
def two_desks(tmp_path: Path) -> Iterator[tuple[Desk, Desk]]:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("tam-tru-dang-thi-mai.json", "hop-dong-thue.pdf"):
        shutil.copy(DATA / name, folder / name)
    desks = (_open(tmp_path / "a"), _open(tmp_path / "b"))
    for desk in desks:
        desk.cases.import_paths([folder])
    yield desks
    for desk in desks:
        desk.close()


def _dossier(desk: Desk, code: str) -> dict[str, object]:
    return desk.cases.detail(code).dossier


def _events(desk: Desk, code: str, action: str) -> int:
    with desk.db.session() as session:
        return len([e for e in session.execute(select(CaseEvent).where(CaseEvent.action == action)).scalars()
                    if e.case.dossier_code == code])


def test_non_overlapping_edits_both_survive_and_received_once(two_desks: tuple[Desk, Desk], pg_url: str) -> None:
    a, b = two_desks
    a.cases.update_dossier(CODE, {"applicant.phone": "0987 000 111"})
    b.cases.update_dossier(CODE, {"applicant.address": "xã Hy Cương, tỉnh Phú Thọ"})
    first = synchronize(a, pg_url)
    assert first.pushed == [CODE] and first.conflicts == [] and not first.offline
    second = synchronize(b, pg_url)
    assert second.conflicts == [], second
    again = synchronize(a, pg_url)  # A pulls B's address
    assert again.conflicts == []
    center = open_desk(a.home, pg_url)
    try:
        for desk in (a, b, center):
            applicant = _dossier(desk, CODE)["applicant"]
            assert isinstance(applicant, dict)
            assert applicant["phone"] == "0987 000 111" and applicant["address"] == "xã Hy Cương, tỉnh Phú Thọ"
        with center.db.session() as session:  # the column follows the record
            assert session.execute(select(Case.applicant_phone)).scalar_one() == "0987 000 111"
        assert _events(center, CODE, "received") == 1
        assert _events(center, CODE, "edited") == 2
    finally:
        center.close()


def test_overlapping_edit_is_a_conflict_until_resolved(two_desks: tuple[Desk, Desk], pg_url: str) -> None:
    a, b = two_desks
    synchronize(a, pg_url)
    synchronize(b, pg_url)
    a.cases.update_dossier(CODE, {"applicant.phone": "0900 000 001"})
    b.cases.update_dossier(CODE, {"applicant.phone": "0900 000 002"})
    assert synchronize(a, pg_url).conflicts == []
    report = synchronize(b, pg_url)
    assert report.conflicts == [CODE]
    assert synchronize(b, pg_url).conflicts == [CODE]  # still reported by the next sync
    assert any("Xung đột đồng bộ" in w for w in b.cases.detail(CODE).warnings)  # the case is flagged
    [conflict] = list_conflicts(b)
    assert conflict.fields == ["dossier.applicant.phone"]
    assert conflict.mine["dossier.applicant.phone"] == "0900 000 002"
    assert conflict.theirs["dossier.applicant.phone"] == "0900 000 001"
    assert _dossier(b, CODE)["applicant"]["phone"] == "0900 000 002"  # type: ignore[index]  # mine kept
    resolve(b, CODE, "mine")
    assert not any("Xung đột đồng bộ" in w for w in b.cases.detail(CODE).warnings)
    with b.db.session() as session:  # the decision is audited
        [entry] = session.execute(select(AuditEntry).where(AuditEntry.action == "sync.resolved")).scalars()
        assert entry.details["choice"] == "mine" and entry.entity_id == CODE
    final = synchronize(b, pg_url)
    assert final.conflicts == [] and CODE in final.pushed
    center = open_desk(a.home, pg_url)
    try:
        assert _dossier(center, CODE)["applicant"]["phone"] == "0900 000 002"  # type: ignore[index]
    finally:
        center.close()
    synchronize(a, pg_url)
    assert _dossier(a, CODE)["applicant"]["phone"] == "0900 000 002"  # type: ignore[index]
    # The pulled change rewrote a's search terms (sync state path): the new phone finds it, the old does not.
    assert [r.dossier_code for r in a.cases.search("0900000002")] == [CODE]
    assert a.cases.search("0900000001") == []


def test_desks_never_set_up_never_merge_two_citizens(tmp_path: Path, pg_url: str) -> None:
    raw = json.loads((DATA / "tam-tru-dang-thi-mai.json").read_text(encoding="utf-8"))
    raw.pop("dossier_code")
    raw["attachments"] = []
    other = json.loads(json.dumps(raw))
    other["applicant"]["full_name"] = "Nguyễn Văn Bình"
    other["applicant"]["id_number"] = "025090009999"
    a, b = _open(tmp_path / "a"), _open(tmp_path / "b")
    try:
        code_a = a.cases.intake(raw)
        code_b = b.cases.intake(other)
        assert code_a == code_b  # both default to desk number 1
        assert synchronize(a, pg_url).conflicts == []
        report = synchronize(b, pg_url)
        assert report.conflicts == [code_b] and code_b not in report.pushed
        center = open_desk(a.home, pg_url)
        try:
            assert center.cases.detail(code_a).row.applicant_name == "Đặng Thị Mai"
            assert "Bình" not in json.dumps(center.cases.detail(code_a).dossier, ensure_ascii=False)
        finally:
            center.close()
        renumbered = resolve(b, code_b, "mine")
        assert renumbered != code_b
        final = synchronize(b, pg_url)
        assert final.conflicts == [] and renumbered in final.pushed
    finally:
        a.close()
        b.close()


def test_pull_brings_center_changes(two_desks: tuple[Desk, Desk], pg_url: str) -> None:
    a, _b = two_desks
    synchronize(a, pg_url)
    center = open_desk(a.home, pg_url, officer="canbo.trungtam")
    try:
        center.cases.transition(CODE, Action.ACCEPT)
    finally:
        center.close()
    report = synchronize(a, pg_url)
    assert report.pulled == [CODE]
    assert a.cases.detail(CODE).row.status == "accepted"


def _trust_each_other(x: Desk, y: Desk) -> None:
    trust_identity(x.db, desk_identity(y).public, "admin")
    trust_identity(y.db, desk_identity(x).public, "admin")


def test_bundle_round_trip_replay_and_tamper(two_desks: tuple[Desk, Desk], tmp_path: Path) -> None:
    commune, center = two_desks
    _trust_each_other(commune, center)
    commune.cases.update_dossier(CODE, {"applicant.phone": "0911 222 333"})
    out = tmp_path / "usb.odb"
    assert export_bundle(commune, out) == [CODE]
    tampered = tmp_path / "tampered.odb"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    tampered.write_bytes(bytes(data))
    with pytest.raises(BundleRefusedError):
        import_bundle(center, tampered)
    truncated = tmp_path / "truncated.odb"
    truncated.write_bytes(out.read_bytes()[:-100])
    with pytest.raises(BundleRefusedError):
        import_bundle(center, truncated)
    junk = tmp_path / "junk.odb"
    junk.write_text("hello")
    with pytest.raises(NotABundleError):
        import_bundle(center, junk)
    assert _dossier(center, CODE)["applicant"]["phone"] == "0912 345 678"  # type: ignore[index]  # nothing applied
    result = import_bundle(center, out)
    assert result.applied == [CODE] and result.conflicts == []
    assert _dossier(center, CODE)["applicant"]["phone"] == "0911 222 333"  # type: ignore[index]
    assert import_bundle(center, out).already_applied  # replay: a no-op
    assert _events(center, CODE, "received") == 1
    with pytest.raises(BundleRefusedError):
        import_bundle(commune, out)  # addressed to the center, not to the commune


def test_bundle_from_untrusted_identity_refused(two_desks: tuple[Desk, Desk], tmp_path: Path) -> None:
    a, b = two_desks
    trust_identity(a.db, desk_identity(b).public, "admin")
    out = tmp_path / "x.odb"
    export_bundle(a, out)
    with pytest.raises(BundleRefusedError):
        import_bundle(b, out)  # b never trusted a


def test_set_up_desk_number_unique_in_agency_at_first_sync(tmp_path: Path, pg_url: str) -> None:
    from officer_desk.config import DeskConfig
    from officer_desk.database import open_database
    from officer_desk.sync.engine import SyncError, register_desk
    from officer_desk.sync.identity import load_identity

    config = DeskConfig(desk_number=3)
    first = load_identity(Home(tmp_path / "a"), config, set_up=True)
    second = load_identity(Home(tmp_path / "b"), config, set_up=True)
    unmanaged = load_identity(Home(tmp_path / "c"), config, set_up=False)
    assert first.desk_id != second.desk_id and unmanaged.public.desk_number is None
    server = open_database(Home(tmp_path / "a"), pg_url)
    try:
        with server.session() as session:
            register_desk(session, first)
            register_desk(session, first)  # the same desk again: fine
            register_desk(session, unmanaged)  # a desk never set up claims no number
        with pytest.raises(SyncError), server.session() as session:
            register_desk(session, second)
    finally:
        server.dispose()
