"""Small generated scans for demo dossiers: one-page PDFs naming the paper, so receipts and the case view
list real attachments. Demo data only; a real dossier's files come from intake or import."""

from __future__ import annotations

from functools import cache

from officer_desk.text import fold


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


@cache
def sample_scan(title: str) -> bytes:
    """A valid one-page A5 PDF with the paper's name (ASCII: the standard PDF font has no Vietnamese)."""
    name = fold(title).encode("ascii", "replace").decode("ascii").replace("?", "-")
    lines = ["BAN SCAN MAU (DU LIEU DEMO)", name.upper()[:60]]
    stream = "BT /F1 12 Tf 40 540 Td " + " ".join(f"({_escape(line)}) Tj 0 -22 Td" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)
