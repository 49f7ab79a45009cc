"""The hand-computed report data set (tests/integration/test_reports.py explains every figure).

Calendar facts it relies on (shipped override table, 2026): Fri 24/04, Tue 28/04 and Wed 29/04 are
worked; Sat 25, Sun 26, Mon 27/04 (compensation for Giỗ Tổ), Thu 30/04 and Fri 01/05 are days off;
Mon 04/05 to Fri 08/05 are worked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import Action
from officer_desk.models import Case, CaseEvent, Finding, Officer, SignedDocument
from officer_desk.reports import Period
from officer_desk.reports.facts import record_work_span

P1 = "1.004194"  # temporary residence registration
P2 = "1.004873"  # marital-status certificate
PERIOD = Period(date(2026, 4, 24), date(2026, 4, 30))
NOW = datetime(2026, 5, 8, 12, 0, tzinfo=LOCAL_TZ)


def local(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=LOCAL_TZ)


@dataclass
class Spec:
    name: str
    received: datetime
    channel: str
    procedure: str
    status: str
    due: date | None
    returned: datetime | None = None
    clock_started: datetime | None = None
    supplement_requests: tuple[datetime, ...] = ()
    address: str = "xã Yên Lạc, tỉnh Phú Thọ"
    desk: int = 1
    officer: str | None = None


SPECS = [
    # Before the period by five minutes of local time (16:55 UTC on 23/04): not counted.
    Spec("A", local(23, 4, 23, 55), "truc_tuyen", P1, "returned", date(2026, 4, 28), local(28, 4, 9)),
    # 00:05 local on 24/04 is still 23/04 in UTC: counted. On time, 1 working day (25–27/04 off).
    Spec("B", local(24, 4, 0, 5), "truc_tuyen", P1, "returned", date(2026, 4, 28), local(28, 4, 10)),
    # Early: returned 28/04, due 29/04; 1 working day.
    Spec("C", local(24, 4, 9), "truc_tiep", P1, "returned", date(2026, 4, 29), local(28, 4, 15),
         address="phường Việt Trì, tỉnh Phú Thọ", officer="canbo.a"),
    # Supplement requested 28/04, received 05/05: the clock restarts, due 07/05, returned 07/05 = on time;
    # 2 working days from the restart (from receipt it would have been 5 and late against 30/04).
    Spec("D", local(28, 4, 8), "truc_tuyen", P2, "returned", date(2026, 5, 7), local(7, 5, 15),
         clock_started=local(5, 5, 9), supplement_requests=(local(28, 4, 10),), officer="canbo.a"),
    # Late: due 04/05, returned 06/05; 3 working days (30/04, 01/05 and the weekend off).
    Spec("E", local(29, 4, 14), "buu_chinh", P2, "returned", date(2026, 5, 4), local(6, 5, 11)),
    # Received on a holiday late in the evening (23:30 local, 16:30 UTC): counted; refused.
    Spec("F", local(30, 4, 23, 30), "truc_tuyen", P1, "refused", date(2026, 5, 5)),
    # 00:00 local on 01/05 (17:00 UTC on 30/04): after the period.
    Spec("H", local(1, 5, 0, 0), "truc_tiep", P1, "received", date(2026, 5, 6)),
    # Still open: in processing, due 30/04 → overdue on 08/05, 10 days old (bucket 6–10).
    Spec("I", local(28, 4, 8), "truc_tiep", P1, "in_processing", date(2026, 4, 30)),
    # A supplement request, then withdrawn; another desk.
    Spec("J", local(29, 4, 9), "truc_tuyen", P1, "withdrawn", date(2026, 5, 5),
         supplement_requests=(local(29, 4, 10),), desk=2),
]


def _dossier(spec: Spec) -> dict[str, Any]:
    return {"format": "officer-desk/application@1", "dossier_code": f"000.00.01.X99-2604{spec.name}-0001",
            "procedure_code": spec.procedure, "channel": spec.channel,
            "applicant": {"full_name": f"Người {spec.name}", "address": spec.address}}


def load_dataset(desk: Any, extra: Sequence[Spec] = ()) -> dict[str, int]:
    """Rows and timeline events as the services write them (triggers do the rest); ``extra``: cases added to
    ``SPECS``."""
    ids: dict[str, int] = {}
    with desk.db.session() as session:
        officer = Officer(username="canbo.a", full_name="Cán Bộ A")
        session.add(officer)
        session.flush()
        for spec in (*SPECS, *extra):
            text = json.dumps(_dossier(spec), ensure_ascii=False)
            case = Case(
                dossier_code=f"000.00.01.X99-2604{spec.name}-0001", procedure_code=spec.procedure,
                channel=spec.channel, status=spec.status, received_at=spec.received, due_date=spec.due,
                clock_started_at=spec.clock_started or spec.received, applicant_name=f"Người {spec.name}",
                raw_json=text, dossier_json=text, raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
                origin_desk=spec.desk, assigned_officer_id=officer.id if spec.officer else None,
            )
            session.add(case)
            session.flush()
            ids[spec.name] = case.id
            # The assigned officer also took these dossiers in (test_reports_handling covers them apart).
            session.add(CaseEvent(case_id=case.id, at=spec.received, action="received", to_status="received",
                                  officer_id=officer.id if spec.officer else None))
            for moment in spec.supplement_requests:
                session.add(CaseEvent(case_id=case.id, at=moment, action=Action.REQUEST_SUPPLEMENT.value,
                                      from_status="received", to_status="supplement_requested"))
            if spec.returned is not None:
                session.add(CaseEvent(case_id=case.id, at=spec.returned, action=Action.RETURN_RESULT.value,
                                      from_status="result_ready", to_status="returned"))
            session.flush()
        findings = [("C", "MISSING_REQUIRED_DOC", "dismissed", False), ("D", "MISSING_REQUIRED_DOC", "open", False),
                    ("D", "PHONE_INVALID", "accepted", False), ("A", "PHONE_INVALID", "dismissed", False),
                    ("B", "NAME_MISMATCH", "open", True)]
        received = {spec.name: spec.received for spec in SPECS}
        for name, code, decision, superseded in findings:
            # Hints are raised when the dossier is screened, at its receipt.
            session.add(Finding(case_id=ids[name], code=code, severity="error", decision=decision,
                                superseded=superseded, created_at=received[name] + timedelta(minutes=1)))
        documents = [("C", "receipt", local(24, 4, 9, 5), "Máy 1"), ("B", "receipt", local(24, 4, 0, 10), "Máy 1"),
                     ("D", "supplement", local(28, 4, 10), ""), ("A", "receipt", local(23, 4, 23, 58), "Máy 1")]
        for name, kind, moment, signer in documents:
            session.add(SignedDocument(case_id=ids[name], doc_type=kind, created_at=moment, content_sha256="0" * 64,
                                       signer=signer))
    # Handling time: 6 minutes on C (+ a 3-second glance, not counted), 40 minutes on D (capped at 30).
    record_work_span(desk.db, ids["C"], "canbo.a", local(24, 4, 9), local(24, 4, 9, 6))
    record_work_span(desk.db, ids["C"], "canbo.a", local(25, 4, 9), local(25, 4, 9).replace(second=3))
    record_work_span(desk.db, ids["D"], "canbo.a", local(28, 4, 8), local(28, 4, 8, 40))
    return ids
