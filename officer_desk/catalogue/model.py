"""The catalogue's model: procedures, their documents, declared fields and conditions, the merged catalogue."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path
from typing import Any

from officer_desk.dossier import Dossier, base_procedure_code, form_value, is_blank
from officer_desk.errors import UnknownProcedureError
from officer_desk.i18n import _
from officer_desk.text import digits, fold
from officer_desk.vocabulary import Channel

# Values that state a yes/no fact as "yes" (declarations arrive typed by people and portals).
TRUE_WORDS = {"true", "co", "có", "yes", "1", "x", "đồng ý", "dong y"}
FALSE_WORDS = {"false", "khong", "không", "no", "0"}


def truthy(value: Any) -> bool | None:
    """Yes / no / not stated (None) for a declared value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        word = value.strip().casefold()
        if not word:
            return None
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        return True
    return bool(value)


@dataclass(frozen=True)
class Condition:
    """A machine-readable condition on a dossier; ``evaluate`` is three-valued.

    kinds: ``channel`` (any of ``channels``), ``representative`` (the filing is made on someone's
    behalf), ``field`` (a declaration value: ``equals`` any of, or ``present``), ``all``/``any``/``not``
    over ``children``. None means the dossier does not state the fact.
    """

    kind: str
    channels: tuple[str, ...] = ()
    field: str | None = None
    equals: tuple[Any, ...] = ()
    present: bool | None = None
    representative: bool = True
    children: tuple[Condition, ...] = ()

    def evaluate(self, dossier: Dossier) -> bool | None:
        if self.kind == "channel":
            return dossier.channel in self.channels
        if self.kind == "representative":
            stated = representative_filing(dossier)
            return None if stated is None else stated == self.representative
        if self.kind == "field":
            assert self.field is not None
            path = self.field.removeprefix("form.")
            value = form_value(dossier.form, path)
            if self.present is not None:
                return (not is_blank(value)) == self.present
            if is_blank(value):
                return None
            for expected in self.equals:
                if isinstance(expected, bool):
                    if truthy(value) is expected:
                        return True
                elif isinstance(value, str) and isinstance(expected, str):
                    if value.strip().casefold() == expected.strip().casefold():
                        return True
                elif value == expected:
                    return True
            return False
        results = [child.evaluate(dossier) for child in self.children]
        if self.kind == "all":
            if any(r is False for r in results):
                return False
            return None if any(r is None for r in results) else True
        if self.kind == "any":
            if any(r is True for r in results):
                return True
            return None if any(r is None for r in results) else False
        if self.kind == "not":
            inner = results[0] if results else None
            return None if inner is None else not inner
        raise ValueError(f"unknown condition kind {self.kind!r}")


def representative_filing(dossier: Dossier) -> bool | None:
    """Whether the dossier states that it is filed on someone's behalf (None: not stated)."""
    for key in ("nop_thay", "uy_quyen", "nguoi_nop_thay"):
        value = form_value(dossier.form, key)
        stated = truthy(value) if not isinstance(value, dict) else (True if value else None)
        if stated is not None:
            return stated
    raw = dossier.raw.get("representative")
    if raw is not None:
        return truthy(raw) if not isinstance(raw, dict) else True
    return None


@dataclass(frozen=True)
class FeeSchedule:
    """How the fee grows: ``per_page`` (first pages at one rate, the rest at another, capped per copy, times
    the copies), ``per_copy`` (a unit amount times the copies), ``per_person`` (times a counted form list)."""

    kind: str
    unit_vnd: int = 0
    first_pages: int = 0
    next_page_vnd: int = 0
    max_per_copy_vnd: int | None = None
    count_field: str | None = None  # per_person: the form list (or number) that counts people


@dataclass(frozen=True)
class FeeExemption:
    """No fee while ``condition`` holds (None = always) and the receipt date is within the period."""

    note_vi: str
    note_en: str
    condition: Condition | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""

    def applies(self, dossier: Dossier, day: date) -> bool:
        if self.valid_from is not None and day < self.valid_from:
            return False
        if self.valid_to is not None and day > self.valid_to:
            return False
        return self.condition is None or self.condition.evaluate(dossier) is True


