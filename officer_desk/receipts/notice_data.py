"""What an issued notice said, kept so that a reprint says the same (migration 0015_notice_data).

The :class:`NoticeData` of a notice is stored as JSON in an encrypted attachment blob named by
``signed_documents.data_sha256`` (it holds personal data: never in a plain column or a log).
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

from officer_desk.receipts.model import ControlStep, NoticeData, SupplementItem

_FORMAT = 1


def notice_blob(data: NoticeData) -> bytes:
    """The notice's data as JSON bytes (stored encrypted with the case's attachments)."""
    def encode(value: Any) -> Any:
        if isinstance(value, datetime):
            return {"$datetime": value.isoformat()}
        if isinstance(value, date):
            return {"$date": value.isoformat()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, (tuple, list)):
            return [encode(item) for item in value]
        return value

    fields = encode(dataclasses.replace(data, reprint=False))
    return json.dumps({"format": _FORMAT, "notice": fields}, ensure_ascii=False, sort_keys=True).encode()


def notice_from_blob(blob: bytes) -> NoticeData:
    """The :class:`NoticeData` of :func:`notice_blob`."""
    def decode(value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"$datetime"}:
                return datetime.fromisoformat(value["$datetime"])
            if set(value) == {"$date"}:
                return date.fromisoformat(value["$date"])
            return {key: decode(item) for key, item in value.items()}
        if isinstance(value, list):
            return tuple(decode(item) for item in value)
        return value

    raw = json.loads(blob.decode())
    fields = decode(raw["notice"])
    fields["items"] = tuple(SupplementItem(**item) for item in fields.get("items", ()))
    fields["steps"] = tuple(ControlStep(**step) for step in fields.get("steps", ()))
    return NoticeData(**fields)
