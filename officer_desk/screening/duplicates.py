"""Duplicate submissions: an open dossier with the same procedure, applicant ID and subject.

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
    if not id_key.strip():
        return  # without an ID number every anonymous filing would look alike
    find: Callable[..., list[str]] = getattr(ctx.queue, "find", ctx.queue)
    own = ctx.dossier.dossier_code
    for code in find(procedure.code, id_key, subject_key(procedure, ctx.dossier), own):
        if not code or code == own:
            continue
        ctx.add(R.DUPLICATE_SUBMISSION, R.WARNING, f"queue:{code}",
                text("Có thể trùng hồ sơ đang xử lý {code}", code=code),
                text("Hồ sơ {code} cùng thủ tục {procedure}, cùng số giấy tờ người nộp và cùng đối tượng, "
                     "chưa kết thúc", code=code, procedure=procedure.code),
                text("Kiểm tra hồ sơ {code} (nộp trực tuyến và trực tiếp song song?) trước khi tiếp nhận",
                     code=code))
