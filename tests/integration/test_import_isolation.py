"""One bad file never ends an import (issue 16 #4): each file is its own transaction and outcome.

Every input of the probe that ended ``import`` with exit 2 "internal" is here, between two good files.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from officer_desk.cli import main
from officer_desk.paths import Home

DOSSIERS = Path(__file__).resolve().parents[1] / "data" / "dossiers"
pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def _sample() -> dict[str, object]:
    return json.loads((DOSSIERS / "tam-tru-dang-thi-mai.json").read_text(encoding="utf-8"))


def _write(folder: Path, name: str, data: dict[str, object] | str, code: str | None = None) -> Path:
    if isinstance(data, dict) and code is not None:
        data = {**data, "dossier_code": code}
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path = folder / name
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def _bad_files(folder: Path) -> dict[str, str]:
    """name -> what it tries; every one must fail with a message, none may be 'internal'."""
    base = _sample()
    prefix = str(base["dossier_code"])[:-4]
    made: dict[str, str] = {}
    _write(folder, "10-year-0001.json", {**base, "received_at": "01/01/0001 00:00"}, prefix + "0101")
    made["10-year-0001.json"] = "year 1 (OverflowError in time zones)"
    _write(folder, "11-year-9999.json", {**base, "received_at": "9999-12-31T23:59:00+00:00"}, prefix + "0102")
    made["11-year-9999.json"] = "year 9999"
    text = json.dumps({**base, "dossier_code": prefix + "0103"}, ensure_ascii=True)
    text = text.replace('"full_name": "\\u0110\\u1eb7ng', '"full_name": "\\ud800\\u0110\\u1eb7ng')
    _write(folder, "12-lone-surrogate.json", text)
    made["12-lone-surrogate.json"] = "lone surrogate escape"
    huge = json.dumps({**base, "dossier_code": prefix + "0104"})
    huge = huge.replace('"format"', '"big": ' + "9" * 5000 + ', "format"')
    _write(folder, "13-huge-int.json", huge)
    made["13-huge-int.json"] = "integer of 5,000 digits"
    nan = json.dumps({**base, "dossier_code": prefix + "0105"}).replace('"format"', '"ratio": NaN, "format"')
    _write(folder, "14-nan.json", nan)
    made["14-nan.json"] = "NaN"
    inf = json.dumps({**base, "dossier_code": prefix + "0106"}).replace('"format"', '"ratio": Infinity, "format"')
    _write(folder, "15-infinity.json", inf)
    made["15-infinity.json"] = "Infinity"
    applicant = dict(base["applicant"])  # type: ignore[arg-type]
    applicant["full_name"] = "A" * 2_500_000
    _write(folder, "16-long-name.json", {**base, "applicant": applicant}, prefix + "0107")
    made["16-long-name.json"] = "2.5 M-character name"
    if sys.platform != "win32":
        loop = folder / "loop.pdf"
        os.symlink(loop, loop)
        attachments = [dict(a) for a in base["attachments"]]  # type: ignore[union-attr, attr-defined]
        attachments[1]["file"] = "loop.pdf"
        _write(folder, "17-symlink-loop.json", {**base, "attachments": attachments}, prefix + "0108")
        made["17-symlink-loop.json"] = "attachment symlink loop"
    return made


def test_bad_files_fail_alone_and_the_good_ones_land(isolated_home: Home, tmp_path: Path, backend: str | None,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    shutil.copytree(DOSSIERS, folder)
    base = _sample()
    prefix = str(base["dossier_code"])[:-4]
    (folder / "tam-tru-dang-thi-mai.json").rename(folder / "00-good.json")
    _write(folder, "99-good.json", base, prefix + "0999")
    bad = _bad_files(folder)
    code = main(["import", str(folder), "--json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1, result
    assert sorted(result["imported"]) == sorted([str(base["dossier_code"]), prefix + "0999"])
    failed = {Path(item["file"]).name: item["error"] for item in result["failed"]}
    assert set(failed) == set(bad), failed
    for name, message in failed.items():
        assert message and "internal" not in message.lower() and "Traceback" not in message, (name, message)
    assert "error" not in result


def test_export_is_strict_json(isolated_home: Home, tmp_path: Path, backend: str | None,
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(DOSSIERS)]) == 0
    assert main(["export", "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    for path in (tmp_path / "out").rglob("application.json"):
        json.loads(path.read_text(encoding="utf-8"), parse_constant=lambda name: pytest.fail(name))


def test_screen_on_a_huge_integer_is_a_usage_error(isolated_home: Home, tmp_path: Path, backend: str | None,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "huge.json"
    path.write_text('{"format": "officer-desk/application@1", "n": ' + "9" * 5000 + "}", encoding="utf-8")
    code = main(["screen", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2 and out["error"]["code"] != "internal", out


def test_verify_on_a_deeply_nested_pdf_is_unreadable(isolated_home: Home, tmp_path: Path, backend: str | None,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    depth = 100_000
    body = b"[" * depth + b"]" * depth
    pdf = (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Deep " + body + b" >>\nendobj\n"
           b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
           b"trailer\n<< /Root 1 0 R /Size 3 >>\n%%EOF\n")
    path = tmp_path / "deep.pdf"
    path.write_bytes(pdf)
    code = main(["verify", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 3 and out["verdict"] == "unreadable", out
