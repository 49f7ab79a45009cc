"""Completeness rules: required and conditional components, kinds, quantities, channels, validity windows."""

from __future__ import annotations

from tests.helpers.screening import KET_HON, KHAI_SINH, TAM_TRU, build, codes, only_codes, screen, with_attachments


def test_clean_dossiers_have_no_findings() -> None:
    for base in (TAM_TRU, KHAI_SINH, KET_HON):
        assert screen(base).findings == ()


def test_missing_declaration_form_is_reported_with_its_component_id() -> None:
    result = screen(with_attachments(TAM_TRU, drop=("to_khai_ct01",)))
    assert codes(result) == {("MISSING_REQUIRED_DOC", "to_khai_ct01")}
    finding = result.findings[0]
    assert finding.severity == "error" and "CT01" in finding.message and finding.suggestion


def test_conditional_component_follows_the_stated_fact() -> None:
    # Proof of accommodation: needed unless the dossier states it is already in the database.
    without = with_attachments(TAM_TRU, drop=("giay_to_cho_o_hop_phap",))
    assert ("MISSING_REQUIRED_DOC", "giay_to_cho_o_hop_phap") in codes(screen(without))
    assert screen(build(without, **{"form.cho_o_da_co_trong_csdl": "có"})).findings == ()
    assert ("MISSING_REQUIRED_DOC", "giay_to_cho_o_hop_phap") in codes(
        screen(build(without, **{"form.cho_o_da_co_trong_csdl": False})))


def test_condition_not_stated_never_produces_a_finding() -> None:
    # The parents' marriage certificate only when the declaration says the parents are married.
    assert screen(KHAI_SINH).findings == ()
    married = build(KHAI_SINH, **{"form.cha_me_da_ket_hon": True})
    assert codes(screen(married)) == {("MISSING_REQUIRED_DOC", "giay_chung_nhan_ket_hon_cha_me")}
    found = build(married, **{"form.ket_hon_cha_me_co_trong_csdl": "có"})
    assert screen(found).findings == ()


def test_representative_filing_needs_a_certified_power_of_attorney() -> None:
    on_behalf = build(KHAI_SINH, **{"form.nop_thay": True})
    assert codes(screen(on_behalf)) == {("MISSING_REQUIRED_DOC", "van_ban_uy_quyen")}
    plain = with_attachments(on_behalf, {"doc_type": "van_ban_uy_quyen", "kind": "copy"})
    assert codes(screen(plain)) == {("COPY_NOT_CERTIFIED", "van_ban_uy_quyen")}
    certified = with_attachments(on_behalf, {"doc_type": "van_ban_uy_quyen", "kind": "copy", "certified": True})
    assert screen(certified).findings == ()
    original = with_attachments(on_behalf, {"doc_type": "van_ban_uy_quyen", "kind": "original"})
    assert screen(original).findings == ()
    in_person = build(KHAI_SINH, **{"form.nop_thay": "không"})
    assert screen(in_person).findings == ()


def test_higher_kind_satisfies_lower_and_lower_does_not_satisfy_higher() -> None:
    original_lease = with_attachments(TAM_TRU, {"doc_type": "giay_to_cho_o_hop_phap", "kind": "original"},
                                      drop=("giay_to_cho_o_hop_phap",))
    assert screen(original_lease).findings == ()
    copied_form = with_attachments(TAM_TRU, {"doc_type": "to_khai_ct01", "kind": "copy"}, drop=("to_khai_ct01",))
    assert only_codes(screen(copied_form)) == {"COPY_NOT_CERTIFIED"}
    certified_birth_paper = with_attachments(
        KHAI_SINH, {"doc_type": "giay_chung_sinh", "kind": "certified_copy"}, drop=("giay_chung_sinh",))
    assert codes(screen(certified_birth_paper)) == {("MISSING_REQUIRED_DOC", "giay_chung_sinh")}


def test_quantity_counts_copies_across_attachments() -> None:
    permit = {
        "procedure_code": "1.013225", "received_at": "02/11/2026 09:00", "channel": "truc_tiep",
        "applicant": TAM_TRU["applicant"],
        "form": {"dia_diem_xay_dung": "xã Phùng Nguyên", "dien_tich_xay_dung": 80, "tong_dien_tich_san": 160,
                 "chieu_cao_cong_trinh": 8, "so_tang": 2},
        "attachments": [{"doc_type": "don_de_nghi_gpxd", "kind": "original"},
                        {"doc_type": "giay_to_qsdd", "kind": "certified_copy"},
                        {"doc_type": "ban_ve_thiet_ke", "kind": "original", "quantity": 1}],
    }
    result = screen(permit)
    assert codes(result) == {("DOC_QUANTITY_INSUFFICIENT", "ban_ve_thiet_ke")}
    permit["attachments"].append({"doc_type": "ban_ve_thiet_ke", "kind": "original"})
    assert screen(permit).findings == ()
    permit["attachments"][-1]["quantity"] = 0
    assert only_codes(screen(permit)) == {"DOC_QUANTITY_INSUFFICIENT"}


