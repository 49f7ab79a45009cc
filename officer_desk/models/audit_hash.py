"""The audit chain's canonical serialisation and hash (used by the desk and by migration 0006).

Kept beside the models so a migration can chain old entries without importing the layers above.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from officer_desk.models.base import from_utc_micros

CHAIN_VERSION = "odaudit1"
GENESIS = "0" * 64


def canonical_details(details: Any) -> str:
    """Details as stored and hashed: JSON with sorted keys (json.dumps' default separators)."""
    return json.dumps(details if details is not None else {}, sort_keys=True)


def time_text(at: datetime | str | int) -> str:
    """The entry time as hashed: naive UTC, ISO 8601 with microseconds. ``at`` as stored or read: an aware
    datetime, SQLite's integer microseconds (since migration 0022) or its text before, naive UTC."""
    if isinstance(at, int):
        at = from_utc_micros(at)
    elif isinstance(at, str):
        if len(at) == 26 and at[10] == " ":  # SQLite's stored form: only the separator differs
            return at[:10] + "T" + at[11:]
        at = datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def entry_digest(entry_id: int, at: str, actor: str, desk: int, action: str, entity_type: str, entity_id: str,
                 details: str, prev_hash: str) -> str:
    """SHA-256 (hex) of one entry's canonical serialisation: every field as ``length:value;``."""
    ident = str(entry_id)
    desk_text = str(desk)
    blob = (f"8:{CHAIN_VERSION};{len(ident)}:{ident};{len(at)}:{at};{len(actor)}:{actor};{len(desk_text)}:{desk_text};"
            f"{len(action)}:{action};{len(entity_type)}:{entity_type};{len(entity_id)}:{entity_id};"
            f"{len(details)}:{details};{len(prev_hash)}:{prev_hash};")
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
