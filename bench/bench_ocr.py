"""OCR benchmarks (issue 14): seconds per A4 page (300 dpi) and per ID card, field accuracy, memory peak.

    .venv/bin/python bench/bench_ocr.py [--per-cell 2] [--seed 7] [--qr] [--kinds cccd_2024,...]
                                        [--no-name-lexicon]

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
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from officer_desk.ocr.evaluation import evaluate  # noqa: E402
from officer_desk.ocr.samples import DISTORTIONS, DOC_KINDS, make_sample  # noqa: E402

PAGE_KINDS = ("giay_khai_sinh", "giay_chung_sinh", "giay_xac_nhan_tthn", "to_khai")


_READER = """
import io, subprocess, sys, time
from pathlib import Path
from officer_desk.ocr.loader import load_pages
from officer_desk.ocr.preprocess import prepare
from officer_desk.ocr.reader import read_document


def peak(pid="self"):
    # VmHWM is reset by exec, unlike ru_maxrss (which a child inherits from its parent).
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


for path in sys.argv[1:]:
    read_document(Path(path).read_bytes(), use_qr=False)
engine = 0
for path in sys.argv[1:]:
    image = prepare(load_pages(Path(path).read_bytes())[0]).image
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    child = subprocess.Popen(["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "3", "tsv"],
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    child.stdin.write(buffer.getvalue())
    child.stdin.close()
    while child.poll() is None:
        try:
            engine = max(engine, peak(child.pid))
        except OSError:
            break
        time.sleep(0.01)
print(peak(), engine)
"""


def memory_peak() -> str:
    """Max RSS of a fresh reader process (an A4 page and a card photo) and of its Tesseract processes.

    Measured apart from the generator, whose full-page numpy work would otherwise be the peak.
    """
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for kind, distortion in (("giay_khai_sinh", "photo"), ("cccd_2021", "photo")):
            path = Path(folder) / f"{kind}.bin"
            path.write_bytes(make_sample(kind, distortion, 1).data)
            paths.append(str(path))
        out = subprocess.run([sys.executable, "-c", _READER, *paths], capture_output=True, text=True, cwd=ROOT,
                             check=True).stdout.split()
    return f"memory peak: reader process {out[0]} MiB, largest Tesseract process {out[1]} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-cell", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--qr", action="store_true", help="let the card's QR code fill the fields it carries")
    parser.add_argument("--kinds", default=",".join(DOC_KINDS), help="document kinds to generate (comma-separated)")
    parser.add_argument("--no-name-lexicon", action="store_true",
                        help="names as the engine read them (measures what ocr/names.py adds)")
    args = parser.parse_args()
    kinds = [kind for kind in args.kinds.split(",") if kind]
    unknown = sorted(set(kinds) - set(DOC_KINDS))
    if unknown:
        parser.error(f"unknown kinds {unknown}; known: {', '.join(DOC_KINDS)}")
    if args.no_name_lexicon:
        import officer_desk.ocr.values as ocr_values

        setattr(ocr_values, "correct_name", lambda name: name)  # noqa: B010 - the module's own name lookup
    load_before = os.getloadavg()
    started = time.perf_counter()
    # One sample at a time (generated, read, dropped), so the memory peak is the reader's, not the generator's.
    samples = (make_sample(kind, distortion, args.seed * 1000 + i)
               for kind in kinds for distortion in DISTORTIONS for i in range(args.per_cell))
    result = evaluate(samples, use_qr=args.qr)
    load_after = os.getloadavg()
    print(f"generated and read in {time.perf_counter() - started:.1f} s on {os.cpu_count()} cores; load average "
          f"(1/5/15 min) before {'/'.join(f'{v:.1f}' for v in load_before)}, "
          f"after {'/'.join(f'{v:.1f}' for v in load_after)}")
    for label, table in (("wall", result.seconds), ("cpu", result.cpu)):
        pages = sorted(s for kind in PAGE_KINDS for s in table[kind])
        cards = sorted(s for kind, values in table.items() if kind.startswith("cccd") for s in values)
        for what, values in (("A4 page", pages), ("ID card side", cards)):
            if not values:
                continue
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
    print("\n" + memory_peak())
    print("\nmisses:\n" + "\n".join(result.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
