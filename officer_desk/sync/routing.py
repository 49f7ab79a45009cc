"""The province (or a center) assigns dossiers to a commune's desk: online dossiers from the portal, or
any case the commune should handle. The desk's next sync pulls them (or the next bundle for it carries
them) with their attachments. Supervisors only; every assignment is audited with the previous desk.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from officer_desk.accounts.roles import Permission
from officer_desk.audit import audit
from officer_desk.desk import Desk
from officer_desk.errors import InputError, NotFoundError
from officer_desk.i18n import _
from officer_desk.models import Case, CaseRoute, RegisteredDesk, TrustedIdentity


def route_cases(desk: Desk, codes: list[str], desk_id: str) -> list[str]:
    """Route ``codes`` to the desk ``desk_id`` (known here: it synced with this server once, or its
    identity is trusted for bundles); all or nothing. Returns the codes routed."""
    desk.require(Permission.CASE_ASSIGN_ANY)
    codes = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    if not codes:
        raise InputError(_("Chưa nêu mã hồ sơ nào để giao"))
    with desk.db.session() as session:
        known = session.get(RegisteredDesk, desk_id) is not None or session.get(TrustedIdentity, desk_id) is not None
        if not known:
            raise InputError(_("Không biết quầy {id}: quầy đó cần đồng bộ với máy chủ này một lần, hoặc định danh "
                               "của nó cần được tin cậy ở đây", id=desk_id))
        found = set(session.execute(select(Case.dossier_code).where(Case.dossier_code.in_(codes))).scalars())
        missing = [code for code in codes if code not in found]
        if missing:
            raise NotFoundError(_("Không tìm thấy hồ sơ {code}", code=", ".join(missing)))
        routes = {row.dossier_code: row for row in session.execute(
            select(CaseRoute).where(CaseRoute.dossier_code.in_(codes))).scalars()}
        now = datetime.now(UTC)
        for code in codes:
            row = routes.get(code)
            previous = row.desk_id if row is not None else None
            if row is None:
                session.add(CaseRoute(dossier_code=code, desk_id=desk_id, routed_at=now))
            else:
                # routed_at moves: the desk's next pull takes the case even if nothing else changed.
                row.desk_id, row.routed_at = desk_id, now
            audit(session, desk.officer, "case.routed", "case", code, desk=desk.config.desk_number, to=desk_id,
                  previous=previous)
    return codes
