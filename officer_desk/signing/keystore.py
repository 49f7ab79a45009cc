"""Keystores and signers: PKCS#12 files in ``$OFFICER_DESK_HOME/keystore/`` and PKCS#11 tokens.

A :class:`Keystore` lists :class:`KeyEntry` values and loads a :class:`Signer` for one of them; PINs
and passwords are asked through a :class:`PinPort` (the CLI answers from ``--pin-file`` or the
terminal; demo mode and tests with a fixed PIN) and are never stored. A loaded signer keeps its key for
the whole signing session: pyHanko's ``SimpleSigner`` re-parses the private key for every signature (~27 ms for RSA).
"""

from __future__ import annotations

import getpass
import json
import sys
from abc import ABC, abstractmethod
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from asn1crypto import keys as asn1_keys
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign import signers as pyhanko_signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko_certvalidator.registry import SimpleCertificateStore

from officer_desk.fileio import read_secret_file, write_bytes_atomic, write_text_atomic
from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.errors import (
    KeystoreError,
    PinRequiredError,
    SigningCancelled,
    TokenError,
    WrongPinError,
)

# --- PIN port ---------------------------------------------------------------------------------------


class PinPort(Protocol):
    """How the signing layer asks for a PIN or password; ``None`` means the user cancelled."""

    def ask_pin(self, prompt: str) -> str | None: ...


class StaticPinPort:
    """A PIN already known (tests, demo mode)."""

    def __init__(self, pin: str) -> None:
        self._pin = pin

    def ask_pin(self, prompt: str) -> str | None:
        return self._pin


class FilePinPort:
    """``--pin-file``: the first line of the file, UTF-8, trailing CR/LF stripped."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def ask_pin(self, prompt: str) -> str | None:
        try:
            return read_secret_file(self.path)
        except (OSError, UnicodeDecodeError) as exc:
            raise KeystoreError(
                _("Kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c t\u1ec7p m\u00e3 PIN {path}.", path=str(self.path))
            ) from exc


class TerminalPinPort:
    """Asks on the terminal; without one it fails at once, naming the option to use instead."""

    def __init__(self, option: str = "--pin-file") -> None:
        self.option = option

    def ask_pin(self, prompt: str) -> str | None:
        if not sys.stdin.isatty():
            raise PinRequiredError(
                _("C\u1ea7n m\u00e3 PIN ho\u1eb7c m\u1eadt kh\u1ea9u nh\u01b0ng kh\u00f4ng c\u00f3 b\u00e0n ph\u00edm "
                  "\u0111\u1ec3 h\u1ecfi; h\u00e3y d\u00f9ng {option}.", option=self.option)
            )
        try:
            return getpass.getpass(prompt + ": ")
        except (EOFError, KeyboardInterrupt):
            return None


class CachingPinPort:
    """Asks once, then repeats the answer for the rest of a batch (kept in memory only)."""

    def __init__(self, inner: PinPort) -> None:
        self.inner = inner
        self._pin: str | None = None

    def ask_pin(self, prompt: str) -> str | None:
        if self._pin is None:
            self._pin = self.inner.ask_pin(prompt)
        return self._pin

# --- entries and signers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyEntry:
    """One signing key a keystore offers (what lists and pickers show)."""

    id: str
    label: str
    subject: str
    common_name: str
    organisation: str | None
    serial_hex: str
    sha256: str
    not_before: str
    not_after: str
    key: str
    source: str  # pkcs12 | pkcs11

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def for_certificate(cls, entry_id: str, label: str, cert: x509.Certificate, source: str) -> KeyEntry:
        kind, bits = certs.key_description(cert)
        return cls(
            id=entry_id, label=label, subject=certs.subject_text(cert), common_name=certs.common_name(cert),
            organisation=certs.organisation(cert), serial_hex=certs.serial_hex(cert),
            sha256=certs.sha256_hex(cert), not_before=certs.iso_vn(certs.not_before(cert)),
            not_after=certs.iso_vn(certs.not_after(cert)), key=f"{kind}-{bits}", source=source,
        )


class Signer(ABC):
    """A loaded signing key with its certificate and chain, kept for a signing session."""

    cert: x509.Certificate
    chain: list[x509.Certificate]
    _signer: pyhanko_signers.Signer | None = None

    @property
    def pyhanko_signer(self) -> pyhanko_signers.Signer:
        """The pyHanko signer that produces the CMS signature (until the key is closed)."""
        if self._signer is None:
            raise KeystoreError(_("Kh\u00f3a \u0111\u00e3 \u0111\u00f3ng; h\u00e3y m\u1edf l\u1ea1i \u0111\u1ec3 "
                                  "k\u00fd."))
        return self._signer

    @property
    def common_name(self) -> str:
        return certs.common_name(self.cert)

    @property
    def organisation(self) -> str | None:
        return certs.organisation(self.cert)

    def close(self) -> None:
        """Release the key (logs out of a token); the signer cannot sign afterwards."""
        self._signer = None

    def __enter__(self) -> Signer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SessionKeySigner(pyhanko_signers.SimpleSigner):
    """pyHanko's SimpleSigner that keeps the parsed private key instead of re-parsing it per signature."""

    def __init__(self, private_key: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._private_key = private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism_spec = self.get_signature_mechanism_for_digest(digest_algorithm)
        try:
            mechanism = mechanism_spec.signature_algo
        except ValueError:
            mechanism = mechanism_spec["algorithm"].native
        key = self._private_key
        if mechanism == "rsassa_pkcs1v15" and isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm))
        if mechanism == "ecdsa" and isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(get_pyca_cryptography_hash(digest_algorithm)))
        return super().sign_raw(data, digest_algorithm)


