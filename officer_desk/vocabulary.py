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
    """What the officer decided about a hint.

    ``confirmed``: the dossier really has the defect; the hint goes into the supplement request or the
    refusal and blocks acceptance. ``overridden``: the officer checked the original and the hint is wrong
    (a reason is required); it no longer blocks. Migration 0010 renamed the older ``accepted`` and
    ``dismissed``, whose names read as "accept the dossier" and let a confirmed defect through.
    """

    OPEN = "open"
    CONFIRMED = "confirmed"
    OVERRIDDEN = "overridden"

    @classmethod
    def parse(cls, value: str) -> Decision:
        """A stored or received decision, the pre-0010 names included (another desk may still send them)."""
        return cls(LEGACY_DECISIONS.get(value, value))


LEGACY_DECISIONS: dict[str, str] = {"accepted": "confirmed", "dismissed": "overridden"}


def blocks_acceptance(severity: str, decision: str, superseded: bool = False) -> bool:
    """An error hint that is undecided or confirmed: the dossier cannot be accepted while one remains."""
    if superseded or severity != Severity.ERROR:
        return False
    return Decision.parse(decision) in (Decision.OPEN, Decision.CONFIRMED)


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
