"""What a reviewer found in the bundle and sync paths (issue 12), each on set-up homes (demo mode off): a
change made at the commune while its bundle travels is never lost when the center's answer comes back;
changes written to a bundle that never arrived still go out at the next network sync; a bundle marks sent
only what it holds; an oversized dossier on the server is not pulled; a counter with a late clock still has
its change pulled; the same bundle imported twice at once is applied once; answers carry only what changed
since the other side confirmed; an older bundle arriving after a newer one changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from officer_desk.accounts.roles import Actor, ActorKind, Role
from officer_desk.desk import Desk, open_desk
from officer_desk.models import OutboxItem
from officer_desk.paths import Home
from officer_desk.sync import synchronize
from tests.helpers.trusted_pair import Pair, at_home, pair, run_json

__all__ = ["pair"]  # the fixture, used by name

NEW_PHONE = "0987 000 111"


def _admin(root: Path) -> Desk:
    return open_desk(Home(root), account=Actor("admin", "Quản Trị Viên", Role.ADMINISTRATOR, ActorKind.ACCOUNT))


def _phone(root: Path, code: str) -> object:
    desk = _admin(root)
    try:
        applicant = desk.cases.detail(code).dossier["applicant"]
        assert isinstance(applicant, dict)
        return applicant["phone"]
    finally:
        desk.close()


def test_a_change_made_while_the_bundle_travels_survives_the_centers_answer(
        pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    office = pair.office  # the center
    code, data = pair.import_as_officer(capsys, pair.genuine)
    assert code == 0 and data["applied"] == [pair.code]
    answer = pair.genuine.with_name(pair.genuine.stem + "-tra-ve.odb")
    assert answer.exists()
    old_phone = _phone(office.home.root, pair.code)
    # At the commune, meanwhile: the officer corrects the phone number.
    commune = _admin(pair.sender_root)
    try:
        commune.cases.update_dossier(pair.code, {"applicant.phone": NEW_PHONE})
    finally:
        commune.close()
    with at_home(pair.sender_root):  # the center's answer arrives (it does not know the new number yet)
        code, data = run_json(capsys, "bundle", "import", str(answer), "--json", *office.as_admin())
        assert code == 0, data
        assert _phone(pair.sender_root, pair.code) == NEW_PHONE
        second = tmp_path / "second.odb"
        assert run_json(capsys, "bundle", "export", "--out", str(second), "--json", *office.as_admin())[0] == 0
    code, data = pair.import_as_officer(capsys, second)
    assert code == 0, data
    assert _phone(office.home.root, pair.code) == NEW_PHONE != old_phone  # the center took the correction
    back = second.with_name(second.stem + "-tra-ve.odb")
    with at_home(pair.sender_root):
        assert run_json(capsys, "bundle", "import", str(back), "--json", *office.as_admin())[0] == 0
    assert _phone(pair.sender_root, pair.code) == NEW_PHONE  # and the commune kept it


def test_changes_in_a_lost_bundle_go_out_at_the_next_network_sync(pair: Pair, pg_url: str) -> None:
    """The bundle was written (its items marked "sent") but never reached the center; then a link comes."""
    commune = _admin(pair.sender_root)
    try:
        with commune.db.session() as session:
            states = set(session.execute(select(OutboxItem.status)).scalars())
        assert states == {"sent"}  # the fixture's bundle, never imported anywhere
        report = synchronize(commune, pg_url)
        assert report.pushed == [pair.code] and not report.conflicts and not report.offline
        with commune.db.session() as session:
            assert set(session.execute(select(OutboxItem.status)).scalars()) == {"done"}
    finally:
        commune.close()
    center = open_desk(Home(pair.office.home.root / "pg-center"), pg_url)
    try:
        assert center.cases.detail(pair.code).dossier["applicant"]
    finally:
        center.close()


def test_a_change_made_while_a_center_writes_its_bundle_stays_pending(
        pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On the center's PostgreSQL another counter may change a case while the bundle is written: that change
    is not in the bundle, so it must not be marked sent with it."""
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    from officer_desk.sync import bundle
    from tests.helpers.office import SAMPLE, setup_args

    office = pair.office
    root = tmp_path / "center-pg"
    card = tmp_path / "commune-card.json"
    with at_home(pair.sender_root):
        assert run_json(capsys, "identity", "export", "--out", str(card), "--json", *office.as_admin())[0] == 0
    with at_home(root):
        args = setup_args(office.pki, office.admin_pw, office.pin)
        args[args.index("--desk-number") + 1] = "5"
        assert run_json(capsys, *args, "--database", pg_url, "--json")[0] == 0
        admin = [*office.as_admin(), "--database", pg_url]
        assert run_json(capsys, "identity", "trust", str(card), "--json", *admin)[0] == 0
        data = SAMPLE.read_text(encoding="utf-8").replace('"file"', '"_file"')
        source = tmp_path / "center-case.json"
        source.write_text(data, encoding="utf-8")
        assert run_json(capsys, "import", str(source), "--json", *admin)[0] == 0
        engine = sa.create_engine(pg_url)
        real = bundle.write_bytes_atomic

        def another_counter_writes_meanwhile(path: Path, body: bytes, private: bool = False) -> None:
            with Session(engine) as other, other.begin():
                other.add(OutboxItem(kind="case.updated", entity_id="000.00.07.H41-000000-5999", payload={}))
            real(path, body, private=private)

        monkeypatch.setattr(bundle, "write_bytes_atomic", another_counter_writes_meanwhile)
        out = tmp_path / "center.odb"
        code, result = run_json(capsys, "bundle", "export", "--out", str(out), "--to", pair.sender.desk_id,
                                "--json", *admin)
        assert code == 0, result
        with Session(engine) as session:
            states = dict(session.execute(select(OutboxItem.entity_id, OutboxItem.status)).all())
        engine.dispose()
    assert states == {"000.00.07.H41-000000-5999": "pending"}  # not in the bundle: still waits


