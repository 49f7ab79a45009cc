"""Completeness: every required component present, in enough copies, of a sufficient kind, still valid.

Everything comes from the catalogue (``documents``: required/condition, quantity, kind, presented_only,
accepts, valid_months/valid_from_field); only the channel rules are code:
- online filings (``truc_tuyen``) need no identity paper (the portal account identifies the applicant), and
  papers that would be shown at the counter arrive as scans;
- postal filings (``buu_chinh``) need certified copies of the papers that would be shown at the counter.
"""

from __future__ import annotations

from datetime import date

from officer_desk.catalogue import DocumentRequirement
from officer_desk.dossier import IDENTITY_DOC_TYPES, Attachment
from officer_desk.rules.dates import OK, add_months, parse_date
from officer_desk.screening import result as R
from officer_desk.screening.context import ScreeningContext, Text, text
from officer_desk.vocabulary import Channel, DocumentKind

KIND_RANK: dict[str, int] = {DocumentKind.COPY: 1, DocumentKind.CERTIFIED_COPY: 2, DocumentKind.ORIGINAL: 3}
KIND_VI: dict[str, Text] = {
    DocumentKind.COPY: text("bản sao"), DocumentKind.CERTIFIED_COPY: text("bản sao có chứng thực"),
    DocumentKind.ORIGINAL: text("bản chính"),
}


def is_identity_component(requirement: DocumentRequirement) -> bool:
    """The applicant's identity paper (``giay_to_tuy_than`` and its kin: accepts only identity documents)."""
    return bool(requirement.accepts) and all(t in IDENTITY_DOC_TYPES for t in requirement.accepts)


def needed_kind(ctx: ScreeningContext, requirement: DocumentRequirement) -> str:
    """The lowest kind that satisfies the component for this dossier's channel."""
    kind = requirement.kind
    if requirement.presented_only:
        if ctx.dossier.channel == Channel.POST:
            return DocumentKind.CERTIFIED_COPY  # NĐ 123/2015: certified copies of papers otherwise shown
        if ctx.dossier.channel == Channel.ONLINE:
            return DocumentKind.COPY  # scanned for the portal
    return kind


def check(ctx: ScreeningContext) -> None:
    dossier = ctx.dossier
    by_type: dict[str, list[Attachment]] = {}
    for attachment in dossier.attachments:
        by_type.setdefault(attachment.doc_type, []).append(attachment)
    for requirement in ctx.procedure.documents:
        if requirement.required_for(dossier) is not True:
            continue
        identity = is_identity_component(requirement)
        if identity and dossier.channel == Channel.ONLINE:
            continue
        given = [a for t in requirement.accepted_doc_types() for a in by_type.get(t, [])]
        _check_component(ctx, requirement, given, identity)
    _check_validity_windows(ctx, by_type)


