"""Screening results: findings (hints) with stable codes, and the result of screening one dossier."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from officer_desk.vocabulary import SEVERITY_RANK, Severity

ENGINE_VERSION = "screening-1.1"

ERROR = Severity.ERROR
WARNING = Severity.WARNING
INFO = Severity.INFO

# Stable finding codes (shared/domain/application-format.md). Never rename; add new ones at the end.
MISSING_REQUIRED_DOC = "MISSING_REQUIRED_DOC"
DOC_QUANTITY_INSUFFICIENT = "DOC_QUANTITY_INSUFFICIENT"
REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING"
DOC_EXPIRED = "DOC_EXPIRED"
COPY_NOT_CERTIFIED = "COPY_NOT_CERTIFIED"
ID_DOCUMENT_EXPIRED = "ID_DOCUMENT_EXPIRED"
ID_DOCUMENT_INVALID = "ID_DOCUMENT_INVALID"
CCCD_FORMAT_INVALID = "CCCD_FORMAT_INVALID"
CCCD_PROVINCE_CODE_UNKNOWN = "CCCD_PROVINCE_CODE_UNKNOWN"
CCCD_PROVINCE_BIRTHPLACE_MISMATCH = "CCCD_PROVINCE_BIRTHPLACE_MISMATCH"
CCCD_GENDER_MISMATCH = "CCCD_GENDER_MISMATCH"
CCCD_CENTURY_MISMATCH = "CCCD_CENTURY_MISMATCH"
CCCD_BIRTHYEAR_MISMATCH = "CCCD_BIRTHYEAR_MISMATCH"
PHONE_INVALID = "PHONE_INVALID"
NAME_MISMATCH = "NAME_MISMATCH"
DATE_INVALID = "DATE_INVALID"
TAX_CODE_INVALID = "TAX_CODE_INVALID"
DUPLICATE_SUBMISSION = "DUPLICATE_SUBMISSION"
MARRIAGE_AGE_INELIGIBLE = "MARRIAGE_AGE_INELIGIBLE"
LATE_REGISTRATION = "LATE_REGISTRATION"
DEADLINE_ADJUSTED_FOR_HOLIDAY = "DEADLINE_ADJUSTED_FOR_HOLIDAY"
LEGACY_ENCODING_DETECTED = "LEGACY_ENCODING_DETECTED"
CONFUSABLE_CHARACTER = "CONFUSABLE_CHARACTER"
# Added by this engine (allowed by the contract: "the engine may add more").
ID_NUMBER_MISMATCH = "ID_NUMBER_MISMATCH"
GENDER_MISMATCH = "GENDER_MISMATCH"  # declared gender vs the one on a document (OCR, issue 14)

FINDING_CODES = (
    MISSING_REQUIRED_DOC, DOC_QUANTITY_INSUFFICIENT, REQUIRED_FIELD_MISSING, DOC_EXPIRED, COPY_NOT_CERTIFIED,
    ID_DOCUMENT_EXPIRED, ID_DOCUMENT_INVALID, CCCD_FORMAT_INVALID, CCCD_PROVINCE_CODE_UNKNOWN,
    CCCD_PROVINCE_BIRTHPLACE_MISMATCH, CCCD_GENDER_MISMATCH, CCCD_CENTURY_MISMATCH, CCCD_BIRTHYEAR_MISMATCH,
    PHONE_INVALID, NAME_MISMATCH, DATE_INVALID, TAX_CODE_INVALID, DUPLICATE_SUBMISSION, MARRIAGE_AGE_INELIGIBLE,
    LATE_REGISTRATION, DEADLINE_ADJUSTED_FOR_HOLIDAY, LEGACY_ENCODING_DETECTED, CONFUSABLE_CHARACTER,
    ID_NUMBER_MISMATCH, GENDER_MISMATCH,
)


@dataclass(frozen=True)
class ScreeningFinding:
    """One hint: what is wrong (code, severity, target), in both languages, with evidence and a suggestion."""

    code: str
    severity: str
    target: str
    message: str  # Vietnamese
    message_en: str
    evidence: str = ""  # Vietnamese
    suggestion: str = ""  # Vietnamese
    evidence_en: str = ""
    suggestion_en: str = ""
    source: str = "rule"

    def text(self, language: str = "vi") -> tuple[str, str, str]:
        """(message, evidence, suggestion) in ``language``."""
        if language == "en":
            return (self.message_en or self.message, self.evidence_en or self.evidence,
                    self.suggestion_en or self.suggestion)
        return self.message, self.evidence, self.suggestion

    def as_output(self, language: str = "vi") -> dict[str, str]:
        """The object of ``officer-desk screen --json`` (contract keys only)."""
        message, evidence, suggestion = self.text(language)
        return {
            "code": self.code,
            "severity": self.severity,
            "target": self.target,
            "message": message,
            "evidence": evidence,
            "suggestion": suggestion,
            "source": self.source,
        }

    def as_record(self) -> dict[str, str]:
        """The dict ``CaseService.record_findings`` stores (Vietnamese texts plus the English message)."""
        return {
            "code": self.code,
            "severity": self.severity,
            "target": self.target,
            "message": self.message,
            "message_en": self.message_en,
            "evidence": self.evidence,
            "suggestion": self.suggestion,
            "evidence_en": self.evidence_en,
            "suggestion_en": self.suggestion_en,
            "source": self.source,
        }


@dataclass(frozen=True)
class ScreeningResult:
    """The outcome of screening one dossier."""

    dossier_code: str | None
    procedure_code: str
    due_date: date
    fee_vnd: int | None
    findings: tuple[ScreeningFinding, ...] = ()
    engine_version: str = ENGINE_VERSION
    # How the fee was computed ("3 bản × 2 trang × 2.000đ"), and how sure the catalogue entry is.
    fee_basis: str = ""
    fee_basis_en: str = ""
    code_confidence: str = "high"
    code_note: str = ""

    @property
    def errors(self) -> tuple[ScreeningFinding, ...]:
        return tuple(f for f in self.findings if f.severity == ERROR)

    def codes(self) -> set[tuple[str, str]]:
        return {(f.code, f.target) for f in self.findings}

    def as_output(self, language: str = "vi") -> dict[str, Any]:
        """The JSON object of ``officer-desk screen --json``."""
        return {
            "dossier_code": self.dossier_code,
            "procedure_code": self.procedure_code,
            "due_date": self.due_date.strftime("%d/%m/%Y"),
            "fee_vnd": self.fee_vnd,
            "fee_basis": self.fee_basis_en if language == "en" and self.fee_basis_en else self.fee_basis,
            "findings": [f.as_output(language) for f in self.findings],
        }

    def records(self) -> list[dict[str, str]]:
        return [f.as_record() for f in self.findings]


@dataclass
class FindingSink:
    """Collects findings, one per (code, target): a later one only replaces an earlier, milder one."""

    items: dict[tuple[str, str], ScreeningFinding] = field(default_factory=dict)

    def add(self, finding: ScreeningFinding) -> None:
        key = (finding.code, finding.target)
        existing = self.items.get(key)
        if existing is None or SEVERITY_RANK[finding.severity] > SEVERITY_RANK[existing.severity]:
            self.items[key] = finding

    def sorted(self) -> tuple[ScreeningFinding, ...]:
        """Worst first, then in the order the rules found them."""
        order = {key: index for index, key in enumerate(self.items)}
        return tuple(sorted(self.items.values(),
                            key=lambda f: (-SEVERITY_RANK[f.severity], order[(f.code, f.target)])))
