"""The screening engine measured on the evaluation set written before the rules (tests/data/screening)."""

from __future__ import annotations

import pytest

from tests.helpers.screening_eval import CODES, Evaluation, evaluate


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    return evaluate()


@pytest.mark.parametrize("code", CODES)
def test_precision_and_recall_per_code(evaluation: Evaluation, code: str) -> None:
    assert evaluation.precision(code) >= 0.9, evaluation.table()
    assert evaluation.recall(code) >= 0.9, evaluation.table()


def test_overall_f1(evaluation: Evaluation) -> None:
    print("\n" + evaluation.table())
    assert evaluation.micro_f1() >= 0.95, evaluation.table()


def test_every_code_is_exercised(evaluation: Evaluation) -> None:
    assert all(evaluation.tp[code] >= 2 for code in CODES), evaluation.table()


def test_due_dates_and_fees(evaluation: Evaluation) -> None:
    assert evaluation.due_ok == evaluation.due_total, evaluation.table()
    assert evaluation.fee_ok == evaluation.fee_total, evaluation.table()
