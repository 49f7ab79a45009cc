"""Officer words for the raw choice values of declaration fields (``thuc_hien``, ``tre_em`` …).

The catalogue stores choices as stable ids (they are in dossier files); the window and the paper show
these labels instead. Both languages are kept here, side by side, because the ids are not sentences
for the gettext-style catalogue. An id without a label is shown with spaces for underscores, never raw.
"""

from __future__ import annotations

from officer_desk.i18n import current_language

LABELS: dict[str, tuple[str, str]] = {
    "bo_sung": ("Bổ sung", "Addition"),
    "cai_chinh": ("Cải chính", "Correction"),
    "cap_doi": ("Cấp đổi", "Replacement"),
    "cap_lai": ("Cấp lại", "Re-issue"),
    "cha_nhan_con": ("Cha nhận con", "Father recognises child"),
    "chuyen_doi": ("Chuyển đổi", "Conversion"),
    "chuyen_nhuong": ("Chuyển nhượng", "Transfer"),
    "chuyen_nhuong_qsdd": ("Chuyển nhượng quyền sử dụng đất", "Transfer of land-use rights"),
    "con_nhan_cha": ("Con nhận cha", "Child recognises father"),
    "con_nhan_me": ("Con nhận mẹ", "Child recognises mother"),
    "dac_biet_nang": ("Đặc biệt nặng", "Very severe"),
    "diem_chi": ("Điểm chỉ", "Fingerprint"),
    "dieu_chinh": ("Điều chỉnh", "Adjustment"),
    "dong_san": ("Động sản", "Movable property"),
    "giam_ho": ("Giám hộ", "Guardianship"),
    "giam_ho_cu": ("Giám hộ cử", "Appointed guardian"),
    "giam_ho_duong_nhien": ("Giám hộ đương nhiên", "Guardian by law"),
    "gop_von": ("Góp vốn", "Capital contribution"),
    "ket_hon": ("Kết hôn", "Marriage"),
    "khac": ("Khác", "Other"),
    "khai_sinh": ("Khai sinh", "Birth"),
    "khai_tu": ("Khai tử", "Death"),
    "ky": ("Ký", "Signature"),
    "me_nhan_con": ("Mẹ nhận con", "Mother recognises child"),
    "mua_ban_nha_o": ("Mua bán nhà ở", "Sale of a house"),
    "nang": ("Nặng", "Severe"),
    "nguoi_16_22_dang_hoc": ("Người từ 16 đến 22 tuổi đang đi học", "Person aged 16–22 in education"),
    "nguoi_cao_tuoi": ("Người cao tuổi", "Elderly person"),
    "nguoi_don_than_ngheo_nuoi_con": ("Người đơn thân nghèo đang nuôi con", "Poor single parent"),
    "nguoi_khuyet_tat": ("Người khuyết tật", "Person with a disability"),
    "nhan_cha_me_con": ("Nhận cha, mẹ, con", "Parent–child recognition"),
    "nhe": ("Nhẹ", "Mild"),
    "tang_cho": ("Tặng cho", "Gift"),
    "tang_cho_nha_o": ("Tặng cho nhà ở", "Gift of a house"),
    "tang_cho_qsdd": ("Tặng cho quyền sử dụng đất", "Gift of land-use rights"),
    "thay_doi": ("Thay đổi", "Change"),
    "thay_doi_cai_chinh": ("Thay đổi, cải chính", "Change or correction"),
    "the_chap": ("Thế chấp", "Mortgage"),
    "thoi_huong": ("Thôi hưởng", "End of the allowance"),
    "thua_ke": ("Thừa kế", "Inheritance"),
    "thuc_hien": ("Thực hiện", "New"),
    "thue_muon": ("Thuê, mượn", "Lease or loan"),
    "tre_em": ("Trẻ em", "Child"),
    "tre_em_nhiem_hiv": ("Trẻ em nhiễm HIV", "Child with HIV"),
    "xac_dinh": ("Xác định", "Determination"),
    "xac_dinh_lai": ("Xác định lại", "Re-determination"),
    "xac_dinh_lai_dan_toc": ("Xác định lại dân tộc", "Change of ethnicity"),
}


def choice_label(value: str, language: str | None = None) -> str:
    """The label of a choice id in the current (or given) language; other text is returned unchanged."""
    labels = LABELS.get(value)
    if labels is None:
        return value.replace("_", " ") if "_" in value and value.isascii() else value
    return labels[1] if (language or current_language()) == "en" else labels[0]
