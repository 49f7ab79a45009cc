"""``sign`` and ``verify`` as processes of their own (issue 17): the same answers as in-process, only the
signing stack loaded, and the cyclic collector paused only while that stack imports (cli/collector.py).
The timings themselves are in bench/bench_cli_startup.py."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from officer_desk.cli import collector, main
from tests.helpers.signing import PIN, TestPki, make_receipt_pdf

# Nothing a signature needs: the database layer, Qt, the receipt renderer, fontTools (visible stamps
# only), the distribution-metadata lookup the hex-reader guard used to make, PKCS#7 (bundles only), the
# pyHanko CLI's own stack.
NOT_NEEDED = ("sqlalchemy", "officer_desk.models", "officer_desk.database", "officer_desk.desk",
              "officer_desk.accounts.service", "PySide6", "reportlab", "fontTools", "importlib.metadata",
              "cryptography.hazmat.primitives.serialization.pkcs7", "click", "yaml")

PROBE = """
import gc, json, sys
sys.argv = ["officer-desk", *sys.argv[1:]]
from officer_desk.cli import main
code = main()  # as the console script calls it: a process of its own
print(json.dumps({{"code": code, "collecting": gc.isenabled(), "frozen": gc.get_freeze_count() > 0,
                  "loaded": [name for name in {names!r} if name in sys.modules]}}), file=sys.stderr)
"""


def _process(arguments: list[str]) -> tuple[dict[str, object], str]:
    result = subprocess.run([sys.executable, "-c", PROBE.format(names=NOT_NEEDED), *arguments],
                            env=os.environ.copy(), capture_output=True, text=True, timeout=120, check=False)
    assert result.stderr.strip(), result
    return dict(json.loads(result.stderr.strip().splitlines()[-1])), result.stdout


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    pdf = tmp_path / "receipt.pdf"
    pdf.write_bytes(make_receipt_pdf())
    pin = tmp_path / "pin.txt"
    pin.write_text(PIN + "\n", encoding="utf-8")
    return {"pdf": pdf, "pin": pin, "out": tmp_path / "signed.pdf"}


def test_sign_and_verify_processes_answer_as_in_process_and_load_only_the_signing_stack(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    probe, stdout = _process(["sign", str(files["pdf"]), "--out", str(files["out"]), "--keystore",
                              str(pki.good.p12), "--pin-file", str(files["pin"]), "--trust", str(pki.root_pem),
                              "--json"])
    assert probe == {"code": 0, "collecting": True, "frozen": True, "loaded": []}, (probe, stdout)
    assert json.loads(stdout)["level"] == "B-B"

    verify = ["verify", str(files["out"]), "--trust", str(pki.root_pem), "--json"]
    probe, stdout = _process(verify)
    assert probe == {"code": 0, "collecting": True, "frozen": True, "loaded": []}, (probe, stdout)
    as_process = json.loads(stdout)
    assert main(verify) == 0
    assert json.loads(capsys.readouterr().out) == as_process
    assert as_process["verdict"] == "valid"

    probe, stdout = _process(["verify", str(files["pdf"]), "--json"])  # no signature at all: invalid, exit 1
    assert (probe["code"], json.loads(stdout)["verdict"]) == (1, "invalid")


def test_an_in_process_caller_keeps_its_collector_as_it_was(
    pki: TestPki, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Tests and scripts calling main([...]) must not have their objects frozen (their cyclic garbage would
    then live until their process ends)."""
    frozen = gc.get_freeze_count()
    assert main(["verify", str(files["pdf"]), "--json"]) == 1
    capsys.readouterr()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_loading_stack_pauses_then_freezes_and_resumes_even_on_error(monkeypatch: pytest.MonkeyPatch) -> None:
    freezes: list[bool] = []
    monkeypatch.setattr(collector.gc, "freeze", lambda: freezes.append(gc.isenabled()))
    monkeypatch.setattr(collector, "_process_of_its_own", True)
    with collector.loading_stack():
        assert not gc.isenabled()
        with collector.loading_stack():  # nested: the outer block resumes
            pass
        assert not gc.isenabled() and freezes == []
    assert gc.isenabled() and freezes == [False]  # frozen while still paused, then resumed
    with pytest.raises(RuntimeError), collector.loading_stack():
        raise RuntimeError("an import failed")
    assert gc.isenabled() and freezes == [False, False]
    gc.disable()  # someone else paused it: left as found
    try:
        with collector.loading_stack():
            pass
        assert not gc.isenabled() and len(freezes) == 2
    finally:
        gc.enable()


def test_loading_stack_does_nothing_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(collector.gc, "freeze", lambda: pytest.fail("never freeze an in-process caller"))
    monkeypatch.setattr(collector, "_process_of_its_own", False)
    with collector.loading_stack():
        assert gc.isenabled()
