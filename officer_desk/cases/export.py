"""Cases going out: ``DIR/<code>/application.json`` with the attachments beside it; attachment bytes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from officer_desk.audit import audit
from officer_desk.cases.repository import CaseRepository
from officer_desk.cases.views import Progress
from officer_desk.errors import InputError
from officer_desk.fileio import write_bytes_atomic, write_text_atomic
from officer_desk.i18n import _
from officer_desk.lifecycle import Status
from officer_desk.models import Case


def safe_folder_name(code: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in code)


class CaseExport:
    """Writes cases to folders another system (or a later import) reads."""

    def __init__(self, repository: CaseRepository) -> None:
        self.repository = repository

    def attachment_bytes(self, content_sha256: str) -> bytes:
        with self.repository.db.session() as session:
            return self.repository.attachments.get(session, content_sha256)

    def export(self, out_dir: Path, statuses: Sequence[str] = (), progress: Progress | None = None) -> list[str]:
        """Write ``DIR/<code>/application.json`` (current values) with the attachments beside it."""
        for status in statuses:
            if status not in {s.value for s in Status}:
                raise InputError(_("Trạng thái không hợp lệ: {status}", status=status))
        out_dir = Path(out_dir)
        exported: list[str] = []
        last_id = 0
        while True:
            with self.repository.db.session() as session:
                query = select(Case).where(Case.id > last_id).order_by(Case.id).limit(500)
                if statuses:
                    query = query.where(Case.status.in_(list(statuses)))
                batch = list(session.execute(query.options(selectinload(Case.attachments))).scalars())
                if not batch:
                    break
                for case in batch:
                    if progress is not None and progress.cancelled():
                        return exported
                    folder = out_dir / safe_folder_name(case.dossier_code)
                    for attachment in case.attachments:
                        if attachment.file_name and attachment.content_sha256:
                            target = (folder / attachment.file_name).resolve()
                            if not target.is_relative_to(folder.resolve()):
                                continue
                            data = self.repository.attachments.get(session, attachment.content_sha256)
                            write_bytes_atomic(target, data)
                    write_text_atomic(
                        folder / "application.json",
                        # strict JSON: a non-finite number would be rejected by strict parsers
                        json.dumps(json.loads(case.dossier_json), ensure_ascii=False, indent=2,
                                   allow_nan=False) + "\n",
                    )
                    exported.append(case.dossier_code)
                last_id = batch[-1].id
        desk = self.repository.desk
        with self.repository.db.session() as session:  # issue 9: exports of personal data are audited
            audit(session, desk.officer or "system", "cases.exported", "desk", str(desk.config.desk_number),
                  desk=desk.config.desk_number, count=len(exported), statuses=sorted(statuses))
        return exported
