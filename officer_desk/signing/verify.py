"""Verification of PDF signatures with a three-valued verdict: Hop le / Khong xac dinh / Khong hop le.

Rules (cli-contract.md, ``verify``): **valid** = intact, no illegal change, chain to an anchor,
certificate valid at signing time, key usage fine, revocation good or no revocation source named;
**invalid** = digest/signature mismatch, illegal modification, revoked, wrong key usage, or no
signature at all; **indeterminate** = no path to an anchor, certificate expired now without a
timestamp proving the signing time, or a revocation source named but unavailable offline.
pyHanko soft-fails missing revocation data by default; here revocation is checked "hard-fail"
(a named source must answer from the cache or the document's DSS) and mapped as above.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from dataclasses import field as _dataclass_field  # SignatureReport has an attribute named field
from datetime import datetime
from pathlib import Path
from typing import Any

from asn1crypto import crl as asn1_crl
from asn1crypto import ocsp as asn1_ocsp
from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko.pdf_utils.generic import DecodePurpose
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel, SuspiciousModification
from pyhanko.sign.validation import pdf_embedded
from pyhanko.sign.validation.dss import DocumentSecurityStore, NoDSSFoundError
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import PdfSignatureStatus, SignatureCoverageLevel
from pyhanko.sign.validation.utils import CMSAlgorithmUsagePolicy
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.policy_decl import DisallowWeakAlgorithmsPolicy

from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.changes import analyse as analyse_changes
from officer_desk.signing.speedups import install as _install_speedups
from officer_desk.signing.trust import STATUS_CANDIDATE, TrustAnchor, TrustStore, run_sync

_install_speedups()

VALID = "valid"
INVALID = "invalid"
INDETERMINATE = "indeterminate"
UNREADABLE = "unreadable"

EXIT_CODES = {VALID: 0, INVALID: 1, INDETERMINATE: 2, UNREADABLE: 3}
_SEVERITY = {VALID: 0, INDETERMINATE: 1, INVALID: 2, UNREADABLE: 3}

VERDICT_LABELS = {
    VALID: "H\u1ee3p l\u1ec7",
    INDETERMINATE: "Kh\u00f4ng x\u00e1c \u0111\u1ecbnh",
    INVALID: "Kh\u00f4ng h\u1ee3p l\u1ec7",
    UNREADABLE: "Kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c",
}
ANCHOR_STATUS_LABELS = {
    "confirmed": "\u0111\u00e3 \u0111\u1ed1i chi\u1ebfu v\u1edbi c\u00f4ng b\u1ed1 ch\u00ednh th\u1ee9c",
    "candidate": "ch\u01b0a \u0111\u1ed1i chi\u1ebfu v\u1edbi c\u00f4ng b\u1ed1 ch\u00ednh th\u1ee9c",
    "demo": "g\u1ed1c DEMO, ch\u1ec9 tin c\u1eady \u1edf ch\u1ebf \u0111\u1ed9 demo",
    "extra": "g\u1ed1c do ng\u01b0\u1eddi d\u00f9ng ch\u1ec9 \u0111\u1ecbnh (--trust)",
}

SIGNING_KEY_USAGE = KeyUsageConstraints(
    key_usage={"digital_signature", "non_repudiation"}, match_all_key_usages=False
)


def verdict_label(verdict: str) -> str:
    """The verdict in the current language (Vietnamese by default)."""
    return _(VERDICT_LABELS[verdict])


def anchor_status_label(status: str) -> str:
    return _(ANCHOR_STATUS_LABELS.get(status, status))


@dataclass(frozen=True)
class AnchorReport:
    subject: str
    sha256: str
    status: str

    def to_json(self) -> dict[str, str]:
        return {"subject": self.subject, "sha256": self.sha256, "status": self.status}

    @property
    def status_label(self) -> str:
        return anchor_status_label(self.status)


@dataclass(frozen=True)
class SignatureReport:
    """Everything the verification window shows for one signature."""

    field: str
    signer: str | None
    organisation: str | None
    signing_time: str | None
    timestamped: bool
    integrity: str  # intact | broken
    modification: str  # none | allowed | illegal
    chain: list[str]
    trust_anchor: AnchorReport | None
    revocation: str  # good | revoked | unknown
    verdict: str
    reasons: list[str]
    level: str = "B-B"  # B-B | B-T | B-LT | B-LTA (as far as seen)
    timestamp_time: str | None = None  # time proven by a signature or document timestamp
    signer_sha256: str | None = None
    certificate_not_after: str | None = None
    changes: list[str] = _dataclass_field(default_factory=list)
    """Changes after signing: what a page shows (modification illegal) or signatures added (allowed)."""

    @property
    def verdict_label(self) -> str:
        return verdict_label(self.verdict)

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "signer": self.signer,
            "organisation": self.organisation,
            "signing_time": self.signing_time,
            "timestamped": self.timestamped,
            "integrity": self.integrity,
            "modification": self.modification,
            "chain": self.chain,
            "trust_anchor": self.trust_anchor.to_json() if self.trust_anchor else None,
            "revocation": self.revocation,
            "verdict": self.verdict,
            "reasons": self.reasons,
            "changes": self.changes,
            "level": self.level,
            "timestamp_time": self.timestamp_time,
            "verdict_label": self.verdict_label,
        }


@dataclass(frozen=True)
class VerificationReport:
    """The result of verifying one file; ``verdict`` is the worst signature's."""

    file: str | None
    verdict: str
    signatures: list[SignatureReport] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    @property
    def verdict_label(self) -> str:
        return verdict_label(self.verdict)

    def to_json(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "file": self.file,
            "verdict": self.verdict,
            "signatures": [s.to_json() for s in self.signatures],
        }
        if self.reasons:
            payload["reasons"] = self.reasons
        payload["verdict_label"] = self.verdict_label
        return payload


