"""Tables of two-way sync (migration 0011_sync_identity).

On a desk: the identities it trusts, the base version of each case as last synced, the conflicts
waiting for a supervisor and the bundles already applied (replay guard). On the center's server:
the desks registered per agency (desk numbers unique) and which desk each case belongs to.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from officer_desk.models.base import Base, UtcDateTime, utcnow


class TrustedIdentity(Base):
    """Another desk's or a center's public identity, trusted by an administrator."""

    __tablename__ = "sync_trusted_identities"

    desk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(64))
    desk_number: Mapped[int | None] = mapped_column(Integer)
    signing_key: Mapped[str] = mapped_column(String(128))  # Ed25519 public key, hex
    encryption_key: Mapped[str] = mapped_column(String(128))  # X25519 public key, hex
    trusted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    trusted_by: Mapped[str] = mapped_column(String(64), default="")


class SyncBase(Base):
    """The case as this desk and the server last agreed on it: the base of the three-way merge."""

    __tablename__ = "sync_bases"

    dossier_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    synced_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SyncConflict(Base):
    """Both versions of a case that two sides changed differently, kept until someone decides."""

    __tablename__ = "sync_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_code: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # identity | fields | desk
    fields: Mapped[list] = mapped_column(JSON, default=list)  # type: ignore[type-arg]
    mine: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    theirs: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by: Mapped[str] = mapped_column(String(64), default="")
    resolution: Mapped[str] = mapped_column(String(16), default="")  # mine | theirs | merge


class AppliedBundle(Base):
    """Bundles already applied here, by id: the same bundle twice is applied once."""

    __tablename__ = "sync_applied_bundles"

    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sender: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    result: Mapped[dict] = mapped_column(JSON, default=dict)  # type: ignore[type-arg]


class RegisteredDesk(Base):
    """Server side: each desk that synced, its agency and desk number (unique per agency)."""

    __tablename__ = "sync_desks"
    __table_args__ = (UniqueConstraint("agency_code", "desk_number"),)

    desk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    agency_code: Mapped[str] = mapped_column(String(64))
    desk_number: Mapped[int | None] = mapped_column(Integer)
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    identity: Mapped[str] = mapped_column(Text, default="")


class CaseRoute(Base):
    """Server side: the desk a case belongs to (pushed by it, or assigned to it by the province)."""

    __tablename__ = "sync_routes"

    dossier_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    desk_id: Mapped[str] = mapped_column(String(64), index=True)
    routed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
