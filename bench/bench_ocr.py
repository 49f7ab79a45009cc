"""OCR benchmarks (issue 14): seconds per A4 page (300 dpi) and per ID card, field accuracy, memory peak.

    .venv/bin/python bench/bench_ocr.py [--per-cell 2] [--seed 7] [--qr]

Generated documents (officer_desk/ocr/samples.py: every document kind x every distortion, ``per-cell``
samples each) are read as an officer's desk reads them: from the encoded file (PNG or JPEG), through
loading, preprocessing, Tesseract and the extractors. Without ``--qr`` the card's QR code is ignored, so
the card figures are OCR alone. Goals (reported, never asserted): a page under 2 s and a card under 1 s
on 2 cores. Memory peak: this process and the largest Tesseract process (max RSS). Figures go to
bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from officer_desk.ocr.evaluation import evaluate  # noqa: E402
from officer_desk.ocr.samples import DISTORTIONS, DOC_KINDS, make_sample  # noqa: E402

PAGE_KINDS = ("giay_khai_sinh", "giay_chung_sinh", "giay_xac_nhan_tthn", "to_khai")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-cell", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--qr", action="store_true", help="let the card's QR code fill the fields it carries")
    args = parser.parse_args()
    started = time.perf_counter()
    # One sample at a time (generated, read, dropped), so the memory peak is the reader's, not the generator's.
    samples = (make_sample(kind, distortion, args.seed * 1000 + i)
               for kind in DOC_KINDS for distortion in DISTORTIONS for i in range(args.per_cell))
    result = evaluate(samples, use_qr=args.qr)
    print(f"generated and read in {time.perf_counter() - started:.1f} s; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    for label, table in (("wall", result.seconds), ("cpu", result.cpu)):
        pages = sorted(s for kind in PAGE_KINDS for s in table[kind])
        cards = sorted(s for kind, values in table.items() if kind.startswith("cccd") for s in values)
        for what, values in (("A4 page", pages), ("ID card side", cards)):
            print(f"{what} ({label}): median {statistics.median(values):.2f} s, "
                  f"p90 {values[int(len(values) * 0.9)]:.2f} s, max {values[-1]:.2f} s ({len(values)} read)")
    print(f"\noverall field accuracy {result.overall.rate:.3f} ({result.overall.right}/{result.overall.total})")
    print("\n| kind | accuracy | wall s (median) | CPU s (median) |\n|---|---|---|---|")
    for kind, tally in result.by_kind.items():
        print(f"| {kind} | {tally.rate:.3f} ({tally.right}/{tally.total}) | "
              f"{statistics.median(result.seconds[kind]):.2f} | {statistics.median(result.cpu[kind]):.2f} |")
    print("\n| distortion | accuracy |\n|---|---|")
    for name, tally in result.by_distortion.items():
        print(f"| {name} | {tally.rate:.3f} ({tally.right}/{tally.total}) |")
    print("\n| field | accuracy |\n|---|---|")
    for name, tally in sorted(result.by_field.items()):
        print(f"| {name} | {tally.rate:.3f} ({tally.right}/{tally.total}) |")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\nmemory peak: desk process {own:.0f} MiB, largest Tesseract process {child:.0f} MiB")
    print("\nmisses:\n" + "\n".join(result.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