class SoftwareSigner(Signer):
    """A key from a PKCS#12 file, decrypted once and held in memory for the session."""

    def __init__(self, private_key: Any, cert: x509.Certificate, chain: list[x509.Certificate]) -> None:
        self.cert = cert
        self.chain = [c for c in chain if certs.sha256_hex(c) != certs.sha256_hex(cert)]
        registry = SimpleCertificateStore.from_certs([certs.to_asn1(c) for c in self.chain])
        key_info = asn1_keys.PrivateKeyInfo.load(
            private_key.private_bytes(
                serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        self._signer: SessionKeySigner | None = SessionKeySigner(
            private_key, signing_cert=certs.to_asn1(cert), signing_key=key_info, cert_registry=registry
        )


def _decode_pkcs12(data: bytes, password: str | None) -> tuple[Any, x509.Certificate, list[x509.Certificate]]:
    """Key, certificate and chain of a PKCS#12 file (AES, 3DES and RC2-40 encrypted files alike)."""
    secret = password.encode("utf-8") if password else None
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(data, secret)
    except ValueError as exc:
        text = str(exc).lower()
        if "password" in text or "mac" in text or "decrypt" in text:
            raise WrongPinError(
                _("M\u1eadt kh\u1ea9u t\u1ec7p kh\u00f3a kh\u00f4ng \u0111\u00fang (ho\u1eb7c t\u1ec7p h\u1ecfng); "
                  "ch\u01b0a k\u00fd g\u00ec.")
            ) from exc
        raise KeystoreError(
            _("T\u1ec7p kh\u00f4ng ph\u1ea3i l\u00e0 kh\u00f3a PKCS#12 (.p12/.pfx) \u0111\u1ecdc \u0111\u01b0\u1ee3c.")
        ) from exc
    if key is None or cert is None:
        raise KeystoreError(
            _("T\u1ec7p PKCS#12 kh\u00f4ng ch\u1ee9a kh\u00f3a b\u00ed m\u1eadt k\u00e8m ch\u1ee9ng th\u01b0 "
              "\u0111\u1ec3 k\u00fd.")
        )
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise KeystoreError(_("Lo\u1ea1i kh\u00f3a trong t\u1ec7p PKCS#12 kh\u00f4ng \u0111\u01b0\u1ee3c h\u1ed7 "
                              "tr\u1ee3 (c\u1ea7n RSA ho\u1eb7c ECDSA)."))
    return key, cert, list(chain)


def _ask(pins: PinPort, prompt: str) -> str:
    pin = pins.ask_pin(prompt)
    if pin is None:
        raise SigningCancelled(_("\u0110\u00e3 hu\u1ef7: kh\u00f4ng nh\u1eadp m\u00e3 PIN / m\u1eadt kh\u1ea9u."))
    return pin


class Keystore(ABC):
    """A place signing keys live: list them, load one for a signing session."""

    @abstractmethod
    def entries(self) -> list[KeyEntry]:
        """The keys offered, without asking for any PIN."""

    @abstractmethod
    def load_signer(self, entry_id: str, pins: PinPort) -> Signer:
        """Load one key (asking its PIN through ``pins``) for a signing session."""


# --- PKCS#12 ----------------------------------------------------------------------------------------


def load_pkcs12_file(path: Path, pins: PinPort) -> SoftwareSigner:
    """Open a .p12/.pfx file outside the keystore (``sign --keystore FILE``)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise KeystoreError(_("Kh\u00f4ng \u0111\u1ecdc "
                              "\u0111\u01b0\u1ee3c t\u1ec7p kh\u00f3a {path}.", path=str(path))) from exc
    password = _ask(pins, _("M\u1eadt kh\u1ea9u t\u1ec7p kh\u00f3a {name}", name=Path(path).name))
    key, cert, chain = _decode_pkcs12(data, password)
    return SoftwareSigner(key, cert, chain)


class Pkcs12Keystore(Keystore):
    """PKCS#12 files in ``$OFFICER_DESK_HOME/keystore/`` (owner-only), one ``<id>.p12`` + ``<id>.json`` each.

    Imported files are re-encrypted with AES-256 under the same password, so legacy RC2/3DES
    exports from Windows are read once and never kept.
    """

    def __init__(self, home: Home | None = None) -> None:
        self.home = home or Home()
        self.folder = self.home.keystore

    def _ensure_folder(self) -> None:
        self.home.ensure()
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self.folder.chmod(0o700)
        except OSError:  # pragma: no cover - Windows
            pass

    def _paths(self, entry_id: str) -> tuple[Path, Path]:
        safe = "".join(ch for ch in entry_id.lower() if ch in "0123456789abcdef")
        if not safe:
            raise KeystoreError(_("Kh\u00f4ng c\u00f3 "
                                  "kh\u00f3a {id} trong kho kh\u00f3a.", id=entry_id), code="not_f"
                                                                                                               "ound")
        return self.folder / f"{safe}.p12", self.folder / f"{safe}.json"

    def import_file(self, source: Path, pins: PinPort, label: str | None = None) -> KeyEntry:
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise KeystoreError(_("Kh\u00f4ng \u0111\u1ecdc "
                                  "\u0111\u01b0\u1ee3c t\u1ec7p kh\u00f3a {path}.", path=str(source))) from exc
        password = _ask(pins, _("M\u1eadt kh\u1ea9u t\u1ec7p kh\u00f3a {name}", name=Path(source).name))
        key, cert, chain = _decode_pkcs12(data, password)
        entry_id = certs.sha256_hex(cert)[:16].lower()
        entry = KeyEntry.for_certificate(entry_id, label or certs.common_name(cert), cert, "pkcs12")
        self._store(entry, key, cert, chain, password)
        return entry

    def _store(self, entry: KeyEntry, key: Any, cert: x509.Certificate, chain: list[x509.Certificate],
               password: str) -> None:
        self._ensure_folder()
        p12_path, meta_path = self._paths(entry.id)
        encryption = (
            serialization.BestAvailableEncryption(password.encode("utf-8"))
            if password else serialization.NoEncryption()
        )
        blob = pkcs12.serialize_key_and_certificates(
            entry.label.encode("utf-8"), key, cert, chain or None, encryption
        )
        write_bytes_atomic(p12_path, blob, private=True)
        meta = entry.to_json() | {
            "certificate_pem": certs.to_pem(cert).decode("ascii"),
            "chain_pem": [certs.to_pem(c).decode("ascii") for c in chain],
        }
        write_text_atomic(meta_path, json.dumps(meta, ensure_ascii=False, indent=1) + "\n", private=True)

    def entries(self) -> list[KeyEntry]:
        if not self.folder.is_dir():
            return []
        result = []
        for meta_path in sorted(self.folder.glob("*.json")):
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                meta.pop("certificate_pem", None)
                meta.pop("chain_pem", None)
                result.append(KeyEntry(**meta))
            except (OSError, ValueError, TypeError):
                continue
        return result

    def certificate(self, entry_id: str) -> tuple[x509.Certificate, list[x509.Certificate]]:
        """The certificate and chain of an imported key (no password needed: they are public)."""
        entry = self.find(entry_id)
        _p12, meta_path = self._paths(entry.id)
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        cert = x509.load_pem_x509_certificate(meta["certificate_pem"].encode("ascii"))
        chain = [x509.load_pem_x509_certificate(p.encode("ascii")) for p in meta.get("chain_pem", [])]
        return cert, chain

    def find(self, entry_id: str) -> KeyEntry:
        for entry in self.entries():
            if entry.id == entry_id.lower() or entry.sha256 == certs.normalise_fingerprint(entry_id):
                return entry
        raise KeystoreError(_("Kh\u00f4ng c\u00f3 kh\u00f3a {id} trong kho kh\u00f3a.", id=entry_id), code="not_found")

    def load_signer(self, entry_id: str, pins: PinPort) -> SoftwareSigner:
        entry = self.find(entry_id)
        p12_path, _meta = self._paths(entry.id)
        data = p12_path.read_bytes()
        password = _ask(pins, _("M\u1eadt kh\u1ea9u kh\u00f3a {label}", label=entry.label))
        key, cert, chain = _decode_pkcs12(data, password)
        return SoftwareSigner(key, cert, chain)

    def remove(self, entry_id: str) -> KeyEntry:
        entry = self.find(entry_id)
        for path in self._paths(entry.id):
            if path.exists():
                path.unlink()
        return entry

    def change_password(self, entry_id: str, old: PinPort, new: PinPort) -> KeyEntry:
        entry = self.find(entry_id)
        p12_path, _meta = self._paths(entry.id)
        old_password = _ask(old, _("M\u1eadt kh\u1ea9u hi\u1ec7n "
                                   "t\u1ea1i c\u1ee7a kh\u00f3a {label}", label=entry.label))
        key, cert, chain = _decode_pkcs12(p12_path.read_bytes(), old_password)
        new_password = _ask(new, _("M\u1eadt kh\u1ea9u m\u1edbi cho kh\u00f3a {label}", label=entry.label))
        if len(new_password) < 6:
            raise KeystoreError(_("M\u1eadt kh\u1ea9u m\u1edbi c\u1ea7n "
                                  "\u00edt nh\u1ea5t 6 k\u00fd t\u1ef1."), code="w"
                                                                                                                     "e"
                                                                                                                     "a"
                                                                                                                     "k"
                                                                                                                     "_"
                                                                                                                     "p"
                                                                                                                     "a"
                                                                                                                     "s"
                                                                                                                     "s"
                                                                                                                     "w"
                                                                                                                     "o"
                                                                                                                     "r"
                                                                                                                     "d")
        self._store(entry, key, cert, chain, new_password)
        return entry


# --- PKCS#11 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenKeyRef:
    """How a token key is selected: by CKA_ID (hex) or by the certificate's serial number (hex)."""

    key_id: bytes | None = None
    serial: int | None = None

    @classmethod
    def parse(cls, text: str) -> TokenKeyRef:
        """``ID`` or ``id:HEX`` selects by CKA_ID; ``serial:HEX`` by certificate serial."""
        value = text.strip()
        try:
            if value.lower().startswith("serial:"):
                return cls(serial=int(value.split(":", 1)[1].replace(":", "").replace(" ", ""), 16))
            if value.lower().startswith("id:"):
                value = value.split(":", 1)[1]
            return cls(key_id=bytes.fromhex(value.replace(":", "").replace(" ", "")))
        except ValueError as exc:
            raise KeystoreError(
                _("M\u00e3 kh\u00f3a {value} kh\u00f4ng h\u1ee3p l\u1ec7: d\u00f9ng ID d\u1ea1ng hex (v\u00ed "
                  "d\u1ee5 01a2) "
                  "ho\u1eb7c serial:HEX.", value=text),
                code="usage",
            ) from exc


class TokenSigner(Signer):
    """A key on a PKCS#11 token; the logged-in session stays open for the signing session."""

    def __init__(self, session: Any, signer: pyhanko_signers.Signer, cert: x509.Certificate,
                 chain: list[x509.Certificate]) -> None:
        self._session = session
        self._signer: pyhanko_signers.Signer | None = signer
        self.cert = cert
        self.chain = chain

    def close(self) -> None:
        super().close()
        if self._session is not None:
            try:
                self._session.close()
            except Exception:  # noqa: BLE001 - a token pulled out is already closed
                pass
            self._session = None


class Pkcs11Keystore(Keystore):
    """Keys on a PKCS#11 token (USB token, SoftHSM2); the module library comes from settings.

    Keys are selected by CKA_ID or by the certificate's serial number, never only by label:
    Vietnamese CA tokens often carry several objects with the same or an empty label.
    """

    def __init__(self, module: Path | str, token_label: str | None = None, slot: int | None = None) -> None:
        self.module = str(module)
        self.token_label = token_label
        self.slot = slot

    def _token(self) -> Any:
        import pkcs11

        try:
            lib = pkcs11.lib(self.module)
        except Exception as exc:  # noqa: BLE001 - any loader failure is "cannot open the module"
            raise TokenError(
                _("Kh\u00f4ng n\u1ea1p \u0111\u01b0\u1ee3c th\u01b0 vi\u1ec7n PKCS#11 {module}; ki\u1ec3m tra "
                  "\u0111\u01b0\u1eddng d\u1eabn "
                  "trong c\u00e0i \u0111\u1eb7t.", module=self.module)
            ) from exc
        for slot in lib.get_slots(token_present=True):
            if self.slot is not None and slot.slot_id != self.slot:
                continue
            token = slot.get_token()
            if self.token_label is not None and token.label.strip() != self.token_label:
                continue
            return token
        raise TokenError(_("Kh\u00f4ng th\u1ea5y token n\u00e0o; h\u00e3y c\u1eafm token r\u1ed3i th\u1eed l\u1ea1i."))

    def _certificates(self, session: Any) -> list[tuple[bytes, str, x509.Certificate]]:
        from pkcs11 import Attribute, ObjectClass

        found = []
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            try:
                value = bytes(obj[Attribute.VALUE])
                cert = x509.load_der_x509_certificate(value)
            except Exception:  # noqa: BLE001 - skip objects the token cannot describe
                continue
            try:
                key_id = bytes(obj[Attribute.ID])
            except Exception:  # noqa: BLE001
                key_id = b""
            try:
                label = str(obj[Attribute.LABEL])
            except Exception:  # noqa: BLE001
                label = ""
            found.append((key_id, label, cert))
        return found

    def entries(self) -> list[KeyEntry]:
        token = self._token()
        with token.open() as session:
            return [
                KeyEntry.for_certificate(key_id.hex(), label or certs.common_name(cert), cert, "pkcs11")
                for key_id, label, cert in self._certificates(session)
                if not _is_ca(cert)  # CA certificates ride along on tokens; they are not signing keys
            ]

    def load_signer(self, entry_id: str, pins: PinPort) -> TokenSigner:
        from pkcs11 import Attribute, ObjectClass
        from pkcs11.exceptions import PinIncorrect, PinLenRange, PKCS11Error, UserAlreadyLoggedIn
        from pyhanko.sign.pkcs11 import PKCS11Signer

        ref = TokenKeyRef.parse(entry_id)
        token = self._token()
        pin = _ask(pins, token_prompt(token))
        try:
            session = token.open(user_pin=pin)
        except UserAlreadyLoggedIn:
            # another session of this process is logged in already: the login is shared
            session = token.open()
        except (PinIncorrect, PinLenRange) as exc:
            raise WrongPinError(_("M\u00e3 PIN c\u1ee7a token kh\u00f4ng "
                                  "\u0111\u00fang; ch\u01b0a k\u00fd g\u00ec.")) from exc
        except PKCS11Error as exc:
            mapped = token_failure(exc)
            if mapped is not None:
                raise mapped from exc
            raise TokenError(_("Token t\u1eeb ch\u1ed1i m\u1edf phi\u00ean l\u00e0m vi\u1ec7c ({detail}).",
                               detail=type(exc).__name__)) from exc
        try:
            available = self._certificates(session)
            chosen = None
            for key_id, _label, cert in available:
                if ref.key_id is not None and key_id == ref.key_id:
                    chosen = (key_id, cert)
                if ref.serial is not None and cert.serial_number == ref.serial:
                    chosen = (key_id, cert)
            if chosen is None:
                raise TokenError(
                    _("Tr\u00ean token kh\u00f4ng c\u00f3 ch\u1ee9ng th\u01b0 kh\u1edbp {ref}; d\u00f9ng "
                      "'officer-desk keys list "
                      "--token-module ...' \u0111\u1ec3 xem c\u00e1c ID.", ref=entry_id),
                    code="not_found",
                )
            key_id, cert = chosen
            keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: key_id}))
            if not keys:
                raise TokenError(
                    _("Token c\u00f3 ch\u1ee9ng th\u01b0 nh\u01b0ng kh\u00f4ng c\u00f3 kh\u00f3a b\u00ed m\u1eadt "
                      "c\u00f9ng ID {id}.",
                      id=key_id.hex()),
                    code="not_found",
                )
            always_auth = False
            try:
                always_auth = bool(keys[0][Attribute.ALWAYS_AUTHENTICATE])
            except Exception:  # noqa: BLE001 - attribute missing on old tokens
                always_auth = False
            chain = [c for kid, _l, c in available if kid != key_id]
            # Tokens that demand the PIN per signature (CKA_ALWAYS_AUTHENTICATE) get it from the
            # session's memory, so a batch asks once instead of twenty times.
            sign_kwargs = {"pin": pin} if always_auth else None
            signer = PKCS11Signer(
                session, key_id=key_id, signing_cert=certs.to_asn1(cert),
                ca_chain=[certs.to_asn1(c) for c in chain], other_certs_to_pull=(),
                base_sign_kwargs=sign_kwargs,
            )
            return TokenSigner(session, signer, cert, chain)
        except PKCS11Error as exc:
            session.close()
            raise (token_failure(exc) or TokenError(_("Token t\u1eeb ch\u1ed1i m\u1edf phi\u00ean l\u00e0m "
                                                       "vi\u1ec7c ({detail}).", detail=type(exc).__name__))) from exc
        except BaseException:
            session.close()
            raise


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


