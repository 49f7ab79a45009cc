"""Cases coming in: dossier files imported, dossiers built at the counter, supplements merged."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from officer_desk import dossier as dossier_format
from officer_desk.cases.findings import CaseFindings
from officer_desk.cases.new_case import NewCaseWriter
from officer_desk.cases.repository import CaseRepository
from officer_desk.cases.views import ImportReport, Progress
from officer_desk.dossier import LOCAL_TZ, Dossier
from officer_desk.errors import ConflictError, DeskError, DossierFormatError, InputError
from officer_desk.i18n import _
from officer_desk.lifecycle import Action, Status, check_transition
from officer_desk.models import Case
from officer_desk.models.record_digest import digest_of, holds_record
from officer_desk.models.statistics import optimize

logger = logging.getLogger(__name__)
_CASES = Case.__table__.c
# Is the dossier here already, with the same record as received? Only what the answer needs (the ORM row would
# load both JSON records): the stored digest is NULL when it is the record's own (migration 0028), so the record
# comes too, compared as text (officer_desk.models.record_digest.holds_record).
_EXISTING_BY_CODE = select(_CASES.id, _CASES.raw_sha256, _CASES.raw_json, _CASES.status).where(
    _CASES.dossier_code == bindparam("code"))
_CODE_BY_SOURCE = select(_CASES.dossier_code).where(_CASES.source_file_sha256 == bindparam("sha"))
MAX_JSON_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


class CaseIntake:
    """Creates cases (one transaction each, screened in it) and merges supplements."""

    def __init__(self, repository: CaseRepository, findings: CaseFindings) -> None:
        self.repository = repository
        self.findings = findings
        self.new_cases = NewCaseWriter(repository, findings)

    def import_paths(self, paths: Sequence[Path], progress: Progress | None = None) -> ImportReport:
        """Import dossier files (a folder means every ``*.json`` below it, sorted)."""
        files: list[Path] = []
        report = ImportReport()
        for path in paths:
            path = Path(path)
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*.json") if p.is_file()))
            elif path.is_file():
                files.append(path)
            else:
                report.failed.append({"file": str(path), "error": _("Không tìm thấy tệp hoặc thư mục")})
        for index, path in enumerate(files):
            if progress is not None:
                if progress.cancelled():
                    break
                progress.report(index, len(files), path.name)
            try:
                outcome, code = self.import_file(path)
            except DeskError as exc:
                report.failed.append({"file": str(path), "error": exc.message})
                continue
            except OSError as exc:
                report.failed.append(
                    {"file": str(path), "error": _("Không đọc được tệp: {reason}", reason=exc.strerror or "")}
                )
                continue
            except Exception as exc:  # noqa: BLE001 - one bad file never ends the run (issue 16)
                lookup = uuid.uuid4().hex[:8]
                # the type and the lookup code only: the message may quote personal data from the file
                logger.error("import of one file failed (%s, lookup %s)", type(exc).__name__, lookup,
                             exc_info=(type(exc), exc, None))
                report.failed.append({"file": str(path), "error": _(
                    "Không xử lý được tệp này ({kind}, mã tra cứu {lookup}); các tệp khác vẫn được nhập",
                    kind=type(exc).__name__, lookup=lookup)})
                continue
            if outcome == "skipped":
                report.skipped.append(code)
            else:
                report.imported.append(code)  # a merged supplement counts as imported (the contract's lists)
                if outcome == "supplemented":
                    report.supplemented.append(code)
        if progress is not None:
            progress.report(len(files), len(files), "")
        if report.imported:
            optimize(self.repository.db.engine)  # bulk work: the planner's figures follow the desk's growth
        return report

    def read_dossier_file(self, path: Path) -> tuple[bytes, dict[str, Any], Dossier, dict[int, bytes]]:
        """Read and validate one dossier file and its attachment files (nothing is written)."""
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise InputError(
                _("Tệp JSON lớn hơn giới hạn {limit} MiB", limit=MAX_JSON_BYTES // (1024 * 1024)),
                code="too_large",
            )
        data = path.read_bytes()
        obj = dossier_format.loads(data)
        parsed = dossier_format.parse(obj)
        self.repository.procedure(parsed.procedure_code)
        base = path.parent.resolve()
        files: dict[int, bytes] = {}
        for index, item in enumerate(parsed.attachments):
            if not item.file:
                continue
            try:
                candidate = (base / item.file).resolve()
                readable = candidate.is_file()
            except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop, an absurd name
                raise DossierFormatError(_("Không mở được tệp đính kèm {file} (liên kết vòng hoặc tên không hợp lệ)",
                                           file=str(item.file)[:200])) from exc
            if not candidate.is_relative_to(base) or Path(item.file).is_absolute():
                raise DossierFormatError(
                    _("Tệp đính kèm {file} nằm ngoài thư mục của hồ sơ", file=item.file), code="path_escape"
                )
            if not readable:
                raise DossierFormatError(_("Không tìm thấy tệp đính kèm {file}", file=item.file))
            if candidate.stat().st_size > MAX_ATTACHMENT_BYTES:
                raise InputError(
                    _("Tệp đính kèm {file} lớn hơn giới hạn {limit} MiB", file=item.file,
                      limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)),
                    code="too_large",
                )
            files[index] = candidate.read_bytes()
        return data, obj, parsed, files

    def import_file(self, path: Path) -> tuple[str, str]:
        """Import one file in one transaction: ("imported"|"skipped"|"supplemented", dossier code)."""
        data, obj, parsed, files = self.read_dossier_file(path)
        raw_text = data.decode("utf-8-sig")
        file_sha = hashlib.sha256(data).hexdigest()
        try:
            with self.repository.db.session() as session:
                if parsed.dossier_code:
                    existing = session.execute(_EXISTING_BY_CODE, {"code": parsed.dossier_code}).first()
                    if existing is not None:
                        if holds_record(existing.raw_sha256, existing.raw_json, raw_text):
                            return "skipped", parsed.dossier_code
                        if existing.status == Status.SUPPLEMENT_REQUESTED:
                            case = self.repository.case(session, int(existing.id))
                            self._merge_supplement(session, case, parsed, raw_text, files)
                            return "supplemented", case.dossier_code
                        raise ConflictError(
                            _(
                                "Xung đột: hồ sơ {code} đã có với nội dung khác; không ghi đè",
                                code=parsed.dossier_code,
                            )
                        )
                else:
                    existing_code = session.execute(_CODE_BY_SOURCE, {"sha": file_sha}).scalar_one_or_none()
                    if existing_code is not None:
                        return "skipped", existing_code
                return "imported", self.new_cases.write(session, parsed, raw_text, files, source_sha256=file_sha)
        except IntegrityError as exc:
            raise ConflictError(_("Xung đột khi ghi hồ sơ (mã hồ sơ đã tồn tại)")) from exc

    def intake(self, dossier_obj: dict[str, Any], files: dict[str, bytes] | None = None) -> str:
        """Create a case from a dossier built at the counter (scans as bytes); returns its code.

        Same checks and transaction as an imported file, screened in that transaction; nothing is
        written outside the encrypted stores.
        """
        files = files or {}
        raw_text = json.dumps(dossier_obj, ensure_ascii=False)
        parsed = dossier_format.parse(dossier_format.loads(raw_text))
        self.repository.procedure(parsed.procedure_code)
        by_index: dict[int, bytes] = {}
        for index, item in enumerate(parsed.attachments):
            if item.file is None:
                continue
            if item.file not in files:
                raise DossierFormatError(_("Không tìm thấy tệp đính kèm {file}", file=item.file))
            data = files[item.file]
            if len(data) > MAX_ATTACHMENT_BYTES:
                raise InputError(
                    _("Tệp đính kèm {file} lớn hơn giới hạn {limit} MiB", file=item.file,
                      limit=MAX_ATTACHMENT_BYTES // (1024 * 1024)),
                    code="too_large",
                )
            by_index[index] = data
        try:
            with self.repository.db.session() as session:
                return self.new_cases.write(session, parsed, raw_text, by_index)
        except IntegrityError as exc:
            raise ConflictError(_("Xung đột khi ghi hồ sơ (mã hồ sơ đã tồn tại)")) from exc

    def _merge_supplement(
        self, session: Session, case: Case, parsed: Dossier, raw_text: str, files: dict[int, bytes]
    ) -> None:
        """The file is the supplement to a case waiting for one: merge it and restart the clock."""
        self.repository.guard_clock()
        procedure = self.repository.procedure(parsed.procedure_code)
        officer = self.repository.officer(session)
        check_transition(case.status, Action.SUPPLEMENT_RECEIVED)
        previous = case.status
        now = datetime.now(LOCAL_TZ)
        self.repository.fill_case(case, parsed, procedure, dict(parsed.raw))
        case.raw_json = raw_text
        case.raw_sha256 = digest_of(raw_text)  # stored only if it is not the new record's own (record_digest)
        case.attachments.clear()
        session.flush()
        self.repository.store_attachments(session, case, parsed, files)
        case.status = Status.RECEIVED
        case.clock_started_at = now
        case.due_date = self.repository.due_date_for(procedure, now, parsed)
        self.repository.replace_terms(session, case)
        self.repository.event(session, case, officer, Action.SUPPLEMENT_RECEIVED, previous, Status.RECEIVED,
                    clock_restarted=now.isoformat())
        session.flush()
        self.findings.screen_in_session(session, case)
