"""The trust store: shipped anchors (status "candidate" until confirmed), user anchors, demo root, CRLs.

Layout: shipped material in ``resources/trust/`` (``manifest.json`` lists every file with its SHA-256
fingerprint and kind: ``anchor``, ``intermediate`` or ``legacy``); user material in
``$OFFICER_DESK_HOME/trust/``: ``anchors/``, ``intermediates/``, ``crl/`` and ``state.json``
(``confirmed`` and ``disabled`` fingerprints). Public-CA intermediates only help build chains; expired
legacy CAs validate only at a signing time proven by a timestamp. SHA-1 in certificate signatures is
accepted only on chains that end at an anchor flagged ``accept_sha1_ca_signatures`` (the VGCA G1 root).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
from collections.abc import Awaitable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from asn1crypto import crl as asn1_crl
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    DisallowedAlgorithmError,
    ExpiredError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
    ValidationError,
)
from pyhanko_certvalidator.path import ValidationPath
from pyhanko_certvalidator.policy_decl import DisallowWeakAlgorithmsPolicy

from officer_desk.fileio import write_bytes_atomic, write_text_atomic
from officer_desk.i18n import _
from officer_desk.paths import Home, resource
from officer_desk.signing import certs
from officer_desk.signing.demo_ca import demo_mode_enabled
from officer_desk.signing.errors import CertificateRefusedError, TrustStoreError

STATUS_CONFIRMED = "confirmed"
STATUS_CANDIDATE = "candidate"
STATUS_DEMO = "demo"
STATUS_EXTRA = "extra"

# A PC clock before this moment is certainly wrong (the software did not exist yet).
CLOCK_FLOOR = datetime(2026, 1, 1, tzinfo=UTC)
# Subject keys of the trust store's certificates by fingerprint, in the home's cache folder (TrustStore._subject_keys).
SUBJECT_CACHE = "trust-subjects.json"

T = TypeVar("T")


def run_sync(coro: Awaitable[T]) -> T:
    """Run a coroutine from synchronous code, also when the caller already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)  # type: ignore[arg-type]
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()  # type: ignore[arg-type]


@dataclass(frozen=True)
class TrustAnchor:
    """A root the desk trusts, with the status shown beside every chain that ends at it."""

    cert: x509.Certificate
    sha256: str
    subject: str
    status: str
    source: str  # shipped | user | demo | command
    accept_sha1: bool = False
    path: Path | None = None

    @property
    def common_name(self) -> str:
        return certs.common_name(self.cert)

    def to_json(self) -> dict[str, Any]:
        return {"subject": self.subject, "sha256": self.sha256, "status": self.status}


