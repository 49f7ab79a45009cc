"""The audit log: every action that changes a case leaves an entry (ids and codes, no personal data).

Entries are hash-chained when the session flushes (officer_desk.audit_chain).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from officer_desk import audit_chain  # (importing it installs the chaining hook)
from officer_desk.models import AuditEntry


def audit(
    session: Session,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    desk: int = 0,
    **details: Any,
) -> AuditEntry:
    entry = AuditEntry(
        actor=actor, desk=desk, action=action, entity_type=entity_type, entity_id=entity_id, details=details
    )
    session.add(entry)
    return entry


def audit_many(session: Session, actor: str, action: str, entity_type: str, entity_ids: list[str], desk: int = 0,
               **details: Any) -> None:
    """One entry per entity, written together (a sync chunk, a bundle): the same entries as ``audit``."""
    audit_chain.append_entries(session, [
        {"actor": actor, "desk": desk, "action": action, "entity_type": entity_type, "entity_id": entity_id,
         "details": details} for entity_id in entity_ids])
