"""Duplicate submissions: an open dossier with the same procedure, applicant ID and subject; for birth, death,
marriage and guardianship the same subject whoever files (the key starts with ``ev|``; the queue then ignores
the applicant's ID — Luật Hộ tịch Art. 5(4): one event, one registration).

"Open" = not returned, refused or withdrawn (the queue view decides); a dossier is never a duplicate of
itself; certification procedures (``duplicate_exempt`` in the catalogue) are never reported.
"""

from __future__ import annotations

from collections.abc import Callable

from officer_desk.catalogue import Procedure
from officer_desk.dossier import Dossier
from officer_desk.screening import result as R
from officer_desk.screening.context import ScreeningContext, text
from officer_desk.text import digits

EVENT_PREFIX = "ev|"
# The contract names these; the catalogue says the same with ``duplicate_exempt`` (kept as a safety net).
CERTIFICATION_PROCEDURES = frozenset({"2.000815", "2.000884", "2.000635", "2.001035"})


def subject_key(procedure: Procedure, dossier: Dossier) -> str:
    """The key the queue stores for the dossier's subject."""
    return procedure.subject_key(dossier)


def applicant_id_key(dossier: Dossier) -> str:
    """The applicant's ID as the queue stores it (digits, else the text as typed)."""
    number = dossier.applicant.id_number
    return digits(number)[:32] or number[:32]


def check(ctx: ScreeningContext) -> None:
    procedure = ctx.procedure
    if procedure.duplicate_exempt or procedure.code in CERTIFICATION_PROCEDURES:
        return
    id_key = applicant_id_key(ctx.dossier)
    subject = subject_key(procedure, ctx.dossier)
    by_event = subject.startswith(EVENT_PREFIX)
    if not id_key.strip() and not by_event:
        return  # without an ID number every anonymous filing would look alike
    find: Callable[..., list[str]] = getattr(ctx.queue, "find", ctx.queue)
    own = ctx.dossier.dossier_code
    for code in find(procedure.code, "" if by_event else id_key, subject, own):
        if not code or code == own:
            continue
        evidence = (text("Hồ sơ {code} cùng thủ tục {procedure} về cùng một sự kiện hộ tịch (cùng họ tên, ngày "
                         "sinh và người mẹ/bên kia), dù người nộp khác; chưa kết thúc", code=code,
                         procedure=procedure.code) if by_event else
                    text("Hồ sơ {code} cùng thủ tục {procedure}, cùng số giấy tờ người nộp và cùng đối tượng, "
                         "chưa kết thúc", code=code, procedure=procedure.code))
        ctx.add(R.DUPLICATE_SUBMISSION, R.WARNING, f"queue:{code}",
                text("Có thể trùng hồ sơ đang xử lý {code}", code=code),
                evidence,
                text("Kiểm tra hồ sơ {code} (nộp trực tuyến và trực tiếp song song?) trước khi tiếp nhận",
                     code=code))