def _check_component(ctx: ScreeningContext, requirement: DocumentRequirement, given: list[Attachment],
                     identity: bool) -> None:
    target = requirement.id
    name = Text(requirement.name_vi, requirement.name_en)
    quantity_needed = max(requirement.quantity, 1)
    if not given or all(a.quantity <= 0 for a in given):
        ctx.add(R.MISSING_REQUIRED_DOC, R.ERROR, target,
                text("Thiếu thành phần hồ sơ: {name}", name=name),
                _missing_evidence(requirement),
                text("Đề nghị người nộp bổ sung: {name} ({kind}, {quantity} bản)", name=name,
                     kind=KIND_VI[needed_kind(ctx, requirement)], quantity=quantity_needed))
        return
    # Papers only shown at the counter do not stay in the dossier (identity papers are always shown).
    kept = given
    if not requirement.presented_only and not identity and ctx.dossier.channel == Channel.IN_PERSON:
        kept = [a for a in given if not a.presented_only]
        if not kept:
            ctx.add(R.MISSING_REQUIRED_DOC, R.ERROR, target,
                    text("Thiếu thành phần hồ sơ: {name}", name=name),
                    text("Giấy tờ chỉ được xuất trình, không nộp lại: {name}", name=name),
                    text("Thu {kind} để lưu vào hồ sơ: {name}", kind=KIND_VI[requirement.kind], name=name))
            return
    needed = needed_kind(ctx, requirement)
    adequate = [a for a in kept if KIND_RANK.get(a.effective_kind, 0) >= KIND_RANK[needed]]
    if not adequate:
        best_kind = max(kept, key=lambda a: KIND_RANK.get(a.effective_kind, 0)).effective_kind
        if best_kind == DocumentKind.COPY:
            reason = (text("Nộp qua bưu chính: giấy tờ xuất trình phải là bản sao có chứng thực")
                      if ctx.dossier.channel == Channel.POST and requirement.presented_only
                      else text("Cần {needed}, đã nộp {given}", needed=KIND_VI[needed], given=KIND_VI[best_kind]))
            ctx.add(R.COPY_NOT_CERTIFIED, R.ERROR, target,
                    text("Bản sao chưa được chứng thực: {name}", name=name), reason,
                    text("Đề nghị nộp {needed} hoặc xuất trình bản chính để đối chiếu: {name}",
                         needed=KIND_VI[needed], name=name))
        else:
            ctx.add(R.MISSING_REQUIRED_DOC, R.ERROR, target,
                    text("Thiếu thành phần hồ sơ: {name}", name=name),
                    text("Cần {needed}, đã nộp {given}", needed=KIND_VI[needed], given=KIND_VI[best_kind]),
                    text("Đề nghị người nộp bổ sung: {name} ({kind}, {quantity} bản)", name=name,
                         kind=KIND_VI[needed], quantity=quantity_needed))
        return
    count = sum(max(a.quantity, 0) for a in adequate)
    if count < quantity_needed:
        ctx.add(R.DOC_QUANTITY_INSUFFICIENT, R.ERROR, target,
                text("Không đủ số lượng: {name} (cần {needed}, có {given})", name=name, needed=quantity_needed,
                     given=count),
                text("Thành phần hồ sơ yêu cầu {needed} bản/bộ; đã nộp {given}", needed=quantity_needed,
                     given=count),
                text("Đề nghị người nộp bổ sung {missing} bản/bộ: {name}", missing=quantity_needed - count,
                     name=name))


def _missing_evidence(requirement: DocumentRequirement) -> Text:
    if requirement.conditional:
        return text("Bắt buộc trong trường hợp này ({condition}); hồ sơ không có {doc}",
                    condition=requirement.condition_vi or requirement.name_vi, doc=requirement.id)
    return text("Thành phần bắt buộc của thủ tục; hồ sơ không có {doc}", doc=requirement.id)


def _check_validity_windows(ctx: ScreeningContext, by_type: dict[str, list[Attachment]]) -> None:
    """Papers with a validity window (XNTTHN: 6 months from ngay_cap) and any ``co_gia_tri_den`` date."""
    receipt = ctx.receipt_date
    reported: set[str] = set()
    for requirement in ctx.procedure.documents:
        if not requirement.valid_months or not requirement.valid_from_field:
            continue
        for attachment in (a for t in requirement.accepted_doc_types() for a in by_type.get(t, [])):
            if attachment.doc_type in IDENTITY_DOC_TYPES:
                continue
            status, issued = parse_date(attachment.fields.get(requirement.valid_from_field), receipt.year)
            if status != OK or issued is None:
                continue
            until = add_months(issued.latest, requirement.valid_months)
            if until < receipt:
                _expired(ctx, attachment.doc_type, Text(requirement.name_vi, requirement.name_en), until,
                         text("Cấp ngày {issued}, giá trị {months} tháng (đến {until})", issued=str(issued),
                              months=requirement.valid_months, until=until.strftime("%d/%m/%Y")))
                reported.add(attachment.doc_type)
    for attachment in ctx.dossier.attachments:
        if attachment.doc_type in IDENTITY_DOC_TYPES or attachment.doc_type in reported:
            continue
        status, until_value = parse_date(attachment.fields.get("co_gia_tri_den"), receipt.year)
        if status != OK or until_value is None:
            continue
        if until_value.latest < receipt:
            _expired(ctx, attachment.doc_type, ctx.document_name(attachment.doc_type), until_value.latest,
                     text("Có giá trị đến {until}", until=str(until_value)))


def _expired(ctx: ScreeningContext, doc_type: str, name: Text, until: date, basis: Text) -> None:
    tail = text("ngày nhận hồ sơ {received}", received=ctx.receipt_date.strftime("%d/%m/%Y"))
    ctx.add(R.DOC_EXPIRED, R.ERROR, doc_type,
            text("Giấy tờ đã hết hạn sử dụng: {name}", name=name),
            Text(f"{basis.vi}; {tail.vi}", f"{basis.en}; {tail.en}"),
            text("Đề nghị nộp giấy tờ mới còn hạn: {name}", name=name))