@dataclass
class TrustStore:
    """Anchors, chain-building certificates and cached CRLs of one installation."""

    anchors: list[TrustAnchor] = field(default_factory=list)
    intermediates: list[x509.Certificate] = field(default_factory=list)
    legacy: list[x509.Certificate] = field(default_factory=list)
    crls: list[bytes] = field(default_factory=list)
    home: Home | None = None
    _asn1_cache: dict[str, asn1_x509.Certificate] = field(default_factory=dict, repr=False)
    _by_subject: dict[str, list[tuple[x509.Certificate, TrustAnchor | None]]] | None = field(
        default=None, repr=False)

    # --- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, home: Home | None = None, extra: Sequence[Path] = ()) -> TrustStore:
        """Shipped + user material of ``home`` (default: the current home), plus ``extra`` PEM roots."""
        home = home or Home()
        store = cls(home=home)
        state = _read_state(home)
        confirmed = set(state.get("confirmed", []))
        disabled = set(state.get("disabled", []))
        store._load_shipped(confirmed, disabled)
        store._load_user(home, confirmed, disabled)
        if demo_mode_enabled(home):
            root_pem = home.demo / "demo-root.pem"
            if root_pem.exists():
                for cert in certs.load_certificates(root_pem):
                    store.add_anchor(cert, STATUS_DEMO, "demo", path=root_pem)
            sub_pem = home.demo / "demo-intermediate.pem"
            if sub_pem.exists():
                store.intermediates.extend(certs.load_certificates(sub_pem))
        for path in extra:
            store.add_extra(path)
        return store

    def add_extra(self, path: Path) -> None:
        """Trust the roots in ``path`` for this run only (``--trust PEM``); others help build chains."""
        try:
            loaded = certs.load_certificates(Path(path))
        except (OSError, ValueError) as exc:
            raise TrustStoreError(
                _("Kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c t\u1ec7p ch\u1ee9ng th\u01b0 {path}: {detail}",
                  path=str(path), detail=str(exc))
            ) from exc
        for cert in loaded:
            # every --trust certificate is a deliberate anchor, self-signed or not
            self.add_anchor(cert, STATUS_EXTRA, "command", path=Path(path))

    def add_anchor(
        self, cert: x509.Certificate, status: str, source: str, *, accept_sha1: bool = False,
        path: Path | None = None,
    ) -> None:
        """Trust ``cert`` as an anchor (``accept_sha1``: SHA-1 allowed on chains ending here)."""
        fingerprint = certs.sha256_hex(cert)
        for existing in self.anchors:
            if existing.sha256 == fingerprint:
                return
        self.anchors.append(
            TrustAnchor(cert=cert, sha256=fingerprint, subject=certs.subject_text(cert), status=status,
                        source=source, accept_sha1=accept_sha1, path=path)
        )

    def _load_shipped(self, confirmed: set[str], disabled: set[str]) -> None:
        folder = resource("trust")
        manifest_path = folder / "manifest.json"
        if not manifest_path.exists():
            return
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for entry in manifest.get("certificates", []):
            fingerprint = entry["sha256"].upper()
            if fingerprint in disabled:
                continue
            path = folder / entry["file"]
            cert = certs.load_certificates(path)[0]
            if certs.sha256_hex(cert) != fingerprint:
                raise TrustStoreError(
                    _("T\u1ec7p tin c\u1eady {file} kh\u00f4ng kh\u1edbp d\u1ea5u v\u00e2n tay trong "
                      "manifest; c\u00e0i l\u1ea1i ph\u1ea7n m\u1ec1m.", file=entry["file"])
                )
            kind = entry.get("kind")
            if kind == "anchor":
                status = STATUS_CONFIRMED if fingerprint in confirmed else STATUS_CANDIDATE
                self.add_anchor(cert, status, "shipped", accept_sha1=bool(entry.get("accept_sha1_ca_signatures")),
                                 path=path)
            elif kind == "legacy":
                self.legacy.append(cert)
            else:
                self.intermediates.append(cert)

    def _load_user(self, home: Home, confirmed: set[str], disabled: set[str]) -> None:
        root = home.trust
        for sub, bucket in (("anchors", "anchor"), ("intermediates", "intermediate")):
            folder = root / sub
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if path.suffix.lower() not in (".pem", ".crt", ".cer", ".der", ".p7b", ".p7c"):
                    continue
                try:
                    loaded = certs.load_certificates(path)
                except (OSError, ValueError):
                    continue
                for cert in loaded:
                    fingerprint = certs.sha256_hex(cert)
                    if fingerprint in disabled:
                        continue
                    if bucket == "anchor":
                        status = STATUS_CONFIRMED if fingerprint in confirmed else STATUS_CANDIDATE
                        self.add_anchor(cert, status, "user", path=path)
                    else:
                        self.intermediates.append(cert)
        crl_folder = root / "crl"
        if crl_folder.is_dir():
            for path in sorted(crl_folder.iterdir()):
                if path.is_file():
                    self.crls.append(path.read_bytes())

    # --- queries ---------------------------------------------------------------------------------

    def anchor_by_fingerprint(self, fingerprint: str) -> TrustAnchor | None:
        wanted = certs.normalise_fingerprint(fingerprint)
        for anchor in self.anchors:
            if anchor.sha256 == wanted:
                return anchor
        return None

    def anchor_for_certificate(self, cert: asn1_x509.Certificate | x509.Certificate) -> TrustAnchor | None:
        return self.anchor_by_fingerprint(certs.sha256_hex(cert))

    def _asn1(self, cert: x509.Certificate) -> asn1_x509.Certificate:
        key = certs.sha256_hex(cert)
        cached = self._asn1_cache.get(key)
        if cached is None:
            cached = self._asn1_cache[key] = certs.to_asn1(cert)
        return cached

    def _subject_index(self, use_cache: bool = True) -> dict[str, list[tuple[x509.Certificate, TrustAnchor | None]]]:
        """Every anchor and CA certificate by its subject, in asn1crypto's comparable form of the name."""
        if self._by_subject is None or not use_cache:
            entries: list[tuple[x509.Certificate, TrustAnchor | None]] = [(a.cert, a) for a in self.anchors]
            entries += [(plain, None) for plain in self.intermediates + self.legacy]
            subjects = self._subject_keys([cert for cert, _anchor in entries], use_cache)
            index: dict[str, list[tuple[x509.Certificate, TrustAnchor | None]]] = {}
            for cert, anchor in entries:
                index.setdefault(subjects[certs.sha256_hex(cert)], []).append((cert, anchor))
            self._by_subject = index
        return self._by_subject

    def _subject_keys(self, certificates: Sequence[x509.Certificate], use_cache: bool = True) -> dict[str, str]:
        """Fingerprint -> subject key. Parsing the ~80 certificates with asn1crypto to compute these took
        ~45 ms of every ``sign`` and ``verify`` process; the keys are kept in the home's cache, addressed by
        each certificate's SHA-256 (a changed file is another fingerprint: nothing to invalidate)."""
        wanted = {certs.sha256_hex(cert): cert for cert in certificates}
        cache = self.home.root / "cache" / SUBJECT_CACHE if self.home is not None else None
        stored: dict[str, str] = {}
        if cache is not None and use_cache:
            try:
                loaded = json.loads(cache.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    stored = {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}
            except (OSError, ValueError):
                stored = {}
        missing = [fingerprint for fingerprint in wanted if fingerprint not in stored or not use_cache]
        for fingerprint in missing:
            stored[fingerprint] = self._asn1(wanted[fingerprint]).subject.hashable
        keys = {fingerprint: stored[fingerprint] for fingerprint in wanted}
        if missing and cache is not None:
            try:
                cache.parent.mkdir(parents=True, exist_ok=True)
                write_text_atomic(cache, json.dumps(keys, ensure_ascii=False))
            except OSError:
                pass  # a read-only home computes them again next time
        return keys

    def relevant_certificates(
        self, start: Iterable[asn1_x509.Certificate], *, sha1_family: bool
    ) -> tuple[list[asn1_x509.Certificate], list[asn1_x509.Certificate]]:
        """Anchors and CA certificates that can appear above ``start`` (matched by issuer name).

        Building a certvalidator context from all 80 shipped certificates costs ~5 ms; a
        signature's chain needs two or three of them. Only those are parsed, and each is checked
        against the name it was found under: a stale or altered cache entry never adds a certificate
        (the index is then rebuilt from the certificates themselves).
        """
        found = self._walk(self._subject_index(), start, sha1_family)
        if found is None:  # the cache named a certificate under another subject: rebuild it from the files
            found = self._walk(self._subject_index(use_cache=False), start, sha1_family)
        return found or ([], [])

    def _walk(
        self, index: dict[str, list[tuple[x509.Certificate, TrustAnchor | None]]],
        start: Iterable[asn1_x509.Certificate], sha1_family: bool,
    ) -> tuple[list[asn1_x509.Certificate], list[asn1_x509.Certificate]] | None:
        """The certificates above ``start``; None when an index entry disagrees with its certificate."""
        anchors: list[asn1_x509.Certificate] = []
        others: list[asn1_x509.Certificate] = []
        wanted = [cert.issuer.hashable for cert in start]
        seen: set[str] = set()
        while wanted:
            key = wanted.pop()
            if key in seen:
                continue
            seen.add(key)
            for plain, anchor in index.get(key, []):
                cert = self._asn1(plain)
                if cert.subject.hashable != key:
                    return None
                if anchor is not None:
                    if anchor.accept_sha1 == sha1_family:
                        anchors.append(cert)
                else:
                    others.append(cert)
                    wanted.append(cert.issuer.hashable)
        return anchors, others

    def anchors_for(self, *, sha1_family: bool) -> list[TrustAnchor]:
        return [a for a in self.anchors if a.accept_sha1 == sha1_family]

    def has_sha1_family(self) -> bool:
        return any(a.accept_sha1 for a in self.anchors)

    def validation_context(
        self,
        *,
        moment: datetime | None = None,
        sha1_family: bool = False,
        revocation_mode: str = "hard-fail",
        other_certs: Iterable[asn1_x509.Certificate] = (),
        crls: Iterable[bytes | asn1_crl.CertificateList] = (),
        ocsps: Iterable[Any] = (),
        best_signature_time: datetime | None = None,
        start: Iterable[asn1_x509.Certificate] | None = None,
    ) -> ValidationContext:
        """A certvalidator context: never fetches, anchors of one SHA-1 family only.

        ``sha1_family=False``: every anchor not flagged for SHA-1, SHA-1 refused (certvalidator's
        default weak-hash list). ``sha1_family=True``: only the flagged anchors, SHA-1 allowed in
        certificate signatures (the CMS signature itself is checked by a separate policy).
        """
        other_certs = list(other_certs)
        if start is not None:
            roots, others = self.relevant_certificates(list(start) + other_certs, sha1_family=sha1_family)
        else:
            roots = [self._asn1(a.cert) for a in self.anchors_for(sha1_family=sha1_family)]
            others = [self._asn1(c) for c in self.intermediates + self.legacy]
        others.extend(other_certs)
        policy = (
            DisallowWeakAlgorithmsPolicy(weak_hash_algos=frozenset({"md2", "md5"}))
            if sha1_family
            else DisallowWeakAlgorithmsPolicy()
        )
        return ValidationContext(
            trust_roots=roots,
            other_certs=others,
            moment=moment,
            best_signature_time=best_signature_time,
            allow_fetching=False,
            crls=list(self.crls) + list(crls),
            ocsps=list(ocsps),
            revocation_mode=revocation_mode,
            algorithm_usage_policy=policy,
        )


# --- home trust folder (user actions) --------------------------------------------------------------


def _state_path(home: Home) -> Path:
    return home.trust / "state.json"


def _read_state(home: Home) -> dict[str, list[str]]:
    path = _state_path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"confirmed": [], "disabled": []}
    return {"confirmed": list(data.get("confirmed", [])), "disabled": list(data.get("disabled", []))}