# A late-registration fee set by the provincial council (configured as ``fees["CODE/late"]``).
PROVINCE = "province"


@dataclass(frozen=True)
class DocumentRequirement:
    """One component of a procedure's dossier (Thành phần hồ sơ)."""

    id: str
    name_vi: str
    name_en: str
    kind: str  # original | certified_copy | copy
    required: bool
    quantity: int = 1
    presented_only: bool = False
    condition: Condition | None = None
    condition_vi: str = ""
    form_code: str | None = None
    # Other doc_types that satisfy this component (identity papers for giay_to_tuy_than...).
    accepts: tuple[str, ...] = ()
    # Validity window of the paper, counted from its date field (e.g. XNTTHN: 6 months from ngay_cap).
    valid_months: int | None = None
    valid_from_field: str | None = None

    @property
    def conditional(self) -> bool:
        return self.condition is not None and not self.required

    def required_for(self, dossier: Dossier) -> bool | None:
        """Whether this dossier must contain the component; None: it does not state the deciding fact.

        ``required: true`` = always; a ``condition`` = required when it holds; neither = optional.
        """
        return _required_for(self.required, self.condition, dossier)

    def accepted_doc_types(self) -> tuple[str, ...]:
        """The attachment ``doc_type`` values that satisfy this component (its id first)."""
        return (self.id, *self.accepts)


@dataclass(frozen=True)
class DeclarationField:
    """A field of the procedure's declaration (tờ khai)."""

    name: str  # dotted path below ``form``
    type: str  # text | name | date | id_number | phone | tax_code | email | number | bool | choice | consent
    required: bool
    label_vi: str
    label_en: str
    choices: tuple[str, ...] = ()
    condition: Condition | None = None
    # The labels a form or portal may send instead of a choice's value: (value, (label, ...)).
    choice_labels: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def conditional(self) -> bool:
        return self.condition is not None and not self.required

    def choice_for(self, value: Any) -> str | None:
        """The choice a typed value or label stands for (folded comparison); None when it matches none."""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            return None
        if value in self.choices:
            return value
        wanted = fold(value).replace("_", " ")
        for choice in self.choices:
            if fold(choice).replace("_", " ") == wanted:
                return choice
        for choice, labels in self.choice_labels:
            if any(fold(label) == wanted for label in labels):
                return choice
        # A longer label that starts with a known one ("Người cao tuổi từ đủ 80 tuổi…" for nguoi_cao_tuoi).
        best: tuple[int, str] | None = None
        for choice, labels in self.choice_labels:
            for label in labels:
                folded = fold(label)
                if wanted.startswith(folded + " ") and (best is None or len(folded) > best[0]):
                    best = (len(folded), choice)
        return best[1] if best else None

    def required_for(self, dossier: Dossier) -> bool | None:
        """Whether the declaration must fill this field; None: the dossier does not state the deciding fact."""
        return _required_for(self.required, self.condition, dossier)

    def value(self, dossier: Dossier) -> Any:
        return form_value(dossier.form, self.name)


def _required_for(required: bool, condition: Condition | None, dossier: Dossier) -> bool | None:
    if required:
        return True
    if condition is None:
        return False
    return condition.evaluate(dossier)


