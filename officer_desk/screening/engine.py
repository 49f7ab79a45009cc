"""The screening engine: a dossier, the catalogue and a view of the open queue in; findings out.

Pure rules: no Qt, no files, no database, and no clock when the dossier carries ``received_at``. What
the catalogue can say (required documents, conditions, required fields, validity windows, subject,
registration windows, duplicate exemption) is read from it; code covers only what data cannot say.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from officer_desk.catalogue import Catalogue, Procedure
from officer_desk.catalogue.fees import quote
from officer_desk.config import DeskConfig
from officer_desk.dossier import LOCAL_TZ, Dossier
from officer_desk.errors import UnknownProcedureError
from officer_desk.i18n import _
from officer_desk.screening import completeness, deadlines, duplicates, fields, identity, inputs, names
from officer_desk.screening.context import DuplicateQueue, ScreeningContext, no_queue
from officer_desk.screening.result import ENGINE_VERSION, ScreeningResult
from officer_desk.workdays import WorkingCalendar

__all__ = ["ENGINE_VERSION", "screen_dossier", "screen_with_procedure"]


def screen_dossier(
    dossier: Dossier,
    catalogue: Catalogue,
    calendar: WorkingCalendar,
    config: DeskConfig | None = None,
    queue: DuplicateQueue | Any = None,
    now: datetime | None = None,
) -> ScreeningResult:
    """Screen one dossier. ``now`` stands for the receipt moment when the dossier has no ``received_at``.

    Raises UnknownProcedureError when the catalogue does not know the procedure.
    """
    procedure = catalogue.find(dossier.procedure_code)
    if procedure is None:
        raise UnknownProcedureError(_("Thủ tục không có trong danh mục: {code}", code=dossier.procedure_code))
    return screen_with_procedure(dossier, procedure, calendar, config, queue, now, catalogue)


def screen_with_procedure(
    dossier: Dossier,
    procedure: Procedure,
    calendar: WorkingCalendar,
    config: DeskConfig | None = None,
    queue: DuplicateQueue | Any = None,
    now: datetime | None = None,
    catalogue: Catalogue | None = None,
) -> ScreeningResult:
    received = dossier.received_at or now or datetime.now(LOCAL_TZ)
    if received.tzinfo is None:
        received = received.replace(tzinfo=LOCAL_TZ)
    received = received.astimezone(LOCAL_TZ)
    # A dossier is judged by the version of the procedure in force on its receipt date.
    procedure = procedure.version_on(received.date())
    reading = inputs.read_inputs(procedure, dossier)
    procedure = procedure.for_dossier(reading.dossier, received.date())
    ctx = ScreeningContext(
        dossier=reading.dossier,
        procedure=procedure,
        catalogue=catalogue,
        calendar=calendar,
        config=config,
        queue=queue or no_queue,
        received=received,
    )
    inputs.check(ctx, reading)
    inputs.report_mappings(ctx, reading)
    completeness.check(ctx)
    fields.check_required_fields(ctx)
    identity.check(ctx)
    identity.check_loose_numbers(ctx)
    identity.check_document_names(ctx)
    fields.check_values(ctx)
    fields.check_marriage_age(ctx)
    fields.check_late_registration(ctx)
    names.check_texts(ctx)
    duplicates.check(ctx)
    due = deadlines.check(ctx)
    fee = quote(procedure, ctx.dossier, dossier.channel, config.fees if config is not None else None,
                ctx.receipt_date, late=bool(ctx.cache.get("late_registration")))
    return ScreeningResult(
        dossier_code=dossier.dossier_code,
        procedure_code=procedure.code,
        due_date=due,
        fee_vnd=fee.amount,
        findings=ctx.sink.sorted(),
        fee_basis=fee.basis_vi,
        fee_basis_en=fee.basis_en,
        code_confidence=procedure.code_confidence,
        code_note=procedure.code_note,
    )
