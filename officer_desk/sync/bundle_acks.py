"""Which routed cases a bundle carries: those changed since the recipient confirmed one of our bundles.

Every bundle a desk writes is recorded with the moment it was written (``bundle.out.<id>``). The other
side names, inside its next bundle, the last bundle of ours it applied (``acked``); from then on only the
cases routed to it that changed or were routed since that moment (less an hour, for the clocks of other
counters on a center's database) travel again, so a center's answer to a commune no longer carries every
dossier the commune ever had, attachments and all, until it passed the bundle limits. Without a
confirmation (a bundle lost on the way, a desk of an older version) everything routed to it travels, as
before: a case is never left behind because a bundle did not arrive.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from officer_desk.models import AppliedBundle, DeskSetting

OUT_PREFIX = "bundle.out."
ACKED_PREFIX = "bundle.acked."
RESEND_OVERLAP = timedelta(hours=1)
_BUNDLE_ID = re.compile(r"[0-9a-f]{32}")


def _written(row: DeskSetting) -> tuple[str, datetime] | None:
    try:
        data = json.loads(row.value)
        return str(data["to"]), datetime.fromisoformat(data["at"])
    except (ValueError, KeyError, TypeError):
        return None


def acked_since(session: Session, recipient_id: str) -> datetime | None:
    """When the newest bundle the recipient confirmed was written; None: it confirmed none."""
    row = session.get(DeskSetting, ACKED_PREFIX + recipient_id)
    if row is None:
        return None
    try:
        return datetime.fromisoformat(row.value) - RESEND_OVERLAP
    except ValueError:
        return None


def last_applied_from(session: Session, sender_id: str) -> str | None:
    """The newest bundle from ``sender_id`` applied here: named in our next bundle to it."""
    found = session.execute(select(AppliedBundle.bundle_id).where(AppliedBundle.sender == sender_id)
                            .order_by(AppliedBundle.applied_at.desc()).limit(1)).scalar()
    return str(found) if found else None


def record_export(session: Session, bundle_id: str, recipient_id: str, at: datetime) -> None:
    session.add(DeskSetting(key=OUT_PREFIX + bundle_id, value=json.dumps({"to": recipient_id, "at": at.isoformat()})))


def record_ack(session: Session, sender_id: str, acked: object) -> None:
    """The sender applied our bundle ``acked``: what it held then need not travel again."""
    if not isinstance(acked, str) or not _BUNDLE_ID.fullmatch(acked):
        return  # none named (an older desk), or not one of ours
    row = session.get(DeskSetting, OUT_PREFIX + acked)
    written = _written(row) if row is not None else None
    if written is None or written[0] != sender_id:
        return  # unknown here, or written for another desk
    at = written[1]
    current = session.get(DeskSetting, ACKED_PREFIX + sender_id)
    if current is None:
        session.add(DeskSetting(key=ACKED_PREFIX + sender_id, value=at.isoformat()))
    elif datetime.fromisoformat(current.value) < at:
        current.value = at.isoformat()
    # The records of older bundles to the same desk are of no further use.
    for other in session.execute(select(DeskSetting).where(DeskSetting.key.like(OUT_PREFIX + "%"))).scalars():
        seen = _written(other)
        if seen is not None and seen[0] == sender_id and seen[1] <= at:
            session.delete(other)


# --- order: a bundle older than one already applied from the same desk brings nothing new -----------------
# Two USB sticks carried in the wrong order: the older bundle's values must not replace the newer ones (its
# merge base is the newer state, so the older values looked like the sender's latest change). Each bundle
# carries a sequence number from its desk: the time in milliseconds, but always above the desk's last one,
# so a clock set back (or a desk restored from a backup) still numbers its next bundles higher. A desk's
# later bundle holds everything an earlier one held that was not yet confirmed, so nothing is skipped.
SEQUENCE = "bundle.sequence"
NEWEST_PREFIX = "bundle.newest."


def next_sequence(session: Session, now: datetime) -> int:
    row = session.get(DeskSetting, SEQUENCE)
    last = int(row.value) if row is not None and row.value.isdigit() else 0
    value = max(int(now.timestamp() * 1000), last + 1)
    if row is None:
        session.add(DeskSetting(key=SEQUENCE, value=str(value)))
    else:
        row.value = str(value)
    return value


def superseded(session: Session, sender_id: str, sequence: object) -> bool:
    """Whether a newer bundle from ``sender_id`` was applied here (a bundle without a number: never)."""
    if isinstance(sequence, bool) or not isinstance(sequence, int):
        return False
    row = session.get(DeskSetting, NEWEST_PREFIX + sender_id)
    return row is not None and row.value.isdigit() and sequence < int(row.value)


def record_sequence(session: Session, sender_id: str, sequence: object) -> None:
    if isinstance(sequence, bool) or not isinstance(sequence, int) or sequence < 0:
        return
    row = session.get(DeskSetting, NEWEST_PREFIX + sender_id)
    if row is None:
        session.add(DeskSetting(key=NEWEST_PREFIX + sender_id, value=str(sequence)))
    elif not row.value.isdigit() or int(row.value) < sequence:
        row.value = str(sequence)
