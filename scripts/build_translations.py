"""Compile the Qt translations (resources/translations/*.ts -> .qm) and merge the core catalogues.

Run by the set-up scripts; safe to run again (only stale outputs are rebuilt).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"


def lrelease() -> str | None:
    candidates = [Path(sys.executable).parent / "pyside6-lrelease", shutil.which("pyside6-lrelease")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return str(candidate)
    return None


def main() -> int:
    tool = lrelease()
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            print("pyside6-lrelease not found; Qt translations not compiled", file=sys.stderr)
            return 1
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
