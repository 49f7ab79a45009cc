"""Commands ``sign``, ``verify``, ``keys`` and ``trust`` (contract: shared/domain/cli-contract.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from officer_desk.cli.output import Output
from officer_desk.errors import UsageError
from officer_desk.i18n import _
from officer_desk.paths import Home


def register(sub: Any) -> None:
    # --- sign ---
    p = sub.add_parser("sign", help=_("K\u00fd s\u1ed1 m\u1ed9t t\u1ec7p PDF (PAdES)"))
    p.add_argument("input", metavar="IN", type=Path)
    p.add_argument("--out", required=True, type=Path, metavar="OUT")
    # Optional on a set-up desk: the acting officer's own certificate is used (cli-contract.md).
    source = p.add_mutually_exclusive_group()
    source.add_argument("--keystore", metavar="P12", help=_("t\u1ec7p .p12/.pfx, ho\u1eb7c m\u00e3 kh\u00f3a "
                                                            "\u0111\u00e3 nh\u1eadp"))
    source.add_argument("--token-module", metavar="LIB", help=_("th\u01b0 vi\u1ec7n PKCS#11 c\u1ee7a token"))
    p.add_argument("--key-id", metavar="ID", help=_("CKA_ID (hex) ho\u1eb7c serial:HEX c\u1ee7a kh\u00f3a tr\u00ean "
                                                    "token"))
    p.add_argument("--token-label", metavar="LABEL")
    p.add_argument("--pin-file", type=Path, metavar="F")
    p.add_argument("--trust", action="append", type=Path, default=[], metavar="PEM")
    p.add_argument("--visible", action="store_true", help=_("th\u00eam d\u1ea5u ch\u1eef k\u00fd nh\u00ecn th\u1ea5y "
                                                            "\u0111\u01b0\u1ee3c"))
    p.add_argument("--seal", type=Path, metavar="IMG", help=_("\u1ea3nh con d\u1ea5u / ch\u1eef k\u00fd tay "
                                                              "tr\u00ean d\u1ea5u"))
    p.add_argument("--field", metavar="NAME", help=_("t\u00ean tr\u01b0\u1eddng ch\u1eef k\u00fd"))
    p.add_argument("--reason", metavar="TEXT")
    p.add_argument("--tsa", metavar="URL", help=_("m\u00e1y ch\u1ee7 d\u1ea5u th\u1eddi gian (m\u1eb7c "
                                                  "\u0111\u1ecbnh: theo c\u00e0i \u0111\u1eb7t)"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sign)

    # --- verify ---
    p = sub.add_parser("verify", help=_("Ki\u1ec3m tra ch\u1eef k\u00fd s\u1ed1 trong t\u1ec7p PDF"))
    p.add_argument("file", metavar="FILE", type=Path)
    p.add_argument("--trust", action="append", type=Path, default=[], metavar="PEM")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)

    # --- keys ---
    keys = sub.add_parser("keys", help=_("Qu\u1ea3n l\u00fd kh\u00f3a k\u00fd (t\u1ec7p PKCS#12, token)"))
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    k = keys_sub.add_parser("import", help=_("Nh\u1eadp t\u1ec7p .p12/.pfx v\u00e0o kho kh\u00f3a"))
    k.add_argument("file", type=Path, metavar="P12")
    k.add_argument("--pin-file", type=Path, metavar="F")
    k.add_argument("--label")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_keys_import)
    k = keys_sub.add_parser("list", help=_("Li\u1ec7t k\u00ea kh\u00f3a trong kho ho\u1eb7c tr\u00ean token"))
    k.add_argument("--token-module", metavar="LIB")
    k.add_argument("--token-label", metavar="LABEL")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_keys_list)
    k = keys_sub.add_parser("check", help=_("Ki\u1ec3m tra ch\u1ee9ng th\u01b0 nh\u01b0 tr\u01b0\u1edbc khi k\u00fd"))
    k.add_argument("key", nargs="?", metavar="ID", help=_("m\u00e3 kh\u00f3a trong kho"))
    k.add_argument("--keystore", metavar="P12")
    k.add_argument("--token-module", metavar="LIB")
    k.add_argument("--key-id", metavar="ID")
    k.add_argument("--token-label", metavar="LABEL")
    k.add_argument("--pin-file", type=Path, metavar="F")
    k.add_argument("--trust", action="append", type=Path, default=[], metavar="PEM")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_keys_check)
    k = keys_sub.add_parser("remove", help=_("X\u00f3a kh\u00f3a kh\u1ecfi kho"))
    k.add_argument("key", metavar="ID")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_keys_remove)
    k = keys_sub.add_parser("passwd", help=_("\u0110\u1ed5i m\u1eadt kh\u1ea9u kh\u00f3a trong kho"))
    k.add_argument("key", metavar="ID")
    k.add_argument("--pin-file", type=Path, metavar="F", help=_("m\u1eadt kh\u1ea9u hi\u1ec7n t\u1ea1i"))
    k.add_argument("--new-pin-file", type=Path, metavar="F", help=_("m\u1eadt kh\u1ea9u m\u1edbi"))
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_keys_passwd)

    # --- trust ---
    trust = sub.add_parser("trust", help=_("Qu\u1ea3n l\u00fd kho ch\u1ee9ng th\u01b0 g\u1ed1c tin c\u1eady"))
    trust_sub = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    t = trust_sub.add_parser("add", help=_("Th\u00eam ch\u1ee9ng th\u01b0 (PEM/DER/P7B) v\u00e0o kho tin c\u1eady"))
    t.add_argument("file", type=Path, metavar="FILE")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_trust_add)
    t = trust_sub.add_parser("list", help=_("Li\u1ec7t k\u00ea c\u00e1c g\u1ed1c tin c\u1eady"))
    t.add_argument("--all", action="store_true", help=_("c\u1ea3 CA trung gian"))
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_trust_list)
    t = trust_sub.add_parser("remove", help=_("B\u1ecf m\u1ed9t ch\u1ee9ng th\u01b0 kh\u1ecfi kho tin c\u1eady"))
    t.add_argument("sha256", metavar="SHA256")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_trust_remove)
    t = trust_sub.add_parser("confirm", help=_("Ghi nh\u1eadn \u0111\u00e3 \u0111\u1ed1i chi\u1ebfu d\u1ea5u "
                                               "v\u00e2n tay v\u1edbi c\u00f4ng b\u1ed1 ch\u00ednh th\u1ee9c"))
    t.add_argument("sha256", metavar="SHA256")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_trust_confirm)
    t = trust_sub.add_parser("crl-import", help=_("Nh\u1eadp danh s\u00e1ch thu h\u1ed3i (CRL) v\u00e0o b\u1ed9 "
                                                  "nh\u1edb \u0111\u1ec7m ngo\u1ea1i tuy\u1ebfn"))
    t.add_argument("file", type=Path, metavar="CRL")
    t.add_argument("--json", action="store_true")
    t.set_defaults(func=cmd_trust_crl_import)


# --- helpers ---------------------------------------------------------------------------------------


def _load_signer(args: argparse.Namespace, home: Home) -> Any:
    from officer_desk.signing.keystore import (
        Pkcs11Keystore,
        Pkcs12Keystore,
        load_pkcs12_file,
        pin_port_for,
    )

    pins = pin_port_for(getattr(args, "pin_file", None))
    if not getattr(args, "token_module", None) and not getattr(args, "keystore", None):
        acting = getattr(args, "acting", None)
        if acting is None or not acting.set_up:
            raise UsageError(_("C\u1ea7n --keystore P12 ho\u1eb7c --token-module LIB --key-id ID."))
        from officer_desk.accounts.signing import account_signer
        from officer_desk.cli.common import desk_from_args

        desk = desk_from_args(args)
        try:
            return account_signer(desk, pins)
        finally:
            desk.close()
    if getattr(args, "token_module", None):
        if not args.key_id:
            raise UsageError(_("D\u00f9ng token c\u1ea7n --key-id ID (CKA_ID hex ho\u1eb7c serial:HEX)."))
        return Pkcs11Keystore(args.token_module, token_label=args.token_label).load_signer(args.key_id, pins)
    keystore = args.keystore
    path = Path(keystore)
    if path.exists():
        return load_pkcs12_file(path, pins)
    store = Pkcs12Keystore(home)
    return store.load_signer(keystore, pins)


def _read_pdf(path: Path) -> bytes:
    from officer_desk.signing.errors import PdfReadError

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PdfReadError(_("Kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c t\u1ec7p {path}.", path=str(path))) from exc
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfReadError(_("T\u1ec7p {path} kh\u00f4ng ph\u1ea3i PDF.", path=str(path)))
    return data


# --- sign -------------------------------------------------------------------------------------------


def cmd_sign(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cli.collector import loading_stack

    with loading_stack():  # pyHanko's import without the collector's passes (cli/collector.py)
        from officer_desk.fileio import write_bytes_atomic
        from officer_desk.signing import certs
        from officer_desk.signing.pades import PdfSigner, default_visible_placement
        from officer_desk.signing.settings import SigningSettings
        from officer_desk.signing.trust import TrustStore
        from officer_desk.signing.upgrade import UpgradeQueue

    home = Home()
    pdf = _read_pdf(args.input)
    trust = TrustStore.load(home, extra=args.trust)
    settings = SigningSettings.load(home)
    tsa = args.tsa or settings.timestamp_url
    signer = _load_signer(args, home)
    try:
        session = PdfSigner(signer, trust=trust, home=home, timestamp_url=tsa)
    except BaseException:
        signer.close()
        raise
    with session:
        field_name = args.field
        visible = None
        if args.visible:
            found_field, visible = default_visible_placement(
                pdf, signer.common_name, signer.organisation or "", args.seal
            )
            field_name = field_name or found_field
        signed = session.sign(pdf, field_name=field_name, visible=visible, reason=args.reason)
        write_bytes_atomic(args.out, signed)
        outcome = session.last_outcome
        assert outcome is not None
        queued = False
        if tsa and outcome.level == "B-B":
            UpgradeQueue(home).add(args.out)
            queued = True
        payload = {
            "file": str(args.out),
            "signer": signer.common_name,
            "organisation": signer.organisation,
            "field": outcome.field_name,
            "level": outcome.level,
            "signing_time": certs.iso_vn(outcome.signing_time),
            "trust_anchor": session.check.anchor.to_json(),
            "queued_for_timestamp": queued,
        }
        text = _("\u0110\u00e3 k\u00fd {out} "
                 "({level}) b\u1edfi {signer} l\u00fac {time}.", out=str(args.out), level=outcome.level,
                 signer=signer.common_name, time=certs.format_vn(outcome.signing_time))
        if queued:
            text += "\n" + _("M\u00e1y ch\u1ee7 d\u1ea5u th\u1eddi gian kh\u00f4ng tr\u1ea3 l\u1eddi: t\u1ec7p "
                             "\u0111\u00e3 v\u00e0o h\u00e0ng \u0111\u1ee3i \u0111\u1ec3 b\u1ed5 sung d\u1ea5u "
                             "th\u1eddi gian.")
        out.result(payload, text)
    return 0


# --- verify -----------------------------------------------------------------------------------------


def cmd_verify(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.cli.collector import loading_stack

    with loading_stack():  # pyHanko's import without the collector's passes (cli/collector.py)
        from officer_desk.signing.errors import TrustStoreError
        from officer_desk.signing.verify import verify_file

    try:
        report = verify_file(args.file, extra_trust=args.trust, home=Home())
    except TrustStoreError:
        raise
    out.result(report.to_json(), format_report(report))
    return report.exit_code


def format_report(report: Any) -> str:
    """The verification report as officers read it (Vietnamese by default)."""
    from officer_desk.signing.verify import anchor_status_label

    lines = [_("T\u1ec7p: {file} \u2014 "
               "K\u1ebft lu\u1eadn: {verdict}", file=report.file or "-", verdict=report.verdict_label)]
    lines.extend("  " + reason for reason in report.reasons)
    for index, sig in enumerate(report.signatures, start=1):
        lines.append(_("Ch\u1eef k\u00fd {n} "
                       "({field}): {verdict}", n=index, field=sig.field, verdict=sig.verdict_label))
        lines.append("  " + _("Ng\u01b0\u1eddi k\u00fd: {name}", name=sig.signer or "?"))
        if sig.organisation:
            lines.append("  " + _("C\u01a1 quan: {name}", name=sig.organisation))
        if sig.signing_time:
            when = _display_time(sig.signing_time)
            proof = _("c\u00f3 d\u1ea5u"
                      " th\u1eddi"
                      " gian") if sig.timestamped else _("theo m\u00e1y ng\u01b0\u1eddi "
                                                                                   "k\u00fd, kh\u00f4ng c\u00f3 "
                                                                                   "d\u1ea5u th\u1eddi gian")
            lines.append("  " + _("Th\u1eddi gian k\u00fd: {time} ({proof})", time=when, proof=proof))
        integrity = _("nguy\u00ean v\u1eb9n") if sig.integrity == "intact" else _("b\u1ecb thay \u0111\u1ed5i")
        lines.append("  " + _("To\u00e0n v\u1eb9n: {value}", value=integrity))
        modification = {"none": _("kh\u00f4ng"
                                  " c\u00f3"), "allowed": _("ch\u1ec9 thay \u0111\u1ed5i "
                                                                      "\u0111\u01b0\u1ee3c ph\u00e9p"),
                        "illegal": _("c\u00f3 thay \u0111\u1ed5i "
                                     "kh\u00f4ng \u0111\u01b0\u1ee3c ph\u00e9p")}[sig.modification]
        lines.append("  " + _("S\u1eeda \u0111\u1ed5i sau khi k\u00fd: {value}", value=modification))
        if sig.chain:
            lines.append("  " + _("Chu\u1ed7i ch\u1ee9ng th\u01b0: {chain}", chain=" \u2192 ".join(sig.chain)))
        if sig.trust_anchor is not None:
            lines.append("  " + _("G\u1ed1c tin c\u1eady: {subject} ({status}), SHA-256 {sha256}",
                                  subject=sig.trust_anchor.subject,
                                  status=anchor_status_label(sig.trust_anchor.status),
                                  sha256=sig.trust_anchor.sha256))
        revocation = {"good": _("ch\u01b0a b\u1ecb thu h\u1ed3i"), "revoked": _("\u0111\u00e3 b\u1ecb thu h\u1ed3i"),
                      "unknown": _("kh\u00f4ng r\u00f5")}[sig.revocation]
        lines.append("  " + _("Thu h\u1ed3i: {value}", value=revocation))
        for reason in sig.reasons:
            lines.append("  - " + reason)
    return "\n".join(lines)


def _display_time(iso: str) -> str:
    from datetime import datetime

    from officer_desk.signing.certs import format_vn

    return format_vn(datetime.fromisoformat(iso))


# --- keys -------------------------------------------------------------------------------------------


def cmd_keys_import(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.keystore import Pkcs12Keystore, pin_port_for

    entry = Pkcs12Keystore(Home()).import_file(args.file, pin_port_for(args.pin_file), label=args.label)
    out.result(entry.to_json(), _("\u0110\u00e3 nh\u1eadp kh\u00f3a "
                                  "{id}: {name} (h\u1ebft h\u1ea1n {until}).", id=entry.id,
                                  name=entry.common_name, until=entry.not_after[:10]))
    return 0


def cmd_keys_list(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.keystore import Pkcs11Keystore, Pkcs12Keystore
    from officer_desk.signing.settings import SigningSettings

    home = Home()
    module = args.token_module
    if module:
        entries = Pkcs11Keystore(module, token_label=args.token_label).entries()
    else:
        entries = Pkcs12Keystore(home).entries()
        settings = SigningSettings.load(home)
        del settings
    lines = [f"{e.id}  {e.common_name}  {e.organisation or '-'}  {e.serial_hex}  {e.not_after[:10]}  {e.key}"
             for e in entries]
    text = "\n".join(lines) if lines else _("Ch\u01b0a c\u00f3 kh\u00f3a n\u00e0o.")
    out.result({"keys": [e.to_json() for e in entries]}, text)
    return 0


def cmd_keys_check(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing import certs
    from officer_desk.signing.keystore import Pkcs12Keystore
    from officer_desk.signing.trust import TrustStore, check_certificate_for_signing

    home = Home()
    trust = TrustStore.load(home, extra=args.trust)
    if args.key:
        cert, chain = Pkcs12Keystore(home).certificate(args.key)
    elif args.keystore or args.token_module:
        signer = _load_signer(args, home)
        try:
            cert, chain = signer.cert, signer.chain
        finally:
            signer.close()
    else:
        raise UsageError(_("Cho bi\u1ebft kh\u00f3a c\u1ea7n ki\u1ec3m tra: ID, --keystore P12 ho\u1eb7c "
                           "--token-module LIB --key-id ID."))
    result = check_certificate_for_signing(cert, chain, trust)
    payload = {
        "ok": True,
        "subject": result.subject,
        "not_after": certs.iso_vn(cert.not_valid_after_utc),
        "trust_anchor": result.anchor.to_json(),
    }
    out.result(payload, _("Ch\u1ee9ng th\u01b0 {name} d\u00f9ng \u0111\u01b0\u1ee3c \u0111\u1ec3 k\u00fd (g\u1ed1c: "
                          "{anchor}, {status}).",
                          name=certs.common_name(cert), anchor=result.anchor.common_name,
                          status=result.anchor.status))
    return 0


def cmd_keys_remove(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.keystore import Pkcs12Keystore

    entry = Pkcs12Keystore(Home()).remove(args.key)
    out.result({"removed": entry.id}, _("\u0110\u00e3 x\u00f3a "
                                        "kh\u00f3a {id} ({name}).", id=entry.id, name=entry.common_name))
    return 0


def cmd_keys_passwd(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.keystore import Pkcs12Keystore, pin_port_for

    entry = Pkcs12Keystore(Home()).change_password(
        args.key, pin_port_for(args.pin_file), pin_port_for(args.new_pin_file, "--new-pin-file")
    )
    out.result({"changed": entry.id}, _("\u0110\u00e3 \u0111\u1ed5i m\u1eadt kh\u1ea9u kh\u00f3a {id}.", id=entry.id))
    return 0


# --- trust ------------------------------------------------------------------------------------------


def cmd_trust_add(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.trust import add_user_certificates

    added = add_user_certificates(Home(), args.file)
    lines = [_("\u0110\u00e3 th\u00eam "
               "{kind} {subject}, SHA-256 {sha256}", kind=a.kind, subject=a.subject, sha256=a.sha256)
             for a in added]
    if any(a.kind == "anchor" for a in added):
        lines.append(_("G\u1ed1c m\u1edbi c\u00f3 tr\u1ea1ng th\u00e1i 'ch\u01b0a \u0111\u1ed1i chi\u1ebfu' cho "
                       "\u0111\u1ebfn khi ch\u1ea1y 'officer-desk trust confirm SHA256'."))
    out.result({"added": [a.__dict__ for a in added]}, "\n".join(lines))
    return 0


def cmd_trust_list(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing import certs
    from officer_desk.signing.trust import TrustStore
    from officer_desk.signing.verify import anchor_status_label

    store = TrustStore.load(Home())
    anchors = [
        a.to_json() | {"source": a.source, "not_after": certs.iso_vn(a.cert.not_valid_after_utc),
                       "accept_sha1_ca_signatures": a.accept_sha1}
        for a in store.anchors
    ]
    payload: dict[str, Any] = {"anchors": anchors}
    lines = [f"{a.sha256}  [{anchor_status_label(a.status)}]  {a.subject}" for a in store.anchors]
    if args.all:
        payload["intermediates"] = [
            {"subject": certs.subject_text(c), "sha256": certs.sha256_hex(c),
             "not_after": certs.iso_vn(c.not_valid_after_utc)}
            for c in store.intermediates
        ]
        payload["legacy"] = [
            {"subject": certs.subject_text(c), "sha256": certs.sha256_hex(c),
             "not_after": certs.iso_vn(c.not_valid_after_utc)}
            for c in store.legacy
        ]
        lines += [f"{certs.sha256_hex(c)}  [CA]  {certs.subject_text(c)}" for c in store.intermediates + store.legacy]
    out.result(payload, "\n".join(lines))
    return 0


def cmd_trust_remove(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.trust import remove_certificate

    subject = remove_certificate(Home(), args.sha256)
    out.result({"removed": args.sha256.upper(), "subject": subject},
               _("\u0110\u00e3 b\u1ecf {subject} kh\u1ecfi kho tin c\u1eady.", subject=subject))
    return 0


def cmd_trust_confirm(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.trust import confirm_anchor

    anchor = confirm_anchor(Home(), args.sha256)
    out.result(anchor.to_json(), _("\u0110\u00e3 ghi nh\u1eadn: {subject} \u0111\u00e3 \u0111\u1ed1i chi\u1ebfu "
                                   "v\u1edbi c\u00f4ng b\u1ed1 ch\u00ednh th\u1ee9c.",
                                   subject=anchor.subject))
    return 0


def cmd_trust_crl_import(args: argparse.Namespace, out: Output) -> int:
    from officer_desk.signing.trust import import_crl

    issuer = import_crl(Home(), args.file)
    out.result({"issuer": issuer}, _("\u0110\u00e3 nh\u1eadp CRL c\u1ee7a {issuer}.", issuer=issuer))
    return 0
