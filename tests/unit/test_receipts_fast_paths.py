"""The receipt renderer's per-process shortcuts draw exactly what the plain reportlab / segno paths draw.

- text lines of the fixed alphabet are written as pre-encoded operators (officer_desk.receipts.layout);
- the QR symbol's modules are placed through a cached per-version layout (officer_desk.receipts.qr).
"""

from __future__ import annotations

import io
import random
import string
import subprocess

import pytest
import segno
from PIL import Image, ImageChops

from officer_desk.paths import Home
from officer_desk.receipts import layout
from officer_desk.receipts.fonts import ALPHABET
from officer_desk.receipts.model import DOC_TYPES, FORMS
from officer_desk.receipts.qr import QR_MASK, QrKeyring, make_payload, qr_symbol
from officer_desk.receipts.render import ReceiptRenderer
from officer_desk.receipts.samples import sample_data
from tests.helpers.environment import require_tool


@pytest.fixture(scope="module")
def keyring(tmp_path_factory: pytest.TempPathFactory) -> QrKeyring:
    ring = QrKeyring(Home(tmp_path_factory.mktemp("home")))
    ring.create_desk_key("000.00.01.X99-Q03")
    return ring


def pdf(keyring: QrKeyring, doc_type: str, form: str, **changes: object) -> bytes:
    data = sample_data(doc_type, **changes)
    payload = make_payload(doc_type=doc_type, dossier_code=data.dossier_code, applicant_name=data.applicant_name,
                           appointment=None, issued_at=data.issue_time, keyring=keyring)
    return ReceiptRenderer().render(doc_type, data, form, qr_payload=payload).pdf


def text_of(document: bytes) -> str:
    return subprocess.run([require_tool("pdftotext"), "-layout", "-enc", "UTF-8", "-", "-"], input=document,
                          capture_output=True, check=True).stdout.decode("utf-8")


def image_of(document: bytes) -> Image.Image:
    png = subprocess.run([require_tool("pdftoppm"), "-r", "100", "-gray", "-png", "-singlefile", "-"],
                         input=document, capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png))


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_pre_encoded_lines_print_what_reportlab_prints(keyring: QrKeyring, doc_type: str, form: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    fast = pdf(keyring, doc_type, form)
    with monkeypatch.context() as patch:
        patch.setattr(layout, "_line_operators", lambda *key: None)  # every line through reportlab
        plain = pdf(keyring, doc_type, form)
    assert fast != plain  # the shortcut was taken
    assert text_of(fast) == text_of(plain)
    assert ImageChops.difference(image_of(fast), image_of(plain)).getbbox() is None


def test_characters_outside_the_fixed_alphabet_keep_their_own_codes(keyring: QrKeyring) -> None:
    foreign = "Zoë Łukasz Ørsted ½"
    assert not set(foreign) - {" "} <= set(ALPHABET)
    # A document with foreign characters between two ordinary ones: each one's text is its own.
    first = text_of(pdf(keyring, "receipt", "a5"))
    mixed = text_of(pdf(keyring, "receipt", "a5", applicant_name=foreign, officer_name="Ñuñez Åsa"))
    last = text_of(pdf(keyring, "receipt", "a5"))
    assert first == last
    assert foreign in mixed and "Ñuñez Åsa" in mixed and "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in mixed
    assert "Nguyễn Thị Thu Hường" in first and foreign not in first


def test_qr_symbol_is_segnos_symbol_module_for_module(keyring: QrKeyring) -> None:
    rng = random.Random(17)
    alphanumeric = string.ascii_uppercase + string.digits + " $%*+-./:"
    payloads = [make_payload(doc_type="receipt", dossier_code="000.00.01.X99-261127-0007",
                             applicant_name="Nguyễn Thị Thu Hường", appointment=None,
                             issued_at=sample_data("receipt").issue_time, keyring=keyring)]
    for length in range(1, 420, 11):
        for alphabet in (alphanumeric, string.digits, string.ascii_letters + "đĐệ:"):
            payloads.append("".join(rng.choice(alphabet) for _ in range(length)))
    for payload in payloads:
        for error in ("l", "m", "q", "h"):
            ours = qr_symbol(payload, error)
            theirs = segno.make(payload, error=error, micro=False, boost_error=True, mask=QR_MASK)
            assert (ours.version, ours.error, ours.mask) == (theirs.version, theirs.error, theirs.mask)
            assert ours.matrix == theirs.matrix, (payload, error)
