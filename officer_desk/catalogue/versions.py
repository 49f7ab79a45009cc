"""Effective-dated procedures: one file, several versions, each in force from ``valid_from`` to ``valid_to``.

```yaml
code: '1.004859'
processing_days: 3            # the keys every version shares
versions:
- valid_to: 2026-06-30        # the first version may start open
  sources: [...]
- valid_from: 2026-07-01      # the last may end open
  processing_days: 2          # what this version changes
```

Each version is the file's top-level keys overlaid with the version's own keys. Versions must follow each
other without a gap or an overlap (the next ``valid_from`` is the day after the previous ``valid_to``);
``catalogue check`` reports ``PATH:LINE: versions[i].valid_from: …`` otherwise. A dossier is judged by the
version in force on its receipt date (``Procedure.version_on``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yaml.nodes import MappingNode, Node

from officer_desk.catalogue.model import CatalogueProblem, Procedure
from officer_desk.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable


def _line(node: Node) -> int:
    return node.start_mark.line + 1 if node.start_mark is not None else 1


def parse_versions(path: Path, root: MappingNode, parser_class: Callable[[Path], Any]) -> tuple[
    Procedure | None, list[CatalogueProblem]
]:
    """All versions of a versioned file; the newest carries the others in ``versions``."""
    problems: list[CatalogueProblem] = []
    shared = [(k, v) for k, v in root.value if k.value != "versions"]
    versions_node = next(v for k, v in root.value if k.value == "versions")
    if not isinstance(versions_node, MappingNode) and not hasattr(versions_node, "value"):
        problems.append(CatalogueProblem(path, _line(versions_node), "versions", _("versions phải là danh sách")))
        return None, problems
    items = versions_node.value if isinstance(versions_node.value, list) else []
    if not items or not all(isinstance(item, MappingNode) for item in items):
        problems.append(CatalogueProblem(path, _line(versions_node), "versions",
                                         _("versions phải là danh sách các bảng khóa (valid_from, valid_to, …)")))
        return None, problems
    parsed: list[tuple[MappingNode, Procedure]] = []
    for index, item in enumerate(items):
        own = {k.value for k, _v in item.value}
        merged = MappingNode(root.tag, [(k, v) for k, v in shared if k.value not in own] + list(item.value),
                             item.start_mark, item.end_mark)
        parser = parser_class(path)
        procedure = parser.parse(merged)
        for problem in parser.problems:
            problems.append(replace(problem, key=f"versions[{index}].{problem.key}" if problem.key in own
                                    else problem.key))
        if procedure is not None:
            parsed.append((item, procedure))
    if problems or len(parsed) != len(items):
        return None, _unique(problems)
    for index, ((item, version), (next_item, following)) in enumerate(zip(parsed, parsed[1:], strict=False)):
        if version.valid_to is None:
            problems.append(CatalogueProblem(path, _line(item), f"versions[{index}].valid_to",
                                             _("chỉ phiên bản cuối cùng được để trống valid_to")))
        elif following.valid_from is None:
            problems.append(CatalogueProblem(path, _line(next_item), f"versions[{index + 1}].valid_from",
                                             _("chỉ phiên bản đầu tiên được để trống valid_from")))
        elif following.valid_from <= version.valid_to:
            problems.append(CatalogueProblem(
                path, _line(next_item), f"versions[{index + 1}].valid_from",
                _("các phiên bản chồng lên nhau: {start} không sau {end}", start=str(following.valid_from),
                  end=str(version.valid_to))))
        elif following.valid_from != version.valid_to + timedelta(days=1):
            problems.append(CatalogueProblem(
                path, _line(next_item), f"versions[{index + 1}].valid_from",
                _("khoảng trống giữa các phiên bản: sau {end} phải là {start}", end=str(version.valid_to),
                  start=str(version.valid_to + timedelta(days=1)))))
    for index, (item, version) in enumerate(parsed):
        if version.valid_from and version.valid_to and version.valid_to < version.valid_from:
            problems.append(CatalogueProblem(path, _line(item), f"versions[{index}].valid_to",
                                             _("valid_to trước valid_from")))
    if problems:
        return None, problems
    all_versions = tuple(version for _item, version in parsed)
    newest = replace(all_versions[-1], versions=all_versions)
    return newest, []


def _unique(problems: list[CatalogueProblem]) -> list[CatalogueProblem]:
    seen: set[tuple[int, str, str]] = set()
    out = []
    for problem in problems:
        key = (problem.line, problem.key, problem.message)
        if key not in seen:
            seen.add(key)
            out.append(problem)
    return out
