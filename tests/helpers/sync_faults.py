"""Fault injection for sync: a desk process killed at a chosen point, and the convergence check.

``run_killed_sync(home, url, point, after)`` runs ``sync`` in a child process that dies (``os._exit``,
no clean-up, like a power cut) the ``after``-th time it reaches ``point``:
``before_server_commit`` (cases or events being written on the server), ``after_server_commit`` (the server
committed, the desk did not acknowledge yet), ``during_pull`` (a pulled case being written).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sqlalchemy import select

import officer_desk.sync.state as st
from officer_desk.desk import Desk
from officer_desk.models import Attachment, Case, CaseEvent

POINTS = ("before_server_commit", "after_server_commit", "during_pull")

_CHILD = r"""
import os, sys
from contextlib import contextmanager
point, after, url = sys.argv[1], int(sys.argv[2]), sys.argv[3]
from officer_desk.models import session as session_module
from officer_desk.sync import engine, state
seen = [0]
def hit():
    seen[0] += 1
    if seen[0] >= after:
        os._exit(9)
from officer_desk.sync import bulk
def per_case(dialect_is_pg):
    # The chunk's new cases are written together; the kill counts them (the n-th case written).
    original_insert = bulk.insert_cases
    def insert_cases(session, wires, officers, copy_blobs):
        ids = original_insert(session, wires, officers, copy_blobs)
        if (session.get_bind().dialect.name == "postgresql") == dialect_is_pg:
            for _wire in wires:
                hit()
        return ids
    bulk.insert_cases = insert_cases
if point == "before_server_commit":
    per_case(True)
    original = state.add_events
    def add_events(session, case, events, officers, known):
        result = original(session, case, events, officers, known)
        if session.get_bind().dialect.name == "postgresql":
            hit()
        return result
    state.add_events = add_events
elif point == "after_server_commit":
    original_session = session_module.Database.session
    @contextmanager
    def session(self):
        with original_session(self) as s:
            yield s
        if not self.is_local:
            hit()
    session_module.Database.session = session
elif point == "during_pull":
    per_case(False)
    original_insert = state.insert_case
    def insert_case(session, wire, officers, put_blob):
        case = original_insert(session, wire, officers, put_blob)
        if session.get_bind().dialect.name != "postgresql":
            hit()
        return case
    state.insert_case = insert_case
from officer_desk.desk import open_desk
desk = open_desk()
engine.synchronize(desk, url)
desk.close()
"""


def run_killed_sync(home: Path, url: str, point: str, after: int) -> int:
    env = {**os.environ, "OFFICER_DESK_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", _CHILD, point, str(after), url], env=env,
                          capture_output=True, timeout=300, check=False)
    return done.returncode


def case_inventory(desk: Desk, codes: list[str] | None = None) -> dict[str, tuple[int, frozenset[str], frozenset[str]]]:
    """Per case: how many rows carry its code, its event keys, its attachments' contents."""
    with desk.db.session() as session:
        counts = Counter(session.execute(select(Case.dossier_code)).scalars())
        result: dict[str, tuple[int, frozenset[str], frozenset[str]]] = {}
        for code in codes if codes is not None else list(counts):
            case = session.execute(select(Case).where(Case.dossier_code == code)).scalars().first()
            if case is None:
                result[code] = (0, frozenset(), frozenset())
                continue
            events = session.execute(select(CaseEvent).where(CaseEvent.case_id == case.id)).scalars()
            keys = [st.event_key(code, e, "") for e in events]
            assert len(keys) == len(set(keys)), f"{code}: an event stored twice"
            blobs = frozenset(str(a.content_sha256) for a in session.execute(
                select(Attachment).where(Attachment.case_id == case.id)).scalars())
            result[code] = (counts[code], frozenset(keys), blobs)
        return result