# --- token states in words ----------------------------------------------------------------------------


def token_prompt(token: Any) -> str:
    """The PIN prompt, naming the token's state where it reports one (last try, PIN to be changed)."""
    label = str(getattr(token, "label", "")).strip()
    prompt = _("M\u00e3 PIN c\u1ee7a token {label}", label=label)
    try:
        from pkcs11.constants import TokenFlag

        flags = TokenFlag(int(token.flags))
    except Exception:  # noqa: BLE001 - a token that reports no flags is asked plainly
        return prompt
    if flags & TokenFlag.USER_PIN_LOCKED:
        raise TokenError(_PIN_LOCKED(), code="pin_locked")
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        prompt += " " + _("(l\u1ea7n th\u1eed cu\u1ed1i: sai n\u1eefa token s\u1ebd kh\u00f3a m\u00e3 PIN)")
    elif flags & TokenFlag.USER_PIN_COUNT_LOW:
        prompt += " " + _("(\u0111\u00e3 nh\u1eadp sai m\u00e3 PIN; c\u00f2n \u00edt l\u1ea7n th\u1eed)")
    return prompt


def _PIN_LOCKED() -> str:  # noqa: N802 - a message, named like the PKCS#11 state it describes
    return _("M\u00e3 PIN c\u1ee7a token \u0111\u00e3 b\u1ecb kh\u00f3a do nh\u1eadp sai nhi\u1ec1u l\u1ea7n; "
             "h\u00e3y li\u00ean h\u1ec7 nh\u00e0 cung c\u1ea5p ch\u1ee9ng th\u01b0 \u0111\u1ec3 m\u1edf "
             "kh\u00f3a. Ch\u01b0a k\u00fd g\u00ec.")