def test_online_filing_needs_no_identity_paper_but_counter_filing_does() -> None:
    no_card = with_attachments(TAM_TRU, drop=("the_can_cuoc",))
    assert codes(screen(no_card)) == {("MISSING_REQUIRED_DOC", "giay_to_tuy_than")}
    online = build(no_card, channel="truc_tuyen")
    assert screen(online).findings == ()
    assert screen(online).fee_vnd == 7000
    # Judicial record: the ID copy is conditional on not filing online.
    lltp = {"procedure_code": "2.000488", "received_at": "10/11/2026 09:00", "channel": "truc_tuyen",
            "applicant": TAM_TRU["applicant"],
            "form": {"loai_phieu": "1", "muc_dich_su_dung": "Xin việc", "so_luong_phieu": 1, "noi_sinh": "Phú Thọ",
                     "quoc_tich": "Việt Nam", "noi_cu_tru": "Phú Thọ", "qua_trinh_cu_tru": "Phú Thọ từ 1994"},
            "attachments": [{"doc_type": "to_khai_lltp", "kind": "original"}]}
    assert screen(lltp).findings == ()
    assert codes(screen(build(lltp, channel="truc_tiep"))) == {("MISSING_REQUIRED_DOC", "ban_chup_giay_to_tuy_than")}


def test_postal_filing_needs_certified_copies_of_papers_otherwise_shown() -> None:
    copy_card = {**TAM_TRU["attachments"][2], "kind": "copy", "presented_only": False}
    postal = with_attachments(build(TAM_TRU, channel="buu_chinh"), copy_card, drop=("the_can_cuoc",))
    result = screen(postal)
    assert codes(result) == {("COPY_NOT_CERTIFIED", "giay_to_tuy_than")}
    assert "bưu chính" in result.findings[0].evidence
    certified = with_attachments(postal, {**copy_card, "certified": True}, drop=("the_can_cuoc",))
    assert screen(certified).findings == ()
    # At the counter a presented paper is shown as the original: a copy is not enough.
    assert codes(screen(build(postal, channel="truc_tiep"))) == {("COPY_NOT_CERTIFIED", "giay_to_tuy_than")}


def test_paper_only_shown_does_not_satisfy_a_component_that_is_kept() -> None:
    shown = with_attachments(TAM_TRU, {"doc_type": "to_khai_ct01", "kind": "original", "presented_only": True},
                             drop=("to_khai_ct01",))
    result = screen(shown)
    assert codes(result) == {("MISSING_REQUIRED_DOC", "to_khai_ct01")}
    assert "xuất trình" in result.findings[0].evidence


def test_marital_status_certificate_older_than_six_months_is_expired() -> None:
    elsewhere = build(KET_HON, **{"form.ben_nu_thuong_tru_noi_khac": True})
    assert codes(screen(elsewhere)) == {("MISSING_REQUIRED_DOC", "giay_xac_nhan_tthn")}
    fresh = with_attachments(elsewhere, {"doc_type": "giay_xac_nhan_tthn", "kind": "original",
                                         "fields": {"ngay_cap": "15/06/2026", "ho_ten": "Đặng Thị Mai"}})
    assert screen(fresh).findings == ()
    old = with_attachments(elsewhere, {"doc_type": "giay_xac_nhan_tthn", "kind": "original",
                                       "fields": {"ngay_cap": "09/05/2026"}})
    result = screen(old)
    assert codes(result) == {("DOC_EXPIRED", "giay_xac_nhan_tthn")}
    assert "6" in result.findings[0].evidence


def test_document_with_a_validity_date_in_the_past_is_expired() -> None:
    lease = with_attachments(TAM_TRU, {"doc_type": "giay_to_cho_o_hop_phap", "kind": "copy",
                                       "fields": {"co_gia_tri_den": "31/10/2026"}}, drop=("giay_to_cho_o_hop_phap",))
    assert codes(screen(lease)) == {("DOC_EXPIRED", "giay_to_cho_o_hop_phap")}
