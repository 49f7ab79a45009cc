"""Documents signed offline are timestamped by `upgrade-signatures` when the network returns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from officer_desk.cli import main
from officer_desk.paths import Home
from officer_desk.signing.demo_ca import create_demo_ca
from officer_desk.signing.pades import SignJob, load_desk_signer
from officer_desk.signing.upgrade import UpgradeQueue
from officer_desk.signing.verify import VALID, verify_pdf
from tests.helpers.signing import TestPki, TsaServer, make_receipt_pdf


def test_offline_signature_is_timestamped_by_the_command(
    isolated_home: Home, tmp_path: Path, pki: TestPki, tsa_server: TsaServer, capsys: pytest.CaptureFixture[str]
) -> None:
    create_demo_ca(isolated_home)
    source = tmp_path / "in.pdf"
    source.write_bytes(make_receipt_pdf())
    target = tmp_path / "out.pdf"
    signer = load_desk_signer(isolated_home, timestamp_url="http://127.0.0.1:9/unreachable")
    try:
        result = signer.sign_batch([SignJob(source, target)], home=isolated_home)
    finally:
        signer.close()
    assert result.queued_for_timestamp == [target]
    assert main(["upgrade-signatures", "--json"]) == 2  # no TSA configured: a clear usage error
    capsys.readouterr()
    assert main(["upgrade-signatures", "--tsa", "http://127.0.0.1:9/still-offline", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["remaining"] == [str(target.resolve())]
    assert main(["upgrade-signatures", "--tsa", tsa_server.url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["upgraded"] == [str(target.resolve())]
    assert UpgradeQueue(isolated_home).pending() == []
    tsa_root = tmp_path / "tsa-root.pem"
    tsa_root.write_bytes(pki.root.pem)
    report = verify_pdf(target.read_bytes(), extra_trust=[tsa_root], home=isolated_home)
    assert report.verdict == VALID, report.to_json()
    assert report.signatures[0].timestamped  # the document timestamp proves when it existed
