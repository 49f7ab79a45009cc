"""Upgrading offline signatures when the network returns: validation data (DSS) and a document
timestamp, added as incremental updates so the first signature stays intact.

Files signed B-B while a timestamp server was configured but unreachable are queued in
``$OFFICER_DESK_HOME/signing/upgrade-queue.json``; :meth:`UpgradeQueue.process` retries them.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.signers.pdf_signer import PdfTimeStamper
from pyhanko.sign.timestamps import HTTPTimeStamper, TimeStamper, TimestampRequestError
from pyhanko.sign.validation.dss import async_add_validation_info

from officer_desk.fileio import write_bytes_atomic, write_text_atomic
from officer_desk.i18n import _
from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.errors import PdfReadError, SigningError
from officer_desk.signing.trust import TrustStore, run_sync


@dataclass
class UpgradeReport:
    upgraded: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    remaining: list[Path] = field(default_factory=list)


class UpgradeQueue:
    """Files waiting for a timestamp and validation data."""

    def __init__(self, home: Home | None = None) -> None:
        self.home = home or Home()
        self.path = self.home.root / "signing" / "upgrade-queue.json"

    def _read(self) -> list[dict[str, str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [item for item in data.get("files", []) if isinstance(item, dict) and "path" in item]

    def _write(self, items: list[dict[str, str]]) -> None:
        write_text_atomic(self.path, json.dumps({"files": items}, ensure_ascii=False, indent=1) + "\n")

    def add(self, file: Path) -> None:
        items = self._read()
        target = str(Path(file).resolve())
        if all(item["path"] != target for item in items):
            items.append({"path": target, "queued_at": certs.iso_vn(certs.now_utc())})
            self._write(items)

    def pending(self) -> list[Path]:
        return [Path(item["path"]) for item in self._read()]

    def remove(self, file: Path) -> None:
        target = str(Path(file).resolve())
        self._write([item for item in self._read() if item["path"] != target])

    def process(self, timestamper: TimeStamper | str, trust: TrustStore | None = None) -> UpgradeReport:
        """Upgrade every queued file; those the TSA could not serve stay queued."""
        if isinstance(timestamper, str):
            timestamper = HTTPTimeStamper(timestamper, timeout=10)
        trust = trust if trust is not None else TrustStore.load(self.home)
        report = UpgradeReport()
        for file in self.pending():
            try:
                data = file.read_bytes()
            except OSError:
                self.remove(file)
                report.failed.append((file, _("T\u1ec7p kh\u00f4ng c\u00f2n t\u1ed3n t\u1ea1i.")))
                continue
            try:
                upgraded = upgrade_pdf(data, timestamper, trust)
            except _Unreachable:
                report.remaining.append(file)
                continue
            except (SigningError, PdfReadError) as exc:
                report.failed.append((file, exc.message))
                self.remove(file)
                continue
            write_bytes_atomic(file, upgraded)
            self.remove(file)
            report.upgraded.append(file)
        return report


class _Unreachable(Exception):
    pass


def upgrade_pdf(data: bytes, timestamper: TimeStamper, trust: TrustStore) -> bytes:
    """Add DSS validation data for every signature, then a document timestamp (PAdES B-LTA style)."""
    return run_sync(_upgrade(data, timestamper, trust))


async def _upgrade(data: bytes, timestamper: TimeStamper, trust: TrustStore) -> bytes:
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        signatures = list(reader.embedded_regular_signatures)
    except (PdfError, ValueError, KeyError) as exc:
        raise PdfReadError(_("T\u1ec7p PDF h\u1ecfng, kh\u00f4ng \u0111\u1ecdc \u0111\u01b0\u1ee3c ({detail}).",
                             detail=str(exc)[:120])) from exc
    if not signatures:
        raise SigningError(_("T\u00e0i li\u1ec7u kh\u00f4ng c\u00f3 ch\u1eef k\u00fd s\u1ed1 n\u00e0o."))
    current = data
    for index in range(len(signatures)):
        reader = PdfFileReader(io.BytesIO(current), strict=False)
        sig = list(reader.embedded_regular_signatures)[index]
        context = trust.validation_context(revocation_mode="soft-fail", other_certs=sig.other_embedded_certs)
        try:
            out = await async_add_validation_info(sig, context, skip_timestamp=True, output=io.BytesIO())
            current = out.getvalue()
        except Exception:  # noqa: BLE001 - untrusted or odd chains: the timestamp still helps
            continue
    writer = IncrementalPdfFileWriter(io.BytesIO(current), strict=False)
    try:
        out = await PdfTimeStamper(timestamper).async_timestamp_pdf(writer, "sha256", output=io.BytesIO())
    except (TimestampRequestError, OSError) as exc:
        raise _Unreachable() from exc
    return out.getvalue()
