"""The audit log as a service: verify the chain, a case's history, seals, and entries for the window.

``AuditLog(desk)`` is what the CLI (``audit verify``, ``audit show``) and the window use. Prints and
other actions that happen outside a case service are recorded with :meth:`AuditLog.record`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from officer_desk import audit_chain
from officer_desk.accounts.roles import Permission
from officer_desk.audit import audit
from officer_desk.errors import NotFoundError
from officer_desk.i18n import _
from officer_desk.models import AuditEntry, AuditSeal, Case

if TYPE_CHECKING:
    from officer_desk.desk import Desk

SEAL_MAX_AGE = timedelta(minutes=10)


@dataclass(frozen=True)
class AuditRecord:
    """One entry as people read it (ids and codes only: the log holds no personal data)."""

    entry_id: int
    at: datetime
    actor: str
    action: str
    entity_type: str
    entity_id: str
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        from officer_desk.dossier import LOCAL_TZ

        return {"at": self.at.astimezone(LOCAL_TZ).isoformat(), "actor": self.actor, "action": self.action,
                "details": self.details}


class AuditLog:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def _seal_keys(self) -> set[str] | None:
        """Seals accepted: this desk's key on a local database; on a shared one, any key that verifies."""
        if not self.desk.db.is_local or self.desk.db.db_key is None:
            return None
        key = audit_chain.seal_key(self.desk.home, self.desk.db.db_key, create=False)
        return {audit_chain.public_hex(key)} if key is not None else set()

    def verify(self) -> audit_chain.ChainReport:
        """Walk the whole chain and the seals (no account needed: it shows no personal data)."""
        keys = self._seal_keys()
        with self.desk.db.engine.connect() as connection:
            return audit_chain.verify_chain(connection, keys)

    def case_history(self, code: str) -> list[AuditRecord]:
        """Every entry about a case, oldest first."""
        self.desk.require(Permission.CASE_VIEW)
        with self.desk.db.session() as session:
            rows = session.execute(
                select(AuditEntry).where(AuditEntry.entity_type == "case", AuditEntry.entity_id == code)
                .order_by(AuditEntry.id)
            ).scalars().all()
            if not rows and session.execute(select(Case.id).where(Case.dossier_code == code)).first() is None:
                raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=code))
            return [AuditRecord(r.id, r.at, r.actor, r.action, r.entity_type, r.entity_id, dict(r.details or {}))
                    for r in rows]

    def record(self, action: str, entity_type: str, entity_id: str, **details: Any) -> None:
        """An entry for an action done outside the case services (a print, a file saved)."""
        with self.desk.db.session() as session:
            audit(session, self.desk.officer or "system", action, entity_type, entity_id,
                  desk=self.desk.config.desk_number, **details)

    def seal_if_due(self, min_new: int = 1, max_age: timedelta | None = SEAL_MAX_AGE, force: bool = False) -> bool:
        """Seal the chain when ``min_new`` entries are unsealed and (``force`` or the last seal is old
        or at least 256 entries are unsealed). Local desks only hold their seal key."""
        db_key = self.desk.db.db_key
        if db_key is None:
            from officer_desk.security import load_database_key

            db_key = load_database_key(self.desk.home)
        key = audit_chain.seal_key(self.desk.home, db_key)
        assert key is not None
        with self.desk.db.session() as session:
            last = session.execute(select(AuditSeal.entry_id, AuditSeal.at).order_by(AuditSeal.id.desc())
                                   .limit(1)).first()
            newest = session.execute(select(func.max(AuditEntry.id))).scalar() or 0
            unsealed = newest - (int(last[0]) if last else 0)
            if unsealed < min_new:
                return False
            old = last is None or max_age is None or datetime.now(UTC) - last[1] >= max_age
            if not (force or old or unsealed >= 256):
                return False
            return audit_chain.seal(session, key, self.desk.config.desk_number, min_new) is not None
