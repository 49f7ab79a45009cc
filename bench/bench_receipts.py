"""Receipt benchmarks (issue 6): generate + sign, QR verification, and a batch of receipts.

    .venv/bin/python bench/bench_receipts.py [--count 1000] [--repeat 30] [--form a5] [--no-sign] [--json]

- one receipt, generated and signed (render + QR payload + PAdES with the demo desk certificate),
  in a warm process: median and p95 over ``--repeat`` receipts (goal: median < 100 ms);
- a batch of ``--count`` receipts through ``issue_many`` with progress on stderr (goal: < 40 ms each);
- QR verification: payload text, our PDF (embedded payload), and a 1000-px JPEG photo of a printed
  receipt (goal: < 20 ms);
- the first receipt of a cold process (fonts and templates loaded), for information;
- paired in one process (issue 17): render + QR against a fast-QR reportlab page, and render + sign
  against the same render followed by plain pyHanko with the signature's space reserved (the floor).

Timings are wall-clock on this machine; figures go to bench/README.md, section "Receipts", by hand.
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import segno  # noqa: E402

from officer_desk.paths import Home  # noqa: E402
from officer_desk.receipts.issue import IssueJob, issue_document, issue_many  # noqa: E402
from officer_desk.receipts.qr import QrKeyring, verify_payload  # noqa: E402
from officer_desk.receipts.samples import sample_receipt  # noqa: E402
from officer_desk.receipts.verify_receipt import verify_receipt_arg  # noqa: E402

GOALS_MS = {"single": 100.0, "batch_each": 40.0, "verify": 20.0}


class StderrProgress:
    """Progress on one stderr line (the desk's Progress port)."""

    def __init__(self) -> None:
        self.last = 0.0

    def report(self, done: int, total: int, label: str) -> None:
        now = time.perf_counter()
        if now - self.last > 0.5 or done == total:
            sys.stderr.write(f"\r  {done}/{total} {label:<28}")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()
            self.last = now

    def cancelled(self) -> bool:
        return False


def timings(action: Callable[[], Any], repeat: int) -> list[float]:
    action()  # warm
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 2)}


def load_signer(home: Home) -> tuple[Any, str]:
    try:
        from officer_desk.signing.demo_ca import create_demo_ca
        from officer_desk.signing.pades import load_desk_signer
    except ImportError:
        return None, "none (officer_desk.signing.pades missing)"
    create_demo_ca(home)
    return load_desk_signer(home), "PdfSigner, demo desk certificate (RSA-2048)"


