"""Every PDF the desk issues speaks the citizen's language (issue 10 §6): no finding code, field path,
document id or raw choice value on paper, and no instruction meant for the officer.

Issued on a real office home (demo mode off, the officers' own certificates from a test CA), through the
command line of the contract and the services the window calls: the receipt, the supplement request, the
refusal, the apology with a new appointment, the processing control sheet, the result document signed by
the supervisor, the result-return slip, the register book and the requirements checklist — and each notice
reprinted ("Bản in lại") from the case's documents.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from officer_desk.accounts.certificates import P12Source
from officer_desk.accounts.roles import Actor, ActorKind, Role
from officer_desk.accounts.service import AccountService
from officer_desk.cli import main
from officer_desk.desk import open_desk
from officer_desk.lifecycle import Action
from officer_desk.models import Case
from officer_desk.receipts import results
from officer_desk.receipts.documents import case_documents
from officer_desk.receipts.reprint import reprint_document
from officer_desk.signing.pades import load_desk_signer
from tests.helpers.desks import SAMPLE_FINDINGS, add_findings
from tests.helpers.office import Office, import_clean_case
from tests.helpers.signing import PIN, TestPki, make_receipt_pdf
from tests.ui.officer_words import INTERNAL

# The engine's evidence and suggestions name field paths, document ids and what the officer must check.
IDENTITY = {"code": "ID_GENDER_MISMATCH", "severity": "error", "target": "form.nguoi_huong.gioi_tinh",
            "message": "Số định danh không khớp với giới tính", "message_en": "ID number does not match the sex",
            "evidence": "Chữ số thứ 4 là 1 (nữ); form.nguoi_huong.gioi_tinh ghi «Nam»",
            "suggestion": "Đối chiếu số định danh và giới tính với thẻ căn cước/CCCD"}
OFFICER_ONLY = ("Đối chiếu", "Yêu cầu bổ sung giấy chứng sinh")


def _text(pdf: bytes, folder: Path) -> str:
    path = folder / "probe.pdf"
    path.write_bytes(pdf)
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed"
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _working_day(start: date) -> date:
    while start.weekday() >= 5:
        start += timedelta(days=1)
    return start


def test_every_issued_pdf_speaks_the_citizens_language(office: Office, pki: TestPki, qapp: Any, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    as_officer = ["--pin-file", str(office.pin), *office.as_officer()]
    issued: dict[str, bytes] = {}

    def run(name: str, *argv: str, account: list[str] = as_officer) -> None:
        out = tmp_path / f"{name}.pdf"
        code = main([*argv, "--out", str(out), *account])
        assert code == 0, (name, capsys.readouterr())
        issued[name] = out.read_bytes()

    admin = office.desk("admin", Role.ADMINISTRATOR)
    try:  # the supervisor's own certificate: refusals and results are theirs to sign
        AccountService(admin.db, admin.home, admin.acting).bind_certificate("lanhdao", P12Source(pki.good.p12, PIN))
    finally:
        admin.close()
    officer = office.desk("canbo.lan", Role.OFFICER)
    try:
        # Supplement request and refusal: dossiers whose hints carry codes, paths and officer instructions.
        missing = import_clean_case(office, "0011")
        add_findings(officer, missing, [*SAMPLE_FINDINGS, IDENTITY])
        refused = import_clean_case(office, "0012")
        add_findings(officer, refused, [*SAMPLE_FINDINGS, IDENTITY])
        handled = import_clean_case(office, "0013")
    finally:
        officer.close()
    run("supplement", "notice", "supplement", missing)
    run("refusal", "notice", "refusal", refused, "--reason", "Hồ sơ không thuộc thẩm quyền giải quyết của xã",
        account=["--pin-file", str(office.pin), *office.as_supervisor()])
    run("receipt", "receipt", handled)

    officer = office.desk("canbo.lan", Role.OFFICER)
    try:
        officer.cases.transition(handled, Action.START_PROCESSING)
        with officer.db.session() as session:  # overdue: the apology applies
            session.execute(select(Case).where(Case.dossier_code == handled)).scalar_one().due_date = (
                date.today() - timedelta(days=2))
    finally:
        officer.close()
    new_date = _working_day(date.today() + timedelta(days=7))
    run("apology", "notice", "apology", handled, "--new-date", new_date.strftime("%d/%m/%Y"),
        "--reason", "Chờ kết quả xác minh của xã khác")
    run("control", "notice", "control", handled)

    # The result: submitted by the officer, signed by the supervisor with their own certificate.
    officer = office.desk("canbo.lan", Role.OFFICER)
    try:
        results.submit_result(officer, handled, make_receipt_pdf(pages=1, text="Giay xac nhan tam tru"))
    finally:
        officer.close()
    supervisor = open_desk(office.home, account=Actor("lanhdao", "Trần Văn Lãnh", Role.SUPERVISOR,
                                                      ActorKind.ACCOUNT))
    try:
        signer = load_desk_signer(supervisor.home, pki.good.p12, PIN)
        try:
            issued["result"] = results.sign_result(supervisor, handled, signer).pdf
        finally:
            signer.close()
    finally:
        supervisor.close()
    run("return", "notice", "return", handled)
    today = date.today().strftime("%d/%m/%Y")
    run("register", "register", "--from", (date.today() - timedelta(days=30)).strftime("%d/%m/%Y"), "--to", today,
        account=["--pin-file", str(office.pin), *office.as_supervisor()])

    officer = office.desk("canbo.lan", Role.OFFICER)
    try:
        from officer_desk.ui.checklist import checklist_pdf

        procedure = officer.catalogue.find(officer.cases.detail(handled).row.procedure_code)
        assert procedure is not None
        issued["checklist"] = checklist_pdf(procedure, officer.config.agency_name)
        # Each notice reopened from the case's documents: the reprint says the same, marked "Bản in lại".
        for code in (missing, refused, handled):
            for document in case_documents(officer, code):
                if document.doc_type not in ("receipt", "result", "result_draft") and not document.reprint:
                    again = reprint_document(officer, document.id, pin=PIN)
                    issued[f"{document.doc_type} (reprint)"] = again.document.pdf
    finally:
        officer.close()

    expected = {"receipt", "supplement", "refusal", "apology", "control", "result", "return", "register",
                "checklist", "supplement (reprint)", "refusal (reprint)", "apology (reprint)", "control (reprint)",
                "return (reprint)"}
    assert set(issued) == expected
    leaks: dict[str, list[str]] = {}
    for name, pdf in issued.items():
        text = _text(pdf, tmp_path)
        (tmp_path / f"{name}.txt").write_text(text)
        assert text.strip(), name
        found = [m.group(0) for m in INTERNAL.finditer(text)] + [t for t in OFFICER_ONLY if t in text]
        if found:
            leaks[name] = found
        assert ("Bản in lại" in text) == name.endswith("(reprint)"), name
    assert leaks == {}