def _write_state(home: Home, state: dict[str, list[str]]) -> None:
    home.trust.mkdir(parents=True, exist_ok=True)
    text = json.dumps({k: sorted(set(v)) for k, v in state.items()}, indent=1) + "\n"
    write_text_atomic(_state_path(home), text)


@dataclass(frozen=True)
class AddedCertificate:
    sha256: str
    subject: str
    kind: str  # anchor | intermediate


def add_user_certificates(home: Home, source: Path) -> list[AddedCertificate]:
    """Copy the certificates of ``source`` (PEM, DER or PKCS#7) into the home trust folder.

    Self-signed certificates become anchors (status "candidate" until confirmed); the others
    become chain-building intermediates.
    """
    try:
        loaded = certs.load_certificates(source)
    except (OSError, ValueError) as exc:
        raise TrustStoreError(
            _("Kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c t\u1ec7p ch\u1ee9ng th\u01b0 {path}: {detail}",
              path=str(source), detail=str(exc))
        ) from exc
    added: list[AddedCertificate] = []
    state = _read_state(home)
    for cert in loaded:
        fingerprint = certs.sha256_hex(cert)
        kind = "anchor" if certs.is_self_signed(cert) else "intermediate"
        folder = home.trust / ("anchors" if kind == "anchor" else "intermediates")
        write_bytes_atomic(folder / f"{fingerprint[:16].lower()}.pem", certs.to_pem(cert))
        if fingerprint in state["disabled"]:
            state["disabled"].remove(fingerprint)
        added.append(AddedCertificate(fingerprint, certs.subject_text(cert), kind))
    _write_state(home, state)
    return added