def cold_first_receipt(home: Home, sign: bool) -> float:
    """A new interpreter: import, fonts, templates, first receipt (ms)."""
    code = f"""
import time, sys
sys.path.insert(0, {str(ROOT)!r})
start = time.perf_counter()
from officer_desk.paths import Home
from officer_desk.receipts.issue import issue_document
from officer_desk.receipts.qr import QrKeyring
from officer_desk.receipts.samples import sample_receipt
home = Home(__import__('pathlib').Path({str(home.root)!r}))
signer = None
if {sign!r}:
    from officer_desk.signing.pades import load_desk_signer
    signer = load_desk_signer(home)
issue_document("receipt", sample_receipt(), "a5", signer, QrKeyring(home))
print((time.perf_counter() - start) * 1000)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return round(float(out.stdout.strip().splitlines()[-1]), 1)


def photo_of(pdf: bytes) -> bytes:
    """A 1000-px JPEG (quality 60) of the printed page, as a phone would send it."""
    from PIL import Image, ImageFilter

    png = subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", "-"], input=pdf,
                         capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(png))
    scale = 1000 / max(image.size)
    image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60)
    return buffer.getvalue()


def reference_page(receipt: Any, keyring: QrKeyring) -> bytes:
    """The floor for render + QR: the same receipt's fields as plain reportlab text lines in the desk's font,
    and a QR of a signed payload made with a fixed mask (a "fast QR"), drawn as rectangles. No layout."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from officer_desk.receipts.qr import QR_MASK, dark_runs, make_payload
    from officer_desk.receipts.render import default_renderer

    # Plain reportlab: the desk's regular face as an ordinary TTFont (per-document subsets, as reportlab
    # makes them), not the desk's DocumentFont with its per-process subset cache.
    if "BenchReference" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BenchReference", str(default_renderer().templates.fonts["regular"])))
    payload = make_payload(doc_type="receipt", dossier_code=receipt.dossier_code,
                           applicant_name=receipt.applicant_name, appointment=None,
                           issued_at=receipt.issued_at, keyring=keyring)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5)
    canvas.setFont("BenchReference", 9)
    y = A5[1] - 40
    for name, value in vars(receipt).items():
        canvas.drawString(30, y, f"{name}: {value}"[:100])
        y -= 12
    symbol = segno.make(payload, error="m", micro=False, boost_error=True, mask=QR_MASK)
    module = 1.6
    for row, col, length in dark_runs(symbol):
        canvas.rect(300 + col * module, 40 + (len(symbol.matrix) - row) * module, length * module, module,
                    stroke=0, fill=1)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def pyhanko_floor(signer: Any) -> Callable[[Any], bytes]:
    """The floor for signing: plain pyHanko's sign_pdf, key loaded once, the space for the signature reserved (no dry
    run), a certification signature in a visible field at the desk's stamp box with pyHanko's default stamp
    (built-in font, nothing to subset), PAdES subfilter. Returns sign(rendered issued document) -> bytes."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from officer_desk.receipts.issue import SIGNATURE_FIELD

    # The same pyHanko Signer object the desk signs with (key parsed once: plain SimpleSigner re-parses the
    # RSA key per signature, ~60 ms, which would make this floor no floor).
    plain = signer.signer.pyhanko_signer
    reserved = int(getattr(signer, "_reserved_bb", 0) or 16384)  # the desk's own reservation, for the same size

    def sign(issued: Any) -> bytes:
        meta = signers.PdfSignatureMetadata(field_name=SIGNATURE_FIELD, subfilter=fields.SigSeedSubFilter.PADES,
                                            certify=True, docmdp_permissions=fields.MDPPerm.NO_CHANGES,
                                            reason=f"Tiếp nhận hồ sơ {issued.dossier_code}")
        spec = fields.SigFieldSpec(SIGNATURE_FIELD, on_page=issued.signature_page,
                                   box=tuple(int(v) for v in issued.signature_box))
        writer = IncrementalPdfFileWriter(io.BytesIO(issued.pdf))
        return bytes(signers.PdfSigner(meta, plain, new_field_spec=spec)
                     .sign_pdf(writer, bytes_reserved=reserved).getvalue())

    return sign


def paired_ratio(mine: Callable[[], Any], reference: Callable[[], Any], repeat: int) -> dict[str, float]:
    """Interleaved pairs in this process: the desk's time over the reference's, pair by pair."""
    mine()
    reference()
    ratios, desk_times, ref_times = [], [], []
    for _ in range(repeat):
        started = time.perf_counter()
        reference()
        ref = time.perf_counter() - started
        started = time.perf_counter()
        mine()
        desk = time.perf_counter() - started
        ratios.append(desk / ref)
        desk_times.append(desk)
        ref_times.append(ref)
    return {"desk_ms": round(statistics.median(desk_times) * 1000, 2),
            "reference_ms": round(statistics.median(ref_times) * 1000, 2),
            "ratio_median": round(statistics.median(ratios), 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="receipts in the batch (default 1000)")
    parser.add_argument("--repeat", type=int, default=30, help="samples for the single-receipt figures")
    parser.add_argument("--form", default="a5", choices=("a5", "a4", "thermal80"))
    parser.add_argument("--no-sign", action="store_true", help="render and QR-sign only")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-receipts-") as folder:
        home = Home(Path(folder)).ensure()
        keyring = QrKeyring(home)
        keyring.create_desk_key("000.00.01.X99-Q03")
        signer, signer_label = (None, "none (--no-sign)") if args.no_sign else load_signer(home)
        receipt = sample_receipt()
        results: dict[str, Any] = {"form": args.form, "signer": signer_label}

        results["cold_first_receipt_ms"] = cold_first_receipt(home, signer is not None)
        results["render_only"] = summary(timings(
            lambda: issue_document("receipt", receipt, args.form, None, keyring), args.repeat))
        results["render_vs_reference"] = paired_ratio(
            lambda: issue_document("receipt", receipt, args.form, None, keyring),
            lambda: reference_page(receipt, keyring), args.repeat)
        results["single"] = summary(timings(
            lambda: issue_document("receipt", receipt, args.form, signer, keyring), args.repeat))
        if signer is not None:
            floor = pyhanko_floor(signer)
            results["sign_render_vs_floor"] = paired_ratio(
                lambda: issue_document("receipt", receipt, args.form, signer, keyring),
                lambda: floor(issue_document("receipt", receipt, args.form, None, keyring)), args.repeat)

        jobs = [IssueJob("receipt", replace(receipt, dossier_code=f"000.00.01.X99-261127-{i:04d}",
                                            register_number=i), args.form)
                for i in range(1, args.count + 1)]
        start = time.perf_counter()
        issued = issue_many(jobs, signer, keyring, StderrProgress())
        elapsed = time.perf_counter() - start
        results["batch"] = {"count": len(issued), "total_s": round(elapsed, 2),
                            "each_ms": round(elapsed / max(1, len(issued)) * 1000, 2),
                            "pdf_kib_each": round(statistics.mean(len(d.pdf) for d in issued[:50]) / 1024, 1)}

        sample = issued[0]
        pdf_path = Path(folder) / "receipt.pdf"
        pdf_path.write_bytes(sample.pdf)
        photo_path = Path(folder) / "photo.jpg"
        photo_path.write_bytes(photo_of(sample.pdf))
        results["verify_payload"] = summary(timings(lambda: verify_payload(sample.qr_payload, keyring), 200))
        results["verify_pdf"] = summary(timings(lambda: verify_receipt_arg(str(pdf_path), keyring=keyring), 50))
        results["verify_photo"] = summary(timings(lambda: verify_receipt_arg(str(photo_path), keyring=keyring), 30))
        assert verify_receipt_arg(str(photo_path), keyring=keyring).verdict.status == "genuine"

    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"form {results['form']}, signer: {results['signer']}")
    print(f"cold first receipt (new process): {results['cold_first_receipt_ms']} ms")
    print(f"render + QR (no PAdES):  median {results['render_only']['median_ms']} ms, "
          f"p95 {results['render_only']['p95_ms']} ms")
    print(f"render + QR against the fast-QR reportlab page (same run, paired): {results['render_vs_reference']}"
          "   (goal <= 1.0)")
    print(f"generate + sign one:     median {results['single']['median_ms']} ms, p95 {results['single']['p95_ms']} ms"
          f"   (goal < {GOALS_MS['single']:.0f} ms)")
    if "sign_render_vs_floor" in results:
        print(f"render + sign against the desk's render + reserved-space pyHanko (paired): "
              f"{results['sign_render_vs_floor']}   (goal <= 1.2)")
    batch = results["batch"]
    print(f"batch of {batch['count']}: {batch['total_s']} s, {batch['each_ms']} ms each"
          f"   (goal < {GOALS_MS['batch_each']:.0f} ms), {batch['pdf_kib_each']} KiB per PDF")
    for key, label in (("verify_payload", "verify payload text"), ("verify_pdf", "verify our PDF"),
                       ("verify_photo", "verify 1000-px JPEG photo")):
        print(f"{label + ':':<27} median {results[key]['median_ms']} ms, p95 {results[key]['p95_ms']} ms"
              f"   (goal < {GOALS_MS['verify']:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
