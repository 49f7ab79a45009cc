"""What the window shows about sync: each outbox item's state with the reason in words, the open
conflicts with both versions as officers read them (labels, never field paths), days without sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from officer_desk.desk import Desk
from officer_desk.i18n import _
from officer_desk.models import DeskSetting, OutboxItem, SyncConflict
from officer_desk.sync.engine import LAST_SYNC
from officer_desk.sync.state import DOSSIER_PREFIX, HOLDER

PENDING, SENT, CONFLICT, FAILED, DONE = "pending", "sent", "conflict", "failed", "done"


def state_label(state: str) -> str:
    return {PENDING: _("Chờ gửi"), SENT: _("Đã gửi bằng USB, chờ xác nhận"), CONFLICT: _("Xung đột"),
            FAILED: _("Lỗi"), DONE: _("Đã đồng bộ")}.get(state, _("Chờ gửi"))


def _reason(item: OutboxItem) -> str:
    if item.status == PENDING:
        if item.attempts:
            return _("Lần đồng bộ trước không tới được máy chủ; sẽ gửi lại ở lần sau")
        return _("Chưa đồng bộ kể từ khi thay đổi")
    if item.status == SENT:
        return _("Đã ghi vào gói dữ liệu; chờ gói trả về từ trung tâm")
    if item.status == CONFLICT:
        return item.last_error or _("Cả quầy và máy chủ đã sửa cùng thông tin")
    if item.status == FAILED:
        return item.last_error or _("Máy chủ từ chối thay đổi này")
    return ""


@dataclass(frozen=True)
class OutboxView:
    code: str
    state: str
    state_text: str
    reason: str
    created_at: datetime


def outbox_views(desk: Desk, limit: int = 500) -> list[OutboxView]:
    """One row per case with unsynced (or conflicting) changes, newest change first."""
    with desk.db.session() as session:
        items = session.execute(select(OutboxItem).where(OutboxItem.status != DONE)
                                .order_by(OutboxItem.id.desc()).limit(limit * 5)).scalars().all()
        open_codes = set(session.execute(select(SyncConflict.dossier_code)
                                         .where(SyncConflict.resolved_at.is_(None))).scalars())
        seen: dict[str, OutboxView] = {}
        for item in items:
            if item.entity_id in seen:
                continue
            state = CONFLICT if item.entity_id in open_codes else item.status
            reason = _reason(item) if state == item.status else _("Cả quầy và máy chủ đã sửa cùng thông tin")
            seen[item.entity_id] = OutboxView(item.entity_id, state, state_label(state), reason, item.created_at)
        for code in open_codes - set(seen):
            seen[code] = OutboxView(code, CONFLICT, state_label(CONFLICT),
                                    _("Cả quầy và máy chủ đã sửa cùng thông tin"), datetime.now(UTC))
        return list(seen.values())[:limit]


def field_label(name: str) -> str:
    """A field as officers call it."""
    key = name[len(DOSSIER_PREFIX):] if name.startswith(DOSSIER_PREFIX) else name
    labels = {
        "status": _("Trạng thái"), HOLDER: _("Cán bộ đang giữ hồ sơ"), "due_date": _("Hạn trả kết quả"),
        "appointment_at": _("Lịch hẹn trả kết quả"), "register_number": _("Số vào sổ"), "fee_vnd": _("Lệ phí"),
        "receipt_issued_at": _("Ngày cấp giấy tiếp nhận"), "assigned_at": _("Thời điểm giao hồ sơ"),
        "applicant.full_name": _("Họ tên người nộp"), "applicant.phone": _("Số điện thoại"),
        "applicant.address": _("Địa chỉ"), "applicant.id_number": _("Số định danh"),
        "applicant.email": _("Thư điện tử"), "applicant.date_of_birth": _("Ngày sinh"),
        "applicant.gender": _("Giới tính"),
    }
    if key in labels:
        return labels[key]
    return _("Thông tin tờ khai ({name})", name=key.rsplit(".", 1)[-1].replace("_", " "))


def value_text(value: object) -> str:
    if value is None or value == "":
        return _("(trống)")
    return str(value)


def days_since_sync(desk: Desk) -> int | None:
    """Whole days since the last successful sync; None when this desk never synced."""
    with desk.db.session() as session:
        row = session.get(DeskSetting, LAST_SYNC)
        if row is None:
            return None
        return (datetime.now(UTC) - datetime.fromisoformat(row.value)).days