def remove_certificate(home: Home, fingerprint: str) -> str:
    """Remove a user certificate, or distrust a shipped one; returns its subject."""
    wanted = certs.normalise_fingerprint(fingerprint)
    removed: str | None = None
    for sub in ("anchors", "intermediates"):
        folder = home.trust / sub
        if not folder.is_dir():
            continue
        for path in folder.iterdir():
            try:
                loaded = certs.load_certificates(path)
            except (OSError, ValueError):
                continue
            if any(certs.sha256_hex(c) == wanted for c in loaded):
                removed = certs.subject_text(loaded[0])
                path.unlink()
    store = TrustStore.load(home)
    shipped = [a for a in store.anchors if a.sha256 == wanted and a.source == "shipped"]
    state = _read_state(home)
    if shipped:
        removed = shipped[0].subject
        state["disabled"].append(wanted)
    if removed is None:
        raise TrustStoreError(
            _("Kh\u00f4ng c\u00f3 ch\u1ee9ng th\u01b0 n\u00e0o c\u00f3 d\u1ea5u v\u00e2n tay {sha256} "
              "trong kho tin c\u1eady.", sha256=wanted),
            code="not_found",
        )
    if wanted in state["confirmed"]:
        state["confirmed"].remove(wanted)
    _write_state(home, state)
    return removed


