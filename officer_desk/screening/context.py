"""What every screening rule reads (the dossier, its procedure, the receipt moment) and where it writes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from officer_desk.catalogue import Catalogue, Procedure
from officer_desk.config import DeskConfig
from officer_desk.dossier import Attachment, Dossier
from officer_desk.i18n import both
from officer_desk.screening.result import FindingSink, ScreeningFinding
from officer_desk.workdays import WorkingCalendar

# The open queue as the duplicate rule sees it: (procedure code, applicant ID digits, subject key, own
# dossier code to exclude) -> codes of open dossiers. ``CaseService.open_duplicates_view`` returns one; an
# object with a ``find`` method of that signature works too.
DuplicateQueue = Callable[[str, str, str, str | None], list[str]]


def no_queue(procedure_code: str, id_number: str, subject_key: str, exclude_code: str | None) -> list[str]:
    """An empty queue (``officer-desk screen`` checks a file, not the database)."""
    return []


@dataclass(frozen=True)
class Text:
    """A message in Vietnamese and English (the template is translated, the values are shared)."""

    vi: str
    en: str


def text(template: str, /, **values: Any) -> Text:
    """``template`` in both languages; a value that is itself a Text fills each language with its own."""
    if not any(isinstance(v, Text) for v in values.values()):
        vi, en = both(template, **values)
        return Text(vi, en)
    vi_values = {k: v.vi if isinstance(v, Text) else v for k, v in values.items()}
    en_values = {k: v.en if isinstance(v, Text) else v for k, v in values.items()}
    return Text(both(template, **vi_values)[0], both(template, **en_values)[1])


EMPTY = Text("", "")


@dataclass
class ScreeningContext:
    """One screening run: inputs, the receipt moment, helpers shared by the rules, and the findings."""

    dossier: Dossier
    procedure: Procedure
    catalogue: Catalogue | None
    calendar: WorkingCalendar
    config: DeskConfig | None
    queue: DuplicateQueue | Any
    received: datetime  # local time
    sink: FindingSink = field(default_factory=FindingSink)
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def receipt_date(self) -> date:
        return self.received.date()

    def add(
        self,
        code: str,
        severity: str,
        target: str,
        message: Text,
        evidence: Text = EMPTY,
        suggestion: Text = EMPTY,
    ) -> None:
        self.sink.add(
            ScreeningFinding(
                code=code,
                severity=severity,
                target=target,
                message=message.vi,
                message_en=message.en,
                evidence=evidence.vi,
                suggestion=suggestion.vi,
                evidence_en=evidence.en,
                suggestion_en=suggestion.en,
            )
        )

    def attachments(self) -> tuple[Attachment, ...]:
        return self.dossier.attachments

    def document_name(self, doc_id: str) -> Text:
        requirement = self.procedure.document_for(doc_id)
        if requirement is None:
            return Text(doc_id, doc_id)
        return Text(requirement.name_vi, requirement.name_en)


def iter_leaves(node: Any, prefix: str = "") -> Iterator[tuple[str, str, Any]]:
    """(dotted path, last key, value) of every scalar below ``node`` (lists are indexed ``name[0]``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            key = str(key)
            path = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict | list):
                yield from iter_leaves(value, path)
            else:
                yield path, key, value
    elif isinstance(node, list):
        for index, value in enumerate(node):
            path = f"{prefix}[{index}]"
            if isinstance(value, dict | list):
                yield from iter_leaves(value, path)
            else:
                yield path, prefix.rsplit(".", 1)[-1], value


def iter_groups(node: Any, prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(dotted path, object) of every nested object below ``node`` (the form's people: tre, me, cha...)."""
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if isinstance(value, dict):
                yield path, value
                yield from iter_groups(value, path)
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict):
                        yield f"{path}[{index}]", item
                        yield from iter_groups(item, f"{path}[{index}]")
