"""Loading the catalogue: the shipped files overlaid with the home's ``procedures/`` folder, cached.

Shipped files load first, then ``$OFFICER_DESK_HOME/procedures/*.yaml`` (same code replaces).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from officer_desk.catalogue.model import Catalogue, CatalogueProblem, Procedure
from officer_desk.catalogue.parser import CATALOGUE_SUFFIXES, format_problems, parse_file
from officer_desk.errors import CatalogueError, InputError
from officer_desk.i18n import _
from officer_desk.logs import get_logger
from officer_desk.paths import Home, resource


def catalogue_files(directory: Path) -> list[Path]:
    """The catalogue files of a folder (``*.yaml``/``*.yml``, not hidden), sorted by name."""
    try:
        entries = list(directory.iterdir())
    except OSError:
        return []
    return sorted(
        p for p in entries
        if p.suffix.lower() in CATALOGUE_SUFFIXES and not p.name.startswith(".") and p.is_file()
    )


def _parse_directory(files: list[Path]) -> tuple[dict[str, Procedure], list[CatalogueProblem]]:
    """Parse files of one folder; a code defined twice is a problem in the second file."""
    procedures: dict[str, Procedure] = {}
    problems: list[CatalogueProblem] = []
    for path in files:
        procedure, file_problems = parse_file(path)
        problems.extend(file_problems)
        if procedure is None:
            continue
        first = procedures.get(procedure.code)
        if first is not None:
            problems.append(CatalogueProblem(
                path, _code_line(path), "code",
                _("mã thủ tục {code} đã có trong {other}", code=procedure.code, other=str(first.source_file)),
            ))
            continue
        procedures[procedure.code] = procedure
    return procedures, problems


def _code_line(path: Path) -> int:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
            if line.startswith("code:"):
                return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def check_directory(path: Path | str) -> list[CatalogueProblem]:
    """Every problem in a folder of catalogue files (or one file); [] when valid.

    Raises InputError when the folder does not exist or cannot be read.
    """
    path = Path(path)
    if path.is_file():
        files = [path]
    else:
        if not path.is_dir():
            raise InputError(_("Thư mục không tồn tại: {path}", path=str(path)))
        try:
            next(iter(path.iterdir()), None)
        except OSError as exc:
            raise InputError(
                _("Không đọc được thư mục {path}: {reason}", path=str(path), reason=exc.strerror or str(exc))
            ) from exc
        files = catalogue_files(path)
    _procedures, problems = _parse_directory(files)
    return problems


# -- the merged catalogue, cached per set of files -------------------------------------------

_cache_lock = threading.Lock()
_cache: dict[tuple[Any, ...], Catalogue] = {}
_CACHE_SIZE = 8


def _fingerprint(files: list[Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for path in files:
        try:
            stat = path.stat()
            out.append((str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            out.append((str(path), -1, -1))
    return tuple(out)


def shipped_procedures_dir() -> Path:
    return resource("procedures")


def load_catalogue(home: Home | None = None, config_aliases: dict[str, str] | None = None) -> Catalogue:
    """The shipped catalogue overlaid with the home's ``procedures/`` folder (same code replaces).

    A problem in a shipped file raises CatalogueError (the installation is broken); a problem in a
    home file skips that file and is listed in ``Catalogue.problems`` (the desk keeps working).
    """
    home = home or Home()
    shipped_dir = shipped_procedures_dir()
    shipped_files = catalogue_files(shipped_dir)
    local_files = catalogue_files(home.procedures)
    aliases_key = tuple(sorted((config_aliases or {}).items()))
    key = (str(shipped_dir), _fingerprint(shipped_files), str(home.procedures), _fingerprint(local_files),
           aliases_key)
    with _cache_lock:
        cached = _cache.get(key)
    if cached is not None:
        return cached
    if not shipped_files:
        raise CatalogueError(_("Không tìm thấy danh mục thủ tục kèm theo phần mềm: {path}", path=str(shipped_dir)))
    procedures, problems = _parse_directory(shipped_files)
    if problems:
        raise CatalogueError(_("Danh mục thủ tục kèm theo phần mềm bị lỗi:\n{problems}",
                               problems=format_problems(problems)))
    local, local_problems = _parse_directory(local_files)
    if local_problems:
        get_logger().warning("catalogue: %d problem(s) in %s", len(local_problems), home.procedures)
    procedures.update(local)
    aliases: dict[str, str] = {}
    for procedure in procedures.values():
        for alias in procedure.aliases:
            aliases.setdefault(alias, procedure.code)
    aliases.update({str(k).strip(): str(v).strip() for k, v in (config_aliases or {}).items()})
    catalogue = Catalogue(procedures, aliases, tuple(local_problems))
    with _cache_lock:
        if len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))
        _cache[key] = catalogue
    return catalogue


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