def token_failure(exc: BaseException) -> KeystoreError | None:
    """A PKCS#11 error (CKR_...) as a message an officer can act on; None when ``exc`` is not one.

    Looks through the exception's causes, since pyHanko may wrap the token's error.
    """
    from pkcs11 import exceptions as p11  # a hard dependency; imported here to keep PKCS#12-only starts light

    seen: BaseException | None = exc
    for _depth in range(5):
        if seen is None:
            return None
        if isinstance(seen, p11.PKCS11Error):
            break
        seen = seen.__cause__ or seen.__context__
    else:
        return None
    if seen is None:
        return None
    if isinstance(seen, p11.PinLocked):
        return TokenError(_PIN_LOCKED(), code="pin_locked")
    if isinstance(seen, p11.PinExpired):
        return TokenError(_("M\u00e3 PIN c\u1ee7a token \u0111\u00e3 h\u1ebft h\u1ea1n; h\u00e3y \u0111\u1ed5i "
                            "m\u00e3 PIN b\u1eb1ng ph\u1ea7n m\u1ec1m c\u1ee7a token r\u1ed3i k\u00fd l\u1ea1i. "
                            "Ch\u01b0a k\u00fd g\u00ec."), code="pin_expired")
    if isinstance(seen, p11.PinIncorrect | p11.PinLenRange | p11.PinInvalid):
        return WrongPinError(_("M\u00e3 PIN c\u1ee7a token kh\u00f4ng \u0111\u00fang; ch\u01b0a k\u00fd "
                               "g\u00ec."))
    removed = (p11.TokenNotPresent, p11.DeviceRemoved, p11.TokenNotRecognised, p11.SessionHandleInvalid,
               p11.SessionClosed, p11.ObjectHandleInvalid, p11.KeyHandleInvalid, p11.SlotIDInvalid)
    if isinstance(seen, removed):
        return TokenError(_("Token \u0111\u00e3 b\u1ecb r\u00fat ra ho\u1eb7c kh\u00f4ng c\u00f2n d\u00f9ng "
                            "\u0111\u01b0\u1ee3c gi\u1eefa ch\u1eebng; ch\u01b0a k\u00fd g\u00ec. H\u00e3y "
                            "c\u1eafm l\u1ea1i token r\u1ed3i th\u1eed l\u1ea1i."), code="token_removed")
    if isinstance(seen, p11.DeviceError | p11.DeviceMemory | p11.FunctionFailed | p11.GeneralError):
        return TokenError(_("Token b\u00e1o l\u1ed7i thi\u1ebft b\u1ecb ({detail}); ch\u01b0a k\u00fd g\u00ec.",
                            detail=type(seen).__name__), code="token_failed")
    return None


# --- helpers for the CLI and the UI -----------------------------------------------------------------


def pin_port_for(pin_file: Path | None, option: str = "--pin-file") -> PinPort:
    """``--pin-file`` when given, else the terminal (which refuses without a TTY)."""
    return FilePinPort(pin_file) if pin_file is not None else TerminalPinPort(option)

