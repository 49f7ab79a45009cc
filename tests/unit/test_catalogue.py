"""The procedure catalogue: shipped data, conditions, local overrides, validation and the CLI."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from officer_desk import catalogue as catalogue_module
from officer_desk.catalogue import (
    Catalogue,
    CatalogueProblem,
    Condition,
    check_directory,
    clear_cache,
    load_catalogue,
    parse_procedure_file,
    processing_text,
)
from officer_desk.catalogue import loader as catalogue_loader
from officer_desk.cli import main as cli_main
from officer_desk.dossier import parse as parse_dossier
from officer_desk.errors import CatalogueError, InputError
from officer_desk.paths import Home, resource

REPO = Path(__file__).resolve().parents[2]
SHARED_PROCEDURES = REPO.parent / "shared" / "domain" / "procedures.json"
SHIPPED = resource("procedures")
PROBLEM_LINE_RE = re.compile(r"^(?P<path>.+\.ya?ml):(?P<line>\d+): (?P<key>\S+): (?P<message>.+)$")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("OFFICER_DESK_HOME", str(home))
    clear_cache()
    return home


def _reference() -> dict[str, Any]:
    if not SHARED_PROCEDURES.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{SHARED_PROCEDURES} is missing on CI")
        pytest.skip("shared/domain/procedures.json not beside the checkout")
    data = json.loads(SHARED_PROCEDURES.read_text(encoding="utf-8"))
    return {p["code"]: p for p in data["procedures"]}


def _dossier(code: str, form: dict[str, Any] | None = None, channel: str = "truc_tiep",
             **extra: Any) -> Any:
    data = {
        "procedure_code": code,
        "channel": channel,
        "received_at": "27/11/2026 08:45",
        "applicant": {"full_name": "Đặng Thị Mai", "id_number": "025194001234"},
        "form": form or {},
        "attachments": [],
        **extra,
    }
    return parse_dossier(data)


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """\
code: "9.000001"
name_vi: Thủ tục thử nghiệm
name_en: Test procedure
level: xa
field: Thử nghiệm
field_en: Testing
implementing_agency_vi: UBND cấp xã
processing_days: 3
processing_unit: working_days
fee_vnd: null
documents:
  - id: don_de_nghi
    name_vi: Đơn đề nghị
    name_en: Application
    kind: original
    required: true
fields:
  - name: co_con_nho
    type: bool
    required: false
    label_vi: Có con nhỏ
    label_en: Has young children
