"""Long runs of the issue-16 harnesses: fuzzed dossier files, one-character QR changes, the PDF attack
corpus, mutated sync bundles and kill -9 injection. Prints one line per harness: tried, refused as
expected, defects.

    .venv/bin/python bench/bench_hardening.py [--files 10000] [--bundles 10000] [--kills 100] [--seed 16]
                                              [--only NAME]

The CI-sized versions of the same checks are tests/unit/test_properties.py,
tests/integration/test_bundle_properties.py, tests/integration/test_signature_attacks.py and
tests/integration/test_kill_injection.py.
"""

from __future__ import annotations

import argparse
import copy as copy_module
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NASTY: list[object] = [
    None, "", " ", "\u0000", "\ud800", "A" * 100_000, "9" * 5000, -1, 0, 1.5e308, [], {}, [[[[[]]]]],
    "01/01/0001 00:00", "31/12/9999 23:59", "9999-12-31T23:59:59+00:00", "29/02/2026 08:00", "../../etc/passwd",
    "/etc/passwd", "C:\\Windows\\win.ini", "\u202e", "ĐẶNG THỊ MAI" * 50, True, "NaN", {"$ref": "#"},
]
FIELDS = ["dossier_code", "procedure_code", "received_at", "channel", "format", "applicant", "applicant.full_name",
          "applicant.id_number", "applicant.date_of_birth", "applicant.phone", "attachments", "attachments.0.file",
          "attachments.1.file", "attachments.0.kind", "form", "co_applicant"]


def _mutate(data: dict[str, object], rng: random.Random) -> str:
    """One mutated dossier file as text: a nasty value in a field, a raw byte flip or a JSON oddity."""
    kind = rng.random()
    if kind < 0.6:
        copy = json.loads(json.dumps(data))
        for _step in range(rng.randint(1, 3)):
            *parents, last = rng.choice(FIELDS).split(".")
            target: object = copy
            for key in parents:
                if isinstance(target, list) and key.isdigit() and int(key) < len(target):
                    target = target[int(key)]
                elif isinstance(target, dict) and isinstance(target.get(key), (dict, list)):
                    target = target[key]
                else:
                    target = None
                    break
            value = copy_module.deepcopy(rng.choice(NASTY))  # shared lists/dicts would alias
            if isinstance(target, list) and last.isdigit() and int(last) < len(target):
                target[int(last)] = value
            elif isinstance(target, dict):
                target[last] = value
        try:
            return json.dumps(copy, ensure_ascii=rng.random() < 0.5)
        except (ValueError, OverflowError):
            return json.dumps(copy, ensure_ascii=True, default=str)
    text = json.dumps(data, ensure_ascii=False)
    if kind < 0.8:
        chars = list(text)
        for _step in range(rng.randint(1, 8)):
            chars[rng.randrange(len(chars))] = chr(rng.choice([0x22, 0x7B, 0x7D, 0x5B, 0x5D, 0x3A, 0x2C, 0x5C,
                                                               rng.randint(0, 0x2FF)]))
        return "".join(chars)
    oddities = ['"ratio": NaN, ', '"ratio": Infinity, ', '"big": ' + "7" * 4400 + ", ", '"deep": ' + "[" * 5000
                + "]" * 5000 + ", ", '"format": "x", ']
    return text.replace("{", "{" + rng.choice(oddities), 1)