def test_a_case_or_attachment_on_the_server_larger_than_the_desk_accepts_is_not_pulled(
        pair: Pair, capsys: pytest.CaptureFixture[str], pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The center's database is shared by many desks: one oversized row there is refused with a clear message
    before it is read whole, the desk's copy stays as it was, and the next sync pulls once it is fixed."""
    from officer_desk.sync import limits

    commune = _admin(pair.sender_root)
    try:
        assert synchronize(commune, pg_url).pushed == [pair.code]
    finally:
        commune.close()
    at_center = open_desk(Home(pair.sender_root), pg_url,  # the same key: the test's center shares it
                          account=Actor("lanhdao", "Trần Văn Lãnh", Role.SUPERVISOR, ActorKind.ACCOUNT))
    try:
        at_center.cases.update_dossier(pair.code, {"applicant.phone": NEW_PHONE})
    finally:
        at_center.close()
    sync = ["sync", "--to", pg_url, "--json", *pair.office.as_admin()]
    for name, value in (("MAX_BLOB_BYTES", 16), ("MAX_PULLED_JSON_CHARS", 100)):
        with monkeypatch.context() as patch:
            patch.setattr(limits, name, value)
            with at_home(pair.sender_root):
                code, data = run_json(capsys, *sync)
            assert code == 1 and data["error"]["code"] == "sync", data  # type: ignore[index]
            assert pair.code in data["error"]["message"]  # type: ignore[index]  # which dossier, in words
            assert _phone(pair.sender_root, pair.code) != NEW_PHONE
    with at_home(pair.sender_root):
        code, data = run_json(capsys, *sync)
    assert code == 0 and data["pulled"] == [pair.code], data
    assert _phone(pair.sender_root, pair.code) == NEW_PHONE


def test_a_change_made_at_a_center_counter_whose_clock_is_behind_is_pulled(pair: Pair, pg_url: str) -> None:
    """``updated_at`` on the server comes from the clock of the PC that changed the case; the pull cursor from
    the server's clock. A counter 20 minutes behind must not have its change skipped for good."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import create_engine, update

    from officer_desk.models import Case, CaseRoute

    commune = _admin(pair.sender_root)
    try:
        assert synchronize(commune, pg_url).pushed == [pair.code]
        at_center = open_desk(Home(pair.sender_root), pg_url,
                              account=Actor("lanhdao", "Trần Văn Lãnh", Role.SUPERVISOR, ActorKind.ACCOUNT))
        try:
            at_center.cases.update_dossier(pair.code, {"applicant.phone": NEW_PHONE})
        finally:
            at_center.close()
        engine = create_engine(pg_url)
        with engine.begin() as connection:  # as that counter's clock wrote it
            connection.execute(update(Case).where(Case.dossier_code == pair.code)
                               .values(updated_at=datetime.now(UTC) - timedelta(minutes=20)))
            # routed at the first push, long ago (a fresh route is pulled anyway)
            connection.execute(update(CaseRoute).values(routed_at=datetime.now(UTC) - timedelta(hours=3)))
        engine.dispose()
        report = synchronize(commune, pg_url)
        assert report.pulled == [pair.code] and not report.conflicts
    finally:
        commune.close()
    assert _phone(pair.sender_root, pair.code) == NEW_PHONE


def test_a_bundle_applied_by_another_process_meanwhile_is_already_applied(
        pair: Pair, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Two imports of the same bundle at once (the window and the command line, or two counters): the one
    that comes second finds it applied — "already applied", exit 0 — not "invalid content" (exit 1)."""
    from officer_desk.sync import bundle

    real = bundle._apply
    first = True

    def another_process_applies_it_first(*args: object, **kwargs: object) -> bundle.BundleResult:
        nonlocal first
        if first:
            first = False
            other = open_desk(pair.office.home)
            try:
                monkeypatch.setattr(bundle, "_apply", real)
                assert bundle.import_bundle(other, pair.genuine).applied == [pair.code]
            finally:
                monkeypatch.setattr(bundle, "_apply", another_process_applies_it_first)
                other.close()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(bundle, "_apply", another_process_applies_it_first)
    code, data = pair.import_as_officer(capsys, pair.genuine)
    assert code == 0 and data == {"applied": [], "conflicts": []}, data
    assert _phone(pair.office.home.root, pair.code)  # applied once, by the other process


def test_a_centers_answer_carries_only_what_changed_since_the_commune_confirmed(
        pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Each bundle names the last bundle of the other side it applied: afterwards only the routed cases that
    changed since then travel (every dossier of the commune, attachments and all, travelled in every answer,
    and after some months no answer fitted in a bundle). Without a confirmation everything travels."""
    import gzip
    import json
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import delete, update

    from officer_desk.models import Case, CaseRoute, DeskSetting
    from tests.helpers.bundles import decrypt

    office = pair.office
    assert pair.import_as_officer(capsys, pair.genuine)[0] == 0
    answer = pair.genuine.with_name(pair.genuine.stem + "-tra-ve.odb")
    second = tmp_path / "second.odb"
    with at_home(pair.sender_root):  # the commune applies the answer; its next bundle confirms it
        assert run_json(capsys, "bundle", "import", str(answer), "--json", *office.as_admin())[0] == 0
        assert run_json(capsys, "bundle", "export", "--out", str(second), "--json", *office.as_admin())[0] == 0
    assert pair.import_as_officer(capsys, second)[0] == 0

    def backdate() -> None:  # the dossier last changed, and was routed, long before that confirmation
        desk = open_desk(office.home)
        try:
            with desk.db.session() as session:
                long_ago = datetime.now(UTC) - timedelta(hours=3)
                session.execute(update(Case).values(updated_at=long_ago))
                session.execute(update(CaseRoute).values(routed_at=long_ago))
        finally:
            desk.close()

    def carried(name: str) -> list[str]:
        out = tmp_path / name
        code, data = run_json(capsys, "bundle", "export", "--out", str(out), "--to", pair.sender.desk_id, "--json",
                              *office.as_officer())
        assert code == 0, data
        payload = json.loads(gzip.decompress(decrypt(pair.sender, out.read_bytes())))
        return [case["code"] for case in payload["cases"]]

    backdate()
    assert carried("nothing-new.odb") == []
    center = office.desk("lanhdao", Role.SUPERVISOR)
    try:
        center.cases.update_dossier(pair.code, {"applicant.phone": NEW_PHONE})
    finally:
        center.close()
    assert carried("changed.odb") == [pair.code]
    backdate()
    desk = open_desk(office.home)
    try:
        with desk.db.session() as session:  # as on a desk that never heard back (or an older version)
            session.execute(delete(DeskSetting).where(DeskSetting.key.like("bundle.acked.%")))
    finally:
        desk.close()
    assert carried("unconfirmed.odb") == [pair.code]


def test_an_older_bundle_arriving_after_a_newer_one_changes_nothing(
        pair: Pair, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Two USB sticks, carried in the wrong order: the older bundle must not put back the older values."""
    newer = tmp_path / "newer.odb"
    commune = _admin(pair.sender_root)
    try:
        commune.cases.update_dossier(pair.code, {"applicant.phone": NEW_PHONE})
    finally:
        commune.close()
    with at_home(pair.sender_root):
        assert run_json(capsys, "bundle", "export", "--out", str(newer), "--json", *pair.office.as_admin())[0] == 0
    assert pair.import_as_officer(capsys, newer)[0] == 0
    assert _phone(pair.office.home.root, pair.code) == NEW_PHONE
    before = pair.fingerprint()
    code, data = pair.import_as_officer(capsys, pair.genuine)  # written before the correction
    assert code == 0 and data == {"applied": [], "conflicts": []}, data
    assert _phone(pair.office.home.root, pair.code) == NEW_PHONE
    assert pair.fingerprint() == before
