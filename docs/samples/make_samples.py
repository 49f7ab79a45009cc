"""Regenerates the sample pages in this folder: every document, signed with the demo certificate.

    .venv/bin/python docs/samples/make_samples.py

Needs pdftoppm (Debian poppler-utils). The data are made up (officer_desk.receipts.samples).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from officer_desk.paths import Home  # noqa: E402
from officer_desk.receipts.issue import issue_document  # noqa: E402
from officer_desk.receipts.qr import QrKeyring  # noqa: E402
from officer_desk.receipts.samples import sample_data  # noqa: E402
from officer_desk.signing.demo_ca import create_demo_ca  # noqa: E402
from officer_desk.signing.pades import load_desk_signer  # noqa: E402

PAGES = [
    ("receipt", "a5"), ("receipt", "a4"), ("receipt", "thermal80"),
    ("supplement", "a5"), ("refusal", "a5"), ("apology", "a5"), ("return", "a5"), ("control", "a5"),
    ("supplement", "thermal80"), ("control", "a4"),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Home(Path(folder)).ensure()
        keyring = QrKeyring(home)
        keyring.create_desk_key("000.00.01.X99-Q03")
        create_demo_ca(home)
        signer = load_desk_signer(home)
        for doc_type, form in PAGES:
            issued = issue_document(doc_type, sample_data(doc_type), form, signer, keyring)
            stem = HERE / f"{doc_type}-{form}"
            subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-", str(stem)], input=issued.pdf,
                           check=True)
            print(stem.with_suffix(".png").name)
        reprint = sample_data("receipt", reprint=True)
        issued = issue_document("receipt", reprint, "a5", signer, keyring)
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", "-", str(HERE / "receipt-a5-reprint")],
                       input=issued.pdf, check=True)
        (HERE / "receipt-a5.pdf").write_bytes(issue_document("receipt", sample_data("receipt"), "a5", signer,
                                                             keyring).pdf)


if __name__ == "__main__":
    main()