def worst(verdicts: list[str]) -> str:
    return max(verdicts, key=lambda v: _SEVERITY[v]) if verdicts else INVALID


# --- verification ----------------------------------------------------------------------------------


def verify_pdf(
    data: bytes,
    extra_trust: list[Path] | None = None,
    home: Home | None = None,
    *,
    file: str | None = None,
    trust: TrustStore | None = None,
) -> VerificationReport:
    """Verify every signature of ``data``. Never raises for bad input: that is a verdict too."""
    store = trust if trust is not None else TrustStore.load(home, extra=list(extra_trust or []))
    if not data.lstrip()[:5].startswith(b"%PDF"):
        return VerificationReport(file, UNREADABLE, reasons=[_R_NOT_PDF()])
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_regular_signatures)
        doc_timestamps = list(reader.embedded_timestamp_signatures)
    except (PdfError, ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        return VerificationReport(file, UNREADABLE, reasons=[_R_UNREADABLE(str(exc)[:120])])
    if not signatures:
        return VerificationReport(file, INVALID, reasons=[_R_NO_SIGNATURE()])
    dss = _read_dss(reader)
    poe = run_sync(_document_timestamp_times(doc_timestamps, store, dss))
    reports = [run_sync(_verify_one(sig, store, dss, poe)) for sig in signatures]
    return VerificationReport(file, worst([r.verdict for r in reports]), reports)


def verify_file(path: Path, extra_trust: list[Path] | None = None, home: Home | None = None) -> VerificationReport:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return VerificationReport(str(path), UNREADABLE, reasons=[_R_UNREADABLE("I/O")])
    return verify_pdf(data, extra_trust, home, file=str(path))


@dataclass
class _Dss:
    certs: list[asn1_x509.Certificate] = field(default_factory=list)
    crls: list[asn1_crl.CertificateList] = field(default_factory=list)
    ocsps: list[asn1_ocsp.OCSPResponse] = field(default_factory=list)


def _read_dss(reader: PdfFileReader) -> _Dss:
    result = _Dss()
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except (NoDSSFoundError, PdfError, ValueError, KeyError):
        return result
    try:
        result.certs = list(dss.load_certs())
        for ref in dss.crls:
            result.crls.append(asn1_crl.CertificateList.load(ref.get_object().read_data(DecodePurpose.CRL)))
        for ref in dss.ocsps:
            result.ocsps.append(
                asn1_ocsp.OCSPResponse.load(ref.get_object().read_data(DecodePurpose.OCSP_RESPONSE))
            )
    except (PdfError, ValueError, KeyError):
        pass
    return result


def _cms_policy() -> CMSAlgorithmUsagePolicy:
    # The document signature itself never accepts SHA-1, whatever the chain.
    return CMSAlgorithmUsagePolicy.lift_policy(DisallowWeakAlgorithmsPolicy())


def _context(store: TrustStore, dss: _Dss, *, sha1_family: bool, moment: datetime | None = None,
             embedded: list[asn1_x509.Certificate] | None = None) -> ValidationContext:
    extra = list(dss.certs) + list(embedded or [])
    return store.validation_context(
        moment=moment, sha1_family=sha1_family, revocation_mode="hard-fail",
        other_certs=extra, crls=dss.crls, ocsps=dss.ocsps, start=extra,
    )


async def _document_timestamp_times(
    doc_timestamps: list[Any], store: TrustStore, dss: _Dss
) -> list[tuple[int, datetime]]:
    """(signed revision, time) of every trusted document timestamp: proofs of existence."""
    found = []
    for ts in doc_timestamps:
        try:
            status = await pdf_embedded.async_validate_pdf_timestamp(
                ts, validation_context=_context(store, dss, sha1_family=False,
                                                embedded=[ts.signer_cert, *ts.other_embedded_certs])
            )
        except (SignatureValidationError, ValueError, PdfError):
            continue
        if status.intact and status.valid and status.trusted:
            found.append((ts.signed_revision, status.timestamp))
    return found


async def _validate(sig: Any, store: TrustStore, dss: _Dss, moment: datetime | None) -> tuple[PdfSignatureStatus, bool]:
    embedded = [sig.signer_cert, *sig.other_embedded_certs]
    tsa_certs = _timestamp_token_certs(sig)
    status = await pdf_embedded.async_validate_pdf_signature(
        sig,
        signer_validation_context=_context(store, dss, sha1_family=False, moment=moment, embedded=embedded),
        ts_validation_context=_context(store, dss, sha1_family=False, embedded=embedded + tsa_certs),
        key_usage_settings=SIGNING_KEY_USAGE,
        algorithm_policy=_cms_policy(),
    )
    retry = status.trust_problem_indic in (
        AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND,
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
    )
    if retry and store.has_sha1_family() and status.intact and status.valid:
        # SHA-1 in certificate signatures only on chains that end at a flagged anchor (VGCA G1)
        second = await pdf_embedded.async_validate_pdf_signature(
            sig,
            signer_validation_context=_context(store, dss, sha1_family=True, moment=moment, embedded=embedded),
            ts_validation_context=_context(store, dss, sha1_family=False, embedded=embedded + tsa_certs),
            key_usage_settings=SIGNING_KEY_USAGE,
            algorithm_policy=_cms_policy(),
        )
        if second.trust_problem_indic is None or second.validation_path is not None:
            return second, True
    return status, False


def _timestamp_token_certs(sig: Any) -> list[asn1_x509.Certificate]:
    """Certificates inside the signature's timestamp token (the TSA may chain to another root)."""
    found: list[asn1_x509.Certificate] = []
    try:
        for attr in sig.signer_info["unsigned_attrs"] or []:
            if attr["type"].native != "signature_time_stamp_token":
                continue
            for token in attr["values"]:
                for choice in token["content"]["certificates"] or []:
                    if isinstance(choice.chosen, asn1_x509.Certificate):
                        found.append(choice.chosen)
    except (KeyError, ValueError, TypeError):
        return found
    return found


async def _verify_one(sig: Any, store: TrustStore, dss: _Dss, poe: list[tuple[int, datetime]]) -> SignatureReport:
    field_name = str(sig.field_name or "")
    reasons: list[str] = []
    try:
        signer_cert = certs.from_asn1(sig.signer_cert)
    except (ValueError, KeyError, TypeError):
        signer_cert = None
    try:
        status, _sha1 = await _validate(sig, store, dss, None)
    except (SignatureValidationError, ValueError, PdfError, KeyError, TypeError) as exc:
        return SignatureReport(
            field=field_name, signer=certs.common_name(signer_cert) if signer_cert else None,
            organisation=certs.organisation(signer_cert) if signer_cert else None, signing_time=None,
            timestamped=False, integrity="broken", modification="illegal", chain=[], trust_anchor=None,
            revocation="unknown", verdict=INVALID, reasons=[_R_STRUCTURE(str(exc)[:160])],
        )

    ts_status = status.timestamp_validity
    timestamped = bool(ts_status and ts_status.intact and ts_status.valid and ts_status.trusted)
    signing_moment: datetime | None = ts_status.timestamp if timestamped and ts_status else status.signer_reported_dt
    # a later document timestamp (B-LTA upgrade of an offline signature) also proves existence
    later_poe = [t for rev, t in poe if rev >= sig.signed_revision]
    proof_time = ts_status.timestamp if timestamped and ts_status else (min(later_poe) if later_poe else None)
    timestamped = proof_time is not None

    expired_now = status.trust_problem_indic == AdESIndeterminate.OUT_OF_BOUNDS_NO_POE
    if expired_now and proof_time is not None and status.intact and status.valid:
        # the certificate has expired since, but a timestamp proves the signature is older
        status, _sha1 = await _validate(sig, store, dss, proof_time)
        expired_now = status.trust_problem_indic == AdESIndeterminate.OUT_OF_BOUNDS_NO_POE

    verdicts = [VALID]
    integrity = "intact" if status.intact and status.valid else "broken"
    if not status.intact:
        verdicts.append(INVALID)
        reasons.append(_R_DIGEST())
    elif not status.valid:
        verdicts.append(INVALID)
        reasons.append(_R_SIGNATURE())
    if ts_status is not None and not (ts_status.intact and ts_status.valid):
        verdicts.append(INVALID)
        reasons.append(_R_TS_INVALID())

    if _hidden_bytes_in_contents(sig):
        verdicts.append(INVALID)
        reasons.append(_R_HIDDEN_DATA())

    modification, changes = _modification(status, sig)
    if modification == "illegal":
        verdicts.append(INVALID)
        reasons.append(_R_MODIFIED_AFTER_SIGNING("; ".join(changes)) if changes else _R_ILLEGAL_MOD())
    elif modification == "allowed":
        reasons.append(_R_ALLOWED_MOD())

    if signer_cert is not None and not certs.has_signing_key_usage(signer_cert):
        verdicts.append(INVALID)
        reasons.append(_R_KEY_USAGE())

    revocation = "unknown"
    indic = status.trust_problem_indic
    if status.revocation_details is not None:
        revocation = "revoked"
        verdicts.append(INVALID)
        reasons.append(_R_REVOKED(certs.format_vn(status.revocation_details.revocation_date)))
    elif indic is None and status.validation_path is not None:
        path_certs = [c for c in status.validation_path.iter_certs(include_root=False)]
        named = any(certs.names_revocation_source(certs.from_asn1(c)) for c in path_certs)
        revocation = "good" if named else "unknown"
        if not named:
            reasons.append(_R_NO_REVOCATION_SOURCE())
    elif indic in (AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND,):
        verdicts.append(INDETERMINATE)
        reasons.append(_R_NO_CHAIN())
    elif expired_now:
        verdicts.append(INDETERMINATE)
        when = signer_cert.not_valid_after_utc if signer_cert else None
        reasons.append(_R_EXPIRED(certs.format_date_vn(when) if when else "?"))
    elif indic in (AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
                   AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE):
        verdicts.append(INDETERMINATE)
        reasons.append(_R_WEAK_ALGORITHM())
    elif indic == AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE:
        if signer_cert is not None and certs.has_signing_key_usage(signer_cert):
            verdicts.append(INDETERMINATE)
            reasons.append(_R_CHAIN_CONSTRAINTS())
    elif indic is not None:
        verdicts.append(INDETERMINATE)
        if _revocation_named(status, signer_cert):
            reasons.append(_R_REVOCATION_UNAVAILABLE())
        else:
            reasons.append(_R_CHAIN_GENERAL(getattr(indic, "name", str(indic))))

    anchor_report, chain = _chain(status, store)
    if anchor_report is not None and anchor_report.status == STATUS_CANDIDATE:
        reasons.append(_R_CANDIDATE(anchor_report.subject))

    level = "B-T" if ts_status is not None else "B-B"
    if dss.crls or dss.ocsps:
        level = "B-LT"
    if poe and level == "B-LT":
        level = "B-LTA"
    return SignatureReport(
        field=field_name,
        signer=certs.common_name(signer_cert) if signer_cert else None,
        organisation=certs.organisation(signer_cert) if signer_cert else None,
        signing_time=certs.iso_vn(signing_moment) if signing_moment else None,
        timestamped=timestamped,
        timestamp_time=certs.iso_vn(proof_time) if proof_time else None,
        integrity=integrity,
        modification=modification,
        chain=chain,
        trust_anchor=anchor_report,
        revocation=revocation,
        verdict=worst(verdicts),
        reasons=reasons,
        level=level,
        signer_sha256=certs.sha256_hex(signer_cert) if signer_cert else None,
        certificate_not_after=certs.iso_vn(signer_cert.not_valid_after_utc) if signer_cert else None,
        changes=changes,
    )


def _modification(status: PdfSignatureStatus, sig: Any) -> tuple[str, list[str]]:
    """(none|allowed|illegal, the changes listed). Any change of what a page shows is illegal, whatever
    the document's own policy allows (pyHanko counts form filling as permitted)."""
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return "none", []
    if status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        return "illegal", [_R_NOT_A_REVISION()]
    report = analyse_changes(sig.reader, sig.signed_revision)
    if report.altering:
        return "illegal", report.altering
    level = status.modification_level
    if _only_signatures_added_under_field_lock(status, sig, report.allowed):
        return "allowed", report.allowed
    if level is None or level == ModificationLevel.OTHER or status.docmdp_ok is False:
        return "illegal", [_R_LOCK_VIOLATED()]
    if level == ModificationLevel.NONE and not report.allowed:
        return "none", []
    return "allowed", report.allowed


def _only_signatures_added_under_field_lock(status: PdfSignatureStatus, sig: Any, allowed: list[str]) -> bool:
    """pyHanko refuses ANY visible signature added after a FieldMDP lock (it cannot tell a new signature
    widget from a change of a locked field on the same page). When our own comparison found nothing
    changed on any page except signatures added, and the document is not certified, that is allowed:
    the locked fields' values and appearances were compared and are unchanged."""
    diff = status.diff_result
    return (
        isinstance(diff, SuspiciousModification) and "is locked" in str(diff) and bool(allowed)
        and sig.docmdp_level is None
    )


def _hidden_bytes_in_contents(sig: Any) -> bool:
    """Non-zero bytes after the CMS structure in /Contents: nothing legitimate puts data there, and the
    bytes are outside what the signature covers (a hiding place for smuggled data)."""
    try:
        raw = bytes(sig.sig_object.raw_get("/Contents"))
        parsed = asn1_parser.parse(raw)
    except (KeyError, ValueError, TypeError, AttributeError):
        return False
    used = len(parsed[3]) + len(parsed[4]) + len(parsed[5])
    return bool(raw[used:].strip(b"\x00"))


def _revocation_named(status: PdfSignatureStatus, signer_cert: x509.Certificate | None) -> bool:
    if status.validation_path is not None:
        for cert in status.validation_path.iter_certs(include_root=False):
            if certs.names_revocation_source(certs.from_asn1(cert)):
                return True
    return signer_cert is not None and certs.names_revocation_source(signer_cert)


def _chain(status: PdfSignatureStatus, store: TrustStore) -> tuple[AnchorReport | None, list[str]]:
    path = status.validation_path
    if path is None:
        subject = certs.subject_text(certs.from_asn1(status.signing_cert)) if status.signing_cert else None
        return None, [subject] if subject else []
    chain = [certs.subject_text(certs.from_asn1(cert)) for cert in path.iter_certs(include_root=True)]
    chain.reverse()  # signer first, anchor last
    first = path.first
    anchor: TrustAnchor | None = store.anchor_for_certificate(first) if first is not None else None
    if anchor is None:
        return None, chain
    return AnchorReport(anchor.subject, anchor.sha256, anchor.status), chain


# --- reasons (Vietnamese source texts, translated by officer_desk.i18n) ------------------------------


def _R_NOT_PDF() -> str:
    return _("T\u1ec7p kh\u00f4ng ph\u1ea3i t\u00e0i li\u1ec7u PDF.")


def _R_UNREADABLE(detail: str) -> str:
    return _("Kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c t\u1ec7p PDF ({detail}).", detail=detail)


def _R_NO_SIGNATURE() -> str:
    return _("T\u00e0i li\u1ec7u kh\u00f4ng c\u00f3 ch\u1eef k\u00fd s\u1ed1 n\u00e0o.")


def _R_STRUCTURE(detail: str) -> str:
    return _("Ch\u1eef k\u00fd s\u1ed1 h\u1ecfng c\u1ea5u tr\u00fac, kh\u00f4ng ki\u1ec3m tra \u0111\u01b0\u1ee3c "
             "({detail}).", detail=detail)


def _R_DIGEST() -> str:
    return _("N\u1ed9i dung t\u00e0i li\u1ec7u \u0111\u00e3 b\u1ecb thay \u0111\u1ed5i sau khi k\u00fd (m\u00e3 "
             "b\u0103m kh\u00f4ng kh\u1edbp).")


def _R_SIGNATURE() -> str:
    return _("Ch\u1eef k\u00fd s\u1ed1 kh\u00f4ng kh\u1edbp v\u1edbi ch\u1ee9ng th\u01b0 c\u1ee7a ng\u01b0\u1eddi "
             "k\u00fd.")


def _R_TS_INVALID() -> str:
    return _("D\u1ea5u th\u1eddi gian k\u00e8m ch\u1eef k\u00fd kh\u00f4ng h\u1ee3p l\u1ec7.")


def _R_ILLEGAL_MOD() -> str:
    return _("T\u00e0i li\u1ec7u \u0111\u00e3 b\u1ecb s\u1eeda sau khi k\u00fd theo c\u00e1ch kh\u00f4ng "
             "\u0111\u01b0\u1ee3c ph\u00e9p "
             "(v\u00ed d\u1ee5 th\u00eam trang, s\u1eeda n\u1ed9i dung).")


def _R_MODIFIED_AFTER_SIGNING(changes: str) -> str:
    return _("T\u00e0i li\u1ec7u \u0111\u00e3 b\u1ecb s\u1eeda sau khi "
             "k\u00fd, kh\u00e1c v\u1edbi n\u1ed9i dung \u0111\u00e3 "
             "k\u00fd: {changes}.", changes=changes)


def _R_HIDDEN_DATA() -> str:
    return _("V\u00f9ng ch\u1ee9a ch\u1eef k\u00fd c\u00f3 d\u1eef "
             "li\u1ec7u l\u1ea1 n\u1eb1m ngo\u00e0i ph\u1ea7n "
             "\u0111\u01b0\u1ee3c k\u00fd.")


def _R_NOT_A_REVISION() -> str:
    return _("Ph\u1ea7n \u0111\u01b0\u1ee3c k\u00fd kh\u00f4ng tr\u00f9ng "
             "v\u1edbi m\u1ed9t phi\u00ean b\u1ea3n tr\u1ecdn v\u1eb9n "
             "c\u1ee7a t\u1ec7p (ByteRange b\u1ea5t th\u01b0\u1eddng).")


def _R_LOCK_VIOLATED() -> str:
    return _("C\u00f3 thay \u0111\u1ed5i sau khi k\u00fd m\u00e0 kh\u00f3a "
             "c\u1ee7a ch\u1eef k\u00fd (DocMDP/FieldMDP) kh\u00f4ng cho "
             "ph\u00e9p.")


def _R_ALLOWED_MOD() -> str:
    return _("Sau khi k\u00fd ch\u1ec9 c\u00f3 thay \u0111\u1ed5i \u0111\u01b0\u1ee3c ph\u00e9p (\u0111i\u1ec1n "
             "bi\u1ec3u m\u1eabu, th\u00eam "
             "ch\u1eef k\u00fd, d\u1eef li\u1ec7u ki\u1ec3m tra d\u00e0i h\u1ea1n).")


def _R_KEY_USAGE() -> str:
    return _("Ch\u1ee9ng th\u01b0 s\u1ed1 kh\u00f4ng \u0111\u01b0\u1ee3c ph\u00e9p d\u00f9ng \u0111\u1ec3 k\u00fd "
             "(Key Usage thi\u1ebfu Digital "
             "Signature / Non-Repudiation).")


def _R_REVOKED(when: str) -> str:
    return _("Ch\u1ee9ng th\u01b0 s\u1ed1 \u0111\u00e3 b\u1ecb thu h\u1ed3i l\u00fac {when}.", when=when)


def _R_NO_CHAIN() -> str:
    return _("Kh\u00f4ng t\u00ecm \u0111\u01b0\u1ee3c chu\u1ed7i ch\u1ee9ng th\u01b0 t\u1edbi m\u1ed9t g\u1ed1c tin "
             "c\u1eady; c\u1ea7n th\u00eam ch\u1ee9ng th\u01b0 g\u1ed1c c\u1ee7a nh\u00e0 cung c\u1ea5p v\u00e0o kho "
             "tin c\u1eady.")


def _R_EXPIRED(date: str) -> str:
    return _("Ch\u1ee9ng th\u01b0 s\u1ed1 \u0111\u00e3 h\u1ebft h\u1ea1n ng\u00e0y {date} v\u00e0 kh\u00f4ng c\u00f3 "
             "d\u1ea5u th\u1eddi gian "
             "ch\u1ee9ng minh ch\u1eef k\u00fd c\u00f3 tr\u01b0\u1edbc \u0111\u00f3.", date=date)


def _R_WEAK_ALGORITHM() -> str:
    return _("Chu\u1ed7i ch\u1ee9ng th\u01b0 d\u00f9ng thu\u1eadt to\u00e1n y\u1ebfu (SHA-1) ngo\u00e0i ph\u1ea1m vi "
             "\u0111\u01b0\u1ee3c "
             "ch\u1ea5p nh\u1eadn.")


def _R_CHAIN_CONSTRAINTS() -> str:
    return _("Chu\u1ed7i ch\u1ee9ng th\u01b0 vi ph\u1ea1m r\u00e0ng bu\u1ed9c c\u1ee7a CA (gi\u1edbi h\u1ea1n "
             "\u0111\u1ed9 d\u00e0i, "
             "ch\u00ednh s\u00e1ch).")


def _R_REVOCATION_UNAVAILABLE() -> str:
    return _("Ch\u1ee9ng th\u01b0 n\u00eau ngu\u1ed3n thu h\u1ed3i (CRL/OCSP) nh\u01b0ng kh\u00f4ng c\u00f3 d\u1eef "
             "li\u1ec7u thu h\u1ed3i "
             "khi ngo\u1ea1i tuy\u1ebfn; nh\u1eadp CRL b\u1eb1ng 'officer-desk trust crl-import'.")


def _R_CHAIN_GENERAL(code: str) -> str:
    return _("Kh\u00f4ng ki\u1ec3m tra \u0111\u01b0\u1ee3c chu\u1ed7i ch\u1ee9ng th\u01b0 ({code}).", code=code)


def _R_NO_REVOCATION_SOURCE() -> str:
    return _("Ch\u1ee9ng th\u01b0 kh\u00f4ng n\u00eau ngu\u1ed3n thu h\u1ed3i n\u00e0o; kh\u00f4ng c\u00f3 g\u00ec "
             "\u0111\u1ec3 ki\u1ec3m tra thu h\u1ed3i.")


def _R_CANDIDATE(subject: str) -> str:
    return _("G\u1ed1c tin c\u1eady {subject} ch\u01b0a \u0111\u1ed1i chi\u1ebfu v\u1edbi c\u00f4ng b\u1ed1 "
             "ch\u00ednh th\u1ee9c.",
             subject=subject)
