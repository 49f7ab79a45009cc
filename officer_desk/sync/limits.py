"""How much a bundle may hold, and its content inflated within those bounds.

A bundle is signed by a trusted desk, but a bug there, or its keys in the wrong hands, must not be able
to exhaust the receiving desk's memory or disk: a few megabytes of gzip can inflate to gigabytes (a
"decompression bomb"). The content is therefore inflated piece by piece and refused as soon as it
passes the total limit, or inflates far more than real content does (JSON and base64-encoded scans
compress 3 to 20 times; a bomb a thousand times or more). Counts and each attachment are bounded like
the desk's own import (cli-contract.md: an attachment over 50 MiB fails). The exporter checks the
same limits, so a desk never writes a bundle that the other side would refuse.
"""

from __future__ import annotations

import zlib
from typing import Any

from officer_desk.cases.intake import MAX_ATTACHMENT_BYTES, MAX_JSON_BYTES
from officer_desk.errors import DeskError
from officer_desk.i18n import _

MIB = 1024 * 1024
# Inflated content of one bundle: held in memory while it is checked and applied in one transaction.
MAX_PAYLOAD_BYTES = 1024 * MIB
# Inflating more than this many times the compressed size is a bomb, never a desk's content ...
MAX_RATIO = 100
# ... except for small content, which may be as repetitive as it likes.
RATIO_FLOOR_BYTES = 64 * MIB
# The file itself: the payload (gzip never grows it by more than a fraction), header and signature.
MAX_FILE_BYTES = MAX_PAYLOAD_BYTES + 16 * MIB
MAX_HEADER_BYTES = 64 * 1024
# One attachment: what import accepts, plus room for the signature a desk adds to a signed result.
MAX_BLOB_BYTES = MAX_ATTACHMENT_BYTES + MIB
MAX_CASES = 100_000
MAX_BLOBS = 200_000
MAX_EVENTS_PER_CASE = 10_000
MAX_ATTACHMENTS_PER_CASE = 1_000
MAX_FINDINGS_PER_CASE = 2_000
# Pulled from the server (sync): a case's raw and current records together, in characters.
MAX_PULLED_JSON_CHARS = 4 * MAX_JSON_BYTES
_PIECE = MIB  # inflated per step: memory grows by at most this much past a limit before the refusal


class BundleTooLargeError(DeskError):
    """A bundle over the limits: refused like any other bad bundle (exit 1), nothing applied."""

    code = "bundle_too_large"
    exit_code = 1


def _too_large() -> BundleTooLargeError:
    return BundleTooLargeError(_("Gói dữ liệu lớn hơn giới hạn {limit} MiB khi giải nén; không áp dụng gì",
                                 limit=MAX_PAYLOAD_BYTES // MIB))


def inflation_budget(compressed: int) -> int:
    """How many bytes ``compressed`` bytes of gzip may inflate to."""
    return min(MAX_PAYLOAD_BYTES, max(RATIO_FLOOR_BYTES, MAX_RATIO * compressed))


def inflate(data: bytes) -> bytearray:
    """gzip (one member or several, as ``gzip.decompress`` reads them) inflated within the budget.

    Raises BundleTooLargeError past the budget, ``zlib.error`` or ValueError for damaged or truncated data.
    """
    budget = inflation_budget(len(data))
    out = bytearray()
    rest = data
    while True:
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        pending = rest
        while not inflater.eof:
            piece = inflater.decompress(pending, _PIECE)
            out += piece
            if len(out) > budget:
                raise _too_large()
            stalled = not piece and len(inflater.unconsumed_tail) == len(pending)
            pending = inflater.unconsumed_tail
            if stalled:
                break  # input used up (or no progress) before the end of the member
        if not inflater.eof:
            raise ValueError("truncated gzip stream")
        rest = inflater.unused_data
        if not rest:
            return out


def check_payload_size(plain: int, compressed: int) -> None:
    """The exporter's side of ``inflate``: refuse to write what the receiver would refuse."""
    if plain > inflation_budget(compressed):
        raise _too_large()


def check_counts(payload: dict[str, Any]) -> None:
    """Entries and attachments within bounds (the payload's shape is checked by the caller)."""
    cases = payload["cases"]
    blobs = payload["blobs"]
    if len(cases) > MAX_CASES or len(blobs) > MAX_BLOBS:
        raise BundleTooLargeError(_("Gói dữ liệu có quá nhiều hồ sơ hoặc tệp đính kèm (tối đa {cases} hồ sơ, "
                                    "{blobs} tệp); không áp dụng gì", cases=MAX_CASES, blobs=MAX_BLOBS))
    for wire in cases:
        if not isinstance(wire, dict):
            continue  # the shape check refuses it
        for key, limit in (("events", MAX_EVENTS_PER_CASE), ("attachments", MAX_ATTACHMENTS_PER_CASE),
                           ("findings", MAX_FINDINGS_PER_CASE)):
            items = wire.get(key)
            if isinstance(items, list) and len(items) > limit:
                raise BundleTooLargeError(_("Một hồ sơ trong gói dữ liệu có quá nhiều mục (tối đa {limit}); "
                                            "không áp dụng gì", limit=limit))
    # base64: 4 characters for every 3 bytes; checked before anything is decoded
    encoded_limit = 4 * ((MAX_BLOB_BYTES + 2) // 3)
    if any(isinstance(encoded, str) and len(encoded) > encoded_limit for encoded in blobs.values()):
        raise blob_too_large()


def blob_too_large() -> BundleTooLargeError:
    return BundleTooLargeError(_("Tệp đính kèm trong gói dữ liệu lớn hơn giới hạn {limit} MiB; không áp dụng gì",
                                 limit=MAX_ATTACHMENT_BYTES // MIB))
