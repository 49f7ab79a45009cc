"""Which QR mask a receipt can fix without losing scans (issue 17, receipts at the floor).

    .venv/bin/python bench/bench_qr_mask.py [--payloads 120]

segno picks the mask by scoring all eight (ISO 18004 penalty rules), ~80% of the symbol's cost. This
measures, on real signed payloads (random dossier codes, names and times, one desk key), the decode success
of zxing-cpp on degraded photographs of each symbol — tilted 25°, blurred, down-scaled until scans start
to fail, JPEG quality 50 — with segno's own choice against each fixed mask, and the time of each. The
photograph is the receipts robustness test's (tests/unit/test_receipts_qr_robust.py). Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import segno  # noqa: E402
import zxingcpp  # noqa: E402
from PIL import Image  # noqa: E402

from officer_desk.paths import Home  # noqa: E402
from officer_desk.receipts.qr import QrKeyring, make_payload  # noqa: E402
from tests.unit.test_receipts_qr_robust import photograph  # noqa: E402


def _payloads(count: int) -> list[str]:
    ring = QrKeyring(Home(Path(tempfile.mkdtemp(prefix="od-qr-"))))
    ring.create_desk_key("000.00.01.X99-Q03")
    rng = random.Random(17)
    start = datetime(2026, 12, 1, 8, tzinfo=UTC)
    out = []
    for index in range(count):
        issued = start + timedelta(seconds=rng.randrange(0, 90 * 86400))
        out.append(make_payload(doc_type=rng.choice(["receipt", "supplement", "refusal"]),
                                dossier_code=f"000.00.01.X99-26{rng.randrange(1, 13):02d}{rng.randrange(1, 29):02d}-"
                                             f"{rng.randrange(1, 9999):04d}",
                                applicant_name=f"Nguyễn Văn {index}", appointment=issued + timedelta(days=5),
                                issued_at=issued, keyring=ring))
    return out


def _image(symbol: segno.QRCode, module_px: int) -> Image.Image:
    matrix = symbol.matrix
    size = len(matrix) + 8
    image = Image.new("L", (size, size), 255)
    pixels = image.load()
    for row, line in enumerate(matrix):
        for col, value in enumerate(line):
            if value:
                pixels[col + 4, row + 4] = 0
    return image.resize((size * module_px, size * module_px), Image.Resampling.NEAREST)


def _decodes(image: Image.Image, payload: str) -> bool:
    return any(result.text == payload for result in zxingcpp.read_barcodes(image))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payloads", type=int, default=120)
    parser.add_argument("--masks", default="auto,0,1,2,3,4,5,6,7", help="which to compare (auto = segno's choice)")
    args = parser.parse_args()
    masks = [None if m == "auto" else int(m) for m in args.masks.split(",")]
    payloads = _payloads(args.payloads)
    # degradations: (long side of the photo in px, blur radius); the first ones are easy, the last fail often
    conditions = [(150, 0.8), (145, 0.8), (142, 0.8), (140, 0.85)]
    results: dict[str, dict[str, object]] = {}
    for mask in masks:
        times, ok = [], {f"{side}px/blur{blur}": 0 for side, blur in conditions}
        for payload in payloads:
            started = time.perf_counter()
            symbol = segno.make(payload, error="m", micro=False, boost_error=True, mask=mask)
            times.append(time.perf_counter() - started)
            page = _image(symbol, 8)
            for side, blur in conditions:
                photo = photograph(page, 25, 8, long_side=side, blur=blur, quality=50)
                ok[f"{side}px/blur{blur}"] += _decodes(photo, payload)
        results["auto" if mask is None else f"mask{mask}"] = {
            "make_ms_median": round(statistics.median(times) * 1000, 2),
            "decoded_share": {k: round(v / len(payloads), 3) for k, v in ok.items()},
        }
    print(json.dumps({"payloads": len(payloads), "results": results}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
