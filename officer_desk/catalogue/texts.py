"""Display texts of a procedure shared by the CLI, the window and the assistant (current language)."""

from __future__ import annotations

from officer_desk.catalogue.model import Procedure
from officer_desk.i18n import _


def processing_text(procedure: Procedure) -> str:
    """The statutory processing time in words (current language)."""
    if procedure.processing_unit == "same_day":
        if procedure.same_day_cutoff is not None:
            return _("Trong ngày (nhận sau {cutoff}: ngày làm việc tiếp theo)",
                     cutoff=procedure.same_day_cutoff.strftime("%H:%M"))
        return _("Trong ngày")
    if procedure.processing_unit == "working_days":
        return _("{days} ngày làm việc", days=procedure.processing_days)
    return _("{days} ngày", days=procedure.processing_days)


def fee_text(procedure: Procedure) -> str:
    """The fee in words (current language); provincial fees say so."""
    def amount(value: int) -> str:
        return _("Miễn phí") if value == 0 else _("{amount} đồng", amount=f"{value:,}".replace(",", "."))

    base = amount(procedure.fee_vnd) if procedure.fee_vnd is not None else _("Theo mức của HĐND tỉnh")
    if procedure.fee_online_vnd is not None and procedure.fee_online_vnd != procedure.fee_vnd:
        return _("{base}; trực tuyến: {online}", base=base, online=amount(procedure.fee_online_vnd))
    return base
