"""verify-receipt judges a PDF by the QR rendered on its page and by the signature covering it (issue 16).

Each attack of the issue on a real receipt issued by the `receipt` command (demo mode OFF would need
a CA; the demo desk signs with its own demo certificate through the same code path).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from officer_desk.cli import main
from officer_desk.paths import Home
from officer_desk.receipts.qr import QrKeyring, make_payload, qr_symbol
from tests.helpers import pdf_attacks

DOSSIERS = Path(__file__).resolve().parents[1] / "data" / "dossiers"
pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@pytest.fixture
def receipts(isolated_home: Home, tmp_path: Path, backend: str | None,
             capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[Path, str]]:
    """Two genuine receipts (dossiers ...-0007 and ...-0998) issued by the desk: code -> (pdf, payload)."""
    folder = tmp_path / "in"
    shutil.copytree(DOSSIERS, folder)
    data = json.loads((folder / "tam-tru-dang-thi-mai.json").read_text(encoding="utf-8"))
    data["dossier_code"] = data["dossier_code"][:-4] + "0998"
    (folder / "second.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["demo"]) == 0
    assert main(["import", str(folder)]) == 0
    capsys.readouterr()
    issued: dict[str, tuple[Path, str]] = {}
    for code in (data["dossier_code"][:-4] + "0007", data["dossier_code"]):
        out = tmp_path / f"{code[-4:]}.pdf"
        assert main(["receipt", code, "--out", str(out), "--json"]) == 0, capsys.readouterr()
        issued[code[-4:]] = (out, json.loads(capsys.readouterr().out)["qr_payload"])
    return issued


def _check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main(["verify-receipt", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_genuine_receipt_is_read_from_the_rendered_qr(receipts: dict[str, tuple[Path, str]],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    path, payload = receipts["0007"]
    code, result = _check(path, capsys)
    assert (code, result["status"], result["origin"]) == (0, "genuine", "pdf-qr"), result
    assert result["payload"] == payload


def test_info_swapped_for_another_genuine_payload_is_tampered(
    receipts: dict[str, tuple[Path, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _payload = receipts["0007"]
    _other, other_payload = receipts["0998"]
    forged = tmp_path / "swapped.pdf"
    forged.write_bytes(pdf_attacks.swap_info(path.read_bytes(), value=other_payload))
    code, result = _check(forged, capsys)
    assert (code, result["status"]) == (1, "tampered"), result
    assert main(["verify", str(forged), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert any("OfficerDeskQR" in change for change in report["signatures"][0]["changes"])


def test_unsigned_page_with_self_made_qr_and_genuine_info_is_not_genuine(
    receipts: dict[str, tuple[Path, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    _path, genuine = receipts["0007"]
    forger = QrKeyring(Home(tmp_path / "forger"))
    forger.ensure_desk_key("000.00.01.X99-Q01")
    from datetime import datetime

    from officer_desk.receipts.qr import parse_payload

    fields = parse_payload(genuine)
    fake = make_payload(doc_type="receipt", dossier_code=str(fields["dossier_code"]), applicant_name="Đặng Thị Mai",
                        appointment=datetime.fromisoformat(str(fields["appointment"])),
                        issued_at=datetime.fromisoformat(str(fields["issued_at"])), keyring=forger)
    png = io.BytesIO()
    qr_symbol(fake).save(png, kind="png", scale=6, border=4)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(420, 595))
    page.drawString(40, 540, f"Ma ho so: {fields['dossier_code']}")
    page.drawImage(ImageReader(io.BytesIO(png.getvalue())), 40, 300, 160, 160)
    page.showPage()
    page.save()
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(pdf_attacks.swap_info(buffer.getvalue(), value=genuine))
    code, result = _check(forged, capsys)
    assert code == 1 and result["status"] == "tampered", result


def test_content_replaced_after_signing_is_tampered(
    receipts: dict[str, tuple[Path, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _payload = receipts["0007"]
    forged = tmp_path / "replaced.pdf"
    forged.write_bytes(pdf_attacks.replace_page_content(path.read_bytes(), "Ma ho so 0998"))
    code, result = _check(forged, capsys)
    assert (code, result["status"]) == (1, "tampered"), result


def test_other_receipts_qr_drawn_over_the_page_with_matching_info_is_tampered(
    receipts: dict[str, tuple[Path, str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The strongest copy: page QR covered by another genuine receipt's QR, Info changed to agree."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.images import pil_image
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    path, _payload = receipts["0007"]
    _other, other_payload = receipts["0998"]
    png = io.BytesIO()
    qr_symbol(other_payload).save(png, kind="png", scale=4, border=4)
    from PIL import Image

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_attacks.swap_info(path.read_bytes(), value=other_payload)))
    image = pil_image(Image.open(io.BytesIO(png.getvalue())).convert("RGB"), writer)
    appearance = writer.add_object(generic.StreamObject({
        generic.NameObject("/Type"): generic.NameObject("/XObject"),
        generic.NameObject("/Subtype"): generic.NameObject("/Form"),
        generic.NameObject("/BBox"): generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 420, 595)]),
        generic.NameObject("/Resources"): generic.DictionaryObject({
            generic.NameObject("/XObject"): generic.DictionaryObject({generic.NameObject("/Q1"): image})}),
    }, stream_data=b"1 1 1 rg 0 0 420 595 re f q 200 0 0 200 110 200 cm /Q1 Do Q"))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    annot = writer.add_object(generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Annot"),
        generic.NameObject("/Subtype"): generic.NameObject("/Stamp"),
        generic.NameObject("/Rect"): generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 420, 595)]),
        generic.NameObject("/F"): generic.NumberObject(4),
        generic.NameObject("/AP"): generic.DictionaryObject({generic.NameObject("/N"): appearance}),
    }))
    annots = generic.ArrayObject(list(page["/Annots"]) if "/Annots" in page else [])
    annots.append(annot)
    page[generic.NameObject("/Annots")] = annots
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    forged = tmp_path / "overlay.pdf"
    forged.write_bytes(out.getvalue())
    code, result = _check(forged, capsys)
    assert (code, result["status"]) == (1, "tampered"), result
