"""Command-line start-up as processes, each against its reference in the same run (issue 17).

    .venv/bin/python bench/bench_cli_startup.py [--runs 7] [--only verify,sign]

Pairs, interleaved (reference, desk, reference, desk, ...), the ratio taken pair by pair and its median
reported with its spread (quartiles, min/max, how many single pairs met the goal), so a load change during
the run hits both sides and a median that only just meets a goal shows as such:

- ``officer-desk --help`` against a bare ``python -c pass`` (goal: ≤ 5×);
- ``officer-desk screen FILE`` on a home with a database (the read-only duplicate lookup included) against
  a Python process that reads the same JSON (goal: ≤ 10×);
- ``officer-desk verify PDF`` against ``pyhanko sign validate`` on the same file and trust roots, revocation
  checks off on both (the desk has nothing to fetch offline either) (goal: < 1×);
- ``officer-desk sign`` against ``pyhanko sign addsig pkcs12`` with the same PKCS#12 file (goal: < 1×).

A throw-away demo home (its demo CA, one imported dossier) is made under a temporary folder. Byte-code
caches are written first (compileall), as an installed desk has them. The pyHanko CLI is the
``pyhanko-cli`` package (bench only). Prints one JSON object; figures go to bench/README.md by hand.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DESK = [str(BIN / "officer-desk")]
SAMPLE = ROOT / "tests" / "data" / "dossiers" / "tam-tru-dang-thi-mai.json"
# goal per pair: (ratio, strict) — desk / reference < ratio when strict, else <= ratio
GOALS = {"help": (5.0, False), "screen": (10.0, False), "verify": (1.0, True), "sign": (1.0, True)}


def _run(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-500:]}")
    return elapsed


def _pairs(reference: list[str], desk: list[str], env: dict[str, str], runs: int, goal: float,
           strict: bool) -> dict[str, object]:
    _run(reference, env)  # warm the page cache for both sides
    _run(desk, env)
    ref_times, desk_times, ratios = [], [], []
    for _ in range(runs):
        ref = _run(reference, env)
        mine = _run(desk, env)
        ref_times.append(ref)
        desk_times.append(mine)
        ratios.append(mine / ref)
    ratios.sort()
    quartiles = statistics.quantiles(ratios, n=4) if len(ratios) >= 2 else [ratios[0]] * 3
    return {"reference_ms": round(statistics.median(ref_times) * 1000, 1),
            "desk_ms": round(statistics.median(desk_times) * 1000, 1),
            "ratio_median": round(statistics.median(ratios), 2),
            # the spread says whether a median within the goal is reliable: how many single pairs met it
            "ratio_p25_p75": [round(quartiles[0], 2), round(quartiles[2], 2)],
            "ratio_min_max": [round(ratios[0], 2), round(ratios[-1], 2)],
            "pairs_within_goal": f"{sum(r < goal if strict else r <= goal for r in ratios)}/{len(ratios)}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", default="help,screen,verify,sign",
                        help="comma-separated subset of help,screen,verify,sign")
    args = parser.parse_args()
    only = set(args.only.split(","))
    compileall.compile_dir(str(ROOT / "officer_desk"), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="od-cli-bench-"))
    env = {**os.environ, "OFFICER_DESK_HOME": str(work / "home"), "OFFICER_DESK_NO_KEYRING": "1",
           "PYTHONWARNINGS": "ignore"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("OFFICER_DESK_DATABASE_URL", None)
    load_before = [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None
    try:
        subprocess.run([*DESK, "demo", "--cases", "0", "--json"], env=env, check=True, capture_output=True)
        inbox = work / "in"
        inbox.mkdir()
        shutil.copy(SAMPLE, inbox / "a.json")
        shutil.copy(SAMPLE.parent / "hop-dong-thue.pdf", inbox)
        subprocess.run([*DESK, "import", str(inbox / "a.json")], env=env, check=True, capture_output=True)
        dossier = json.loads(SAMPLE.read_text(encoding="utf-8"))
        dossier["dossier_code"] = dossier["dossier_code"][:-4] + "0099"  # a duplicate of the queued one
        screen_file = inbox / "again.json"
        screen_file.write_text(json.dumps(dossier, ensure_ascii=False), encoding="utf-8")

        demo = work / "home" / "demo"
        blank = work / "blank.pdf"
        subprocess.run([sys.executable, "-c", "from reportlab.pdfgen import canvas\n"
                        f"c = canvas.Canvas({str(blank)!r}); c.drawString(100, 700, 'Officer Desk'); c.save()"],
                       check=True)
        signed = work / "signed.pdf"
        subprocess.run([*DESK, "sign", str(blank), "--out", str(signed), "--keystore", str(demo / "officer.p12"),
                        "--pin-file", str(demo / "officer.pin")], env=env, check=True, capture_output=True)
        pyhanko = str(BIN / "pyhanko")
        pairs = {
            "help": ([sys.executable, "-c", "pass"], [*DESK, "--help"]),
            "screen": ([sys.executable, "-c", f"import json; json.load(open({str(screen_file)!r}, 'rb'))"],
                       [*DESK, "screen", str(screen_file)]),
            "verify": ([pyhanko, "sign", "validate", "--no-revocation-check", "--trust",
                        str(demo / "demo-root.pem"), "--other-certs", str(demo / "demo-intermediate.pem"),
                        str(signed)],
                       [*DESK, "verify", str(signed)]),
            "sign": ([pyhanko, "sign", "addsig", "--field", "Sig1", "pkcs12", "--passfile",
                      str(demo / "officer.pin"), "--chain", str(demo / "demo-intermediate.pem"), str(blank),
                      str(work / "ref.pdf"), str(demo / "officer.p12")],
                     [*DESK, "sign", str(blank), "--out", str(work / "desk.pdf"), "--keystore",
                      str(demo / "officer.p12"), "--pin-file", str(demo / "officer.pin")]),
        }
        results: dict[str, object] = {name: _pairs(reference, desk, env, args.runs, *GOALS[name])
                                      for name, (reference, desk) in pairs.items() if name in only}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    results["goals"] = {name: f"{'<' if strict else '<='} {goal:g}" for name, (goal, strict) in GOALS.items()}
    results["load_average"] = {
        "before": load_before,
        "after": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
    }
    print(json.dumps(results, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
