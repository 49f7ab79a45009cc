"""PAdES signing with pyHanko, in-process: B-B always, B-T when the timestamp server answers.

:class:`PdfSigner` is built once per signing session from a loaded :class:`~keystore.Signer`: it runs
the pre-sign certificate check, keeps the key, reserves the signature size once and subsets the
stamp font once, so each document costs one parse, one digest and one private-key operation.
"""

from __future__ import annotations

import asyncio
import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives import hashes
from pyhanko.pdf_utils import generic as pyhanko_generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields as pyhanko_fields
from pyhanko.sign import signers as pyhanko_signers
from pyhanko.sign.fields import MDPPerm
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError

from officer_desk.errors import DeskError, UsageError
from officer_desk.fileio import read_secret_file, write_bytes_atomic
from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.progress import Progress
from officer_desk.signing import certs
from officer_desk.signing.demo_ca import demo_mode_enabled
from officer_desk.signing.errors import PdfReadError, SigningError
from officer_desk.signing.keystore import (
    PinPort,
    Signer,
    StaticPinPort,
    TerminalPinPort,
    load_pkcs12_file,
    token_failure,
)
from officer_desk.signing.speedups import install as _install_speedups
from officer_desk.signing.stamp import DeskStampStyle, SealImage, StampSpec, stamp_label_text, stamp_lines
from officer_desk.signing.trust import (
    CertificateCheck,
    TrustStore,
    check_certificate_for_signing,
    check_validity_now,
)

if TYPE_CHECKING:  # fontTools loads only when a visible stamp is drawn (invisible signing skips it)
    from officer_desk.signing.fonts import StampFont

__all__ = ["PdfSigner", "StampSpec", "Progress", "SignJob", "BatchResult", "load_desk_signer",
           "default_visible_placement", "LOCK_CERTIFY", "LOCK_FIELDS", "LOCK_AUTO"]

_install_speedups()

# The full chain check is repeated at least this often during a long session.
RECHECK_EVERY = timedelta(hours=1)
DIGEST = "sha256"
BOTTOM_RIGHT = (200.0, 70.0)  # stamp size (width, height) used on foreign PDFs

LOCK_CERTIFY = "certify"
"""Certification signature with DocMDP "no changes" (receipts and notices): nothing may change later,
except validation data and document timestamps (long-term upgrade)."""
LOCK_FIELDS = "fields"
"""Approval signature locking every form field of the document (FieldMDP); further signatures allowed."""
LOCK_AUTO = "auto"
""":data:`LOCK_FIELDS` when the document has form fields, else a plain approval signature."""


@dataclass(frozen=True)
class SignJob:
    """One document of a batch: input and output paths, and how to sign it."""

    source: Path
    target: Path
    field_name: str | None = None
    visible: StampSpec | None = None
    reason: str | None = None


@dataclass
class BatchResult:
    signed: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    cancelled: bool = False
    queued_for_timestamp: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class SignOutcome:
    """What the last :meth:`PdfSigner.sign` produced (level B-B or B-T)."""

    level: str
    signing_time: datetime
    field_name: str


