"""Due date, fee, and the holiday hint: did a public holiday or swapped day off push the due date later?"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from officer_desk.catalogue import Procedure
from officer_desk.config import DeskConfig
from officer_desk.screening import result as R
from officer_desk.screening.context import ScreeningContext, Text, text
from officer_desk.workdays import WorkingCalendar, compute_due_date, plain_calendar


@lru_cache(maxsize=1)
def _plain() -> WorkingCalendar:
    """Monday–Friday, nothing else (built once: the real calendar's holiday table is not needed)."""
    return plain_calendar()


def due_date(procedure: Procedure, received: datetime, calendar: WorkingCalendar) -> date:
    return compute_due_date(received, procedure.processing_unit, procedure.processing_days, calendar,
                            procedure.same_day_cutoff)


def fee(procedure: Procedure, channel: str, config: DeskConfig | None) -> int | None:
    """Online fee for online filings when the procedure has one; the province's configured fee when the
    national one is null (``config.fees``); None when the province sets it and it is not configured."""
    return procedure.fee_for(channel, config.fees if config is not None else None)


CALENDAR_UNCONFIRMED = "CALENDAR_UNCONFIRMED"


def check(ctx: ScreeningContext) -> date:
    """The due date; adds DEADLINE_ADJUSTED_FOR_HOLIDAY when the real calendar's date is later, and
    CALENDAR_UNCONFIRMED when the date rests on a year or a day the calendar has not confirmed."""
    procedure = ctx.procedure
    real = due_date(procedure, ctx.received, ctx.calendar)
    if ctx.calendar.plain:
        return real
    reasons = ctx.calendar.unconfirmed(ctx.receipt_date, real)
    if reasons:
        ctx.add(CALENDAR_UNCONFIRMED, R.INFO, "due_date",
                text("Hạn trả {due} tính theo lịch chưa được xác nhận", due=real.strftime("%d/%m/%Y")),
                Text("; ".join(vi for vi, _en in reasons), "; ".join(en for _vi, en in reasons)),
                text("Báo người nộp hạn trả có thể thay đổi; cập nhật lịch ngày nghỉ khi có văn bản"))
    naive = due_date(procedure, ctx.received, _plain())
    if real <= naive:
        return real
    days_off = []
    day = ctx.receipt_date
    while day < real:
        if day.weekday() < 5 and not ctx.calendar.is_working_day(day):
            reason = ctx.calendar.day_off_reason(day) or ""
            days_off.append(f"{day.strftime('%d/%m/%Y')} ({reason})" if reason else day.strftime("%d/%m/%Y"))
        day += timedelta(days=1)
    ctx.add(R.DEADLINE_ADJUSTED_FOR_HOLIDAY, R.INFO, "due_date",
            text("Hạn trả kết quả lùi đến {due} do ngày nghỉ lễ", due=real.strftime("%d/%m/%Y")),
            text("Lịch thường (thứ Hai–thứ Sáu) cho {naive}; ngày nghỉ: {days}", naive=naive.strftime("%d/%m/%Y"),
                 days=", ".join(days_off) or "—"),
            text("Báo người nộp ngày hẹn trả {due}", due=real.strftime("%d/%m/%Y")))
    return real
