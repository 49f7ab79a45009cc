"""The closed vocabularies the desk stores and the contracts carry: severity, decision, channel, document kind.

Values never change: they are in databases, dossier files and the CLI's JSON. The case status and the
lifecycle actions are in ``officer_desk.lifecycle``.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    """How serious a screening hint is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_RANK: dict[str, int] = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


class Decision(StrEnum):
    """What the officer decided about a hint."""

    OPEN = "open"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"


class Channel(StrEnum):
    """How the dossier was handed in (application format ``channel``)."""

    IN_PERSON = "truc_tiep"
    ONLINE = "truc_tuyen"
    POST = "buu_chinh"


class DocumentKind(StrEnum):
    """What form a component was handed in as (application format ``attachments[].kind``)."""

    ORIGINAL = "original"
    CERTIFIED_COPY = "certified_copy"
    COPY = "copy"