"""


# -- the shipped catalogue ----------------------------------------------------------------------

def test_all_25_shipped_procedures_load() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) == 25
    assert catalogue.problems == ()
    assert check_directory(SHIPPED) == []


# Corrections of the shared reference made from the legal texts in issue #11 (each cited in the YAML file).
CORRECTED_KIND_OR_QUANTITY = {
    ("1.000894", "giay_to_tuy_than"): "both parties appear with identity papers (Luật Hộ tịch Art. 18)",
    ("1.004884", "ban_sao_giay_khai_sinh_cu"): "certified copy unless the original is shown (NĐ 123/2015 Art. 3(2))",
}
CORRECTED_ONLINE_FEE = {"1.001022", "1.004859", "1.004873", "1.004884"}  # HĐND sets them (TT 85/2019 Art. 5)
MADE_CONDITIONAL = {("1.004837", "van_ban_cu_giam_ho")}  # giám hộ cử only (Luật Hộ tịch Art. 19–20)


def test_codes_and_document_ids_equal_procedures_json() -> None:
    reference = _reference()
    catalogue = load_catalogue()
    assert sorted(catalogue.codes()) == sorted(reference)
    for code, expected in reference.items():
        procedure = catalogue.find(code)
        assert procedure is not None
        ids = [d.id for d in procedure.documents]
        reference_ids = [d["id"] for d in expected["documents"]]
        # The reference's components, in order; any component added since is conditional.
        assert [i for i in ids if i in reference_ids] == reference_ids, code
        for doc in procedure.documents:
            if doc.id not in reference_ids:
                assert not doc.required and doc.condition is not None, (code, doc.id)
        assert procedure.name_vi == expected["name_vi"]
        assert procedure.processing_days == expected["processing_days"]
        assert procedure.processing_unit == expected["processing_unit"]
        assert procedure.fee_vnd == expected["fee_vnd"]
        if code in CORRECTED_ONLINE_FEE:
            assert procedure.fee_online_vnd is None and procedure.fee_vnd is None, code
        else:
            assert procedure.fee_online_vnd == expected["fee_online_vnd"]
        for ref in expected["documents"]:
            doc = procedure.document(ref["id"])
            assert doc is not None
            if (code, doc.id) not in CORRECTED_KIND_OR_QUANTITY:
                assert doc.kind == ref["kind"] and doc.quantity == ref["quantity"], (code, doc.id)
            # Always-required stays always-required unless the catalogue made it conditional.
            if ref["required"] and doc.condition is None:
                assert doc.required, (code, doc.id)
            if (code, doc.id) in MADE_CONDITIONAL:
                assert doc.condition is not None


def test_files_are_named_after_their_code() -> None:
    for procedure in load_catalogue():
        assert procedure.source_file is not None
        assert procedure.source_file.name == f"{procedure.code}.yaml"


def test_catalogue_invariants() -> None:
    catalogue = load_catalogue()
    exempt = {p.code for p in catalogue if p.duplicate_exempt}
    assert exempt == {"2.000815", "2.000884", "2.000635", "2.001035"}
    subjects = {p.code: p.subject for p in catalogue if p.subject}
    assert subjects["1.001193"] == "tre"
    assert subjects["1.000656"] == "nguoi_chet"
    assert subjects["1.004837"] == "nguoi_duoc_giam_ho"
    assert subjects["1.001776"] == "nguoi_huong"
    birth, death = catalogue.get("1.001193"), catalogue.get("1.000656")
    assert (birth.registration_window_days, birth.registration_event_field) == (60, "tre.ngay_sinh")
    assert (death.registration_window_days, death.registration_event_field) == (15, "nguoi_chet.ngay_chet")
    for procedure in catalogue:
        assert procedure.keywords, procedure.code
        for doc in procedure.documents:
            if doc.required:
                assert doc.condition is None, (procedure.code, doc.id)
            if doc.id in ("giay_to_tuy_than", "ban_chup_giay_to_tuy_than", "ban_sao_giay_to_tuy_than_cac_ben"):
                assert set(doc.accepts) == {"the_can_cuoc", "cmnd", "ho_chieu"}, (procedure.code, doc.id)
            if doc.id.startswith("van_ban_uy_quyen"):
                kinds = {c.kind for c in catalogue_module.iter_condition(doc.condition)}
                assert "representative" in kinds, procedure.code
        if procedure.processing_unit == "same_day":
            assert procedure.same_day_cutoff is not None and procedure.same_day_cutoff.hour == 15
    for code, doc_id in (("1.000894", "giay_xac_nhan_tthn"), ("1.004873", "giay_xntthn_cu")):
        doc = catalogue.get(code).document(doc_id)
        assert doc is not None and (doc.valid_months, doc.valid_from_field) == (6, "ngay_cap")


def test_lookup_by_portal_suffix_and_alias() -> None:
    catalogue = load_catalogue(config_aliases={"1.115668": "1.013831"})
    assert catalogue.find("1.004194.000.00.00.H14").code == "1.004194"  # type: ignore[union-attr]
    assert catalogue.find("1.115668.000.00.00.H10").code == "1.013831"  # type: ignore[union-attr]
    assert catalogue.find("9.999999") is None
    assert "1.001193" in catalogue and "không phải mã" not in catalogue


def test_processing_text_and_fee_for_channel() -> None:
    catalogue = load_catalogue()
    assert "15:00" in processing_text(catalogue.get("1.001193"))
    assert processing_text(catalogue.get("1.004222")) == "7 ngày làm việc"
    residence = catalogue.get("1.004194")
    assert residence.fee_for("truc_tiep") == 15000 and residence.fee_for("truc_tuyen") == 7000
    assert catalogue.get("2.000635").fee_for("truc_tuyen") == 8000  # no separate online fee


# -- conditions -----------------------------------------------------------------------------------

def test_condition_combinators_are_three_valued() -> None:
    stated_yes = Condition("field", field="form.a", equals=(True,))
    unknown = Condition("field", field="form.missing", equals=(True,))
    stated_no = Condition("field", field="form.b", equals=(True,))
    dossier = _dossier("1.004194", {"a": "có", "b": "không"})
    assert stated_yes.evaluate(dossier) is True
    assert stated_no.evaluate(dossier) is False
    assert unknown.evaluate(dossier) is None
    assert Condition("all", children=(stated_yes, unknown)).evaluate(dossier) is None
    assert Condition("all", children=(stated_no, unknown)).evaluate(dossier) is False
    assert Condition("any", children=(stated_yes, unknown)).evaluate(dossier) is True
    assert Condition("any", children=(stated_no, unknown)).evaluate(dossier) is None
    assert Condition("not", children=(unknown,)).evaluate(dossier) is None
    assert Condition("not", children=(stated_no,)).evaluate(dossier) is True
    assert Condition("field", field="form.missing", present=False).evaluate(dossier) is True


def test_marriage_certificate_of_status_only_when_stated() -> None:
    doc = load_catalogue().get("1.000894").document("giay_xac_nhan_tthn")
    assert doc is not None and doc.conditional
    assert doc.required_for(_dossier("1.000894")) is None  # not stated: never a finding
    assert doc.required_for(_dossier("1.000894", {"ben_nu_thuong_tru_noi_khac": True})) is True
    both_local = {"ben_nam_thuong_tru_noi_khac": False, "ben_nu_thuong_tru_noi_khac": "không"}
    assert doc.required_for(_dossier("1.000894", both_local)) is False


def test_divorce_paper_and_disability_certificate_conditions() -> None:
    catalogue = load_catalogue()
    divorce = catalogue.get("1.004873").document("trich_luc_ly_hon")
    assert divorce is not None
    assert divorce.required_for(_dossier("1.004873", {"da_tung_ket_hon": "có"})) is True
    assert divorce.required_for(_dossier("1.004873", {})) is None
    disability = catalogue.get("1.001776").document("giay_xac_nhan_khuyet_tat")
    assert disability is not None
    assert disability.required_for(_dossier("1.001776", {"doi_tuong": "nguoi_khuyet_tat"})) is True
    assert disability.required_for(_dossier("1.001776", {"doi_tuong": "nguoi_cao_tuoi"})) is False


def test_judicial_record_id_copy_not_needed_online() -> None:
    doc = load_catalogue().get("2.000488").document("ban_chup_giay_to_tuy_than")
    assert doc is not None
    assert doc.required_for(_dossier("2.000488", channel="truc_tiep")) is True
    assert doc.required_for(_dossier("2.000488", channel="buu_chinh")) is True
    assert doc.required_for(_dossier("2.000488", channel="truc_tuyen")) is False


def test_power_of_attorney_follows_representative_filing() -> None:
    doc = load_catalogue().get("1.001193").document("van_ban_uy_quyen")
    assert doc is not None
    assert doc.required_for(_dossier("1.001193")) is None
    assert doc.required_for(_dossier("1.001193", {"nop_thay": True})) is True
    assert doc.required_for(_dossier("1.001193", {"nop_thay": "không"})) is False


def test_owner_consent_required_when_the_home_is_stated_to_be_someone_elses() -> None:
    procedure = load_catalogue().get("1.004194")
    consent = procedure.declaration_field("form.y_kien_chu_so_huu")
    assert consent is not None and consent.type == "consent"
    assert consent.required_for(_dossier("1.004194", {})) is None  # not stated: no finding
    assert consent.required_for(_dossier("1.004194", {"cho_o_thuoc_so_huu_cua_minh": False})) is True
    assert consent.required_for(_dossier("1.004194", {"cho_o_thuoc_so_huu_cua_minh": True})) is False
    proof = procedure.document("giay_to_cho_o_hop_phap")
    assert proof is not None
    assert proof.required_for(_dossier("1.004194", {})) is True
    assert proof.required_for(_dossier("1.004194", {"cho_o_da_co_trong_csdl": "có"})) is False


def test_application_format_example_is_complete() -> None:
    """The dossier of application-format.md satisfies every requirement the catalogue states."""
    procedure = load_catalogue().get("1.004194")
    dossier = _dossier(
        "1.004194",
        {"noi_tam_tru": "phường Vĩnh Yên, tỉnh Phú Thọ", "thoi_han_tam_tru_den": "27/11/2027",
         "y_kien_chu_so_huu": "Đồng ý"},
    )
    handed_in = {"to_khai_ct01", "giay_to_cho_o_hop_phap", "the_can_cuoc"}
    for doc in procedure.documents:
        if doc.required_for(dossier):
            assert handed_in & set(doc.accepted_doc_types()), doc.id
    for declared in procedure.fields:
        if declared.required_for(dossier):
            assert declared.value(dossier), declared.name
    assert procedure.document_for("the_can_cuoc").id == "giay_to_tuy_than"  # type: ignore[union-attr]


# -- the home's procedures/ folder ---------------------------------------------------------------

def test_a_26th_procedure_in_the_home_loads(_isolated_home: Path) -> None:
    _write(_isolated_home / "procedures", "9.000001.yaml", MINIMAL)
    catalogue = load_catalogue(Home(_isolated_home))
    assert len(catalogue) == 26
    procedure = catalogue.get("9.000001")
    assert procedure.fee_vnd is None and procedure.documents[0].id == "don_de_nghi"
    assert procedure.same_day_cutoff is None


def test_same_code_in_home_replaces_the_shipped_one(_isolated_home: Path) -> None:
    shipped = (SHIPPED / "1.004194.yaml").read_text(encoding="utf-8")
    local = shipped.replace("fee_vnd: 15000", "fee_vnd: 12000")
    _write(_isolated_home / "procedures", "tam-tru-tinh-x.yaml", local)
    catalogue = load_catalogue(Home(_isolated_home))
    assert len(catalogue) == 25
    assert catalogue.get("1.004194").fee_vnd == 12000


def test_cache_follows_file_changes(_isolated_home: Path) -> None:
    path = _write(_isolated_home / "procedures", "9.000001.yaml", MINIMAL)
    first = load_catalogue(Home(_isolated_home))
    assert load_catalogue(Home(_isolated_home)) is first
    path.write_text(MINIMAL.replace("processing_days: 3", "processing_days: 10"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10_000_000))
    assert load_catalogue(Home(_isolated_home)).get("9.000001").processing_days == 10


def test_invalid_home_file_is_skipped_and_reported(_isolated_home: Path) -> None:
    _write(_isolated_home / "procedures", "9.000001.yaml", MINIMAL.replace("level: xa", "level: huyen"))
    catalogue = load_catalogue(Home(_isolated_home))
    assert len(catalogue) == 25 and catalogue.find("9.000001") is None
    assert [p.key for p in catalogue.problems] == ["level"]


def test_invalid_shipped_catalogue_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = tmp_path / "shipped"
    _write(shipped, "9.000001.yaml", MINIMAL.replace("kind: original", "kind: ban_goc"))
    monkeypatch.setattr(catalogue_loader, "shipped_procedures_dir", lambda: shipped)
    with pytest.raises(CatalogueError) as info:
        load_catalogue()
    assert "9.000001.yaml:" in str(info.value) and "documents[0].kind" in str(info.value)
    monkeypatch.setattr(catalogue_loader, "shipped_procedures_dir", lambda: tmp_path / "none")
    with pytest.raises(CatalogueError):
        load_catalogue()


# -- validation ---------------------------------------------------------------------------------

BROKEN = [
    # (description, text, expected line, expected key, part of the message)
    ("bad code", MINIMAL.replace('"9.000001"', '"9.1"'), 1, "code", "N.NNNNNN"),
    ("unquoted code keeps digits", MINIMAL.replace('"9.000001"', "9.00001"), 1, "code", "9.00001"),
    ("missing key", MINIMAL.replace("name_en: Test procedure\n", ""), 1, "name_en", "thiếu khóa"),
    ("bad level", MINIMAL.replace("level: xa", "level: huyen"), 4, "level", "huyen"),
    ("bad unit", MINIMAL.replace("unit: working_days", "unit: weeks"), 9, "processing_unit", "weeks"),
    ("negative fee", MINIMAL.replace("fee_vnd: null", "fee_vnd: -5"), 10, "fee_vnd", "từ 0"),
    ("fee as text", MINIMAL.replace("fee_vnd: null", "fee_vnd: mười nghìn"), 10, "fee_vnd", "số nguyên"),
    ("bad kind", MINIMAL.replace("kind: original", "kind: ban_goc"), 15, "documents[0].kind", "ban_goc"),
    ("required not bool", MINIMAL.replace("required: true", "required: maybe"), 16, "documents[0].required",
     "true hoặc false"),
    ("bad field type", MINIMAL.replace("type: bool", "type: boolean"), 19, "fields[0].type", "boolean"),
    ("unknown key", MINIMAL + "fee_online: 0\n", 23, "fee_online", "không được hỗ trợ"),
    ("duplicate key", MINIMAL + "level: tinh\n", 23, "level", "lặp lại"),
    ("cutoff format", MINIMAL.replace("working_days", "same_day").replace("processing_days: 3", "processing_days: 0")
     + "same_day_cutoff: '3pm'\n", 23, "same_day_cutoff", "HH:MM"),
    ("same day needs 0 days", MINIMAL.replace("working_days", "same_day"), 8, "processing_days", "0"),
    ("duplicate doc id", MINIMAL.replace("fields:\n", "  - id: don_de_nghi\n    name_vi: x\n    name_en: x\n"
                                         "    kind: copy\n    required: false\nfields:\n"), 17, "documents[1].id",
     "trùng"),
    ("duplicate field", MINIMAL + "  - name: co_con_nho\n    type: text\n    required: false\n"
     "    label_vi: x\n    label_en: x\n", 23, "fields[1].name", "trùng"),
    ("condition unknown field", MINIMAL.replace("    required: true\n", "    required: false\n"
                                                "    condition: {field: form.khong_co, equals: true}\n", 1),
     17, "documents[0].condition.field", "form.khong_co"),
    ("condition without form.", MINIMAL.replace("    required: true\n", "    required: false\n"
                                                "    condition: {field: co_con_nho, equals: true}\n", 1),
     17, "documents[0].condition.field", "form."),
    ("condition two kinds", MINIMAL.replace("    required: true\n", "    required: false\n"
                                            "    condition: {channel: truc_tiep, representative: true}\n", 1),
     17, "documents[0].condition", "đúng một"),
    ("condition bad channel", MINIMAL.replace("    required: true\n", "    required: false\n"
                                              "    condition: {channel: [qua_mang]}\n", 1),
     17, "documents[0].condition.channel", "qua_mang"),
    ("condition nested", MINIMAL.replace("    required: true\n", "    required: false\n"
                                         "    condition:\n      any:\n        - {representative: true}\n"
                                         "        - {not: {field: form.co_con_nho, equals: 'có'}}\n", 1),
     20, "documents[0].condition.any[1].not.equals", "true hoặc false"),
    ("required with condition", MINIMAL.replace("    required: true\n", "    required: true\n"
                                                "    condition: {representative: true}\n", 1),
     17, "documents[0].condition", "required: false"),
    ("yaml syntax", MINIMAL.replace("  - id: don_de_nghi", "  - id: [don_de_nghi"), 13, "yaml", "YAML"),
    ("unsafe tag", MINIMAL.replace("name_vi: Thủ tục thử nghiệm", "name_vi: !!python/name:os.system x"),
     2, "name_vi", "không đọc được"),
    ("subject not a group", MINIMAL + "subject: tre\n", 23, "subject", "tre"),
    ("window without field", MINIMAL + "registration_window_days: 60\n", 1, "registration_window_days",
     "đi cùng"),
]


@pytest.mark.parametrize(("text", "line", "key", "fragment"),
                         [pytest.param(t, ln, k, f, id=d) for d, t, ln, k, f in BROKEN])
def test_validation_names_file_line_and_key(tmp_path: Path, text: str, line: int, key: str, fragment: str) -> None:
    path = _write(tmp_path / "cat", "9.000001.yaml", text)
    problems = check_directory(tmp_path / "cat")
    assert problems, "expected a problem"
    located = [(p.line, p.key) for p in problems]
    assert (line, key) in located, [str(p) for p in problems]
    problem = next(p for p in problems if (p.line, p.key) == (line, key))
    assert fragment in problem.message
    assert problem.path == path
    assert str(problem) == f"{path}:{line}: {key}: {problem.message}"
    with pytest.raises(CatalogueError) as info:
        parse_procedure_file(path)
    assert f"{path}:" in str(info.value)


def test_minimal_fixture_is_valid(tmp_path: Path) -> None:
    _write(tmp_path / "cat", "9.000001.yaml", MINIMAL)
    assert check_directory(tmp_path / "cat") == []


def test_duplicate_code_across_files(tmp_path: Path) -> None:
    _write(tmp_path / "cat", "a.yaml", MINIMAL)
    second = _write(tmp_path / "cat", "b.yaml", MINIMAL)
    problems = check_directory(tmp_path / "cat")
    assert [(p.path, p.line, p.key) for p in problems] == [(second, 1, "code")]
    assert "a.yaml" in problems[0].message


def test_unsafe_yaml_is_never_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = MINIMAL.replace("name_vi: Thủ tục thử nghiệm",
                           f"name_vi: !!python/object/apply:os.system ['touch {marker}']")
    _write(tmp_path / "cat", "x.yaml", text)
    assert check_directory(tmp_path / "cat")
    assert not marker.exists()


def test_check_directory_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        check_directory(tmp_path / "absent")


def test_catalogue_problem_format() -> None:
    problem = CatalogueProblem(Path("/x/a.yaml"), 7, "documents[1].kind", "giá trị không hợp lệ")
    assert str(problem) == "/x/a.yaml:7: documents[1].kind: giá trị không hợp lệ"


def test_every_message_has_an_english_translation() -> None:
    from tests.helpers.translations import PACKAGE, english, marked_messages, untranslated

    sources = [*sorted((PACKAGE / "catalogue").glob("*.py")), PACKAGE / "cli" / "catalogue_cmd.py"]
    assert untranslated(marked_messages(sources), english("catalogue")) == []


def test_catalogue_class_keeps_problems_through_aliases() -> None:
    problem = CatalogueProblem(Path("a.yaml"), 1, "code", "x")
    catalogue = Catalogue({}, problems=(problem,))
    assert catalogue.with_aliases({"1.000001": "1.000002"}).problems == (problem,)


# -- the command line -----------------------------------------------------------------------------

def test_cli_check_valid_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["catalogue", "check", str(SHIPPED)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""


def test_cli_check_invalid_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "cat", "9.000001.yaml", MINIMAL.replace("level: xa", "level: huyen")
           .replace("kind: original", "kind: ban_goc"))
    assert cli_main(["catalogue", "check", str(tmp_path / "cat")]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if PROBLEM_LINE_RE.match(line)]
    assert [(m["line"], m["key"]) for m in map(PROBLEM_LINE_RE.match, lines) if m] == [
        ("4", "level"), ("15", "documents[0].kind")
    ]


def test_cli_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "cat", "9.000001.yaml", MINIMAL.replace("level: xa", "level: huyen"))
    assert cli_main(["catalogue", "check", "--json", str(tmp_path / "cat")]) == 1
    payload = json.loads(capsys.readouterr().out)
    assert payload["valid"] is False and payload["problems"][0]["key"] == "level"


def test_cli_check_missing_dir_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["catalogue", "check", str(tmp_path / "absent")]) == 2
    assert str(tmp_path / "absent") in capsys.readouterr().err
    assert cli_main(["catalogue", "check", "--json", str(tmp_path / "absent")]) == 2
    assert "error" in json.loads(capsys.readouterr().out)


def test_cli_list(_isolated_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(_isolated_home / "procedures", "9.000001.yaml", MINIMAL)
    assert cli_main(["catalogue", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["procedures"]
    assert len(rows) == 26
    by_code = {row["code"]: row for row in rows}
    assert by_code["9.000001"]["source"] == "local"
    assert by_code["1.004194"]["fee_vnd"] == 15000 and by_code["1.004194"]["processing_days"] == 3
    assert cli_main(["catalogue", "list"]) == 0
    assert "1.001193" in capsys.readouterr().out


def test_docs_example_is_a_valid_26th_procedure(_isolated_home: Path) -> None:
    docs = (REPO / "docs" / "catalogue.md").read_text(encoding="utf-8")
    match = re.search(r"## Example\n\n```yaml\n(.*?)```", docs, re.S)
    assert match is not None
    _write(_isolated_home / "procedures", "example.yaml", match.group(1))
    assert check_directory(_isolated_home / "procedures") == []
    catalogue = load_catalogue(Home(_isolated_home))
    assert len(catalogue) == 26 and catalogue.get("1.003005").subject == "tre"
