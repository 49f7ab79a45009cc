"""Generator for tests/data/screening/law (written from the legal texts before the rules)."""
import json, random
from pathlib import Path
OUT = Path("/work/wt-law11/tests/data/screening/law/cases"); OUT.mkdir(parents=True, exist_ok=True)
rnd = random.Random(11)
seq = [500]
def code(day):  # day = 'dd/mm/yyyy'
    seq[0] += 1
    d, m, y = day.split("/")
    return f"000.00.01.H41-{y[2:]}{m}{d}-{seq[0]:04d}"
def person(name, dob, gender, prov="025", place="Phú Thọ", phone=None, addr="xã Yên Trị, tỉnh Phú Thọ"):
    y = int(dob[-4:])
    g = (0 if y < 2000 else 2) + (0 if gender == "Nam" else 1)
    num = f"{prov}{g}{str(y)[2:]}{rnd.randint(0, 999999):06d}"
    return {"full_name": name, "date_of_birth": dob, "gender": gender, "id_type": "CCCD", "id_number": num,
            "birth_registration_place": place, "phone": phone or f"09{rnd.randint(10000000, 99999999)}",
            "email": "", "address": addr}
def card(p, received_year=2026):
    d, m, y = p["date_of_birth"].split("/")
    age = received_year - int(y)
    renew = 25 if age < 25 else 40 if age < 40 else 60
    valid = f"{d}/{m}/{int(y) + renew}" if age < 60 else "Không thời hạn"
    from officer_desk_upper import upper
    return {"doc_type": "the_can_cuoc", "kind": "original", "presented_only": True,
            "fields": {"so": p["id_number"], "ho_chu_dem_ten": p["full_name"].upper(), "ngay_sinh": p["date_of_birth"],
                       "gioi_tinh": p["gender"], "co_gia_tri_den": valid}}
import sys, types
sys.modules["officer_desk_upper"] = types.SimpleNamespace(upper=str.upper)
def dossier(proc, received, applicant, form, attachments, channel="truc_tiep", co=None, dcode=None):
    return {"format": "officer-desk/application@1", "dossier_code": dcode or code(received.split()[0]),
            "procedure_code": proc, "received_at": received, "channel": channel, "applicant": applicant,
            "co_applicant": co, "form": form, "attachments": attachments}
def att(doc, kind="original", **extra):
    a = {"doc_type": doc, "kind": kind}; a.update(extra); return a