def confirm_anchor(home: Home, fingerprint: str) -> TrustAnchor:
    """Record that an anchor's SHA-256 was compared with the official publication."""
    wanted = certs.normalise_fingerprint(fingerprint)
    if len(wanted) != 64:
        raise TrustStoreError(
            _("D\u1ea5u v\u00e2n tay SHA-256 ph\u1ea3i c\u00f3 \u0111\u1ee7 64 k\u00fd t\u1ef1 hex."),
            code="usage",
        )
    store = TrustStore.load(home)
    anchor = store.anchor_by_fingerprint(wanted)
    if anchor is None or anchor.source == "demo":
        raise TrustStoreError(
            _("Kh\u00f4ng c\u00f3 ch\u1ee9ng th\u01b0 g\u1ed1c n\u00e0o c\u00f3 d\u1ea5u v\u00e2n tay {sha256} "
              "trong kho tin c\u1eady.", sha256=wanted),
            code="not_found",
        )
    state = _read_state(home)
    state["confirmed"].append(wanted)
    _write_state(home, state)
    return TrustStore.load(home).anchor_by_fingerprint(wanted) or anchor


def import_crl(home: Home, source: Path) -> str:
    """Store a CRL (DER or PEM) in the offline cache; returns its issuer's name."""
    data = Path(source).read_bytes()
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            parsed = x509.load_pem_x509_crl(data)
        else:
            parsed = x509.load_der_x509_crl(data)
    except ValueError as exc:
        raise TrustStoreError(
            _("T\u1ec7p {path} kh\u00f4ng ph\u1ea3i l\u00e0 danh s\u00e1ch thu h\u1ed3i (CRL).",
              path=str(source))
        ) from exc
    from cryptography.hazmat.primitives import serialization

    der = parsed.public_bytes(serialization.Encoding.DER)
    import hashlib

    issuer_key = hashlib.sha256(parsed.issuer.public_bytes()).hexdigest()[:16]
    write_bytes_atomic(home.trust / "crl" / f"{issuer_key}.crl", der)
    return parsed.issuer.rfc4514_string()


