"""Fee schedules in the catalogue's data, and the amount a dossier owes with the way it was computed.

A procedure's ``fee_schedule`` says how the national fee grows with the dossier (per page with a cap per copy,
per copy, per person); ``late_fee`` is what a late registration costs (``province``: the provincial council
sets it, filled in once in ``config.toml`` under ``fees`` as ``CODE/late``); ``fee_exemptions`` waive the fee
under a condition during a period. Pages and copies come from the dossier (``so_trang``/``so_ban`` in an
attachment's ``fields``; absent = 1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from officer_desk.catalogue.model import PROVINCE, FeeExemption, FeeSchedule, Procedure
from officer_desk.dossier import Dossier, form_value
from officer_desk.i18n import both
from officer_desk.vocabulary import Channel

SCHEDULE_KINDS = ("flat", "per_page", "per_copy", "per_person")
__all__ = ["PROVINCE", "SCHEDULE_KINDS", "FeeExemption", "FeeQuote", "FeeSchedule", "carry_counts", "quote"]


@dataclass(frozen=True)
class FeeQuote:
    """The amount owed (None: set by the province and not configured) and how it was computed."""

    amount: int | None
    basis_vi: str
    basis_en: str

    def basis(self, language: str = "vi") -> str:
        return self.basis_en if language == "en" and self.basis_en else self.basis_vi


def money(value: int) -> str:
    """2000 -> "2.000đ" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".") + "đ"


def _count(dossier: Dossier, key: str) -> int | None:
    """The first positive whole number under ``key`` in an attachment's fields (None: absent/unreadable)."""
    for attachment in dossier.attachments:
        value = (attachment.fields or {}).get(key)
        number = _whole(value)
        if number is not None:
            return number
    return None


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float) and value.is_integer():
        return int(value) if value > 0 else None
    if isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
        return number if number > 0 else None
    return None


def pages_and_copies(dossier: Dossier) -> tuple[int, int]:
    """``so_trang`` and ``so_ban`` from whichever attachment carries them (application-format.md); 1 if absent."""
    return _count(dossier, "so_trang") or 1, _count(dossier, "so_ban") or 1


def _text(template: str, **values: Any) -> tuple[str, str]:
    return both(template, **values)


def _scheduled(schedule: FeeSchedule, dossier: Dossier) -> tuple[int, str, str]:
    pages, copies = pages_and_copies(dossier)
    if schedule.kind == "per_page":
        first = min(pages, schedule.first_pages) if schedule.first_pages else pages
        rest = pages - first
        per_copy = first * schedule.unit_vnd + rest * schedule.next_page_vnd
        capped = schedule.max_per_copy_vnd is not None and per_copy > schedule.max_per_copy_vnd
        if capped:
            assert schedule.max_per_copy_vnd is not None
            per_copy = schedule.max_per_copy_vnd
            vi, en = _text("{copies} bản × {cap} (mức tối đa mỗi bản; {pages} trang)", copies=copies,
                           cap=money(per_copy), pages=pages)
        elif rest:
            vi, en = _text("{copies} bản × ({first} trang × {rate} + {rest} trang × {next_rate})", copies=copies,
                           first=first, rate=money(schedule.unit_vnd), rest=rest,
                           next_rate=money(schedule.next_page_vnd))
        else:
            vi, en = _text("{copies} bản × {pages} trang × {rate}", copies=copies, pages=pages,
                           rate=money(schedule.unit_vnd))
        return copies * per_copy, vi, en
    if schedule.kind == "per_copy":
        vi, en = _text("{copies} bản × {rate}", copies=copies, rate=money(schedule.unit_vnd))
        return copies * schedule.unit_vnd, vi, en
    if schedule.kind == "per_person":
        value = form_value(dossier.form, schedule.count_field or "")
        people = len(value) if isinstance(value, list) else (_whole(value) or 1)
        vi, en = _text("{people} người × {rate}", people=people, rate=money(schedule.unit_vnd))
        return people * schedule.unit_vnd, vi, en
    vi, en = _text("Mức thu {rate}", rate=money(schedule.unit_vnd))
    return schedule.unit_vnd, vi, en