@dataclass(frozen=True)
class Procedure:
    """One administrative procedure as the desk knows it."""

    code: str
    name_vi: str
    name_en: str
    level: str
    field_vi: str
    field_en: str
    agency_vi: str
    documents: tuple[DocumentRequirement, ...]
    fields: tuple[DeclarationField, ...]
    processing_days: int
    processing_unit: str  # same_day | working_days | calendar_days
    same_day_cutoff: time | None
    fee_vnd: int | None
    fee_online_vnd: int | None
    fee_note: str = ""
    legal_basis: tuple[str, ...] = ()
    result_vi: str = ""
    conditions_vi: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    # Dotted form path of the person the dossier is about (tre, nguoi_chet...); None = the applicant.
    subject: str | None = None
    # Repeat filings are normal (certifications): never a duplicate.
    duplicate_exempt: bool = False
    # Statutory registration window in days after the event (birth 60, death 15) and the event date field.
    registration_window_days: int | None = None
    registration_event_field: str | None = None
    # Where the result is collected when another agency handles the procedure.
    collection_place_vi: str = ""
    code_confidence: str = "high"
    source_file: Path | None = field(default=None, compare=False)
    code_note: str = ""
    extension_note: str = ""
    sources: tuple[str, ...] = ()
    # Other codes (local/provincial) under which this procedure is filed.
    aliases: tuple[str, ...] = ()
    # How the fee grows with the dossier, what a late registration costs ("province" or VND), exemptions.
    fee_schedule: FeeSchedule | None = None
    late_fee: str | int | None = None
    fee_exemptions: tuple[FeeExemption, ...] = ()
    # The period this version of the procedure is in force (None = open); every version, oldest first.
    valid_from: date | None = None
    valid_to: date | None = None
    versions: tuple[Procedure, ...] = field(default=(), compare=False, repr=False)
    # Sub-cases settled the same day (e.g. bổ sung thông tin hộ tịch, Luật Hộ tịch Art. 29): when it holds.
    same_day_when: Condition | None = None
    # The one condition a citizen must know before coming (the assistant's answer and checklist).
    key_condition_vi: str = ""
    key_condition_en: str = ""

    def for_dossier(self, dossier: Dossier | None, day: date) -> Procedure:
        """The rules that judge ``dossier`` received on ``day``: the version in force, same-day sub-cases."""
        procedure = self.version_on(day)
        if dossier is not None and procedure.same_day_when is not None:
            if procedure.same_day_when.evaluate(dossier) is True:
                from dataclasses import replace

                procedure = replace(procedure, processing_unit="same_day", processing_days=0,
                                    same_day_cutoff=procedure.same_day_cutoff or time(15, 0))
        return procedure

    def version_on(self, day: date) -> Procedure:
        """The version in force on ``day`` (a dossier is judged by its receipt date); self when unversioned."""
        for version in self.versions:
            if (version.valid_from is None or version.valid_from <= day) and (
                version.valid_to is None or day <= version.valid_to
            ):
                return version
        return self

    def document(self, doc_id: str) -> DocumentRequirement | None:
        return next((d for d in self.documents if d.id == doc_id), None)

    def subject_key(self, dossier: Dossier) -> str:
        """Who the dossier is about, as the queue stores it for duplicate checks ("" = the applicant).

        Civil-status events (birth, death, marriage, guardianship) are keyed by the event's people alone
        (``ev|…``), so the same event filed by another person matches too (Luật Hộ tịch Art. 5(4)).
        """
        event = event_subject_key(self, dossier)
        if event:
            return event
        if self.subject:
            subject = form_value(dossier.form, self.subject)
            if isinstance(subject, dict):
                parts = [
                    fold(str(subject.get("ho_ten", ""))),
                    str(subject.get("ngay_sinh", "")),
                    digits(str(subject.get("so_dinh_danh", ""))),
                ]
                return "|".join(parts)[:200]
        return ""

    def declaration_field(self, name: str) -> DeclarationField | None:
        name = name.removeprefix("form.")
        return next((f for f in self.fields if f.name == name), None)

    def document_for(self, doc_type: str) -> DocumentRequirement | None:
        """The component an attachment of ``doc_type`` satisfies (its own id first, then ``accepts``)."""
        return self.document(doc_type) or next((d for d in self.documents if doc_type in d.accepts), None)

    def fee_for(self, channel: str, provincial_fees: Mapping[str, int] | None = None) -> int | None:
        """The fee for a filing channel: the online fee when one is set, else the national fee, else the
        fee the province configured (``config.fees``); None when the province sets it and it is unknown."""
        if channel == Channel.ONLINE and self.fee_online_vnd is not None:
            return self.fee_online_vnd
        if self.fee_vnd is not None:
            return self.fee_vnd
        return (provincial_fees or {}).get(self.code)

    def name(self, language: str = "vi") -> str:
        return self.name_en if language == "en" and self.name_en else self.name_vi


