"""Field rules: required fields and consents, dates, phone numbers, tax codes, marriage age, late registration.

Validators apply by field *meaning* (application-format.md "Field-name vocabulary"), wherever a field
appears: in the declaration (``form``), in the applicant block, or in what was read from a document.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from officer_desk.dossier import form_value, has_path, is_blank
from officer_desk.rules.dates import INVALID, OK, DateValue, parse_date, years_between
from officer_desk.rules.phone import is_valid_phone
from officer_desk.rules.tax_code import CHECKSUM, FORMAT, tax_code_problem
from officer_desk.screening import result as R
from officer_desk.screening.context import ScreeningContext, Text, iter_leaves, text
from officer_desk.text import fold

# -- field meaning ----------------------------------------------------------------------------------

NAME, DATE, ID_NUMBER, TAX_CODE, PHONE, GENDER, CONSENT = (
    "name", "date", "id_number", "tax_code", "phone", "gender", "consent",
)
_DECLARED_KINDS = {"name": NAME, "date": DATE, "id_number": ID_NUMBER, "tax_code": TAX_CODE, "phone": PHONE,
                   "consent": CONSENT}


def field_kind(key: str, declared_type: str | None = None) -> str | None:
    """What a field means, from its declared type or its name (``ho_ten``, ``ngay_*``, ``so_dinh_danh``...)."""
    if declared_type in _DECLARED_KINDS:
        return _DECLARED_KINDS[declared_type]
    key = key.strip().lower()
    if key in ("ho_ten", "ho_chu_dem_ten") or key.startswith("ho_ten_"):
        return NAME
    if (key.startswith("ngay_") or key.endswith("_ngay") or key in ("co_gia_tri_den", "gia_han_den")
            or (key.startswith("thoi_han_") and key.endswith("_den"))):
        return DATE
    if key == "so_dinh_danh" or key.endswith("_so_dinh_danh"):
        return ID_NUMBER
    if key == "ma_so_thue" or key.endswith("_ma_so_thue"):
        return TAX_CODE
    if key == "dien_thoai" or key.endswith("_dien_thoai") or key.startswith("dien_thoai_"):
        return PHONE
    if key == "gioi_tinh":
        return GENDER
    if key.startswith("y_kien_"):
        return CONSENT
    return None


# -- dates ------------------------------------------------------------------------------------------

# Dates that cannot lie after the receipt (a birth, a death, an issue date).
_PAST_ONLY = ("ngay_sinh", "ngay_chet", "ngay_cap", "ngay_mat", "date_of_birth", "ngay_dang_ky")


def _check_date(ctx: ScreeningContext, target: str, key: str, value: Any) -> DateValue | None:
    status, parsed = parse_date(value, ctx.receipt_date.year)
    if status == INVALID:
        ctx.add(R.DATE_INVALID, R.ERROR, target,
                text("Ngày không hợp lệ: {value}", value=str(value)),
                text("Trường {field} có giá trị «{value}» không phải ngày có thật (dd/mm/yyyy)",
                     field=target, value=str(value)),
                text("Kiểm tra lại giấy tờ gốc và ghi đúng ngày theo dạng dd/mm/yyyy"))
        return None
    if status == OK and parsed is not None and key in _PAST_ONLY and parsed.earliest > ctx.receipt_date:
        ctx.add(R.DATE_INVALID, R.ERROR, target,
                text("Ngày không hợp lệ: {value}", value=str(value)),
                text("Ngày {value} ở trường {field} muộn hơn ngày nhận hồ sơ {received}", value=str(value),
                     field=target, received=ctx.receipt_date.strftime("%d/%m/%Y")),
                text("Kiểm tra lại giấy tờ gốc và ghi đúng ngày theo dạng dd/mm/yyyy"))
        return None
    return parsed


# -- phones -----------------------------------------------------------------------------------------

def _check_phone(ctx: ScreeningContext, target: str, value: Any) -> None:
    if is_blank(value):
        return
    raw = str(value)
    if is_valid_phone(raw):
        return
    ctx.add(R.PHONE_INVALID, R.WARNING, target,
            text("Số điện thoại không hợp lệ: {value}", value=raw),
            text("«{value}» không phải số di động 10 số với đầu số hiện hành hoặc số cố định 11 số (02x)",
                 value=raw),
            text("Hỏi lại người nộp số điện thoại liên hệ (số 11 số cũ như 016x, 012x đã đổi sang 10 số)"))


# -- tax codes --------------------------------------------------------------------------------------

def _check_tax_code(ctx: ScreeningContext, target: str, value: Any) -> None:
    if is_blank(value):
        return
    raw = str(value).strip()
    problem = tax_code_problem(raw, ctx.receipt_date.year)
    if problem is None:
        return
    if problem == CHECKSUM:
        evidence = text("Chữ số kiểm tra (mod 11, trọng số 31, 29, 23, 19, 17, 13, 7, 5, 3) của «{value}» không khớp",
                        value=raw)
    elif problem == FORMAT:
        evidence = text("«{value}» không phải 10 số, 13 số (10 số - 3 số) hay số định danh 12 số", value=raw)
    else:
        evidence = text("«{value}» (12 số) không đúng cấu trúc số định danh cá nhân", value=raw)
    ctx.add(R.TAX_CODE_INVALID, R.ERROR, target,
            text("Mã số thuế không hợp lệ: {value}", value=raw), evidence,
            text("Đối chiếu mã số thuế với giấy chứng nhận đăng ký thuế hoặc số định danh cá nhân"))


# -- walking every value ----------------------------------------------------------------------------

def check_values(ctx: ScreeningContext) -> None:
    """Dates, phones and tax codes wherever they appear (form, applicant, documents)."""
    for role in ("applicant", "co_applicant"):
        person = ctx.dossier.applicant if role == "applicant" else ctx.dossier.co_applicant
        if person is None:
            continue
        _check_date(ctx, f"{role}.date_of_birth", "date_of_birth", person.date_of_birth)
        _check_date(ctx, f"{role}.id_valid_until", "id_valid_until", person.id_valid_until)
        _check_phone(ctx, f"{role}.phone", person.phone)
    declared = {f.name: f.type for f in ctx.procedure.fields}
    for path, key, value in iter_leaves(ctx.dossier.form):
        kind = field_kind(key, declared.get(path))
        target = f"form.{path}"
        if kind == DATE:
            _check_date(ctx, target, key, value)
        elif kind == PHONE:
            _check_phone(ctx, target, value)
        elif kind == TAX_CODE:
            _check_tax_code(ctx, target, value)
    for attachment in ctx.dossier.attachments:
        for _path, key, value in iter_leaves(attachment.fields):
            kind = field_kind(key)
            if kind == DATE:
                _check_date(ctx, attachment.doc_type, key, value)
            elif kind == PHONE:
                _check_phone(ctx, attachment.doc_type, value)
            elif kind == TAX_CODE:
                _check_tax_code(ctx, attachment.doc_type, value)


# -- required fields --------------------------------------------------------------------------------

def check_required_fields(ctx: ScreeningContext) -> None:
    """Blank mandatory declaration fields and consents (catalogue ``fields``; any ``y_kien_*`` slot)."""
    dossier = ctx.dossier
    if is_blank(dossier.applicant.full_name):
        ctx.add(R.REQUIRED_FIELD_MISSING, R.ERROR, "applicant.full_name",
                text("Thiếu thông tin bắt buộc: {label}", label=text("Họ tên người nộp")),
                text("Trường {field} để trống", field="applicant.full_name"),
                text("Đề nghị người nộp bổ sung {label}", label=text("Họ tên người nộp")))
    declared = set()
    for item in ctx.procedure.fields:
        declared.add(item.name)
        required = item.required_for(dossier)
        present = has_path(dossier.form, item.name)
        value = item.value(dossier)
        target = f"form.{item.name}"
        if item.type == "consent":
            # A consent slot on the form that is blank or says no is missing, unless the dossier states
            # that the consent is not needed; an absent slot counts only when a stated fact requires it.
            if present and required is not False and (is_blank(value) or _refused(value)):
                _missing_consent(ctx, item, target, value)
            elif not present and required is True and item.condition is not None:
                _missing_consent(ctx, item, target, None)
            continue
        # A field the declaration leaves out is not stated; a field filled in blank is missing.
        if required is True and present and is_blank(value):
            ctx.add(R.REQUIRED_FIELD_MISSING, R.ERROR, target,
                    text("Thiếu thông tin bắt buộc: {label}", label=Text(item.label_vi, item.label_en)),
                    text("Trường {field} để trống", field=target),
                    text("Đề nghị người nộp bổ sung {label}", label=Text(item.label_vi, item.label_en)))
    # A consent slot present in the declaration but left blank is a missing consent.
    for path, key, value in iter_leaves(dossier.form):
        if path in declared or field_kind(key) != CONSENT or not is_blank(value):
            continue
        target = f"form.{path}"
        ctx.add(R.REQUIRED_FIELD_MISSING, R.ERROR, target,
                text("Thiếu ý kiến bắt buộc: {label}", label=path),
                text("Trường {field} để trống", field=target),
                text("Đề nghị người có thẩm quyền ghi ý kiến và ký vào tờ khai: {label}", label=path))


def _missing_consent(ctx: ScreeningContext, item: Any, target: str, value: Any) -> None:
    label = Text(item.label_vi, item.label_en)
    if value is not None and not is_blank(value):
        evidence = text("Ý kiến ghi «{value}»: chưa có sự đồng ý", value=str(value))
    elif value is None:
        evidence = text("Tờ khai không có {field}", field=target)
    else:
        evidence = text("Trường {field} để trống", field=target)
    ctx.add(R.REQUIRED_FIELD_MISSING, R.ERROR, target,
            text("Thiếu ý kiến bắt buộc: {label}", label=label), evidence,
            text("Đề nghị người có thẩm quyền ghi ý kiến và ký vào tờ khai: {label}", label=label))


def _refused(value: Any) -> bool:
    """A consent written as a refusal ("Không đồng ý", "không")."""
    if isinstance(value, bool):
        return value is False
    return isinstance(value, str) and fold(value).startswith(("khong", "tu choi"))


# -- marriage age -----------------------------------------------------------------------------------

MARRIAGE_PROCEDURES = ("1.000894",)
MIN_AGE = {"M": 20, "F": 18}


def gender_of(value: Any) -> str | None:
    """"M" / "F" for the declared gender words (Nam/Nữ, male/female), None when not stated."""
    if not isinstance(value, str):
        return None
    word = fold(value)
    if word in ("nam", "male", "m", "trai"):
        return "M"
    if word in ("nu", "female", "f", "gai"):
        return "F"
    return None


def is_marriage(ctx: ScreeningContext) -> bool:
    return ctx.procedure.code in MARRIAGE_PROCEDURES or "dang ky ket hon" in fold(ctx.procedure.name_vi)


def check_marriage_age(ctx: ScreeningContext) -> None:
    """Luật HN&GĐ 2014 Art. 8: man from full 20, woman from full 18, on the registration date."""
    if not is_marriage(ctx):
        return
    parties: list[tuple[str | None, Any, str]] = []
    for role in ("applicant", "co_applicant"):
        person = ctx.dossier.applicant if role == "applicant" else ctx.dossier.co_applicant
        if person is not None:
            parties.append((gender_of(person.gender), person.date_of_birth, f"{role}.date_of_birth"))
    for group, side in (("ben_nam", "M"), ("ben_nu", "F")):
        data = ctx.dossier.form.get(group)
        if isinstance(data, dict):
            parties.append((side, data.get("ngay_sinh"), f"form.{group}.ngay_sinh"))
    on = ctx.receipt_date
    judged: set[str] = set()
    for gender, born_raw, target in parties:
        if gender is None or gender in judged:
            continue  # ben_nam / ben_nu only when the applicant block did not already say it
        status, born = parse_date(born_raw, on.year)
        if status != OK or born is None:
            continue
        judged.add(gender)
        # With only a year (or month) known, judge on the earliest possible birthday: never a false alarm.
        age = years_between(born.earliest, on)
        minimum = MIN_AGE[gender]
        if age >= minimum:
            continue
        ctx.add(R.MARRIAGE_AGE_INELIGIBLE, R.ERROR, target,
                text("Chưa đủ tuổi kết hôn: {side} {age} tuổi (tối thiểu {minimum})",
                     side=text("nam") if gender == "M" else text("nữ"), age=age, minimum=minimum),
                text("Ngày sinh {born}, ngày đăng ký {on}: {age} tuổi", born=str(born),
                     on=on.strftime("%d/%m/%Y"), age=age),
                text("Không đủ điều kiện kết hôn (Luật Hôn nhân và gia đình 2014, Điều 8): từ chối tiếp nhận "
                     "hoặc hướng dẫn người nộp"))


# -- late registration ------------------------------------------------------------------------------

def registration_window_end(ctx: ScreeningContext, event_day: date, window: int) -> tuple[date, bool]:
    """The last day to register on time: event + window days, extended to the close of the next working day
    when that day is a weekend or holiday (Bộ luật Dân sự 2015 Art. 148(5)); and whether it was extended."""
    end = event_day + timedelta(days=window)
    if ctx.calendar.is_working_day(end):
        return end, False
    return ctx.calendar.next_working_day(end), True


def check_late_registration(ctx: ScreeningContext) -> None:
    """Birth (60 days) or death (15 days) registered after the statutory window: the fee exemption is lost."""
    procedure = ctx.procedure
    window, event_field = procedure.registration_window_days, procedure.registration_event_field
    if not window or not event_field:
        return
    path = event_field.removeprefix("form.")
    status, event = parse_date(form_value(ctx.dossier.form, path), ctx.receipt_date.year)
    if status != OK or event is None:
        return
    # Only a late filing for certain: judged from the latest possible event date.
    end, extended = registration_window_end(ctx, event.latest, window)
    if ctx.receipt_date <= end:
        return
    ctx.cache["late_registration"] = True
    elapsed = (ctx.receipt_date - event.latest).days
    evidence = (text("Sự kiện ngày {event}, nộp ngày {on}: sau {days} ngày; hạn cuối {end} (lùi qua ngày nghỉ theo "
                     "Điều 148 khoản 5 Bộ luật Dân sự)", event=str(event), on=ctx.receipt_date.strftime("%d/%m/%Y"),
                     days=elapsed, end=end.strftime("%d/%m/%Y")) if extended else
                text("Sự kiện ngày {event}, nộp ngày {on}: sau {days} ngày", event=str(event),
                     on=ctx.receipt_date.strftime("%d/%m/%Y"), days=elapsed))
    ctx.add(R.LATE_REGISTRATION, R.INFO, f"form.{path}",
            text("Đăng ký quá hạn {window} ngày: mất miễn lệ phí", window=window),
            evidence,
            text("Vẫn tiếp nhận; thu lệ phí đăng ký quá hạn theo mức của HĐND tỉnh"))
