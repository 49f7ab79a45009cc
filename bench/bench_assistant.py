"""Assistant accuracy (issue #11) on the question sets written before the changes.

    .venv/bin/python bench/bench_assistant.py

Sets: tests/data/assistant_questions.json (52, Vietnamese) and tests/data/assistant_questions_extended.json
(76: Vietnamese with and without diacritics, colloquial, English, out-of-catalogue). Top-1 / top-3 count a
question right when the expected procedure is first / among the first three; an out-of-catalogue question
(expected null) is right when the answer list is empty. Figures go to bench/README.md by hand.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from officer_desk.catalogue import load_catalogue  # noqa: E402
from officer_desk.screening.assistant import ask  # noqa: E402

DATA = ROOT / "tests" / "data"
SETS = [DATA / "assistant_questions.json", DATA / "assistant_questions_extended.json"]


def measure(path: Path) -> dict[str, tuple[int, int, int]]:
    catalogue = load_catalogue()
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for item in json.loads(path.read_text(encoding="utf-8")):
        kind = item.get("kind", "vi")
        codes = [a.procedure.code for a in ask(item["question"], catalogue, 3)]
        expected = item["expected"]
        counts = by_kind[kind]
        counts[0] += 1
        if expected is None:
            counts[1] += not codes
            counts[2] += not codes
        else:
            counts[1] += bool(codes) and codes[0] == expected
            counts[2] += expected in codes
    return {k: (v[0], v[1], v[2]) for k, v in by_kind.items()}


def main() -> None:
    for path in SETS:
        started = time.perf_counter()
        result = measure(path)
        elapsed = time.perf_counter() - started
        total = [sum(v[i] for v in result.values()) for i in range(3)]
        print(f"{path.name}: top-1 {total[1]}/{total[0]} ({total[1] / total[0]:.1%}), "
              f"top-3 {total[2]}/{total[0]} ({total[2] / total[0]:.1%}), {elapsed * 1000 / total[0]:.1f} ms/question")
        for kind, (n, top1, top3) in sorted(result.items()):
            print(f"  {kind:<11} {n:>3}  top-1 {top1 / n:6.1%}  top-3 {top3 / n:6.1%}")


if __name__ == "__main__":
    main()
