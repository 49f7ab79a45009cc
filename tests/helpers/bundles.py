"""Taking sync bundles apart, building them with any header and content, and a fingerprint of a whole desk
(every row, every file) to show that a refused bundle changed nothing: for the bundle reader's
property test (tests/integration/test_bundle_properties.py) and its long run (bench/bench_hardening.py).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import secrets
import struct
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select

from officer_desk.desk import Desk
from officer_desk.models import Base
from officer_desk.sync import bundle
from officer_desk.sync.identity import DeskIdentity


def fingerprint(desk: Desk) -> str:
    """Every row of every table and every file of the home (logs apart), as one digest."""
    digest = hashlib.sha256()
    with desk.db.session() as session:
        for table in Base.metadata.sorted_tables:
            rows = sorted(repr(tuple(row)) for row in session.execute(select(table)))
            digest.update(f"{table.name}:{len(rows)}:{rows}".encode())
    for path in sorted(desk.home.root.rglob("*")):
        relative = path.relative_to(desk.home.root)
        # the database file is covered row by row above (its -wal/-shm change on a mere read); logs apart
        if path.is_file() and "logs" not in relative.parts and not path.name.startswith("officer-desk.db"):
            digest.update(str(relative).encode() + path.read_bytes())
    return digest.hexdigest()


def sections(data: bytes) -> list[bytes]:
    """magic · header length · header · ciphertext · signature."""
    start = len(bundle.MAGIC) + 4
    (length,) = struct.unpack(">I", data[len(bundle.MAGIC):start])
    return [data[:len(bundle.MAGIC)], data[len(bundle.MAGIC):start], data[start:start + length],
            data[start + length:-64], data[-64:]]


def seal(identity: DeskIdentity, recipient_key: bytes, plain: bytes, **header: Any) -> bytes:
    """A bundle built like export_bundle, signed by ``identity``, with any header and any plaintext."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_pub = ephemeral.public_key().public_bytes(bundle._RAW, bundle._RAW_PUB)
    key = bundle._key(ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_key)), ephemeral_pub,
                      recipient_key)
    nonce = secrets.token_bytes(12)
    fields = {"bundle_id": secrets.token_hex(16), "sender": identity.desk_id, "ephemeral": ephemeral_pub.hex(),
              "nonce": nonce.hex(), "cases": 1, **header}
    header_bytes = json.dumps(fields).encode()
    body = bundle.MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + AESGCM(key).encrypt(
        nonce, plain, header_bytes)
    return body + identity.signing.sign(body)


def decrypt(receiver: DeskIdentity, data: bytes) -> bytes:
    """The plaintext of a genuine bundle addressed to ``receiver``."""
    _magic, _length, header_bytes, ciphertext, _signature = sections(data)
    header = json.loads(header_bytes)
    ephemeral = bytes.fromhex(header["ephemeral"])
    key = bundle._key(receiver.encryption.exchange(X25519PublicKey.from_public_bytes(ephemeral)), ephemeral,
                      receiver.public.encryption_key)
    plain: bytes = AESGCM(key).decrypt(bytes.fromhex(header["nonce"]), ciphertext, header_bytes)
    return plain


_NASTY: list[object] = [None, True, 0, -1, 10**30, "", "x" * 300, "\u0000", [], {}, [[[]]], {"": {}}, [{}], [1]]
_WIRE_KEYS = ["code", "columns", "state", "events", "attachments", "findings", "base"]


def mutate(rng: random.Random, genuine: bytes, second: bytes, sender: DeskIdentity,
           receiver: DeskIdentity) -> tuple[str, bytes]:
    """One damaged or malformed bundle (kind, bytes) that the receiver must refuse; never a valid bundle."""
    kind = rng.choice(["bytes", "magic+bytes", "truncated", "bit flips", "inserted", "removed", "sections",
                       "spliced", "signed payload", "signed case field", "signed header", "signed plaintext"])
    if kind == "bytes":
        return kind, rng.randbytes(rng.randint(0, 2000))
    if kind == "magic+bytes":
        return kind, bundle.MAGIC + rng.randbytes(rng.randint(0, 2000))
    if kind == "truncated":
        return kind, genuine[:rng.randrange(len(genuine))]
    if kind == "bit flips":
        damaged = bytearray(genuine)
        for position in rng.sample(range(len(damaged)), rng.randint(1, 8)):
            damaged[position] ^= 1 << rng.randrange(8)
        return kind, bytes(damaged)
    at = rng.randrange(len(genuine))
    if kind == "inserted":
        return kind, genuine[:at] + rng.randbytes(rng.randint(1, 64)) + genuine[at:]
    if kind == "removed":
        return kind, genuine[:at] + genuine[at + rng.randint(1, 64):]
    parts = sections(genuine)
    if kind == "sections":
        while True:
            order = [rng.randrange(5) for _ in range(rng.randint(1, 7))]
            data = b"".join(parts[i] for i in order)
            if data != genuine:
                return kind, data
    if kind == "spliced":
        others = sections(second)
        while True:
            data = b"".join(rng.choice((mine, theirs)) for mine, theirs in zip(parts, others, strict=True))
            if data not in (genuine, second):
                return kind, data
    payload = json.loads(gzip.decompress(decrypt(receiver, genuine)))
    to_receiver = {"recipient": receiver.public.desk_id}
    key = receiver.public.encryption_key
    if kind == "signed payload":
        return kind, seal(sender, key, gzip.compress(json.dumps(rng.choice(_NASTY)).encode()), **to_receiver)
    if kind == "signed case field":
        # values of the wrong type for the field (a different code or an empty list would be a valid bundle)
        field = rng.choice(_WIRE_KEYS)
        if field == "code":
            choices = [v for v in _NASTY if not isinstance(v, str)] + [""]
        elif field in ("columns", "state", "base"):
            choices = [v for v in _NASTY if not isinstance(v, dict) and not (field == "base" and v is None)]
        else:
            choices = [v for v in _NASTY if not isinstance(v, list)] + [[1], [[[]]], [None], [""]]
        payload["cases"][0][field] = rng.choice(choices)
        return kind, seal(sender, key, gzip.compress(json.dumps(payload).encode()), **to_receiver)
    plain = gzip.compress(json.dumps(payload).encode())
    if kind == "signed header":
        field = rng.choice(["bundle_id", "sender", "recipient", "ephemeral", "nonce"])
        return kind, seal(sender, key, plain, **{**to_receiver, field: rng.choice(_NASTY)})
    cut = rng.choice([plain[:rng.randrange(len(plain))], rng.randbytes(rng.randint(0, 200)),
                      gzip.compress(rng.randbytes(rng.randint(0, 200)))])
    return kind, seal(sender, key, cut, **to_receiver)
