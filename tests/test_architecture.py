"""Layering rules, checked on the source: who may import whom, no Qt outside ui/, no import cycles.

Every ``import`` and ``from ... import`` counts, wherever it is written: at module level, inside a
function or under ``if TYPE_CHECKING:``. An import written inside a function to dodge a cycle is still
a cycle: the two modules cannot be understood, tested or moved apart.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "officer_desk"


@dataclass(frozen=True)
class Layer:
    """Modules under ``prefix`` (minus ``except_for``) may import only ``may_import`` of the package,
    and none of the outside packages in ``forbidden_outside``."""

    name: str
    prefix: str
    may_import: tuple[str, ...] | None = None  # None: any module of the package (minus ``may_not_import``)
    may_not_import: tuple[str, ...] = ()
    forbidden_outside: tuple[str, ...] = ()
    except_for: tuple[str, ...] = ()


# The allowed-dependency table. Prefixes match a module and everything below it.
LAYERS = (
    Layer("models depend on nothing above them", "officer_desk.models",
          may_import=("officer_desk.models", "officer_desk.errors", "officer_desk.i18n", "officer_desk.paths",
                      "officer_desk.schema_version")),  # a constant: the newest revision
    Layer("rules are plain functions over values", "officer_desk.rules",
          may_import=("officer_desk.rules", "officer_desk.i18n", "officer_desk.text", "officer_desk.paths"),
          forbidden_outside=("sqlalchemy", "PySide6")),
    Layer("screening rules never touch the database", "officer_desk.screening",
          may_not_import=("officer_desk.models", "officer_desk.cases", "officer_desk.desk", "officer_desk.database"),
          forbidden_outside=("sqlalchemy",), except_for=("officer_desk.screening.service",)),
    Layer("the UI never imports models or SQLAlchemy", "officer_desk.ui",
          may_not_import=("officer_desk.models",), forbidden_outside=("sqlalchemy",)),
    Layer("signing never imports models", "officer_desk.signing",
          may_not_import=("officer_desk.models", "officer_desk.cases", "officer_desk.desk", "officer_desk.ui"),
          forbidden_outside=("sqlalchemy",)),
    Layer("the core never imports Qt", "officer_desk",
          forbidden_outside=("PySide6", "shiboken6"), except_for=("officer_desk.ui",)),
)


def module_files(package: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package (``__init__`` is the package itself)."""
    modules: dict[str, Path] = {}
    for path in sorted(package.rglob("*.py")):
        parts = [package.name, *path.relative_to(package).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_names(name: str, path: Path) -> set[str]:
    """Every module name an Import/ImportFrom node anywhere in the file names (relative ones resolved).

    ``from a.b import c`` yields ``a.b`` and ``a.b.c`` (c may be a submodule; the caller keeps known ones).
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    base = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - (node.level - 1)]
                module = ".".join([*anchor, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def dependency_graph(package: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(edges between the package's modules, outside top-level packages each module imports).

    Importing ``a.b.c`` runs ``a`` and ``a.b`` first, so those are edges too, except the importer's own
    parent packages (already being imported when it runs).
    """
    modules = module_files(package)
    edges: dict[str, set[str]] = {}
    outside: dict[str, set[str]] = {}
    for name, path in modules.items():
        own_parents = {".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)}
        edges[name] = set()
        outside[name] = set()
        for target in imported_names(name, path):
            parts = target.split(".")
            if parts[0] != package.name:
                outside[name].add(parts[0])
                continue
            for i in range(1, len(parts) + 1):
                candidate = ".".join(parts[:i])
                if candidate == name or candidate not in modules:
                    continue
                if candidate in own_parents and i < len(parts):
                    continue  # a parent package on the way to a submodule: already importing
                edges[name].add(candidate)
    return edges, outside


def import_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, Iterable[str]]] = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
    return cycles


def _under(module: str, prefixes: Iterable[str]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def layer_violations(edges: dict[str, set[str]], outside: dict[str, set[str]]) -> list[str]:
    found: list[str] = []
    for layer in LAYERS:
        for module in sorted(edges):
            if not _under(module, (layer.prefix,)) or _under(module, layer.except_for):
                continue
            for target in sorted(edges[module]):
                if layer.may_import is not None and not _under(target, layer.may_import):
                    found.append(f"{layer.name}: {module} imports {target}")
                elif _under(target, layer.may_not_import):
                    found.append(f"{layer.name}: {module} imports {target}")
            for package in sorted(outside[module] & set(layer.forbidden_outside)):
                found.append(f"{layer.name}: {module} imports {package}")
    return found


def test_no_import_cycles_in_the_package() -> None:
    edges, _outside = dependency_graph(PACKAGE)
    assert import_cycles(edges) == []


def test_the_allowed_dependency_table_holds() -> None:
    edges, outside = dependency_graph(PACKAGE)
    assert layer_violations(edges, outside) == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for relative, source in files.items():
        path = root / "officer_desk" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root / "officer_desk"


def test_the_cycle_check_sees_imports_inside_functions_and_type_checking(tmp_path: Path) -> None:
    package = _write(tmp_path, {
        "__init__.py": "",
        "a.py": "from officer_desk import b\n",
        "b.py": "def f():\n    from officer_desk.c import g\n    return g\n",
        "c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n",
        "d.py": "import officer_desk.a\n",
    })
    edges, _outside = dependency_graph(package)
    assert import_cycles(edges) == [["officer_desk.a", "officer_desk.b", "officer_desk.c"]]


def test_a_package_reexporting_its_submodules_is_not_a_cycle_but_importing_it_back_is(tmp_path: Path) -> None:
    package = _write(tmp_path, {
        "__init__.py": "",
        "p/__init__.py": "from officer_desk.p.x import X\n",
        "p/x.py": "from officer_desk.p.y import Y\nX = Y\n",
        "p/y.py": "Y = 1\n",
        "q.py": "from officer_desk.p.y import Y\n",
    })
    edges, _outside = dependency_graph(package)
    assert import_cycles(edges) == []
    assert edges["officer_desk.q"] == {"officer_desk.p", "officer_desk.p.y"}  # importing p.y runs p first
    (package / "p" / "y.py").write_text("from officer_desk.p import X\nY = 1\n", encoding="utf-8")
    edges, _outside = dependency_graph(package)
    assert import_cycles(edges) == [["officer_desk.p", "officer_desk.p.x", "officer_desk.p.y"]]


def test_the_table_catches_a_model_reading_config_and_qt_in_the_core(tmp_path: Path) -> None:
    package = _write(tmp_path, {
        "__init__.py": "",
        "config.py": "",
        "models/__init__.py": "",
        "models/session.py": "def f():\n    from officer_desk.config import load\n",
        "rules/__init__.py": "import sqlalchemy\n",
        "leaky.py": "from PySide6.QtCore import QObject\n",
        "ui/__init__.py": "from PySide6.QtCore import QObject\n",
    })
    edges, outside = dependency_graph(package)
    assert layer_violations(edges, outside) == [
        "models depend on nothing above them: officer_desk.models.session imports officer_desk.config",
        "rules are plain functions over values: officer_desk.rules imports sqlalchemy",
        "the core never imports Qt: officer_desk.leaky imports PySide6",
    ]


def test_signing_sources_are_ascii() -> None:
    """Electrum's rule: signing code stays plain ASCII (labels come from translations)."""
    for path in (PACKAGE / "signing").rglob("*.py"):
        path.read_text(encoding="utf-8").encode("ascii")
