"""Signing benchmarks (issue 5): the desk's signing session against the libraries used naively.

    .venv/bin/python bench/bench_signing.py [--receipts 1000] [--repeat 200]

Measures, on a one-page A5 receipt (the receipts renderer when available, else a ReportLab page):
raw RSA-2048; pyHanko with its defaults (key reloaded, font parsed and subset, size estimated by a
dry run per document); the desk's PdfSigner (loaded key, reserved size, font subset once) per
receipt and for a batch of N receipts written to files with progress; verification with the desk
and with pyHanko's validator used plainly. Every check stays on: goals are reported, never met by
removing one. Figures go to bench/README.md, section "Signing", by hand.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding  # noqa: E402

from officer_desk.paths import Home  # noqa: E402
from officer_desk.signing import certs  # noqa: E402
from officer_desk.signing.demo_ca import create_demo_ca  # noqa: E402
from officer_desk.signing.fonts import stamp_font_path  # noqa: E402
from officer_desk.signing.keystore import StaticPinPort, load_pkcs12_file  # noqa: E402
from officer_desk.signing.pades import PdfSigner, SignJob, StampSpec  # noqa: E402
from officer_desk.signing.trust import TrustStore  # noqa: E402
from officer_desk.signing.verify import verify_pdf  # noqa: E402


def receipt_pdf() -> tuple[bytes, int, tuple[float, float, float, float], str]:
    """(pdf, signature page, stamp box, source) of a realistic one-page receipt."""
    try:
        from officer_desk.receipts.render import default_renderer
        from officer_desk.receipts.samples import sample_receipt

        rendered = default_renderer().render("receipt", sample_receipt(), "a5", qr_payload="BENCH-PAYLOAD")
        return rendered.pdf, rendered.signature_page, tuple(rendered.signature_box), "officer_desk.receipts"  # type: ignore[return-value]
    except Exception:  # noqa: BLE001 - the benchmark also runs without the receipts package
        from reportlab.pdfgen import canvas

        buf = io.BytesIO()
        page = canvas.Canvas(buf, pagesize=(420, 595))
        for line in range(30):
            page.drawString(30, 560 - line * 15, f"Receipt line {line}")
        page.showPage()
        page.save()
        return buf.getvalue(), 0, (200.0, 30.0, 400.0, 100.0), "reportlab"


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    fn()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def line(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"| {label} | {statistics.median(samples):.2f} | {p95:.2f} | {len(samples)} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--receipts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--naive-repeat", type=int, default=20)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-signing-"))
    os.environ["OFFICER_DESK_HOME"] = str(work / "home")
    home = Home()
    material = create_demo_ca(home)
    pin = material.desk_pin.read_text(encoding="utf-8").strip()
    pdf, page, box, source = receipt_pdf()
    print(f"receipt: {len(pdf)} bytes from {source}; font {stamp_font_path().name}; python {sys.version.split()[0]}")
    rows = ["| measurement | median ms | p95 ms | n |", "|---|---|---|---|"]

    # raw RSA-2048
    signer = load_pkcs12_file(material.desk_p12, StaticPinPort(pin))
    key = signer.pyhanko_signer._private_key  # type: ignore[attr-defined]
    digest = b"\x01" * 32
    rows.append(line("raw RSA-2048 signature (PKCS#1 v1.5, SHA-256)",
                     timed(lambda: key.sign(digest, padding.PKCS1v15(), hashes.SHA256()), args.repeat)))

    # pyHanko with its defaults
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    style = TextStampStyle(
        stamp_text="K\u00fd b\u1edfi: %(signer)s\nTh\u1eddi gian k\u00fd: %(ts)s",
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(stamp_font_path()), font_size=8)),
    )

    def naive_sign() -> bytes:
        plain = signers.SimpleSigner.load_pkcs12(str(material.desk_p12), passphrase=pin.encode())
        meta = signers.PdfSignatureMetadata(field_name="Sig", subfilter=fields.SigSeedSubFilter.PADES)
        spec = fields.SigFieldSpec("Sig", on_page=page, box=tuple(int(v) for v in box))  # type: ignore[arg-type]
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
        return signers.PdfSigner(meta, plain, stamp_style=style, new_field_spec=spec).sign_pdf(writer).getvalue()

    import logging

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    rows.append(line("pyHanko defaults: visible-stamp signature of one receipt", timed(naive_sign, args.naive_repeat)))

    # the desk's session
    trust = TrustStore.load(home)
    start = time.perf_counter()
    session = PdfSigner(load_pkcs12_file(material.desk_p12, StaticPinPort(pin)), trust=trust)
    session_ms = (time.perf_counter() - start) * 1000
    spec = StampSpec(page=page, box=box, signer_name=session.signer.common_name,
                     organisation=session.signer.organisation or "")
    rows.append(line("desk PdfSigner: visible-stamp signature of one receipt",
                     timed(lambda: session.sign(pdf, visible=spec, reason="Bench"), args.repeat)))
    rows.append(line("desk PdfSigner: invisible signature", timed(lambda: session.sign(pdf), args.repeat)))

    # batch of N receipts to files, with progress
    folder = work / "batch"
    folder.mkdir()
    source_file = folder / "receipt.pdf"
    source_file.write_bytes(pdf)
    jobs = [SignJob(source_file, folder / f"signed-{i:05d}.pdf", visible=spec) for i in range(args.receipts)]

    class Progress:
        def __init__(self) -> None:
            self.last = 0

        def report(self, done: int, total: int, label: str) -> None:
            self.last = done

        def cancelled(self) -> bool:
            return False

    progress = Progress()
    start = time.perf_counter()
    result = session.sign_batch(jobs, progress)
    batch_s = time.perf_counter() - start
    assert len(result.signed) == args.receipts and not result.failed

    # verification
    signed = session.sign(pdf, visible=spec)
    assert verify_pdf(signed, trust=trust).verdict == "valid"
    rows.append(line("desk verify_pdf (trust store loaded once)",
                     timed(lambda: verify_pdf(signed, trust=trust), args.repeat)))
    rows.append(line("desk verify_pdf incl. loading the trust store",
                     timed(lambda: verify_pdf(signed, home=home), max(20, args.repeat // 5))))

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    roots = [certs.to_asn1(a.cert) for a in trust.anchors]
    others = [certs.to_asn1(c) for c in trust.intermediates + trust.legacy]

    def naive_verify() -> None:
        reader = PdfFileReader(io.BytesIO(signed))
        context = ValidationContext(trust_roots=roots, other_certs=others)
        validate_pdf_signature(reader.embedded_signatures[0], context)

    rows.append(line("pyHanko validator used plainly (same trust material)",
                     timed(naive_verify, max(20, args.repeat // 5))))
    session.close()

    print()
    print("\n".join(rows))
    print()
    print(f"signing session start (pre-sign check, size reservation): {session_ms:.1f} ms")
    print(f"batch: {args.receipts} receipts signed to files with progress in {batch_s:.2f} s "
          f"({batch_s * 1000 / args.receipts:.2f} ms each); progress reached {progress.last}/{args.receipts}")
    size = (folder / "signed-00000.pdf").stat().st_size
    print(f"signed receipt size: {size} bytes (unsigned {len(pdf)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
