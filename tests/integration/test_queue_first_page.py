"""The queue's first page read before the desk opens (issue 17): the same rows as the queue's own page, on
both back-ends, and never on a set-up desk (its officer signs in before any personal data is shown)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import asdict
from typing import Any

import pytest

from officer_desk.paths import Home
from officer_desk.queue_first_page import HOME_KIND_KEY, SET_UP, SORT_SQL, read_first_page, upgrade_pending

pytestmark = pytest.mark.usefixtures("isolated_home")


@pytest.fixture
def queued_desk(desk: Any) -> Any:
    from officer_desk.demo import enable_demo_mode, generate_cases

    enable_demo_mode(desk)
    generate_cases(desk, 80, seed=5)
    return desk


@pytest.mark.parametrize(("sort", "descending"), [("received_at", True), ("received_at", False),
                                                   ("applicant_name", False), ("due_date", True),
                                                   ("assigned_officer", False), ("worst_severity", True)])
def test_the_first_page_is_the_queues_own_page(queued_desk: Any, backend: str | None, sort: str,
                                               descending: bool) -> None:
    from officer_desk.cases import QueueFilter

    expected = queued_desk.cases.page(QueueFilter(sort=sort, descending=descending), 0, 50)
    rows = read_first_page(queued_desk.home, sort, descending, url=backend)
    assert rows is not None and len(rows) == 50
    assert [asdict(row) for row in rows] == [asdict(row) for row in expected]
    assert all(row.received_at.tzinfo is not None for row in rows)


def test_the_sort_keys_are_the_queues(queued_desk: Any) -> None:
    from officer_desk.cases.queue import SORT_COLUMNS

    assert set(SORT_SQL) == set(SORT_COLUMNS)


def test_a_set_up_desk_is_never_read_before_sign_in(queued_desk: Any, backend: str | None) -> None:
    from officer_desk.accounts.service import HOME_KIND_KEY as SERVICE_KEY
    from officer_desk.accounts.service import HomeKind
    from officer_desk.models import DeskSetting, Officer

    assert (HOME_KIND_KEY, SET_UP) == (SERVICE_KEY, HomeKind.SET_UP.value)
    assert read_first_page(queued_desk.home, url=backend)
    with queued_desk.db.session() as session:  # an account with a password: set up, marker or not
        officer = session.query(Officer).filter(Officer.username == "canbo.lan").one()
        officer.password_hash = "x"
    assert read_first_page(queued_desk.home, url=backend) is None
    with queued_desk.db.session() as session:
        session.query(Officer).update({Officer.password_hash: None})
        session.add(DeskSetting(key=HOME_KIND_KEY, value=SET_UP))
    assert read_first_page(queued_desk.home, url=backend) is None


def test_nothing_to_read_is_none_never_an_error(isolated_home: Home, tmp_path: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    assert read_first_page(isolated_home) is None  # a new home: no database yet
    assert upgrade_pending(isolated_home) is False
    from officer_desk.desk import open_desk

    open_desk(isolated_home).close()
    assert read_first_page(isolated_home) == []  # a database without cases
    wrong = tmp_path / "wrong.key"
    wrong.write_text("00" * 32)
    monkeypatch.setenv("OFFICER_DESK_DB_KEY_FILE", str(wrong))
    assert read_first_page(isolated_home) is None  # a key that does not open the file
    assert upgrade_pending(isolated_home) is False
    unreachable = "postgresql://nobody@127.0.0.1:1/none"
    assert read_first_page(isolated_home, url=unreachable) is None
    assert upgrade_pending(isolated_home, url=unreachable) is False


def test_an_older_schema_is_told_before_the_desk_upgrades_it(desk: Any, backend: str | None) -> None:
    """The window says it is updating the database (minutes at 1,000,000 cases) when the stored revision is
    not this version's."""
    import sqlalchemy as sa

    assert upgrade_pending(desk.home, url=backend) is False  # just opened: current
    with desk.db.engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = '0021_sqlite_result_trigger_noop'"))
    assert upgrade_pending(desk.home, url=backend) is True


def test_reading_the_first_page_imports_no_database_layer(queued_desk: Any, backend: str | None) -> None:
    probe = (
        "import sys\n"
        "from officer_desk.paths import Home\n"
        "from officer_desk.queue_first_page import read_first_page, upgrade_pending\n"
        f"rows = read_first_page(Home(), url={backend!r})\n"
        "assert rows, rows\n"
        f"assert upgrade_pending(Home(), url={backend!r}) is False\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' or m.startswith("
        "('officer_desk.models', 'officer_desk.cases', 'officer_desk.catalogue', 'officer_desk.desk')))\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"


def test_the_windows_search_reads_hits_and_rows_in_one_go_as_in_two(queued_desk: Any) -> None:
    from officer_desk.cases import QueueFilter

    service = queued_desk.cases
    name = service.page(QueueFilter(), 0, 1)[0].applicant_name
    for text in (name.split()[0], name, "0", "zzzz"):
        flt = QueueFilter(text=text, sort="applicant_name", descending=False)
        ids, truncated = service.search_queue(flt, 20)
        assert service.search_page(flt, 20, 5) == (ids, service.rows(ids[:5]), truncated)
