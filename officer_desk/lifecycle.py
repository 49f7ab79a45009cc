"""Case lifecycle: states, and the one table of allowed transitions."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from officer_desk.errors import LifecycleError
from officer_desk.i18n import _


class Status(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"  # tiếp nhận
    IN_PROCESSING = "in_processing"
    AWAITING_SIGNATURE = "awaiting_signature"
    RESULT_READY = "result_ready"
    RETURNED = "returned"  # trả kết quả
    SUPPLEMENT_REQUESTED = "supplement_requested"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"


STATUS_LABELS_VI = {
    Status.RECEIVED: "Mới nhận",
    Status.ACCEPTED: "Đã tiếp nhận",
    Status.IN_PROCESSING: "Đang xử lý",
    Status.AWAITING_SIGNATURE: "Chờ ký",
    Status.RESULT_READY: "Có kết quả",
    Status.RETURNED: "Đã trả",
    Status.SUPPLEMENT_REQUESTED: "Chờ bổ sung",
    Status.REFUSED: "Từ chối",
    Status.WITHDRAWN: "Rút hồ sơ",
}

# Closed dossiers: no longer in the queue, never duplicates of a new filing.
CLOSED_STATUSES = frozenset({Status.RETURNED, Status.REFUSED, Status.WITHDRAWN})
OPEN_STATUSES = frozenset(set(Status) - CLOSED_STATUSES)
# States whose due date is running (the officer owes the citizen a result).
CLOCK_RUNNING = frozenset(
    {Status.RECEIVED, Status.ACCEPTED, Status.IN_PROCESSING, Status.AWAITING_SIGNATURE}
)


class Action(StrEnum):
    ACCEPT = "accept"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUPPLEMENT_RECEIVED = "supplement_received"
    START_PROCESSING = "start_processing"
    SUBMIT_FOR_SIGNATURE = "submit_for_signature"
    MARK_RESULT_READY = "mark_result_ready"
    RETURN_RESULT = "return_result"
    REFUSE = "refuse"
    WITHDRAW = "withdraw"


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    target: Status
    needs_reason: bool = False
    # Actions that compute or depend on due dates are blocked while the PC clock is suspect.
    uses_clock: bool = False


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(Action.ACCEPT, frozenset({Status.RECEIVED}), Status.ACCEPTED, uses_clock=True),
        Transition(
            Action.REQUEST_SUPPLEMENT,
            frozenset({Status.RECEIVED, Status.ACCEPTED, Status.IN_PROCESSING}),
            Status.SUPPLEMENT_REQUESTED,
            uses_clock=True,
        ),
        Transition(
            Action.SUPPLEMENT_RECEIVED,
            frozenset({Status.SUPPLEMENT_REQUESTED}),
            Status.RECEIVED,
            uses_clock=True,
        ),
        Transition(Action.START_PROCESSING, frozenset({Status.ACCEPTED}), Status.IN_PROCESSING),
        Transition(Action.SUBMIT_FOR_SIGNATURE, frozenset({Status.IN_PROCESSING}), Status.AWAITING_SIGNATURE),
        Transition(
            Action.MARK_RESULT_READY,
            frozenset({Status.IN_PROCESSING, Status.AWAITING_SIGNATURE}),
            Status.RESULT_READY,
        ),
        Transition(Action.RETURN_RESULT, frozenset({Status.RESULT_READY}), Status.RETURNED),
        Transition(
            Action.REFUSE,
            frozenset({Status.RECEIVED, Status.ACCEPTED, Status.IN_PROCESSING, Status.SUPPLEMENT_REQUESTED}),
            Status.REFUSED,
            needs_reason=True,
        ),
        Transition(
            Action.WITHDRAW,
            frozenset(
                {Status.RECEIVED, Status.ACCEPTED, Status.IN_PROCESSING, Status.SUPPLEMENT_REQUESTED}
            ),
            Status.WITHDRAWN,
            needs_reason=True,
        ),
    )
}


def status_label(status: str) -> str:
    try:
        return _(STATUS_LABELS_VI[Status(status)])
    except ValueError:
        return status


def allowed_actions(status: str) -> list[Action]:
    return [t.action for t in TRANSITIONS.values() if Status(status) in t.sources]


def check_transition(status: str, action: Action | str, reason: str = "") -> Transition:
    """The transition for ``action`` from ``status``, or a LifecycleError naming what is allowed."""
    transition = TRANSITIONS[Action(action)]
    current = Status(status)
    if current not in transition.sources:
        raise LifecycleError(
            _(
                "Không thể thực hiện “{action}” khi hồ sơ đang ở trạng thái “{status}”",
                action=action_label(transition.action),
                status=status_label(current),
            )
        )
    if transition.needs_reason and not reason.strip():
        raise LifecycleError(_("Cần ghi rõ lý do cho thao tác “{action}”", action=action_label(transition.action)))
    return transition


ACTION_LABELS_VI = {
    Action.ACCEPT: "Tiếp nhận",
    Action.REQUEST_SUPPLEMENT: "Yêu cầu bổ sung",
    Action.SUPPLEMENT_RECEIVED: "Nhận hồ sơ bổ sung",
    Action.START_PROCESSING: "Chuyển xử lý",
    Action.SUBMIT_FOR_SIGNATURE: "Trình ký",
    Action.MARK_RESULT_READY: "Có kết quả",
    Action.RETURN_RESULT: "Trả kết quả",
    Action.REFUSE: "Từ chối",
    Action.WITHDRAW: "Rút hồ sơ",
}


def action_label(action: Action | str) -> str:
    return _(ACTION_LABELS_VI[Action(action)])
