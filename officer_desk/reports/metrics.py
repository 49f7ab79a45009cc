"""The service-quality report: figures built from the grouped SQL of ``queries`` (docs/reports.md)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from officer_desk.dossier import LOCAL_TZ
from officer_desk.errors import UsageError
from officer_desk.i18n import _
from officer_desk.reports.facts import refresh_facts
from officer_desk.reports.period import GROUPINGS, Period, Scope
from officer_desk.reports.queries import (
    CHANNELS,
    GroupCounts,
    backlog,
    document_counts,
    finding_counts,
    grouped_counts,
    officer_names,
)
from officer_desk.vocabulary import Decision

if TYPE_CHECKING:
    from officer_desk.desk import Desk

CHANNEL_LABELS_VI = {"truc_tiep": "Trực tiếp", "truc_tuyen": "Trực tuyến", "buu_chinh": "Bưu chính"}
DOCUMENT_LABELS_VI = {
    "receipt": "Giấy tiếp nhận", "supplement": "Phiếu yêu cầu bổ sung", "refusal": "Phiếu từ chối",
    "apology": "Phiếu xin lỗi, hẹn lại", "return": "Phiếu trả kết quả", "control": "Phiếu kiểm soát",
}
FINDING_LABELS_VI = {
    "MISSING_REQUIRED_DOC": "Thiếu thành phần hồ sơ",
    "DOC_QUANTITY_INSUFFICIENT": "Thiếu số lượng bản",
    "REQUIRED_FIELD_MISSING": "Thiếu thông tin bắt buộc trên tờ khai",
    "DOC_EXPIRED": "Giấy tờ hết hiệu lực",
    "COPY_NOT_CERTIFIED": "Bản sao chưa chứng thực",
    "ID_DOCUMENT_EXPIRED": "Giấy tờ tùy thân hết hạn",
    "ID_DOCUMENT_INVALID": "Giấy tờ tùy thân không còn giá trị",
    "CCCD_FORMAT_INVALID": "Số định danh sai định dạng",
    "CCCD_PROVINCE_CODE_UNKNOWN": "Mã tỉnh trong số định danh không tồn tại",
    "CCCD_PROVINCE_BIRTHPLACE_MISMATCH": "Mã tỉnh khác nơi đăng ký khai sinh",
    "CCCD_GENDER_MISMATCH": "Số định danh không khớp giới tính",
    "CCCD_CENTURY_MISMATCH": "Số định danh không khớp thế kỷ sinh",
    "CCCD_BIRTHYEAR_MISMATCH": "Số định danh không khớp năm sinh",
    "PHONE_INVALID": "Số điện thoại không hợp lệ",
    "NAME_MISMATCH": "Họ tên không khớp giấy tờ",
    "DATE_INVALID": "Ngày không hợp lệ",
    "TAX_CODE_INVALID": "Mã số thuế không hợp lệ",
    "DUPLICATE_SUBMISSION": "Hồ sơ trùng",
    "MARRIAGE_AGE_INELIGIBLE": "Chưa đủ tuổi kết hôn",
    "LATE_REGISTRATION": "Đăng ký quá hạn",
    "DEADLINE_ADJUSTED_FOR_HOLIDAY": "Hạn trả dời vì ngày nghỉ",
    "LEGACY_ENCODING_DETECTED": "Văn bản mã cũ (TCVN3/VNI)",
    "CONFUSABLE_CHARACTER": "Ký tự dễ nhầm",
}
TOP_FINDINGS = 10


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def median_of(histogram: dict[int, int]) -> float:
    """The median of values given as {value: count} (mean of the two middle values when even)."""
    total = sum(histogram.values())
    if total == 0:
        return 0.0
    return (_value_at(histogram, (total - 1) // 2) + _value_at(histogram, total // 2)) / 2


def p90_of(histogram: dict[int, int]) -> float:
    """The 90th percentile, nearest rank: the smallest value with at least 90 % of values at or below it."""
    total = sum(histogram.values())
    if total == 0:
        return 0.0
    return float(_value_at(histogram, math.ceil(0.9 * total) - 1))


def _value_at(histogram: dict[int, int], index: int) -> int:
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if index < seen:
            return value
    raise IndexError(index)  # pragma: no cover - index < total by construction


@dataclass(frozen=True)
class Figures:
    """The figures of the whole cohort or of one group (procedure, officer, channel, commune)."""

    key: str
    label: str
    received: int = 0
    by_channel: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHANNELS, 0))
    returned: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    supplemented: int = 0
    refused: int = 0
    handled: int = 0
    handling_seconds: int = 0
    days: dict[int, int] = field(default_factory=dict)  # processing days -> returned dossiers

    @property
    def online_rate(self) -> float:
        return _rate(self.by_channel.get("truc_tuyen", 0), self.received)

    @property
    def supplement_rate(self) -> float:
        return _rate(self.supplemented, self.received)

    @property
    def refusal_rate(self) -> float:
        return _rate(self.refused, self.received)

    @property
    def median_days(self) -> float:
        return median_of(self.days)

    @property
    def p90_days(self) -> float:
        return p90_of(self.days)

    @property
    def handling_minutes(self) -> float:
        """Average handling time per dossier that was worked at the desk, in minutes."""
        return self.handling_seconds / 60 / self.handled if self.handled else 0.0


@dataclass(frozen=True)
class FindingFigures:
    code: str
    label: str
    raised: int
    dismissed: int
    accepted: int

    @property
    def dismissal_rate(self) -> float:
        return _rate(self.dismissed, self.raised)


@dataclass(frozen=True)
class DocumentFigures:
    doc_type: str
    label: str
    issued: int
    signed: int


@dataclass(frozen=True)
class ServiceReport:
    """Everything the dashboard, the CLI and the exports show for one period and scope."""

    period: Period
    scope: Scope
    by: str
    total: Figures
    rows: tuple[Figures, ...]
    findings: tuple[FindingFigures, ...]
    backlog: dict[str, int]
    overdue: int
    documents: tuple[DocumentFigures, ...]
    generated_at: datetime

    @property
    def signatures(self) -> int:
        return sum(d.signed for d in self.documents)

    @property
    def receipts(self) -> int:
        return sum(d.issued for d in self.documents if d.doc_type == "receipt")

    def as_json(self) -> dict[str, Any]:
        """The contract's keys (cli-contract.md, ``report``) plus the dashboard's extra figures."""
        total = self.total
        return {
            "from": self.period.first.strftime("%d/%m/%Y"),
            "to": self.period.last.strftime("%d/%m/%Y"),
            "received": total.received,
            "by_channel": {c: total.by_channel.get(c, 0) for c in CHANNELS},
            "online_rate": round(total.online_rate, 4),
            "results": {"early": total.early, "on_time": total.on_time, "late": total.late},
            "processing_days": {"median": total.median_days, "p90": total.p90_days},
            "supplement_rate": round(total.supplement_rate, 4),
            "refusal_rate": round(total.refusal_rate, 4),
            "rows": [
                {"key": row.key, "received": row.received, "online_rate": round(row.online_rate, 4),
                 "on_time": row.on_time, "late": row.late, "label": row.label, "early": row.early,
                 "supplement_rate": round(row.supplement_rate, 4), "refusal_rate": round(row.refusal_rate, 4),
                 "processing_days": {"median": row.median_days, "p90": row.p90_days},
                 "handling_minutes": round(row.handling_minutes, 2)}
                for row in self.rows
            ],
            "by": self.by,
            "scope": self.scope.as_json(),
            "handling_minutes": round(total.handling_minutes, 2),
            "findings": [{"code": f.code, "label": f.label, "raised": f.raised, "dismissed": f.dismissed,
                          "accepted": f.accepted} for f in self.findings],
            "backlog": dict(self.backlog),
            "overdue": self.overdue,
            "documents": {"signatures": self.signatures, "receipts": self.receipts,
                          "by_type": {d.doc_type: d.issued for d in self.documents}},
        }


def _merge(into: dict[str, Any], counts: GroupCounts) -> None:
    for name in ("received", "returned", "early", "on_time", "late", "supplemented", "refused", "handled",
                 "handling_seconds"):
        into[name] = into.get(name, 0) + getattr(counts, name)
    channels = into.setdefault("by_channel", dict.fromkeys(CHANNELS, 0))
    for channel, n in counts.by_channel.items():
        channels[channel] += n
    if counts.processing_days is not None and counts.returned:
        days = into.setdefault("days", {})
        days[counts.processing_days] = days.get(counts.processing_days, 0) + counts.returned


def _label(desk: Desk, by: str, key: str, officers: dict[str, tuple[str, str]]) -> str:
    if by == "procedure":
        procedure = desk.catalogue.find(key)
        return procedure.name_vi if procedure is not None else key
    if by == "channel":
        return _(CHANNEL_LABELS_VI[key]) if key in CHANNEL_LABELS_VI else key
    if by == "officer":
        return officers[key][1] if key in officers else key or _("(chưa có cán bộ tiếp nhận)")
    return key or _("(không rõ)")


def _finding_figures(rows: Iterable[tuple[str, str, int]]) -> tuple[FindingFigures, ...]:
    per_code: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for code, decision, n in rows:
        # Stored decisions are "confirmed"/"overridden" since migration 0010 (older names still parse);
        # the report keeps its "accepted"/"dismissed" keys: confirmed = accepted, overridden = dismissed.
        per_code[code][Decision.parse(decision).value] += n
    figures = [
        FindingFigures(code, _(FINDING_LABELS_VI[code]) if code in FINDING_LABELS_VI else code,
                       sum(d.values()), d.get(Decision.OVERRIDDEN, 0), d.get(Decision.CONFIRMED, 0))
        for code, d in per_code.items()
    ]
    figures.sort(key=lambda f: (-f.raised, f.code))
    return tuple(figures[:TOP_FINDINGS])


def build_report(desk: Desk, period: Period, scope: Scope | None = None, by: str = "procedure",
                 now: datetime | None = None) -> ServiceReport:
    """Catch up the report facts, then run the grouped queries (a handful of small results)."""
    if by not in GROUPINGS:
        raise UsageError(_("Cách nhóm không hợp lệ: {by} (dùng: {known})", by=by, known=", ".join(GROUPINGS)),
                         code="usage")
    scope = scope or Scope()
    now = now or datetime.now(LOCAL_TZ)
    refresh_facts(desk.db, desk.calendar)
    with desk.db.session() as session:
        groups = grouped_counts(session, period, scope, by)
        officers = officer_names(session, {g.key for g in groups}) if by == "officer" else {}
        ages, overdue = backlog(session, period, scope, now, now.astimezone(LOCAL_TZ).date())
        findings = finding_counts(session, period, scope)
        documents = document_counts(session, period, scope)
    total: dict[str, Any] = {}
    per_key: dict[str, dict[str, Any]] = defaultdict(dict)
    for counts in groups:
        _merge(total, counts)
        _merge(per_key[counts.key], counts)
    rows = tuple(
        Figures(key=officers[key][0] if key in officers else key, label=_label(desk, by, key, officers), **values)
        for key, values in sorted(per_key.items(), key=lambda item: (-item[1]["received"], item[0]))
    )
    return ServiceReport(
        period=period, scope=scope, by=by, total=Figures(key="", label=_("Tổng cộng"), **total), rows=rows,
        findings=_finding_figures(findings), backlog=ages, overdue=overdue,
        documents=tuple(DocumentFigures(kind, _(DOCUMENT_LABELS_VI[kind]) if kind in DOCUMENT_LABELS_VI else kind,
                                        issued, signed) for kind, issued, signed in sorted(documents)),
        generated_at=now,
    )
