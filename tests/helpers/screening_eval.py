"""Scoring of the screening engine on tests/data/screening (rules in that folder's README)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from officer_desk.catalogue import load_catalogue
from officer_desk.dossier import parse
from officer_desk.screening.duplicates import subject_key
from officer_desk.screening.engine import screen_dossier
from officer_desk.text import digits
from officer_desk.workdays import default_calendar

CASES = Path(__file__).resolve().parents[1] / "data" / "screening" / "cases"
CODES = (
    "MISSING_REQUIRED_DOC", "DOC_QUANTITY_INSUFFICIENT", "REQUIRED_FIELD_MISSING", "DOC_EXPIRED",
    "COPY_NOT_CERTIFIED", "ID_DOCUMENT_EXPIRED", "ID_DOCUMENT_INVALID", "CCCD_FORMAT_INVALID",
    "CCCD_PROVINCE_CODE_UNKNOWN", "CCCD_PROVINCE_BIRTHPLACE_MISMATCH", "CCCD_GENDER_MISMATCH",
    "CCCD_CENTURY_MISMATCH", "CCCD_BIRTHYEAR_MISMATCH", "PHONE_INVALID", "NAME_MISMATCH", "DATE_INVALID",
    "TAX_CODE_INVALID", "DUPLICATE_SUBMISSION", "MARRIAGE_AGE_INELIGIBLE", "LATE_REGISTRATION",
    "DEADLINE_ADJUSTED_FOR_HOLIDAY", "LEGACY_ENCODING_DETECTED", "CONFUSABLE_CHARACTER",
)
CLOSED = {"returned", "refused", "withdrawn"}


@dataclass
class Evaluation:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    due_ok: int = 0
    due_total: int = 0
    fee_ok: int = 0
    fee_total: int = 0

    def precision(self, code: str) -> float:
        denominator = self.tp[code] + self.fp[code]
        return self.tp[code] / denominator if denominator else 1.0

    def recall(self, code: str) -> float:
        denominator = self.tp[code] + self.fn[code]
        return self.tp[code] / denominator if denominator else 1.0

    def micro_f1(self) -> float:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def table(self) -> str:
        lines = [f"{'code':<36} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6}"]
        for code in CODES:
            lines.append(f"{code:<36} {self.tp[code]:>4} {self.fp[code]:>4} {self.fn[code]:>4} "
                         f"{self.precision(code):>6.2f} {self.recall(code):>6.2f}")
        lines.append(f"micro F1 {self.micro_f1():.3f}; due dates {self.due_ok}/{self.due_total}; "
                     f"fees {self.fee_ok}/{self.fee_total}")
        return "\n".join(lines + self.errors)


def _queue_view(entries: list[dict[str, Any]], catalogue: Any) -> Any:
    rows = []
    for entry in entries:
        status = entry.get("status", "received")
        data = {k: v for k, v in entry.items() if k != "status"}
        parsed = parse(data)
        procedure = catalogue.find(parsed.procedure_code)
        rows.append((procedure.code if procedure else parsed.procedure_code, digits(parsed.applicant.id_number),
                     subject_key(procedure, parsed) if procedure else "", parsed.dossier_code, status))

    def find(procedure_code: str, id_number: str, subject: str, exclude_code: str | None) -> list[str]:
        return [code for (proc, ident, subj, code, status) in rows
                if proc == procedure_code and ident == id_number and subj == subject and code != exclude_code
                and status not in CLOSED]

    return find


def evaluate() -> Evaluation:
    catalogue = load_catalogue()
    calendar = default_calendar()
    result = Evaluation()
    for path in sorted(CASES.glob("*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        dossier = parse(case["dossier"])
        outcome = screen_dossier(dossier, catalogue, calendar, queue=_queue_view(case.get("queue", []), catalogue))
        predicted = [(f.code, f.target) for f in outcome.findings if f.code in CODES]
        expected = case["expected"]
        remaining = list(predicted)
        unmatched_expected = []
        for item in expected:
            pair = (item["code"], item.get("target"))
            if pair in remaining and not item.get("target_optional"):
                remaining.remove(pair)
                result.tp[item["code"]] += 1
            else:
                unmatched_expected.append(item)
        for item in unmatched_expected:
            match = next((p for p in remaining if p[0] == item["code"] and
                          (item.get("target_optional") or p[1] == item.get("target"))), None)
            if match is not None:
                remaining.remove(match)
                result.tp[item["code"]] += 1
            else:
                result.fn[item["code"]] += 1
                result.errors.append(f"FN {path.name}: {item['code']} {item.get('target')}")
        for code, target in remaining:
            result.fp[code] += 1
            result.errors.append(f"FP {path.name}: {code} {target}")
        if "expected_due_date" in case:
            result.due_total += 1
            got = outcome.due_date.strftime("%d/%m/%Y") if outcome.due_date else None
            if got == case["expected_due_date"]:
                result.due_ok += 1
            else:
                result.errors.append(f"DUE {path.name}: {got} != {case['expected_due_date']}")
        if "expected_fee_vnd" in case:
            result.fee_total += 1
            if outcome.fee_vnd == case["expected_fee_vnd"]:
                result.fee_ok += 1
            else:
                result.errors.append(f"FEE {path.name}: {outcome.fee_vnd} != {case['expected_fee_vnd']}")
    return result


if __name__ == "__main__":
    print(evaluate().table())
