"""The house plan (docs/architecture.md) as a test: which package may import which.

Every import is read, the lazy ones inside functions too, and each offence names the file
and the line. The rules:

- a package imports only the packages below it (:data:`MAY_IMPORT`);
- ``cli`` reaches ``ui`` only lazily, to open the window (:data:`CLI_WINDOW_ENTRIES`);
- nothing imports the top-level ``egov_modeler/__init__`` (the scripting facade);
- there is no import cycle between packages;
- ``resources/`` holds data only, no Python;
- Qt only in ``ui`` (and lazily in ``cli`` for the window), argparse only in ``cli``,
  lxml and reportlab never in the model, lxml never in the drawing of a view.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

ROOT = "egov_modeler"
PACKAGE = Path(__file__).resolve().parents[1] / ROOT

#: Modules at the top of the package that every package may use: the version and the
#: translation helper (plain Python, below the model).
BASE_MODULES = {"version", "i18n"}

#: package -> the packages it may import (besides itself and the base modules).
MAY_IMPORT: dict[str, set[str]] = {
    "model": set(),
    "diagram": {"model"},
    "storage": {"model"},
    "exchange": {"model", "storage"},
    "export": {"model", "diagram", "storage"},
    "repository": {"model", "storage"},
    "ui": {"model", "diagram", "storage", "exchange", "export", "repository"},
    "cli": {"model", "diagram", "storage", "exchange", "export", "repository", "ui"},
    "__main__": {"cli"},
}

#: The only ways ``cli`` may reach ``ui``: lazily, to open the window.
CLI_WINDOW_ENTRIES = {f"{ROOT}.ui", f"{ROOT}.ui.app"}

#: Third-party modules a package must not import (at all, or only lazily for ``cli``).
FORBIDDEN_LIBRARIES: dict[str, tuple[str, ...]] = {
    "model": ("PySide6", "shiboken6", "lxml", "reportlab", "argparse"),
    # reportlab's font metrics measure text for screen and paper alike; no drawing toolkit
    "diagram": ("PySide6", "shiboken6", "lxml", "argparse"),
    "storage": ("PySide6", "shiboken6", "reportlab", "argparse"),
    "exchange": ("PySide6", "shiboken6", "reportlab", "argparse"),
    "export": ("PySide6", "shiboken6", "argparse"),
    "repository": ("PySide6", "shiboken6", "argparse"),
    "ui": ("argparse",),
}


@dataclass(frozen=True)
class Import:
    """One import statement: where it is, what it imports, whether inside a function."""

    path: Path
    line: int
    module: str  # absolute dotted name, e.g. "egov_modeler.model.views"
    names: tuple[str, ...]  # for "from X import a, b"; empty for "import X"
    lazy: bool

    def where(self) -> str:
        return f"{shown(self.path)}:{self.line}"


def shown(path: Path) -> str:
    """``path`` from the package folder on (``egov_modeler/model/a.py``)."""
    parts = path.parts
    return "/".join(parts[len(parts) - 1 - parts[::-1].index(ROOT):])


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path = PACKAGE) -> list[Import]:
    """Every import in ``path``, relative ones made absolute, with whether it is lazy."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    own = module_name(path, root)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(path, child.lineno, alias.name, (), lazy))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - (child.level - 1)]
                    module = ".".join(base + ([child.module] if child.module else []))
                else:
                    module = child.module or ""
                names = tuple(alias.name for alias in child.names)
                found.append(Import(path, child.lineno, module, names, lazy))
            visit(child, inner)

    visit(tree, False)
    return found


def package_of(module: str) -> str | None:
    """The first-level package of one of our modules (``model``, ``ui``...); ``None`` for
    the top-level facade itself, and the base module's name for a base module."""
    parts = module.split(".")
    if parts[0] != ROOT:
        return None
    return parts[1] if len(parts) > 1 else None


def targets(imp: Import, root: Path = PACKAGE) -> list[str]:
    """What an import reaches: ``from egov_modeler.model import views`` reaches the module
    ``egov_modeler.model.views``; ``from egov_modeler import validate`` reaches the facade
    (returned as ``egov_modeler``)."""
    if not imp.names:
        return [imp.module]
    reached = []
    for name in imp.names:
        candidate = f"{imp.module}.{name}"
        relative = Path(*candidate.split(".")[1:])
        if ((root / relative).with_suffix(".py").exists()
                or (root / relative / "__init__.py").exists()):
            reached.append(candidate)
        else:
            reached.append(imp.module)
    return reached


