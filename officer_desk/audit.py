"""The audit log: every action that changes a case leaves an entry (ids and codes, no personal data)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

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
