"""Resolving a sync conflict: keep mine, keep theirs, or choose field by field (supervisors; audited).

Nothing is dropped before someone decides: the conflict keeps both versions; the decision is written
on the desk's copy, the base moves to the server's version so the next sync pushes exactly the
decision, and the case's timeline and the audit log record who chose what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

import officer_desk.sync.state as st
from officer_desk.accounts.roles import Permission
from officer_desk.audit import audit
from officer_desk.desk import Desk
from officer_desk.errors import InputError, NotFoundError
from officer_desk.i18n import _
from officer_desk.models import CaseEvent, OutboxItem, SyncBase, SyncConflict

MINE, THEIRS, MERGE = "mine", "theirs", "merge"


@dataclass(frozen=True)
class OpenConflict:
    code: str
    kind: str
    fields: list[str]
    mine: dict[str, Any]
    theirs: dict[str, Any]


def list_conflicts(desk: Desk) -> list[OpenConflict]:
    with desk.db.session() as session:
        return [OpenConflict(r.dossier_code, r.kind, list(r.fields), dict(r.mine), dict(r.theirs))
                for r in session.execute(select(SyncConflict).where(SyncConflict.resolved_at.is_(None))
                                         .order_by(SyncConflict.id)).scalars()]


def resolve(desk: Desk, code: str, choice: str, per_field: dict[str, str] | None = None) -> str:
    """Resolve the open conflict of ``code``; returns the case's code afterwards (renumbered on identity)."""
    desk.require(Permission.CONFLICT_RESOLVE)
    with desk.db.session() as session:
        row = session.execute(select(SyncConflict).where(
            SyncConflict.dossier_code == code, SyncConflict.resolved_at.is_(None))).scalar_one_or_none()
        if row is None:
            raise NotFoundError(_("Hồ sơ {code} không có xung đột đồng bộ", code=code))
        case = st.load_case(session, code, lock=True)
        if case is None:
            raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=code))
        officers = st.Officers(session)
        new_code = code
        chosen: dict[str, str] = {}
        if row.kind == "identity":
            # Two different citizens under one code: both are kept; this desk's case takes a new number.
            new_code = desk.cases.next_dossier_code(session, case.received_at)
            case.dossier_code = new_code
            session.flush()
            st.replace_terms(session, case)
            choice = "renumber"
        else:
            if choice not in (MINE, THEIRS, MERGE):
                raise InputError(_("Lựa chọn không hợp lệ"))
            for name in row.fields:
                side = choice if choice != MERGE else (per_field or {}).get(name, "")
                if side not in (MINE, THEIRS):
                    raise InputError(_("Chưa chọn giá trị cho mọi thông tin đang xung đột"))
                source = row.mine if side == MINE else row.theirs
                chosen[name] = side
                state = st.case_state(case)
                if name in source:
                    state[name] = source[name]
                else:
                    state.pop(name, None)
                st.apply_state(session, case, state, officers)
            base = session.get(SyncBase, code)
            if base is not None:
                base.state = {**base.state, **{k: row.theirs[k] for k in row.fields if k in row.theirs}}
        row.resolved_at = datetime.now(UTC)
        row.resolved_by = desk.officer
        row.resolution = choice
        session.add(CaseEvent(case_id=case.id, action="sync_resolved", reason="",
                              details={"choice": choice, "fields": sorted(chosen)},
                              officer_id=officers.id(desk.officer)))
        session.add(OutboxItem(kind="case.sync_resolved", entity_id=new_code, payload={}))
        audit(session, desk.officer, "sync.resolved", "case", code, desk=desk.config.desk_number,
              choice=choice, fields=chosen, new_code=new_code)
    return new_code