# --- the pre-sign check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateCheck:
    """What the pre-sign check established."""

    subject: str
    anchor: TrustAnchor
    path: ValidationPath
    checked_at: datetime


def check_clock(now: datetime) -> None:
    """Refuse to sign with a PC clock that is certainly wrong (signing times would lie)."""
    if now < CLOCK_FLOOR:
        raise CertificateRefusedError(
            _("\u0110\u1ed3ng h\u1ed3 m\u00e1y t\u00ednh \u0111ang ch\u1ec9 {now}, r\u00f5 r\u00e0ng l\u00e0 sai; "
              "h\u00e3y ch\u1ec9nh ng\u00e0y gi\u1edd r\u1ed3i k\u00fd l\u1ea1i.", now=certs.format_vn(now)),
            code="clock_wrong",
        )


def check_validity_now(cert: x509.Certificate, now: datetime) -> None:
    """The cheap part of the pre-sign check, repeated before every signature of a session."""
    who = certs.common_name(cert)
    if now > certs.not_after(cert):
        raise CertificateRefusedError(
            _("Ch\u1ee9ng th\u01b0 s\u1ed1 c\u1ee7a {name} \u0111\u00e3 h\u1ebft h\u1ea1n ng\u00e0y {date}; "
              "kh\u00f4ng k\u00fd. H\u00e3y gia h\u1ea1n ch\u1ee9ng th\u01b0 v\u1edbi nh\u00e0 cung c\u1ea5p.",
              name=who, date=certs.format_date_vn(certs.not_after(cert))),
            code="certificate_expired",
        )
    if now < certs.not_before(cert):
        raise CertificateRefusedError(
            _("Ch\u1ee9ng th\u01b0 s\u1ed1 c\u1ee7a {name} ch\u01b0a c\u00f3 hi\u1ec7u l\u1ef1c (t\u1eeb ng\u00e0y "
              "{date}); "
              "kh\u00f4ng k\u00fd. Ki\u1ec3m tra \u0111\u1ed3ng h\u1ed3 m\u00e1y t\u00ednh.",
              name=who, date=certs.format_date_vn(certs.not_before(cert))),
            code="certificate_not_yet_valid",
        )


def check_certificate_for_signing(
    cert: x509.Certificate,
    chain: Sequence[x509.Certificate],
    trust: TrustStore,
    now: datetime | None = None,
) -> CertificateCheck:
    """The check the law asks for before every signature; raises :class:`CertificateRefusedError`.

    Validity now (and the PC clock), key usage (digitalSignature or nonRepudiation), key size
    (RSA >= 2048, ECDSA >= 256) and a chain to an anchor of ``trust`` (revocation from cached CRLs
    only: an unreachable CRL does not stop offline signing, a cached "revoked" does).
    """
    now = now or certs.now_utc()
    check_clock(now)
    check_validity_now(cert, now)
    who = certs.common_name(cert)
    if not certs.has_signing_key_usage(cert):
        raise CertificateRefusedError(
            _("Ch\u1ee9ng th\u01b0 s\u1ed1 c\u1ee7a {name} kh\u00f4ng \u0111\u01b0\u1ee3c ph\u00e9p d\u00f9ng "
              "\u0111\u1ec3 k\u00fd "
              "(thi\u1ebfu Digital Signature / Non-Repudiation); kh\u00f4ng k\u00fd.", name=who),
            code="certificate_key_usage",
        )
    if not certs.key_strength_ok(cert):
        kind, bits = certs.key_description(cert)
        raise CertificateRefusedError(
            _("Kh\u00f3a {kind} {bits} bit c\u1ee7a {name} qu\u00e1 y\u1ebfu: c\u1ea7n RSA t\u1eeb 2048 bit "
              "ho\u1eb7c ECDSA t\u1eeb 256 bit; kh\u00f4ng k\u00fd.", kind=kind, bits=bits, name=who),
            code="certificate_weak_key",
        )
    path, anchor = validate_chain(cert, chain, trust, moment=now, revocation_mode="soft-fail")
    return CertificateCheck(subject=certs.subject_text(cert), anchor=anchor, path=path, checked_at=now)


