"""``CaseService``: the one entry point the window and the CLI hold, composing the case parts.

Each part owns one responsibility (intake, lifecycle, queue, findings, export) over the shared
``CaseRepository``; the service forwards to them so callers need one object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from officer_desk.accounts.roles import Permission
from officer_desk.cases.export import CaseExport
from officer_desk.cases.findings import CaseFindings
from officer_desk.cases.intake import CaseIntake
from officer_desk.cases.lifecycle import CaseLifecycle
from officer_desk.cases.queue import CaseQueue
from officer_desk.cases.repository import CaseRepository, DeskContext
from officer_desk.cases.views import CaseDetail, CaseRow, ImportReport, Progress, QueueFilter
from officer_desk.catalogue import Procedure
from officer_desk.lifecycle import Action
from officer_desk.screening.result import ScreeningFinding


class CaseService:
    """Everything that reads or changes cases.

    Each entry point checks the acting account's role first (``accounts.roles.PERMISSIONS``): the
    window hides what a role cannot do, and the service refuses it anyway (issue 9).
    """

    def __init__(self, desk: DeskContext) -> None:
        self.desk = desk
        self.db = desk.db
        self.repository = CaseRepository(desk)
        self.attachments = self.repository.attachments
        self.findings = CaseFindings(self.repository)
        self.intakes = CaseIntake(self.repository, self.findings)
        self.lifecycle = CaseLifecycle(self.repository, self.findings)
        self.queue = CaseQueue(self.repository)
        self.exports = CaseExport(self.repository)

    # ------------------------------------------------------------------ procedure rules, numbering, clock

    def procedure(self, code: str) -> Procedure:
        return self.repository.procedure(code)

    def due_date_for(self, procedure: Procedure, received_at: datetime) -> date:
        return self.repository.due_date_for(procedure, received_at)

    def calendar_warning(self, due: date | None) -> str | None:
        return self.repository.calendar_warning(due)

    def fee_for(self, procedure: Procedure, channel: str) -> int | None:
        return self.repository.fee_for(procedure, channel)

    def next_dossier_code(self, session: Session, received_at: datetime) -> str:
        return self.repository.next_dossier_code(session, received_at)

    def next_register_number(self, session: Session, year: int) -> int:
        return self.repository.next_register_number(session, year)

    def clock_problem(self) -> datetime | None:
        return self.repository.clock_problem()

    def confirm_clock(self) -> None:
        self.repository.confirm_clock()

    def guard_clock(self) -> None:
        self.repository.guard_clock()

    # ------------------------------------------------------------------ intake and import

    def import_paths(self, paths: Sequence[Path], progress: Progress | None = None) -> ImportReport:
        self.desk.require(Permission.CASE_WORK)
        return self.intakes.import_paths(paths, progress)

    def import_file(self, path: Path) -> tuple[str, str]:
        self.desk.require(Permission.CASE_WORK)
        return self.intakes.import_file(path)

    def intake(self, dossier_obj: dict[str, Any], files: dict[str, bytes] | None = None) -> str:
        self.desk.require(Permission.CASE_WORK)
        return self.intakes.intake(dossier_obj, files)

    # ------------------------------------------------------------------ findings

    def record_findings(
        self, session: Session, case_id: int, findings: Sequence[ScreeningFinding], engine_version: str
    ) -> None:
        self.findings.record_findings(session, case_id, findings, engine_version)

    def decide_finding(self, finding_id: int, decision: str, reason: str = "") -> None:
        self.desk.require(Permission.CASE_WORK)
        self.findings.decide_finding(finding_id, decision, reason)

    def open_duplicates_view(self, session: Session) -> Callable[[str, str, str, str | None], list[str]]:
        return self.findings.open_duplicates_view(session)

    # ------------------------------------------------------------------ lifecycle and assignment

    def transition(
        self, ref: str | int, action: Action | str, reason: str = "", expected_version: int | None = None,
        session: Session | None = None, **details: Any,
    ) -> str:
        self.desk.require(Permission.CASE_REFUSE if action == Action.REFUSE else Permission.CASE_WORK)
        return self.lifecycle.transition(ref, action, reason, expected_version, session, **details)

    def assign(self, ref: str | int, username: str | None = None, force: bool = False, reason: str = "") -> None:
        self.desk.require(Permission.CASE_WORK)
        self.lifecycle.assign(ref, username, force, reason)

    def unassign(self, ref: str | int) -> None:
        self.desk.require(Permission.CASE_WORK)
        self.lifecycle.unassign(ref)

    def update_dossier(self, ref: str | int, changes: dict[str, Any], reason: str = "") -> None:
        self.desk.require(Permission.CASE_WORK)
        self.lifecycle.update_dossier(ref, changes, reason)

    # ------------------------------------------------------------------ queue queries and search

    def list_ids(self, flt: QueueFilter, offset: int = 0, limit: int = 200) -> list[int]:
        self.desk.require(Permission.CASE_VIEW)
        return self.queue.list_ids(flt, offset, limit)

    def page(self, flt: QueueFilter, offset: int = 0, limit: int = 50) -> list[CaseRow]:
        self.desk.require(Permission.CASE_VIEW)
        return self.queue.page(flt, offset, limit)

    def page_after(self, flt: QueueFilter, after: CaseRow, limit: int = 50) -> list[CaseRow] | None:
        self.desk.require(Permission.CASE_VIEW)
        return self.queue.page_after(flt, after, limit)

    def count(self, flt: QueueFilter) -> int:
        return self.queue.count(flt)

    def search(self, text: str, limit: int = 50) -> list[CaseRow]:
        self.desk.require(Permission.CASE_VIEW)
        return self.queue.search(text, limit)

    def search_queue(self, flt: QueueFilter, limit: int = 200) -> tuple[list[int], bool]:
        return self.queue.search_queue(flt, limit)

    def search_page(self, flt: QueueFilter, limit: int = 200, shown: int = 50,
                    ) -> tuple[list[int], list[CaseRow], bool]:
        return self.queue.search_page(flt, limit, shown)

    def rows(self, ids: Sequence[int]) -> list[CaseRow]:
        return self.queue.rows(ids)

    def status_counts(self) -> dict[str, int]:
        return self.queue.status_counts()

    def detail(self, ref: str | int) -> CaseDetail:
        self.desk.require(Permission.CASE_VIEW)
        return self.queue.detail(ref)

    def active_officers(self) -> list[tuple[str, str]]:
        return self.queue.active_officers()

    def pending_outbox_count(self) -> int:
        return self.queue.pending_outbox_count()

    # ------------------------------------------------------------------ export

    def attachment_bytes(self, content_sha256: str) -> bytes:
        return self.exports.attachment_bytes(content_sha256)

    def export(self, out_dir: Path, statuses: Sequence[str] = (), progress: Progress | None = None) -> list[str]:
        self.desk.require(Permission.DATA_EXPORT)
        return self.exports.export(out_dir, statuses, progress)