def write(name, description, dos, expected=(), absent=(), due=None, fee="omit", queue=None, config=None, fee_basis=None):
    case = {"description": description, "dossier": dos, "expected": list(expected)}
    if absent: case["expected_absent"] = list(absent)
    if queue: case["queue"] = queue
    if config: case["config"] = config
    if due: case["expected_due_date"] = due
    if fee != "omit": case["expected_fee_vnd"] = fee
    if fee_basis: case["expected_fee_basis"] = fee_basis
    (OUT / f"{name}.json").write_text(json.dumps(case, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

TT226 = "TT 226/2016/TT-BTC Art. 4 item 1: 2.000 đ/page, from page 3 1.000 đ/page, at most 200.000 đ per copy; pages counted on the original"
# ---------------------------------------------------------------- A. fees
def certified_copy(name, desc, day, orig_fields, copy_fields, fee, basis=None, quantity=None):
    p = person("Lê Thị Hồng Nhung", "12/03/1996", "Nữ")
    copy = att("ban_sao_can_chung_thuc", "copy")
    if copy_fields: copy["fields"] = copy_fields
    if quantity: copy["quantity"] = quantity
    orig = att("ban_chinh", presented_only=True)
    if orig_fields: orig["fields"] = orig_fields
    write(name, desc, dossier("2.000815", f"{day} 09:30", p, {"ten_giay_to": "Bằng tốt nghiệp"}, [orig, copy, card(p)]),
          due=day, fee=fee, fee_basis=basis)
certified_copy("fee_copy_three_copies_two_pages", f"3 certified copies of a 2-page diploma: 3 × 2 × 2.000 = 12.000 đ ({TT226}). so_trang/so_ban in the copy's fields (application-format.md 'Pages, copies').",
               "10/11/2026", None, {"so_trang": 2, "so_ban": 3}, 12000, "3 bản × 2 trang × 2.000", quantity=3)
certified_copy("fee_copy_one_copy_five_pages", f"One copy of a 5-page original: 2 × 2.000 + 3 × 1.000 = 7.000 đ ({TT226}).",
               "10/11/2026", None, {"so_trang": 5, "so_ban": 1}, 7000)
certified_copy("fee_copy_cap_per_copy", f"One copy of a 250-page original: 4.000 + 248 × 1.000 = 252.000 đ, capped at 200.000 đ per copy ({TT226}).",
               "11/11/2026", None, {"so_trang": 250, "so_ban": 1}, 200000)
certified_copy("fee_copy_cap_applies_per_copy_not_per_request", f"Two copies of a 300-page original: the cap is per copy, so 2 × 200.000 = 400.000 đ ({TT226}).",
               "11/11/2026", None, {"so_trang": 300, "so_ban": 2}, 400000, quantity=2)
certified_copy("fee_copy_pages_absent_means_one", f"No so_trang/so_ban anywhere: absent = 1 (application-format.md), 1 × 1 × 2.000 = 2.000 đ ({TT226}). Older files stay valid.",
               "12/11/2026", None, None, 2000)
certified_copy("fee_copy_pages_on_original_copies_on_copy", f"so_trang on the original (3 pages), so_ban on the copy (2): the fee uses each from whichever attachment carries it (application-format.md): per copy 2 × 2.000 + 1 × 1.000 = 5.000; × 2 = 10.000 đ ({TT226}).",
               "12/11/2026", {"so_trang": 3}, {"so_ban": 2}, 10000, quantity=2)
p = person("Trần Văn Hải", "05/06/1980", "Nam")
write("fee_extract_three_copies", "Cấp bản sao trích lục hộ tịch (2.000635), 3 copies requested (so_ban 3 on the request form's fields): 8.000 đ per copy (the catalogue's schedule, TT 281/2016/TT-BTC as carried by the national portal's page) → 24.000 đ. Issue #11 problem 1: extract copies were not multiplied.",
      dossier("2.000635", "13/11/2026 10:00", p, {"nguoi_duoc_cap": {"ho_ten": "Trần Văn Hải", "ngay_sinh": "05/06/1980"}, "loai_trich_luc": "khai_sinh", "noi_dang_ky": "UBND xã Yên Trị", "so_ban_sao": 3},
              [att("to_khai_trich_luc", fields={"so_ban": 3}), card(p)]), due="13/11/2026", fee=24000, fee_basis="3 bản × 8.000")
p = person("Trần Văn Hải", "05/06/1980", "Nam")
write("fee_extract_one_copy_default", "2.000635 with no so_ban anywhere: absent = 1 → 8.000 đ.",
      dossier("2.000635", "13/11/2026 10:20", p, {"nguoi_duoc_cap": {"ho_ten": "Trần Văn Hải"}, "loai_trich_luc": "khai_sinh", "noi_dang_ky": "UBND xã Yên Trị", "so_ban_sao": 1},
              [att("to_khai_trich_luc"), card(p)]), due="13/11/2026", fee=8000)

def birth(name, desc, received, child_dob, expected=(), absent=(), fee="omit", due=None, config=None, queue=None, father=None, mother_name="Phạm Thị Lan", child_name="Nguyễn Minh An", applicant=None, channel="truc_tiep", dcode=None):
    f = applicant or father or person("Nguyễn Văn Dũng", "14/02/1993", "Nam")
    form = {"tre": {"ho_ten": child_name, "ngay_sinh": child_dob, "gioi_tinh": "Nam", "noi_sinh": "Bệnh viện đa khoa tỉnh Phú Thọ"},
            "me": {"ho_ten": mother_name}, "cha": {"ho_ten": "Nguyễn Văn Dũng"}, "quan_he_voi_tre": "Cha" if f["gender"] == "Nam" else "Mẹ"}
    atts = [att("to_khai_khai_sinh"), att("giay_chung_sinh")] + ([card(f)] if channel == "truc_tiep" else [])
    d = dossier("1.001193", received, f, form, atts, channel=channel, dcode=dcode)
    if name: write(name, desc, d, expected, absent, due=due, fee=fee, queue=queue, config=config)
    return d
LATE = {"code": "LATE_REGISTRATION", "target": "form.tre.ngay_sinh", "target_optional": True}
LATE_D = {"code": "LATE_REGISTRATION", "target": "form.nguoi_chet.ngay_chet", "target_optional": True}
birth("fee_late_birth_province_configured", "Birth registered 80 days after the birth (late, Luật Hộ tịch Art. 16 window 60 days): the exemption (Luật Hộ tịch Art. 11) is lost and the late-registration fee is the one the province (HĐND) set — here configured at 5.000 đ (config fees '1.001193/late'). Issue #11 problem 1: the desk showed 0 đ beside a finding saying the exemption is lost.",
      "20/11/2026 09:00", "01/09/2026", [LATE], fee=5000, due="20/11/2026", config={"fees": {"1.001193/late": 5000}})
birth("fee_late_birth_province_not_configured", "Same late birth on a desk whose province has not filled in the late fee: null ('chưa cấu hình'), never 0 (application-format.md: fee_vnd null where the province sets the fee and it is not configured).",
      "20/11/2026 09:30", "01/09/2026", [LATE], fee=None, due="20/11/2026")
p = person("Vũ Thị Hạnh", "10/10/1990", "Nữ")
write("fee_province_set_online_not_configured", "Cải chính hộ tịch (1.004859) filed online: the fee is set by the provincial council (TT 85/2019/TT-BTC Art. 5, HĐND), so without a configured amount the fee is null, not a national 0 online fee. Issue #11 problem 1 (fee_online_vnd: 0 encoded as if national).",
      dossier("1.004859", "09/11/2026 10:00", p, {"nguoi_thay_doi": {"ho_ten": "Vũ Thị Hạnh", "ngay_sinh": "10/10/1990"}, "loai_yeu_cau": "cai_chinh", "noi_dung_de_nghi": "Sửa ngày sinh", "ly_do": "Ghi sai"},
              [att("to_khai_cai_chinh"), att("giay_to_can_cu", "copy")], channel="truc_tuyen"), due="12/11/2026", fee=None)

# ---------------------------------------------------------------- B. BLDS 148(5)
birth("window_birth_day60_sunday_filed_monday", "Born 16/09/2026: day 60 is Sunday 15/11/2026, so by BLDS 2015 Art. 148(5) the period ends at the close of Monday 16/11; filed Monday → on time, exemption kept (fee 0). Issue #11 problem 2.",
      "16/11/2026 09:00", "16/09/2026", [], [{"code": "LATE_REGISTRATION"}], fee=0, due="16/11/2026")
birth("window_birth_day60_saturday_filed_monday", "Born 15/09/2026: day 60 is Saturday 14/11/2026 → extended to Monday 16/11 (BLDS Art. 148(5)); filed Monday 16/11 → on time.",
      "16/11/2026 10:00", "15/09/2026", [], [{"code": "LATE_REGISTRATION"}], fee=0, due="16/11/2026")
birth("window_birth_day60_sunday_filed_tuesday", "Born 16/09/2026: day 60 Sunday 15/11, extended to Monday 16/11 (BLDS Art. 148(5)); filed Tuesday 17/11 → late (the extension is one working day, not more).",
      "17/11/2026 09:00", "16/09/2026", [LATE], due="17/11/2026")
birth("window_birth_day60_on_national_day", "Born 03/07/2026: day 60 is Tuesday 01/09/2026 (Quốc khánh holiday, 01–02/09 off): the period ends at the close of the next working day, Thursday 03/09 (BLDS Art. 148(5)); filed 03/09 → on time.",
      "03/09/2026 09:00", "03/07/2026", [], [{"code": "LATE_REGISTRATION"}], fee=0, due="03/09/2026")
birth("window_birth_day60_on_24_11_default_working", "Born 25/09/2026: day 60 is 24/11/2026. By default the desk treats 24/11/2026 as a working day (no enacted Labour Code amendment found; FACTS §3), so the period ends 24/11 and a filing on 25/11 is late. The due date crosses no pending day (same-day procedure).",
      "25/11/2026 09:00", "25/09/2026", [LATE], due="25/11/2026")
birth("window_birth_day60_on_24_11_province_confirmed_day_off", "As window_birth_day60_on_24_11_default_working, but the province has confirmed 24/11/2026 as a day off (one config line): day 60 is a day off → extended to 25/11 (BLDS Art. 148(5)) → on time, fee 0.",
      "25/11/2026 09:00", "25/09/2026", [], [{"code": "LATE_REGISTRATION"}], fee=0, due="25/11/2026", config={"calendar": {"days_off": ["24/11/2026"]}})

def death(name, desc, received, died, expected=(), absent=(), fee="omit", due=None, queue=None, applicant=None, deceased=("Đỗ Văn Tám", "02/02/1948"), dcode=None):
    a = applicant or person("Đỗ Văn Bình", "20/04/1975", "Nam")
    form = {"nguoi_chet": {"ho_ten": deceased[0], "ngay_sinh": deceased[1], "gioi_tinh": "Nam", "ngay_chet": died,
                           "noi_chet": "xã Yên Trị, tỉnh Phú Thọ", "noi_cu_tru_cuoi_cung": "xã Yên Trị, tỉnh Phú Thọ"},
            "quan_he_voi_nguoi_chet": "Con"}
    d = dossier("1.000656", received, a, form, [att("to_khai_khai_tu"), att("giay_bao_tu", fields={"ho_ten": deceased[0].upper(), "ngay_chet": died}), card(a)], dcode=dcode)
    if name: write(name, desc, d, expected, absent, due=due, fee=fee, queue=queue)
    return d
death("window_death_day15_sunday_filed_monday", "Died 07/11/2026: day 15 is Sunday 22/11/2026 → ends at the close of Monday 23/11 (BLDS Art. 148(5); Luật Hộ tịch Art. 33: 15 days); filed Monday → on time, fee 0.",
      "23/11/2026 09:00", "07/11/2026", [], [{"code": "LATE_REGISTRATION"}], fee=0, due="23/11/2026")
death("window_death_day15_national_day", "Died 18/08/2026: day 15 is Wednesday 02/09/2026 (holiday) → ends at the close of Thursday 03/09 (BLDS Art. 148(5)); filed 03/09 → on time.",
      "03/09/2026 08:30", "18/08/2026", [], [{"code": "LATE_REGISTRATION"}], fee=0, due="03/09/2026")
death("window_death_day15_holiday_filed_two_days_later", "Died 18/08/2026: period extended to 03/09 (BLDS Art. 148(5)); filed Friday 04/09 → late.",
      "04/09/2026 08:30", "18/08/2026", [LATE_D], due="04/09/2026")
death("window_death_day15_working_day_filed_next_day", "Died 25/10/2026: day 15 is Monday 09/11/2026, a working day, so no extension; filed Tuesday 10/11 → late (near miss for the extension).",
      "10/11/2026 09:00", "25/10/2026", [LATE_D], due="10/11/2026")

# ---------------------------------------------------------------- C. calendar coverage
def guardianship(name, desc, received, expected=(), absent=(), due=None, queue=None, applicant=None, ward=("Lò Văn Khánh", "03/03/2015"), form_extra=None, atts=None, dcode=None, fee="omit", config=None):
    a = applicant or person("Lò Văn Sơn", "08/08/1982", "Nam")
    form = {"loai_giam_ho": "giam_ho_cu", "nguoi_giam_ho": {"ho_ten": a["full_name"], "ngay_sinh": a["date_of_birth"]},
            "nguoi_duoc_giam_ho": {"ho_ten": ward[0], "ngay_sinh": ward[1], "noi_cu_tru": "xã Yên Trị, tỉnh Phú Thọ"}}
    form.update(form_extra or {})
    d = dossier("1.004837", received, a, form, atts if atts is not None else [att("to_khai_giam_ho"), att("van_ban_cu_giam_ho"), card(a)], dcode=dcode)
    if name: write(name, desc, d, expected, absent, due=due, queue=queue, fee=fee, config=config)
    return d
UNCONF = {"code": "CALENDAR_UNCONFIRMED", "target": "due_date"}
guardianship("calendar_due_in_uncovered_year", "Guardianship (3 working days) received Wednesday 30/12/2026: 31/12, then 01/01/2027 is New Year (holiday) → due Tuesday 05/01/2027 (DEADLINE_ADJUSTED_FOR_HOLIDAY). 2027's swapped days (Tết arrangement) are not announced and the override table does not cover 2027 → info finding CALENDAR_UNCONFIRMED on due_date (issue #11 problem 5).",
             "30/12/2026 09:00", [{"code": "DEADLINE_ADJUSTED_FOR_HOLIDAY", "target": "due_date"}, UNCONF], due="05/01/2027", fee=0)
guardianship("calendar_due_crosses_pending_24_11", "Guardianship (3 working days) received Monday 23/11/2026: by default 24/11/2026 is a working day pending official confirmation → due Thursday 26/11; the due date depends on that pending day, so CALENDAR_UNCONFIRMED (info). No DEADLINE_ADJUSTED_FOR_HOLIDAY (nothing pushed it later).",
             "23/11/2026 09:00", [UNCONF], [{"code": "DEADLINE_ADJUSTED_FOR_HOLIDAY"}], due="26/11/2026", fee=0)
guardianship("calendar_24_11_province_confirmed_day_off", "As calendar_due_crosses_pending_24_11 with the province's confirmation of 24/11/2026 as a day off (config): due Friday 27/11 (DEADLINE_ADJUSTED_FOR_HOLIDAY) and no CALENDAR_UNCONFIRMED — the province decided.",
             "23/11/2026 09:00", [{"code": "DEADLINE_ADJUSTED_FOR_HOLIDAY", "target": "due_date"}], [UNCONF], due="27/11/2026", fee=0, config={"calendar": {"days_off": ["24/11/2026"]}})
guardianship("calendar_covered_year_no_info", "Guardianship received Monday 09/11/2026, due Thursday 12/11/2026: covered year, no pending day → no CALENDAR_UNCONFIRMED (near miss).",
             "09/11/2026 09:00", [], [UNCONF], due="12/11/2026", fee=0)

# ---------------------------------------------------------------- D. duplicates by subject
father = person("Nguyễn Văn Dũng", "14/02/1993", "Nam")
mother = person("Phạm Thị Lan", "21/07/1995", "Nữ")
def qitem(d, status): d = dict(d); d["status"] = status; return d
q_online = birth(None, "", "16/11/2026 20:10", "05/11/2026", applicant=mother, channel="truc_tuyen")
DUPQ = lambda d: {"code": "DUPLICATE_SUBMISSION", "target": f"queue:{d['dossier_code']}"}
birth("dup_birth_father_counter_mother_online", "The same child (Nguyễn Minh An, born 05/11/2026, mother Phạm Thị Lan) filed online by the mother and now at the counter by the father: one event, one registration (Luật Hộ tịch Art. 5(4)); duplicates by subject for birth match name, date of birth and mother whoever files (application-format.md DUPLICATE_SUBMISSION).",
      "17/11/2026 09:00", "05/11/2026", [DUPQ(q_online)], fee=0, due="17/11/2026", queue=[qitem(q_online, "received")], applicant=father)
q2 = birth(None, "", "16/11/2026 20:10", "05/11/2026", applicant=mother, channel="truc_tuyen")
birth("dup_birth_other_parent_returned_not_open", "As dup_birth_father_counter_mother_online, but the mother's online dossier was returned (closed): not open → no duplicate.",
      "17/11/2026 09:30", "05/11/2026", [], [{"code": "DUPLICATE_SUBMISSION"}], fee=0, due="17/11/2026", queue=[qitem(q2, "returned")], applicant=father)
q3 = birth(None, "", "16/11/2026 20:10", "05/11/2026", applicant=mother, channel="truc_tuyen", child_name="NGUYEN MINH AN")
birth("dup_birth_name_folded", "The mother's online filing spells the child 'NGUYEN MINH AN' (no diacritics, upper case): names are compared folded (application-format.md Text), so it is the same child → duplicate.",
      "17/11/2026 10:00", "05/11/2026", [DUPQ(q3)], fee=0, due="17/11/2026", queue=[qitem(q3, "in_processing")], applicant=father)
q4 = birth(None, "", "16/11/2026 20:10", "05/11/2026", applicant=mother, channel="truc_tuyen", child_name="Nguyễn Minh Anh")
birth("dup_birth_twins_other_parent", "Twins: Nguyễn Minh Anh filed online by the mother, Nguyễn Minh An at the counter by the father, same birth date and mother — different names, different children → no duplicate.",
      "17/11/2026 10:30", "05/11/2026", [], [{"code": "DUPLICATE_SUBMISSION"}], fee=0, due="17/11/2026", queue=[qitem(q4, "received")], applicant=father)
q5 = birth(None, "", "16/11/2026 20:10", "05/11/2026", applicant=person("Lưu Văn Thắng", "01/01/1990", "Nam"), channel="truc_tuyen", mother_name="Đinh Thị Hoa")
birth("dup_birth_same_name_other_mother", "Another family's child with the same name and birth date but a different mother (Đinh Thị Hoa): different subject → no duplicate.",
      "17/11/2026 11:00", "05/11/2026", [], [{"code": "DUPLICATE_SUBMISSION"}], fee=0, due="17/11/2026", queue=[qitem(q5, "received")], applicant=father)
son = person("Đỗ Văn Bình", "20/04/1975", "Nam"); daughter = person("Đỗ Thị Mến", "11/11/1978", "Nữ")
qd = death(None, "", "16/11/2026 14:00", "10/11/2026", applicant=daughter)
death("dup_death_filed_by_son_and_daughter", "The same death (Đỗ Văn Tám, born 02/02/1948) filed by the daughter on 16/11 and by the son on 17/11: one event, one registration (Luật Hộ tịch Art. 5(4)) → duplicate whoever files.",
      "17/11/2026 09:00", "10/11/2026", [DUPQ(qd)], fee=0, due="17/11/2026", queue=[qitem(qd, "accepted")], applicant=son)
man = person("Bùi Quang Huy", "03/07/1998", "Nam"); woman = person("Hà Thị Thu", "14/09/2000", "Nữ", prov="017", place="Hòa Bình")
def marriage(received, a, c, atts=None, dcode=None, form=None):
    return dossier("1.000894", received, a, form or {"noi_dang_ky": "UBND xã Yên Trị, tỉnh Phú Thọ"},
                   atts if atts is not None else [att("to_khai_ket_hon"), card(a), card(c)], co=c, dcode=dcode)
qm = marriage("16/11/2026 15:00", woman, man)
write("dup_marriage_parties_swapped", "The same couple filed on 16/11 by the bride (applicant) and on 17/11 by the groom: for marriage the subject is the two parties (name, date of birth) whoever files → duplicate.",
      marriage("17/11/2026 09:00", man, woman), [DUPQ(qm)], due="17/11/2026", fee=0, queue=[qitem(qm, "received")])
qm2 = marriage("16/11/2026 15:00", woman, person("Bùi Quang Hiếu", "03/07/1997", "Nam"))
write("dup_marriage_other_groom", "The bride has an earlier open filing with a different groom (Bùi Quang Hiếu): different subject (the other party differs) → no duplicate (near miss).",
      marriage("17/11/2026 09:30", man, woman), [], [{"code": "DUPLICATE_SUBMISSION"}], due="17/11/2026", fee=0, queue=[qitem(qm2, "received")])
uncle = person("Lò Văn Sơn", "08/08/1982", "Nam"); aunt = person("Lò Thị Nga", "09/09/1985", "Nữ")
qg = guardianship(None, "", "16/11/2026 09:00", applicant=aunt)
guardianship("dup_guardianship_two_relatives", "The same ward (Lò Văn Khánh, born 03/03/2015) in an open guardianship dossier filed by the aunt; now the uncle files: guardianship duplicates are by subject whoever files (application-format.md).",
             "17/11/2026 09:00", [DUPQ(qg)], due="20/11/2026", fee=0, queue=[qitem(qg, "received")], applicant=uncle)

# ---------------------------------------------------------------- E. robust input
def allowance(name, desc, received, form, atts, expected=(), absent=(), due=None):
    a = person("Tạ Thị Nhung", "05/05/1978", "Nữ")
    base = {"de_nghi": "thuc_hien", "nguoi_huong": {"ho_ten": "Tạ Văn Lâm", "ngay_sinh": "02/02/2012", "noi_cu_tru": "xã Yên Trị, tỉnh Phú Thọ"}}
    base.update(form)
    write(name, desc + " The 12-working-day period crosses 24/11/2026 (a working day pending official confirmation) → CALENDAR_UNCONFIRMED (info).", dossier("1.001776", received, a, base, [att("to_khai_tro_cap")] + atts + [card(a)]), [*expected, UNCONF], absent, due=due, fee=0)
MISS = lambda t: {"code": "MISSING_REQUIRED_DOC", "target": t}
allowance("input_choice_label_disabled_person", "doi_tuong arrives as the label 'Người khuyết tật' instead of the value nguoi_khuyet_tat (application-format.md: engines map labels to values). The disability certificate (NĐ 20/2021 Art. 7) is then required and absent → MISSING_REQUIRED_DOC giay_xac_nhan_khuyet_tat.",
          "09/11/2026 09:00", {"doi_tuong": "Người khuyết tật", "muc_do_khuyet_tat": "Người khuyết tật nặng"}, [], [MISS("giay_xac_nhan_khuyet_tat")], due="25/11/2026")
allowance("input_choice_label_child", "doi_tuong 'Trẻ em' (label of tre_em) → the child's birth certificate copy is required (NĐ 20/2021 Art. 7) and absent.",
          "09/11/2026 09:30", {"doi_tuong": "Trẻ em"}, [], [MISS("giay_khai_sinh_tre")], due="25/11/2026")
allowance("input_choice_value_without_diacritics", "doi_tuong typed 'nguoi khuyet tat' (folded spelling): maps to nguoi_khuyet_tat; certificate present → clean (near miss).",
          "09/11/2026 10:00", {"doi_tuong": "nguoi khuyet tat"}, [att("giay_xac_nhan_khuyet_tat", "copy")], [], [MISS("giay_xac_nhan_khuyet_tat")], due="25/11/2026")
allowance("input_choice_unreadable_value", "doi_tuong 'diện hộ nghèo khác' matches no choice of the procedure: the conditional documents depend on it, so the officer is asked to check (FORM_VALUE_UNCHECKED, info) — never a silent 'not required', never a guessed MISSING_REQUIRED_DOC.",
          "09/11/2026 10:30", {"doi_tuong": "diện hộ nghèo khác"}, [], [{"code": "FORM_VALUE_UNCHECKED", "target": "form.doi_tuong"}], [{"code": "MISSING_REQUIRED_DOC"}], due="25/11/2026")
def mar_case(name, desc, form_extra, atts_extra, expected, absent=()):
    a = person("Bùi Quang Huy", "03/07/1998", "Nam"); c = person("Hà Thị Thu", "14/09/2000", "Nữ", prov="017", place="Hòa Bình")
    form = {"noi_dang_ky": "UBND xã Yên Trị, tỉnh Phú Thọ"}; form.update(form_extra)
    write(name, desc, marriage("18/11/2026 09:00", a, c, [att("to_khai_ket_hon"), card(a), card(c)] + atts_extra, form=form), expected, absent, due="18/11/2026", fee=0)
mar_case("input_unknown_field_condition_depends_on", "The portal sent 'ben_nam_thuong_tru_o_noi_khac' (a field 1.000894 does not define; the catalogue field is ben_nam_thuong_tru_noi_khac) = true. The marital-status certificate depends on that fact, so the officer is asked to check (FORM_VALUE_UNCHECKED on the unknown field, info); no MISSING_REQUIRED_DOC because the defined field is not stated.",
         {"ben_nam_thuong_tru_o_noi_khac": True}, [], [{"code": "FORM_VALUE_UNCHECKED", "target": "form.ben_nam_thuong_tru_o_noi_khac"}], [{"code": "MISSING_REQUIRED_DOC"}])
mar_case("input_unreadable_bool_value", "ben_nu_da_tung_ket_hon = 'chưa rõ' (neither yes nor no): the divorce extract depends on it → FORM_VALUE_UNCHECKED (info), not MISSING_REQUIRED_DOC (a non-empty string is not 'yes').",
         {"ben_nu_da_tung_ket_hon": "chưa rõ"}, [], [{"code": "FORM_VALUE_UNCHECKED", "target": "form.ben_nu_da_tung_ket_hon"}], [{"code": "MISSING_REQUIRED_DOC"}])
mar_case("input_bool_label_yes", "ben_nam_da_tung_ket_hon = 'Có' (yes): the previous marriage's termination paper (trich_luc_ly_hon) is required and absent → MISSING_REQUIRED_DOC.",
         {"ben_nam_da_tung_ket_hon": "Có"}, [], [MISS("trich_luc_ly_hon")])
mar_case("input_bool_label_no_near_miss", "ben_nam_da_tung_ket_hon = 'Không' (no): nothing required, clean.",
         {"ben_nam_da_tung_ket_hon": "Không"}, [], [], [{"code": "MISSING_REQUIRED_DOC"}, {"code": "FORM_VALUE_UNCHECKED"}])

# ---------------------------------------------------------------- F. catalogue corrections
a = person("Đặng Thị Mai", "02/03/1994", "Nữ", addr="phường Vĩnh Yên, tỉnh Phú Thọ")
write("catalogue_temp_extension_accommodation_not_in_database", "Gia hạn tạm trú (1.002755): the dossier states the accommodation is not in the national database (cho_o_co_trong_csdl: false), so the proof of lawful accommodation is required (Luật Cư trú 2020 Art. 28(1) with NĐ 154/2024 Art. 5) and absent → MISSING_REQUIRED_DOC giay_to_cho_o_hop_phap. Issue #11 problem 3.",
      dossier("1.002755", "10/11/2026 09:00", a, {"noi_tam_tru": "phường Vĩnh Yên, tỉnh Phú Thọ", "thoi_han_tam_tru_den": "30/11/2026", "gia_han_den": "30/11/2027", "cho_o_co_trong_csdl": False},
              [att("to_khai_ct01"), card(a)]), [MISS("giay_to_cho_o_hop_phap")], due="13/11/2026")
a = person("Đặng Thị Mai", "02/03/1994", "Nữ", addr="phường Vĩnh Yên, tỉnh Phú Thọ")
write("catalogue_temp_extension_database_not_stated", "1.002755 without stating whether the accommodation is in the database: the proof is conditional and the fact is not stated → no finding (application-format.md 'Conditional documents').",
      dossier("1.002755", "10/11/2026 09:30", a, {"noi_tam_tru": "phường Vĩnh Yên, tỉnh Phú Thọ", "thoi_han_tam_tru_den": "30/11/2026", "gia_han_den": "30/11/2027"},
              [att("to_khai_ct01"), card(a)]), [], [{"code": "MISSING_REQUIRED_DOC"}], due="13/11/2026")
a = person("Bùi Quang Huy", "03/07/1998", "Nam"); c = person("Hà Thị Thu", "14/09/2000", "Nữ", prov="017", place="Hòa Bình")
write("catalogue_marriage_one_identity_paper", "Marriage at the counter: both parties must appear (Luật Hộ tịch Art. 18(1)… 'hai bên nam, nữ có mặt') and show identity papers; only the groom's card is presented → DOC_QUANTITY_INSUFFICIENT giay_to_tuy_than (2 needed).",
      marriage("18/11/2026 10:00", a, c, [att("to_khai_ket_hon"), card(a)]), [{"code": "DOC_QUANTITY_INSUFFICIENT", "target": "giay_to_tuy_than"}], due="18/11/2026", fee=0)
a = person("Hoàng Văn Tùng", "12/12/1988", "Nam")
write("catalogue_temp_absence_supervised_person", "Khai báo tạm vắng (1.003677) by a person under Luật Cư trú 2020 Art. 31(1)(a)/(b) (doi_tuong_tam_vang: bi_can_bi_cao — accused/defendant on bail or suspended sentence): the written consent of the supervising agency is required (Art. 31(3)) and absent → MISSING_REQUIRED_DOC van_ban_dong_y_co_quan_quan_ly.",
      dossier("1.003677", "12/11/2026 09:00", a, {"noi_cu_tru": "xã Yên Trị, tỉnh Phú Thọ", "ngay_bat_dau_tam_vang": "15/11/2026", "ngay_ket_thuc_tam_vang": "15/12/2026", "noi_den": "phường Hòa Bình, tỉnh Phú Thọ", "ly_do": "Đi làm", "doi_tuong_tam_vang": "bi_can_bi_cao"},
              [att("de_nghi_tam_vang"), card(a)]), [MISS("van_ban_dong_y_co_quan_quan_ly")], due="13/11/2026", fee=0)
a = person("Hoàng Văn Tùng", "12/12/1988", "Nam")
write("catalogue_temp_absence_ordinary_person", "1.003677 by a person outside Art. 31(1)(a)(b) (doi_tuong_tam_vang: khac): no consent needed → clean (near miss).",
      dossier("1.003677", "12/11/2026 09:30", a, {"noi_cu_tru": "xã Yên Trị, tỉnh Phú Thọ", "ngay_bat_dau_tam_vang": "15/11/2026", "ngay_ket_thuc_tam_vang": "15/12/2026", "noi_den": "phường Hòa Bình, tỉnh Phú Thọ", "ly_do": "Đi làm", "doi_tuong_tam_vang": "khac"},
              [att("de_nghi_tam_vang"), card(a)]), [], [{"code": "MISSING_REQUIRED_DOC"}], due="13/11/2026", fee=0)
def change(name, desc, kind, due, received="10/11/2026 09:00"):
    a = person("Vũ Thị Hạnh", "10/10/1990", "Nữ")
    write(name, desc, dossier("1.004859", received, a, {"nguoi_thay_doi": {"ho_ten": "Vũ Thị Hạnh", "ngay_sinh": "10/10/1990"}, "loai_yeu_cau": kind, "noi_dung_de_nghi": "Bổ sung quê quán", "ly_do": "Giấy khai sinh còn để trống"},
                                [att("to_khai_cai_chinh"), att("giay_to_can_cu", "copy"), card(a)]), [], due=due)
change("catalogue_supplement_civil_status_same_day", "Bổ sung thông tin hộ tịch (loai_yeu_cau bo_sung) is settled the same day it is received (Luật Hộ tịch 2014 Art. 29(2): 'ngay trong ngày'; after 15:00 the next working day) → due 10/11/2026, not 3 working days.", "bo_sung", "10/11/2026")
change("catalogue_supplement_after_cutoff", "Bổ sung received at 15:30 → due the next working day 11/11/2026 (same-day rule, FACTS deadline rules).", "bo_sung", "11/11/2026", received="10/11/2026 15:30")
change("catalogue_correction_three_working_days", "Cải chính (loai_yeu_cau cai_chinh) stays 3 working days (Luật Hộ tịch Art. 28(2)) → due 13/11/2026 (near miss for the same-day rule).", "cai_chinh", "13/11/2026")
def rereg(name, desc, kind, certified, expected, extra_form=None, extra_atts=()):
    a = person("Lương Văn Quý", "09/09/1960", "Nam")
    copy = att("ban_sao_giay_khai_sinh_cu", kind)
    if certified: copy["certified"] = True
    form = {"nguoi_duoc_khai_sinh": {"ho_ten": "Lương Văn Quý", "ngay_sinh": "09/09/1960", "gioi_tinh": "Nam", "noi_sinh": "xã Yên Trị"}, "noi_da_dang_ky_khai_sinh": "UBND xã Yên Trị", "con_ban_sao_giay_khai_sinh": True}
    form.update(extra_form or {})
    write(name, desc, dossier("1.004884", "11/11/2026 09:00", a, form, [att("to_khai_dk_lai_khai_sinh"), copy, card(a), *extra_atts]), expected, due="18/11/2026")
rereg("catalogue_reregistration_plain_copy", "Đăng ký lại khai sinh (1.004884) with a plain photocopy of the old birth certificate and no original shown: papers filed as copies must be certified copies or copies issued from the register when the original is not presented (NĐ 123/2015 Art. 3(2)) → COPY_NOT_CERTIFIED ban_sao_giay_khai_sinh_cu.",
      "copy", False, [{"code": "COPY_NOT_CERTIFIED", "target": "ban_sao_giay_khai_sinh_cu"}])
rereg("catalogue_reregistration_certified_copy", "Same with a certified copy → clean (near miss).", "copy", True, [])
rereg("catalogue_reregistration_official_needs_agency_confirmation", "The person is a serving official (la_can_bo_cong_chuc: true): the agency's written confirmation of the personal details is required (NĐ 123/2015 Art. 26(2)) and absent → MISSING_REQUIRED_DOC van_ban_xac_nhan_co_quan.",
      "copy", True, [MISS("van_ban_xac_nhan_co_quan")], {"la_can_bo_cong_chuc": True})
allowance("catalogue_allowance_child_with_hiv", "Trợ cấp xã hội for a child living with HIV (doi_tuong tre_em_nhiem_hiv): the HIV confirmation from a competent health facility is required (NĐ 20/2021 Art. 7(1)) and absent; the birth certificate copy is present.",
          "10/11/2026 09:00", {"doi_tuong": "tre_em_nhiem_hiv"}, [att("giay_khai_sinh_tre", "copy")], [MISS("giay_xac_nhan_nhiem_hiv")], due="26/11/2026")
guardianship("catalogue_guardianship_by_law_several_qualified", "Giám hộ đương nhiên where several people qualify (nhieu_nguoi_du_dieu_kien: true): the written agreement naming one of them is required (Luật Hộ tịch Art. 20(1)) and absent; the appointment paper of a giám hộ cử (van_ban_cu_giam_ho) is not required for giám hộ đương nhiên.",
             "11/11/2026 09:00", [MISS("van_ban_thoa_thuan_cu_giam_ho")], [MISS("van_ban_cu_giam_ho")], due="16/11/2026", fee=0,
             form_extra={"loai_giam_ho": "giam_ho_duong_nhien", "nhieu_nguoi_du_dieu_kien": True}, applicant=uncle, atts=[att("to_khai_giam_ho"), card(uncle)])
print(len(list(OUT.glob("*.json"))))