# Procedures whose subject is an event registered once, whoever files (application-format.md DUPLICATE_SUBMISSION).
EVENT_PROCEDURES = {"1.001193": "birth", "1.000656": "death", "1.000894": "marriage", "1.004837": "guardianship"}


def _person_key(person: Any) -> str:
    if not isinstance(person, Mapping):
        return ""
    name = fold(str(person.get("ho_ten") or person.get("full_name") or ""))
    born = str(person.get("ngay_sinh") or person.get("date_of_birth") or "").strip()
    return f"{name}/{born}" if name else ""


def event_subject_key(procedure: Procedure, dossier: Dossier) -> str:
    """``ev|…`` for the civil-status events above (name folded, date of birth, the mother or the other
    party); "" when the procedure is not one of them or the dossier does not name the subject."""
    kind = EVENT_PROCEDURES.get(procedure.code)
    if kind is None:
        return ""
    form = dossier.form
    if kind == "birth":
        child = _person_key(form_value(form, "tre"))
        mother = fold(str(form_value(form, "me.ho_ten") or ""))
        parts = [child, mother] if child else []
    elif kind == "death":
        parts = [_person_key(form_value(form, "nguoi_chet"))]
    elif kind == "guardianship":
        parts = [_person_key(form_value(form, "nguoi_duoc_giam_ho"))]
    else:
        people = [_person_key({"ho_ten": p.full_name, "ngay_sinh": p.date_of_birth})
                  for p in (dossier.applicant, dossier.co_applicant) if p is not None]
        parts = sorted(people) if len(people) == 2 and all(people) else []
    if not parts or not parts[0]:
        return ""
    return ("ev|" + kind + "|" + "|".join(parts))[:200]


class Catalogue:
    """The merged catalogue: lookup by national code, portal-suffixed code or local alias."""

    def __init__(
        self,
        procedures: dict[str, Procedure],
        aliases: dict[str, str] | None = None,
        problems: tuple[CatalogueProblem, ...] = (),
    ) -> None:
        self._procedures = dict(sorted(procedures.items()))
        self._aliases = dict(aliases or {})
        # Files of the home's procedures/ folder that were skipped because they are invalid.
        self.problems = tuple(problems)

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self._procedures.values())

    def __len__(self) -> int:
        return len(self._procedures)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.find(code) is not None

    def codes(self) -> list[str]:
        return list(self._procedures)

    def find(self, code: str) -> Procedure | None:
        code = code.strip()
        if code in self._aliases:
            code = self._aliases[code]
        base = base_procedure_code(code)
        if base is None:
            return None
        if base in self._aliases:
            base = self._aliases[base]
        return self._procedures.get(base)

    def with_aliases(self, aliases: dict[str, str]) -> Catalogue:
        return Catalogue(self._procedures, {**self._aliases, **aliases}, self.problems)

    def get(self, code: str) -> Procedure:
        """Like ``find`` but raises UnknownProcedureError naming the code."""
        procedure = self.find(code)
        if procedure is None:
            raise UnknownProcedureError(_("Thủ tục không có trong danh mục: {code}", code=code.strip()))
        return procedure

    @property
    def aliases(self) -> dict[str, str]:
        return dict(self._aliases)


@dataclass(frozen=True)
class CatalogueProblem:
    """One problem in a catalogue file, located for the administrator who fixes it."""

    path: Path
    line: int  # 1-based
    key: str  # dotted key path, e.g. documents[2].condition.field
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.message}"


def iter_condition(condition: Condition | None) -> Iterator[Condition]:
    """Every node of a condition tree (for tools that list the facts a procedure asks about)."""
    if condition is None:
        return
    yield condition
    for child in condition.children:
        yield from iter_condition(child)
