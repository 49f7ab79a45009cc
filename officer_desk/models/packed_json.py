"""Dossier records packed on SQLite (issue 17): deflate with a preset dictionary of typical dossiers.

A case keeps two JSON records of about 860 bytes each (as received, and current). They were about 1.7 GB
of a 1,000,000-case desk, and rows of 2 KB left a 4 KB page half used. Deflated with a preset dictionary
(``packing_dictionary``: the keys, codes, places and document types every dossier repeats) a record takes
about 120 bytes; alone, deflate gets only to about 500, because a record is too short to find its own
repetitions. Writing one costs about 20 µs (a primed compressor is copied, not primed again), reading one
about 3 µs.

Only SQLite stores packed records: the value is a BLOB that starts with a version byte, in a column still
declared TEXT (SQLite keeps a BLOB as given whatever the declared type). A record written before
migration 0018 is TEXT and reads back as it is. PostgreSQL keeps text: the center's database is read by
other tools and compresses large values itself; its desks see the same ``str`` either way.
"""

from __future__ import annotations

import zlib
from typing import Any

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from officer_desk.models.packing_dictionary import DICTIONARY_V1

VERSION_1 = 0x01
_LEVEL = 6  # level 9 saves 5 bytes a record and costs half as much time again
_MEMORY_LEVEL = 8  # zlib's default; 9 makes each copy of the primed compressor several times slower
_WINDOW = -15  # raw deflate: the version byte says how to read it, no zlib header or checksum needed


class _Packer:
    """A deflate compressor primed once with the dictionary; each record gets a copy of it (priming a
    compressor with 21 KB of dictionary costs four times as much as compressing the record)."""

    def __init__(self) -> None:
        self._primed = zlib.compressobj(_LEVEL, zlib.DEFLATED, _WINDOW, _MEMORY_LEVEL, zlib.Z_DEFAULT_STRATEGY,
                                        DICTIONARY_V1)
        # The two records of a new case are usually the same text: packed once.
        self._last: tuple[str, bytes] | None = None

    def pack(self, text: str) -> bytes:
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        compressor = self._primed.copy()
        packed = bytes((VERSION_1,)) + compressor.compress(text.encode()) + compressor.flush()
        self._last = (text, packed)
        return packed


_packer: _Packer | None = None


def pack(text: str) -> bytes:
    """``text`` as SQLite stores it (version byte + raw deflate with the version's dictionary)."""
    global _packer
    if _packer is None:
        _packer = _Packer()
    return _packer.pack(text)


def unpack(stored: bytes | str) -> str:
    """The record ``stored`` holds: a packed BLOB, or TEXT written before migration 0018."""
    if isinstance(stored, str):
        return stored
    data = bytes(stored)
    if not data or data[0] != VERSION_1:
        # Not written by ``pack`` (a record stored as bytes by other means): UTF-8 text or a clear error.
        return data.decode()
    inflater = zlib.decompressobj(_WINDOW, DICTIONARY_V1)
    text = inflater.decompress(data[1:]) + inflater.flush()
    if not inflater.eof:
        raise ValueError("a stored dossier record is cut short")
    return text.decode()


class PackedJson(TypeDecorator[str]):
    """A JSON record kept as text by the application, packed by ``pack`` when stored on SQLite."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> Any:
        if value is None or dialect.name != "sqlite":
            return value
        return pack(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None or isinstance(value, str):
            return value
        return unpack(value)
