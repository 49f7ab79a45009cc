"""The screening engine measured on the evaluation sets written before the rules (tests/data/screening).

Each case runs on a real desk with its queue imported through the case service (tests/helpers/screening_eval.py).
"""

from __future__ import annotations

import pytest

from tests.helpers.screening_eval import CODES, LAW_CASES, LAW_CODES, Evaluation, evaluate


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate()


@pytest.fixture(scope="module")
def law_evaluation() -> Evaluation:
    return evaluate(LAW_CASES, LAW_CODES)


@pytest.mark.parametrize("code", CODES)
def test_precision_and_recall_per_code(evaluation: Evaluation, code: str) -> None:
    assert evaluation.precision(code) >= 0.9, evaluation.table()
    assert evaluation.recall(code) >= 0.9, evaluation.table()


def test_overall_f1(evaluation: Evaluation) -> None:
    print("\n" + evaluation.table())
    assert evaluation.micro_f1() >= 0.95, evaluation.table()
    assert evaluation.macro()[2] >= 0.95, evaluation.table()


def test_every_code_is_exercised(evaluation: Evaluation) -> None:
    assert all(evaluation.tp[code] >= 2 for code in CODES), evaluation.table()


def test_due_dates_fees_clean_cases_and_near_misses(evaluation: Evaluation) -> None:
    assert evaluation.due_ok == evaluation.due_total, evaluation.table()
    assert evaluation.fee_ok == evaluation.fee_total, evaluation.table()
    assert not evaluation.clean_with_findings, evaluation.table()
    assert not evaluation.absent_violations, evaluation.table()


def test_law_set(law_evaluation: Evaluation) -> None:
    """Issue #11's set: fees, windows, calendar, duplicates by subject, robust input, catalogue corrections."""
    print("\n" + law_evaluation.table())
    assert law_evaluation.cases >= 40
    for code in law_evaluation.active_codes():
        assert law_evaluation.precision(code) >= 0.9, law_evaluation.table()
        assert law_evaluation.recall(code) >= 0.9, law_evaluation.table()
    assert law_evaluation.due_ok == law_evaluation.due_total, law_evaluation.table()
    assert law_evaluation.fee_ok == law_evaluation.fee_total, law_evaluation.table()
    assert law_evaluation.basis_ok == law_evaluation.basis_total, law_evaluation.table()
    assert not law_evaluation.clean_with_findings, law_evaluation.table()
    assert not law_evaluation.absent_violations, law_evaluation.table()