def quote(
    procedure: Procedure,
    dossier: Dossier | None,
    channel: str,
    provincial_fees: Mapping[str, int] | None = None,
    day: date | None = None,
    late: bool = False,
) -> FeeQuote:
    """The fee this dossier owes and how it was computed (the officer reads the text to the citizen)."""
    fees = provincial_fees or {}
    if dossier is not None and day is not None:
        for exemption in procedure.fee_exemptions:
            if exemption.applies(dossier, day):
                vi = _text("Miễn: {note}", note=exemption.note_vi)[0]
                en = _text("Miễn: {note}", note=exemption.note_en or exemption.note_vi)[1]
                return FeeQuote(0, vi, en)
    if late and procedure.late_fee is not None:
        if procedure.late_fee == PROVINCE:
            amount = fees.get(f"{procedure.code}/late")
            if amount is None:
                vi, en = _text("Đăng ký quá hạn: lệ phí do HĐND tỉnh quy định, chưa cấu hình")
                return FeeQuote(None, vi, en)
            vi, en = _text("Đăng ký quá hạn: {amount} (mức HĐND tỉnh, đã cấu hình)", amount=money(amount))
            return FeeQuote(amount, vi, en)
        assert isinstance(procedure.late_fee, int)
        vi, en = _text("Đăng ký quá hạn: {amount}", amount=money(procedure.late_fee))
        return FeeQuote(procedure.late_fee, vi, en)
    if channel == Channel.ONLINE and procedure.fee_online_vnd is not None:
        vi, en = _text("Nộp trực tuyến: {amount}", amount=money(procedure.fee_online_vnd))
        return FeeQuote(procedure.fee_online_vnd, vi, en)
    if procedure.fee_vnd is None:
        amount = fees.get(procedure.code)
        if amount is None:
            vi, en = _text("Lệ phí do HĐND tỉnh quy định, chưa cấu hình")
            return FeeQuote(None, vi, en)
        vi, en = _text("Mức HĐND tỉnh (đã cấu hình): {amount}", amount=money(amount))
        return FeeQuote(amount, vi, en)
    if procedure.fee_schedule is not None and dossier is not None:
        amount, vi, en = _scheduled(procedure.fee_schedule, dossier)
        return FeeQuote(amount, vi, en)
    if procedure.fee_vnd == 0:
        vi, en = _text("Miễn lệ phí")
        return FeeQuote(0, vi, en)
    vi, en = _text("Mức thu {rate}", rate=money(procedure.fee_vnd))
    return FeeQuote(procedure.fee_vnd, vi, en)


# Declaration fields an intake form may use for the counts (the catalogue's declarations of 2.000815/2.000635).
_FORM_COUNTS = (("so_trang", "so_trang"), ("so_ban", "so_ban_sao"), ("so_ban", "so_ban"))


def carry_counts(procedure: Procedure, form: Mapping[str, Any], attachments: list[dict[str, Any]]) -> None:
    """Intake: the pages and copies typed on the form go into the first attachment's ``fields`` as
    ``so_trang``/``so_ban`` (application-format.md), where the fee calculator reads them. Counts already in
    an attachment are kept; procedures without a per-page or per-copy schedule are left alone."""
    if procedure.fee_schedule is None or procedure.fee_schedule.kind not in ("per_page", "per_copy"):
        return
    if not attachments:
        return
    present = {key for item in attachments for key in (item.get("fields") or {})}
    target = next((a for a in attachments if a.get("kind") != "original"), attachments[0])
    for key, field_name in _FORM_COUNTS:
        number = _whole(form.get(field_name))
        if number is not None and key not in present:
            target.setdefault("fields", {})[key] = number
            present.add(key)