def offences(root: Path = PACKAGE) -> list[str]:
    """Every broken rule of the house plan, one line each, naming file and line."""
    found: list[str] = []
    graph = nx.DiGraph()
    for path in sorted(root.rglob("*.py")):
        own = module_name(path, root)
        own_package = package_of(own)
        if own_package == "resources":
            found.append(f"{shown(path)}: Python in resources/ (data only)")
            continue
        for imp in imports_of(path, root):
            library = imp.module.split(".")[0]
            if library != ROOT:
                banned = FORBIDDEN_LIBRARIES.get(own_package or "", ())
                if library in banned:
                    found.append(f"{imp.where()}: {own_package} imports {imp.module}")
                elif library in ("PySide6", "shiboken6") and own_package == "cli" and not imp.lazy:
                    found.append(f"{imp.where()}: cli imports {imp.module} at module level")
                continue
            for target in targets(imp, root):
                target_package = package_of(target)
                if target_package is None:
                    if own != ROOT:  # the facade may import its own package
                        found.append(f"{imp.where()}: imports the top-level egov_modeler "
                                     "(the scripting facade)")
                    continue
                if own_package is None or target_package == own_package:
                    continue
                if target_package in BASE_MODULES or own_package in BASE_MODULES:
                    if own_package in BASE_MODULES and target_package not in BASE_MODULES:
                        found.append(f"{imp.where()}: base module {own_package} imports "
                                     f"{target}")
                    continue
                graph.add_edge(own_package, target_package)
                allowed = MAY_IMPORT.get(own_package)
                if allowed is None:
                    found.append(f"{imp.where()}: package {own_package} is not in the house "
                                 "plan (tests/test_architecture.py, docs/architecture.md)")
                elif target_package not in allowed:
                    found.append(f"{imp.where()}: {own_package} imports {target} "
                                 f"({own_package} may import only: "
                                 f"{', '.join(sorted(allowed)) or 'nothing of ours'})")
                elif own_package == "cli" and target_package == "ui" and (
                        not imp.lazy or target not in CLI_WINDOW_ENTRIES):
                    found.append(f"{imp.where()}: cli reaches ui other than lazily through "
                                 f"{' or '.join(sorted(CLI_WINDOW_ENTRIES))}")
    for cycle in nx.simple_cycles(graph):
        found.append("import cycle between packages: " + " -> ".join(cycle + cycle[:1]))
    return found


def test_the_house_plan_holds():
    assert offences() == []


def test_the_plan_names_every_package():
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert packages - {"resources"} <= set(MAY_IMPORT)


def test_docs_name_every_package():
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert all(f"`{name}/`" in text for name in packages)


# --- the test can fail ------------------------------------------------------------------

def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / ROOT
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for folder in [root, *[p for p in root.rglob("*") if p.is_dir()]]:
        (folder / "__init__.py").touch()
    return root


def test_an_upward_lazy_import_is_named_with_file_and_line(tmp_path):
    root = _package(tmp_path, {
        "model/a.py": "x = 1\n\ndef f():\n    from ..storage import native\n",
        "storage/native.py": "",
    })
    assert offences(root) == [
        "egov_modeler/model/a.py:4: model imports egov_modeler.storage.native "
        "(model may import only: nothing of ours)"]


def test_the_facade_python_in_resources_and_cycles_are_refused(tmp_path):
    root = _package(tmp_path, {
        "storage/a.py": "from .. import validate\n",
        "resources/build.py": "",
        "ui/a.py": "from ..cli import b\n",
        "cli/b.py": "from ..ui import a\n",
    })
    found = offences(root)
    assert "egov_modeler/storage/a.py:1: imports the top-level egov_modeler (the scripting " \
           "facade)" in found
    assert "egov_modeler/resources/build.py: Python in resources/ (data only)" in found
    assert any(line.startswith("egov_modeler/ui/a.py:1: ui imports egov_modeler.cli.b")
               for line in found)
    assert any(line.startswith("import cycle between packages:") for line in found)
    assert any("cli reaches ui other than lazily" in line for line in found)


def test_libraries_in_the_wrong_room_are_named(tmp_path):
    root = _package(tmp_path, {
        "diagram/a.py": "def f():\n    from PySide6.QtCore import QObject\n",
        "export/b.py": "import argparse\n",
    })
    assert offences(root) == [
        "egov_modeler/diagram/a.py:2: diagram imports PySide6.QtCore",
        "egov_modeler/export/b.py:1: export imports argparse",
    ]


def test_headless_commands_do_not_load_qt():
    import subprocess
    import sys

    code = ("import sys, egov_modeler.cli as c; c.build_parser(); "
            "import egov_modeler.model, egov_modeler.storage.native; "
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PACKAGE.parent, check=True)
    assert out.stdout.strip() == "False"
