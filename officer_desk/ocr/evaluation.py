"""Field-level accuracy of the readers on generated samples (used by the CI test and by bench/)."""

from __future__ import annotations

import sys
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from officer_desk.ocr.engine import OcrEngine
from officer_desk.ocr.reader import read_document
from officer_desk.ocr.samples import Sample


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Evaluation:
    """Right/total per field, per document kind, per distortion; seconds per sample."""

    by_field: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_distortion: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    seconds: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    # CPU seconds (this process and the engine's), which a busy machine does not inflate as it does wall time.
    cpu: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    misses: list[str] = field(default_factory=list)


def _cpu_seconds() -> float:
    if sys.platform == "win32":  # the resource module is POSIX-only: Windows reports wall time only
        return 0.0
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _same(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a.strip()) == unicodedata.normalize("NFC", b.strip())


def evaluate(samples: Iterable[Sample], use_qr: bool = False, engine: OcrEngine | None = None,
             give_doc_type: bool = False) -> Evaluation:
    """Read every sample (OCR only unless ``use_qr``) and count the fields read exactly right."""
    result = Evaluation()
    for sample in samples:
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        read = read_document(sample.data, sample.doc_type if give_doc_type else None, engine=engine, use_qr=use_qr)
        result.seconds[sample.kind].append(time.perf_counter() - started)
        result.cpu[sample.kind].append(_cpu_seconds() - cpu_started)
        for name, expected in sample.truth.items():
            got = read.fields.get(name)
            right = got is not None and _same(got.value, expected)
            for tally in (result.by_field[f"{sample.doc_type}.{name}"], result.by_kind[sample.kind],
                          result.by_distortion[sample.distortion], result.overall):
                tally.total += 1
                tally.right += int(right)
            if not right:
                result.misses.append(f"{sample.kind}/{sample.distortion} {name}: {expected!r} -> "
                                     f"{got.value if got else None!r}")
    return result