def validate_chain(
    cert: x509.Certificate,
    chain: Sequence[x509.Certificate],
    trust: TrustStore,
    *,
    moment: datetime,
    revocation_mode: str,
) -> tuple[ValidationPath, TrustAnchor]:
    """Validate ``cert`` to an anchor of ``trust`` (SHA-1 family second); refusals are explained."""
    who = certs.common_name(cert)
    leaf = certs.to_asn1(cert)
    intermediates = [certs.to_asn1(c) for c in chain if certs.sha256_hex(c) != certs.sha256_hex(cert)]
    families = [False, True] if trust.has_sha1_family() else [False]
    first_error: ValidationError | PathBuildingError | None = None
    for sha1_family in families:
        context = trust.validation_context(moment=moment, sha1_family=sha1_family,
                                           revocation_mode=revocation_mode, start=[leaf, *intermediates])
        validator = CertificateValidator(leaf, intermediate_certs=intermediates, validation_context=context)
        try:
            path = run_sync(validator.async_validate_path())
        except PathBuildingError as exc:
            first_error = first_error or exc
            continue
        except RevokedError as exc:
            raise CertificateRefusedError(
                _("Ch\u1ee9ng th\u01b0 s\u1ed1 c\u1ee7a {name} (ho\u1eb7c CA c\u1ea5p n\u00f3) \u0111\u00e3 b\u1ecb "
                  "thu h\u1ed3i "
                  "ng\u00e0y {date}; kh\u00f4ng k\u00fd.", name=who, date=certs.format_date_vn(exc.revocation_dt)),
                code="certificate_revoked",
            ) from exc
        except (ExpiredError, NotYetValidError) as exc:
            raise CertificateRefusedError(
                _("M\u1ed9t ch\u1ee9ng th\u01b0 CA trong chu\u1ed7i c\u1ee7a {name} kh\u00f4ng c\u00f2n hi\u1ec7u "
                  "l\u1ef1c "
                  "({detail}); kh\u00f4ng k\u00fd.", name=who, detail=exc.failure_msg),
                code="chain_invalid",
            ) from exc
        except DisallowedAlgorithmError as exc:
            first_error = first_error or exc
            continue
        except (PathValidationError, ValidationError) as exc:
            first_error = first_error or exc
            continue
        anchor = trust.anchor_for_certificate(path.first) if path.first is not None else None
        if anchor is None:  # pragma: no cover - certvalidator only ends paths at our roots
            continue
        return path, anchor
    detail = getattr(first_error, "failure_msg", None) or str(first_error or "")
    raise CertificateRefusedError(
        _("Kh\u00f4ng x\u00e1c minh \u0111\u01b0\u1ee3c chu\u1ed7i ch\u1ee9ng th\u01b0 c\u1ee7a {name} t\u1edbi "
          "m\u1ed9t "
          "g\u1ed1c tin c\u1eady ({detail}); kh\u00f4ng k\u00fd. C\u1ea7n th\u00eam ch\u1ee9ng th\u01b0 g\u1ed1c "
          "c\u1ee7a nh\u00e0 cung c\u1ea5p v\u00e0o kho tin c\u1eady.", name=who, detail=detail[:200]),
        code="certificate_untrusted",
    )