class PdfSigner:
    """Signs PDFs for one signing session with one key.

    ``timestamp_url``: a TSA (RFC 3161 over HTTP); when it answers, signatures are B-T, otherwise
    B-B and :attr:`last_outcome` says so (callers queue the file with :mod:`upgrade`).
    """

    def __init__(
        self,
        signer: Signer,
        *,
        trust: TrustStore | None = None,
        home: Home | None = None,
        timestamp_url: str | None = None,
        timestamper: TimeStamper | None = None,
        now: datetime | None = None,
        clock_guard: Callable[[], None] | None = None,
    ) -> None:
        self.signer = signer
        # the foundation's PC-clock check (newest stored event), when the caller has a database
        self.clock_guard = clock_guard
        if clock_guard is not None:
            clock_guard()
        self.home = home
        self.trust = trust if trust is not None else TrustStore.load(home)
        self.check: CertificateCheck = check_certificate_for_signing(signer.cert, signer.chain, self.trust, now)
        self._checked_at = certs.now_utc()
        self._pyhanko_signer = signer.pyhanko_signer
        self._font: StampFont | None = None
        self._seals: dict[Path, SealImage] = {}
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self.timestamper = timestamper or (HTTPTimeStamper(timestamp_url, timeout=5) if timestamp_url else None)
        self.timestamp_available = self.timestamper is not None
        self._reserved_bb = self._estimate(None)
        self._reserved_bt = self._estimate(self.timestamper) if self.timestamper is not None else None
        self.last_outcome: SignOutcome | None = None
        self.revocation_cached = self._revocation_cached()

    # --- session-wide preparation ----------------------------------------------------------------

    def _run(self, coro):  # type: ignore[no-untyped-def]
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            if self._loop is None or self._loop.is_closed():
                self._loop = asyncio.new_event_loop()
            return self._loop.run_until_complete(coro)
        from officer_desk.signing.trust import run_sync

        return run_sync(coro)

    def _estimate(self, timestamper: TimeStamper | None) -> int:
        """Bytes to reserve for the CMS container, measured once with a dry-run signature."""
        digest = hashes.Hash(hashes.SHA256()).finalize()
        attrs = PdfCMSSignedAttributes(signing_time=certs.now_utc())
        try:
            cms = self._run(self._pyhanko_signer.async_sign(
                digest, DIGEST, use_pades=True, dry_run=True, timestamper=timestamper,
                signed_attr_settings=attrs,
            ))
        except (TimestampRequestError, OSError, Exception) as exc:  # noqa: BLE001 - TSA down: B-B only
            if timestamper is None:
                raise SigningError(
                    _("Kh\u00f4ng t\u1ea1o \u0111\u01b0\u1ee3c ch\u1eef k\u00fd th\u1eed v\u1edbi kh\u00f3a n\u00e0y "
                      "({detail}).",
                      detail=type(exc).__name__)
                ) from exc
            self.timestamp_available = False
            return self._reserved_bb
        size = len(cms.dump()) * 2
        # 25 % margin for varying timestamp tokens, rounded to an even number of hex digits
        return (size + size // 4 + 64) & ~1

    def _revocation_cached(self) -> bool:
        """Whether the cache holds a CRL for every certificate of the chain that names a source.

        Then each signature carries its validation data (DSS): B-LT with a timestamp.
        """
        from cryptography import x509 as crypto_x509

        needed = []
        for cert in self.check.path.iter_certs(include_root=False):
            plain = certs.from_asn1(cert)
            if certs.names_revocation_source(plain):
                needed.append(plain.issuer)
        if not needed or not self.trust.crls:
            return False
        issuers = set()
        for data in self.trust.crls:
            try:
                issuers.add(crypto_x509.load_der_x509_crl(data).issuer)
            except ValueError:
                continue
        return all(issuer in issuers for issuer in needed)

    def _add_validation_data(self, data: bytes) -> bytes:
        from pyhanko.pdf_utils.reader import PdfFileReader
        from pyhanko.sign.validation.dss import async_add_validation_info

        reader = PdfFileReader(io.BytesIO(data))
        sig = reader.embedded_regular_signatures[-1]
        context = self.trust.validation_context(
            revocation_mode="soft-fail", other_certs=sig.other_embedded_certs,
            start=[sig.signer_cert, *sig.other_embedded_certs],
        )
        out = self._run(async_add_validation_info(sig, context, output=io.BytesIO()))
        return out.getvalue()

    @property
    def font(self) -> StampFont:
        if self._font is None:
            from officer_desk.signing.fonts import StampFont  # fontTools: only for a visible stamp

            extra = self.signer.common_name + (self.signer.organisation or "") + stamp_label_text()
            self._font = StampFont.shared(extra)
        return self._font

    def _seal(self, path: Path | None) -> SealImage | None:
        if path is None:
            return None
        key = Path(path).resolve()
        seal = self._seals.get(key)
        if seal is None:
            try:
                seal = self._seals[key] = SealImage(key)
            except (OSError, ValueError) as exc:
                raise SigningError(
                    _("Kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c \u1ea3nh con d\u1ea5u {path}.", path=str(path))
                ) from exc
        return seal

    def _recheck(self, now: datetime) -> None:
        check_validity_now(self.signer.cert, now)
        if now - self._checked_at > RECHECK_EVERY:
            if self.clock_guard is not None:
                self.clock_guard()
            self.check = check_certificate_for_signing(self.signer.cert, self.signer.chain, self.trust, now)
            self._checked_at = now

    # --- signing -----------------------------------------------------------------------------------

    def sign(
        self,
        pdf: bytes,
        *,
        field_name: str | None = None,
        visible: StampSpec | None = None,
        reason: str | None = None,
        lock: str = LOCK_AUTO,
    ) -> bytes:
        """Sign ``pdf`` and return the signed bytes (an incremental update of the input).

        ``lock`` says what the signature forbids afterwards (:data:`LOCK_CERTIFY`, :data:`LOCK_FIELDS`,
        :data:`LOCK_AUTO`): a signed value that a later revision could change unnoticed is worthless.
        """
        with self._lock:
            now = certs.now_utc()
            self._recheck(now)
            level = "B-B"
            if self.timestamper is not None and self.timestamp_available:
                try:
                    data = self._sign_once(pdf, field_name, visible, reason, now, self.timestamper, lock)
                    level = "B-T"
                except _TimestampUnavailable:
                    data = self._sign_once(pdf, field_name, visible, reason, now, None, lock)
            else:
                data = self._sign_once(pdf, field_name, visible, reason, now, None, lock)
            if self.revocation_cached:
                data = self._add_validation_data(data)
                level = "B-LT" if level == "B-T" else level + "+LT"
            self.last_outcome = SignOutcome(level=level, signing_time=now,
                                            field_name=self._last_field or "")
            return data

    _last_field: str | None = None

    def _sign_once(
        self, pdf: bytes, field_name: str | None, visible: StampSpec | None, reason: str | None,
        now: datetime, timestamper: TimeStamper | None, lock: str = LOCK_AUTO,
    ) -> bytes:
        writer = _open_writer(pdf)
        certify = lock == LOCK_CERTIFY and not _has_signatures(writer)
        locked_fields = [] if certify else _form_field_names(writer)
        field_lock = (pyhanko_fields.FieldMDPSpec(pyhanko_fields.FieldMDPAction.INCLUDE, locked_fields)
                      if locked_fields and lock in (LOCK_FIELDS, LOCK_AUTO, LOCK_CERTIFY) else None)
        existing = _existing_field(writer, field_name)
        if existing is None and field_name is None:
            field_name = _fresh_field_name(writer)
        assert field_name is not None or existing is not None
        name = existing or field_name
        assert name is not None
        self._last_field = name
        new_field_spec = None
        if existing is None:
            if visible is not None:
                _check_page(writer, visible.page)
                new_field_spec = pyhanko_fields.SigFieldSpec(
                    sig_field_name=name, on_page=visible.page, box=tuple(visible.box),  # type: ignore[arg-type]
                    field_mdp_spec=field_lock,
                )
            else:
                new_field_spec = pyhanko_fields.SigFieldSpec(sig_field_name=name, field_mdp_spec=field_lock)
        elif field_lock is not None:
            _lock_existing_field(writer, name, field_lock)
        style = None
        if visible is not None:
            lines = stamp_lines(visible, now)
            style = DeskStampStyle(font=self.font, lines=tuple(lines), seal=self._seal(visible.seal_image),
                                   border_width=0)
        meta = pyhanko_signers.PdfSignatureMetadata(
            field_name=name,
            md_algorithm=DIGEST,
            subfilter=pyhanko_fields.SigSeedSubFilter.PADES,
            reason=reason,
            name=self.signer.common_name,
            certify=certify,
            docmdp_permissions=MDPPerm.NO_CHANGES if certify else MDPPerm.FILL_FORMS,
        )
        pdf_signer = pyhanko_signers.PdfSigner(
            meta, self._pyhanko_signer, timestamper=timestamper, stamp_style=style,
            new_field_spec=new_field_spec,
        )
        reserved = self._reserved_bt if timestamper is not None and self._reserved_bt else self._reserved_bb
        try:
            return self._run(_sign_async(pdf_signer, writer, now, reserved))
        except TimestampRequestError as exc:
            raise _TimestampUnavailable() from exc
        except OSError as exc:
            if timestamper is not None:
                raise _TimestampUnavailable() from exc
            raise
        except PyHankoSigningError as exc:
            token = token_failure(exc)
            if token is not None:  # the token was pulled out, or refused, while signing
                raise token from exc
            if timestamper is not None and "timestamp" in str(exc).lower():
                raise _TimestampUnavailable() from exc
            raise SigningError(
                _("Kh\u00f4ng k\u00fd \u0111\u01b0\u1ee3c t\u00e0i li\u1ec7u ({detail}).", detail=str(exc)[:200])
            ) from exc
        except Exception as exc:
            token = token_failure(exc)
            if token is None:
                raise
            raise token from exc

    def sign_file(self, source: Path, target: Path, **options: object) -> SignOutcome:
        """Sign ``source`` into ``target`` (written atomically: on failure it does not exist)."""
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise PdfReadError(_("Kh\u00f4ng \u0111\u1ecdc "
                                 "\u0111\u01b0\u1ee3c t\u1ec7p {path}.", path=str(source))) from exc
        signed = self.sign(data, **options)  # type: ignore[arg-type]
        write_bytes_atomic(Path(target), signed)
        assert self.last_outcome is not None
        return self.last_outcome

    def sign_batch(self, jobs: Sequence[SignJob], progress: Progress | None = None,
                   home: Home | None = None) -> BatchResult:
        """Sign many files with progress and cancel; one failure does not stop the others.

        Files signed B-B while a timestamp server is configured are queued for upgrade in ``home``.
        """
        result = BatchResult()
        total = len(jobs)
        for index, job in enumerate(jobs):
            if progress is not None and progress.cancelled():
                result.cancelled = True
                break
            if progress is not None:
                progress.report(index, total, job.source.name)
            try:
                outcome = self.sign_file(job.source, job.target, field_name=job.field_name,
                                         visible=job.visible, reason=job.reason)
                result.signed.append(job.target)
                if self.timestamper is not None and outcome.level == "B-B" and home is not None:
                    from officer_desk.signing.upgrade import UpgradeQueue

                    UpgradeQueue(home).add(job.target)
                    result.queued_for_timestamp.append(job.target)
            except DeskError as exc:
                result.failed.append((job.source, exc.message))
        if progress is not None:
            progress.report(len(result.signed) + len(result.failed), total, "")
        return result

    def close(self) -> None:
        if self._loop is not None and not self._loop.is_closed():
            self._loop.close()
        self.signer.close()

    def __enter__(self) -> PdfSigner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _TimestampUnavailable(Exception):
    """The TSA did not answer: sign B-B instead."""


async def _sign_async(pdf_signer: pyhanko_signers.PdfSigner, writer: IncrementalPdfFileWriter,
                      now: datetime, reserved: int) -> bytes:
    # pyHanko's sign_pdf, step by step: the session time is ours (the stamp shows the same
    # instant as /M), the size is reserved once per session instead of by a dry run per document.
    session = pdf_signer.init_signing_session(writer, existing_fields_only=False)
    session.system_time = certs.to_vn(now)
    tbs = session.prepare_tbs_document(validation_info=None, bytes_reserved=reserved)
    output = io.BytesIO()
    prepared, res_output = tbs.digest_tbs_document(output=output)
    post = await tbs.perform_signature(
        document_digest=prepared.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(
            signing_time=session.system_time,
            cades_signed_attrs=pdf_signer.signature_meta.cades_signed_attr_spec,
        ),
    )
    await post.post_signature_processing(res_output)
    return output.getvalue()


def _open_writer(pdf: bytes) -> IncrementalPdfFileWriter:
    if not pdf.lstrip()[:5].startswith(b"%PDF"):
        raise PdfReadError(_("T\u1ec7p kh\u00f4ng ph\u1ea3i PDF."))
    try:
        return IncrementalPdfFileWriter(io.BytesIO(pdf))
    except (PdfError, ValueError, KeyError, IndexError, TypeError):
        pass
    try:
        return IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise PdfReadError(_("T\u1ec7p PDF h\u1ecfng, kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c ({detail}).",
                             detail=str(exc)[:120])) from exc


def _existing_field(writer: IncrementalPdfFileWriter, field_name: str | None) -> str | None:
    if field_name is None:
        return None
    for name, value, _ref in pyhanko_fields.enumerate_sig_fields(writer, with_name=field_name):
        if value is not None:
            raise SigningError(
                _("Tr\u01b0\u1eddng ch\u1eef k\u00fd {name} \u0111\u00e3 \u0111\u01b0\u1ee3c k\u00fd; ch\u1ecdn "
                  "tr\u01b0\u1eddng kh\u00e1c.",
                  name=field_name),
                code="field_signed",
            )
        return str(name)
    return None


def _has_signatures(writer: IncrementalPdfFileWriter) -> bool:
    return any(value is not None for _n, value, _r in pyhanko_fields.enumerate_sig_fields(writer))


def _form_field_names(writer: IncrementalPdfFileWriter) -> list[str]:
    """Fully qualified names of the document's terminal form fields other than signature fields."""
    try:
        acroform = writer.root.get("/AcroForm")
        top = acroform.get_object().get("/Fields") if acroform is not None else None
    except (PdfError, ValueError, KeyError, TypeError):
        return []
    names: list[str] = []
    seen: set[tuple[int, int]] = set()

    def walk(items: Any, prefix: str, inherited_type: Any) -> None:
        for ref in items or []:
            key = (getattr(ref, "idnum", -1), getattr(ref, "generation", 0))
            if key in seen or len(seen) > 10_000:  # a loop in the field tree, or an absurd form
                continue
            seen.add(key)
            item = ref.get_object()
            if not hasattr(item, "get"):
                continue
            title = item.get("/T")
            full = f"{prefix}.{title}" if prefix and title is not None else str(title or prefix)
            field_type = item.get("/FT", inherited_type)
            kids = item.get("/Kids")
            named_kids = [k for k in (kids or []) if hasattr(k.get_object(), "get") and "/T" in k.get_object()]
            if named_kids:
                walk(named_kids, full, field_type)
            elif title is not None and field_type != "/Sig":
                names.append(full)

    try:
        walk(top.get_object() if top is not None else [], "", None)
    except (PdfError, ValueError, KeyError, TypeError, AttributeError):
        return names
    return names


def _lock_existing_field(writer: IncrementalPdfFileWriter, name: str,
                         spec: pyhanko_fields.FieldMDPSpec) -> None:
    """Give an existing empty signature field a /Lock, so that signing it locks the form fields."""
    for _n, _value, ref in pyhanko_fields.enumerate_sig_fields(writer, with_name=name):
        field_dict = ref.get_object()
        if "/Lock" not in field_dict:
            field_dict[pyhanko_generic.NameObject("/Lock")] = writer.add_object(spec.as_sig_field_lock())
            writer.update_container(field_dict)
        return


def _fresh_field_name(writer: IncrementalPdfFileWriter) -> str:
    taken = {str(name) for name, _v, _r in pyhanko_fields.enumerate_sig_fields(writer)}
    index = 1
    while f"Signature{index}" in taken:
        index += 1
    return f"Signature{index}"


def _check_page(writer: IncrementalPdfFileWriter, page: int) -> None:
    count = int(writer.root["/Pages"]["/Count"])
    if not 0 <= page < count:
        raise UsageError(
            _("Trang {page} kh\u00f4ng c\u00f3 trong t\u00e0i li\u1ec7u ({count} trang).", page=page + 1, count=count)
        )


def default_visible_placement(
    pdf: bytes, signer_name: str, organisation: str, seal_image: Path | None = None
) -> tuple[str | None, StampSpec]:
    """``--visible`` on a PDF that is not ours: its first empty signature field, else the last
    page, bottom right."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    except (PdfError, ValueError) as exc:
        raise PdfReadError(_("T\u1ec7p PDF h\u1ecfng, kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c ({detail}).",
                             detail=str(exc)[:120])) from exc
    for name, value, ref in pyhanko_fields.enumerate_sig_fields(reader, filled_status=False):
        widget = ref.get_object()
        rect = widget.get("/Rect")
        if rect is not None and value is None:
            x1, y1, x2, y2 = (float(v) for v in rect)
            if abs(x2 - x1) > 1 and abs(y2 - y1) > 1:
                return str(name), StampSpec(page=0, box=(x1, y1, x2, y2), signer_name=signer_name,
                                            organisation=organisation, seal_image=seal_image)
    count = int(reader.root["/Pages"]["/Count"])
    page = reader.root["/Pages"]
    last = count - 1
    page_obj = reader.find_page_for_modification(last)[0].get_object()
    box: Any = page_obj.get("/CropBox") or _inherited(page_obj, "/MediaBox") or [0, 0, 595, 842]
    x1, y1, x2, y2 = (float(v) for v in box)
    width, height = BOTTOM_RIGHT
    margin = 24.0
    del page
    return None, StampSpec(
        page=last,
        box=(x2 - margin - width, y1 + margin, x2 - margin, y1 + margin + height),
        signer_name=signer_name, organisation=organisation, seal_image=seal_image,
    )


def _inherited(page: object, key: str) -> object:
    node = page
    while node is not None:
        value = node.get(key)  # type: ignore[attr-defined]
        if value is not None:
            return value
        parent = node.get("/Parent")  # type: ignore[attr-defined]
        node = parent.get_object() if parent is not None else None
    return None


def load_desk_signer(home: Home | None = None, p12_path: Path | None = None, pin: str | None = None,
                     *, pins: PinPort | None = None, timestamp_url: str | None = None) -> PdfSigner:
    """The desk's signing session: in demo mode the demo desk certificate, without any prompt."""
    home = home or Home()
    if p12_path is None:
        if not demo_mode_enabled(home):
            # Never suggest demo mode here: a real office must not sign citizens' papers with a demo key.
            raise UsageError(
                _("Ch\u01b0a c\u00f3 ch\u1ee9ng th\u01b0 s\u1ed1 \u0111\u1ec3 k\u00fd: h\u00e3y ch\u1ecdn "
                  "t\u1ec7p kh\u00f3a PKCS#12 ho\u1eb7c token c\u1ee7a c\u00e1n b\u1ed9."),
                code="no_desk_key",
            )
        p12_path = home.demo / "desk.p12"
        if pin is None and pins is None:
            pin = read_secret_file(home.demo / "desk.pin")
    if pins is None:
        pins = StaticPinPort(pin) if pin is not None else TerminalPinPort()
    signer = load_pkcs12_file(p12_path, pins)
    try:
        return PdfSigner(signer, home=home, timestamp_url=timestamp_url)
    except BaseException:
        signer.close()
        raise

