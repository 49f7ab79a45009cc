"""The OCR engine: Tesseract 5 with its Vietnamese data, driven through its command line.

Why the command line: the maintained Python bindings are not installable here (tesserocr needs
compiling against the system's libtesseract; pytesseract is not on the package index this project
uses), and the CLI is the same on Debian and on Windows (UB Mannheim build). The image goes to the
engine's stdin and the result comes back on stdout (TSV), so nothing is written to disk — scans of
identity cards never land in a temporary folder. ``OFFICER_DESK_TESSERACT`` names the executable
where it is not on PATH (Windows).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import Protocol

from PIL import Image

from officer_desk.errors import DeskError
from officer_desk.i18n import _
from officer_desk.ocr.model import Line, Word

TIMEOUT_S = 60
# Page segmentation modes (tesseract --help-psm): a block of text, the whole page, sparse text.
PSM_BLOCK = 6
PSM_AUTO = 3
PSM_SPARSE = 11
MRZ_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"


class OcrEngineError(DeskError):
    """The engine is missing or failed; the officer can still type the values."""

    code = "ocr_engine"
    exit_code = 2


class OcrEngine(Protocol):
    """What the readers need from an engine (Tesseract here; another engine fits the same shape)."""

    def read_lines(self, image: Image.Image, psm: int = PSM_AUTO, language: str = "vie",
                   whitelist: str | None = None) -> list[Line]: ...


@dataclass
class TesseractEngine:
    """Tesseract through its command line; one process per call, one thread each (2-core desks)."""

    executable: str | None = None
    threads: int = 1

    def _binary(self) -> str:
        candidate = self.executable or os.environ.get("OFFICER_DESK_TESSERACT") or shutil.which("tesseract")
        if not candidate:
            raise OcrEngineError(_("Chưa cài Tesseract OCR (gói tesseract-ocr và tesseract-ocr-vie)"))
        return candidate

    def available(self) -> bool:
        try:
            self._binary()
        except OcrEngineError:
            return False
        return True

    def read_lines(self, image: Image.Image, psm: int = PSM_AUTO, language: str = "vie",
                   whitelist: str | None = None) -> list[Line]:
        buffer = io.BytesIO()
        # PGM/PPM: no compression to spend time on, and Leptonica reads it from a pipe.
        image.save(buffer, format="PPM")
        command = [self._binary(), "stdin", "stdout", "-l", language, "--oem", "1", "--psm", str(psm),
                   "--dpi", "300", "-c", "preserve_interword_spaces=1"]
        if whitelist:
            command += ["-c", f"tessedit_char_whitelist={whitelist}"]
        command.append("tsv")
        env = dict(os.environ, OMP_THREAD_LIMIT=str(self.threads))
        try:
            completed = subprocess.run(command, input=buffer.getvalue(), capture_output=True, env=env,
                                       timeout=TIMEOUT_S, check=False)
        except FileNotFoundError as exc:
            raise OcrEngineError(_("Chưa cài Tesseract OCR (gói tesseract-ocr và tesseract-ocr-vie)")) from exc
        except subprocess.TimeoutExpired as exc:
            raise OcrEngineError(_("Nhận dạng chữ quá thời gian cho phép ({seconds} giây)",
                                   seconds=TIMEOUT_S)) from exc
        if completed.returncode != 0:
            if b"Failed loading language" in completed.stderr:
                raise OcrEngineError(_("Thiếu dữ liệu tiếng Việt của Tesseract (gói tesseract-ocr-vie)"))
            raise OcrEngineError(_("Tesseract không đọc được ảnh này"))
        return parse_tsv(completed.stdout.decode("utf-8", errors="replace"))


def parse_tsv(tsv: str) -> list[Line]:
    """Tesseract's TSV (level 5 rows are words) grouped into lines, in reading order."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5":
            continue
        text = parts[11].strip()
        if not text:
            continue
        try:
            left, top, width, height = (int(v) for v in parts[6:10])
            confidence = max(0.0, min(1.0, float(parts[10]) / 100.0))
        except ValueError:
            continue
        key = (int(parts[2]), int(parts[3]), int(parts[4]))
        lines.setdefault(key, []).append(Word(text, confidence, (left, top, width, height)))
    return [Line(tuple(words)) for _key, words in sorted(lines.items(), key=lambda kv: kv[0])]