def fuzz_import(files: int, seed: int) -> dict[str, object]:
    from officer_desk.cli import main

    rng = random.Random(seed)
    sample = json.loads((ROOT / "tests" / "data" / "dossiers" / "tam-tru-dang-thi-mai.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        os.environ.update(OFFICER_DESK_HOME=str(base / "home"), OFFICER_DESK_NO_KEYRING="1")
        inputs = base / "in"
        inputs.mkdir()
        (inputs / "hop-dong-thue.pdf").write_bytes((ROOT / "tests/data/dossiers/hop-dong-thue.pdf").read_bytes())
        for index in range(files):
            data = {**sample, "dossier_code": str(sample["dossier_code"])[:-4] + f"{index % 10000:04d}"}
            (inputs / f"f{index:06d}.json").write_text(_mutate(data, rng), encoding="utf-8", errors="surrogatepass")
        out = base / "result.json"
        start = time.perf_counter()
        real_stdout = sys.stdout
        with out.open("w", encoding="utf-8") as handle:
            sys.stdout = handle
            try:
                code = main(["import", str(inputs), "--json"])
            finally:
                sys.stdout = real_stdout
        elapsed = time.perf_counter() - start
        result = json.loads(out.read_text(encoding="utf-8"))
    internal = [f for f in result.get("failed", []) if "mã tra cứu" in f["error"] or "internal" in f["error"]]
    return {"harness": "import fuzz", "tried": files, "imported": len(result.get("imported", [])),
            "skipped": len(result.get("skipped", [])), "refused_as_expected": len(result.get("failed", [])),
            "exit": code, "defects": len(internal) + (1 if "error" in result else 0),
            "seconds": round(elapsed, 1), "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def qr_changes(seed: int) -> dict[str, object]:
    from datetime import datetime

    from officer_desk.paths import Home
    from officer_desk.receipts.qr import VIETNAM_TIME, QrKeyring, make_payload, verify_payload

    with tempfile.TemporaryDirectory() as folder:
        keyring = QrKeyring(Home(Path(folder)))
        keyring.ensure_desk_key("000.00.01.X99-Q01")
        payload = make_payload(doc_type="receipt", dossier_code="000.00.01.X99-261127-0007",
                               applicant_name="Đặng Thị Mai",
                               appointment=datetime(2026, 12, 2, 8, 0, tzinfo=VIETNAM_TIME),
                               issued_at=datetime(2026, 11, 27, 8, 45, 3, tzinfo=VIETNAM_TIME), keyring=keyring)
        alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
        tried = genuine = 0
        for position in range(len(payload)):
            for char in alphabet:
                if char == payload[position]:
                    continue
                tried += 1
                if verify_payload(payload[:position] + char + payload[position + 1:], keyring).status == "genuine":
                    genuine += 1
    return {"harness": "QR one-character changes", "tried": tried, "refused_as_expected": tried - genuine,
            "defects": genuine}


def attack_corpus() -> dict[str, object]:
    import tempfile as tf

    from officer_desk.paths import Home
    from officer_desk.signing.keystore import StaticPinPort, load_pkcs12_file
    from officer_desk.signing.pades import LOCK_CERTIFY, PdfSigner
    from officer_desk.signing.stamp import StampSpec
    from officer_desk.signing.trust import TrustStore
    from officer_desk.signing.verify import verify_pdf
    from tests.helpers import pdf_attacks
    from tests.helpers.signing import PIN, _build_pki, make_receipt_pdf

    folder = Path(tf.mkdtemp())
    pki = _build_pki(folder)
    home = Home(folder / "home")
    trust = TrustStore.load(home, extra=[pki.root_pem])
    spec = StampSpec(page=0, box=(180, 30, 400, 100), signer_name="A", organisation="B")
    with PdfSigner(load_pkcs12_file(pki.good.p12, StaticPinPort(PIN)), trust=trust) as signer:
        documents = {
            "certified receipt": signer.sign(make_receipt_pdf(), visible=spec, lock=LOCK_CERTIFY),
            "result with fields": signer.sign(pdf_attacks.form_pdf(), visible=spec),
        }
    tried = expected = 0
    defects: list[str] = []
    for doc_name, signed in documents.items():
        for name, attack in pdf_attacks.ATTACKS.items():
            if name.startswith("form_field") and doc_name == "certified receipt":
                continue
            tried += 1
            verdict = verify_pdf(attack(signed), trust=trust).verdict
            if verdict == pdf_attacks.EXPECTED[name]:
                expected += 1
            else:
                defects.append(f"{doc_name}/{name}: {verdict}")
    return {"harness": "PDF signature attack corpus", "tried": tried, "refused_as_expected": expected,
            "defects": len(defects), "detail": defects}


def bundle_fuzz(count: int, seed: int) -> dict[str, object]:
    """``count`` damaged or malformed bundles imported at a desk that trusts the sender: each must be refused
    with the contract's exit code (2 only when the file does not start like a bundle, else 1) and the
    receiving database and home must end exactly as they began."""
    from collections import Counter

    from officer_desk.desk import open_desk
    from officer_desk.errors import DeskError
    from officer_desk.paths import Home
    from officer_desk.sync.bundle import MAGIC, BundleRefusedError, NotABundleError, export_bundle, import_bundle
    from officer_desk.sync.engine import desk_identity
    from officer_desk.sync.identity import trust_identity
    from tests.helpers.bundles import fingerprint, mutate

    rng = random.Random(seed)
    defects: list[str] = []
    kinds: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        os.environ.update(OFFICER_DESK_NO_KEYRING="1", OFFICER_DESK_OFFICER="bench")
        inbox = base / "in"
        inbox.mkdir()
        for name in ("tam-tru-dang-thi-mai.json", "hop-dong-thue.pdf"):
            (inbox / name).write_bytes((ROOT / "tests/data/dossiers" / name).read_bytes())
        sender, receiver = open_desk(Home(base / "a")), open_desk(Home(base / "b"))
        try:
            sender.cases.import_paths([inbox])
            ids = desk_identity(sender), desk_identity(receiver)
            trust_identity(receiver.db, ids[0].public, "admin")
            trust_identity(sender.db, ids[1].public, "admin")
            export_bundle(sender, base / "one.odb")
            export_bundle(sender, base / "two.odb")
            genuine, second = (base / "one.odb").read_bytes(), (base / "two.odb").read_bytes()
            before = fingerprint(receiver)
            probe = base / "probe.odb"
            start = time.perf_counter()
            for index in range(count):
                kind, data = mutate(rng, genuine, second, *ids)
                kinds[kind] += 1
                probe.write_bytes(data)
                expected = 1 if data.startswith(MAGIC) else 2
                try:
                    import_bundle(receiver, probe)
                    defects.append(f"{index} {kind}: applied")
                except (NotABundleError, BundleRefusedError) as exc:
                    if exc.exit_code != expected:
                        defects.append(f"{index} {kind}: exit {exc.exit_code}, expected {expected}")
                except DeskError as exc:
                    defects.append(f"{index} {kind}: {exc.code}")
                except Exception as exc:  # noqa: BLE001 - what the officer would see as "internal"
                    defects.append(f"{index} {kind}: internal {type(exc).__name__}")
            elapsed = time.perf_counter() - start
            if fingerprint(receiver) != before:
                defects.append("the receiving desk changed")
        finally:
            sender.close()
            receiver.close()
    return {"harness": "mutated sync bundles", "tried": count, "refused_as_expected": count - len(defects),
            "defects": len(defects), "seconds": round(elapsed, 1), "kinds": dict(sorted(kinds.items())),
            "detail": defects[:5]}


def kills(count: int, seed: int) -> Iterator[dict[str, object]]:
    """One row per command, as soon as that command's kills are done."""
    from tests.helpers import kill_injection as kill
    from tests.helpers.signing import make_receipt_pdf

    def row(s: kill.KillStats) -> dict[str, object]:
        return {"harness": f"kill -9 during {s.command}", "tried": s.runs, "killed_while_running": s.killed,
                "finished_before_kill": s.finished_before_kill, "refused_as_expected": s.runs - len(s.defects),
                "defects": len(s.defects), "detail": s.defects[:5]}

    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        home = base / "home"
        kill.cli(home, "demo")
        codes = kill.make_dossiers(base / "in", count)
        kill.cli(home, "import", str(base / "in"))
        (base / "out").mkdir()
        yield row(kill.kill_receipts(home, base / "out", codes, random.Random(seed), max_delay=4.0))
        imports = kill.make_dossiers(base / "in2", 20, start=5000)
        yield row(kill.kill_imports(base / "home2", base / "in2", imports, random.Random(seed + 1), 3.0, count))
        source = base / "doc.pdf"
        source.write_bytes(make_receipt_pdf())
        (base / "signed").mkdir()
        yield row(kill.kill_signs(home, source, base / "signed", home / "demo" / "desk.p12",
                                  home / "demo" / "desk.pin", random.Random(seed + 2), 3.0, count))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--bundles", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--only", choices=["import", "qr", "attacks", "bundles", "kills"])
    args = parser.parse_args()
    # the box is shared: every figure is reported with the load it was measured at
    load = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    print(json.dumps({"command": " ".join(sys.argv), "seed": args.seed, "load_average_at_start": load}), flush=True)
    results: list[dict[str, object]] = []

    def report(row: dict[str, object]) -> None:
        # each harness's line as soon as it is done: a long run cut short keeps what it measured
        results.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)

    if args.only in (None, "qr"):
        report(qr_changes(args.seed))
    if args.only in (None, "attacks"):
        report(attack_corpus())
    if args.only in (None, "import"):
        report(fuzz_import(args.files, args.seed))
    if args.only in (None, "bundles"):
        report(bundle_fuzz(args.bundles, args.seed))
    if args.only in (None, "kills"):
        for row in kills(args.kills, args.seed):
            report(row)
    if hasattr(os, "getloadavg"):
        print(json.dumps({"load_average_at_end": [round(x, 2) for x in os.getloadavg()]}))
    return 1 if any(row["defects"] for row in results) else 0


if __name__ == "__main__":
    sys.exit(main())
