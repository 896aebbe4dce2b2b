"""The house plan's layering: model/ and export/ never import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "egov_modeler"
FORBIDDEN = {
    "model": ("PySide6", "shiboken6", "lxml", "reportlab"),
    "export": ("PySide6", "shiboken6"),
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_model_and_export_do_not_import_qt():
    offenders = []
    for layer, forbidden in FORBIDDEN.items():
        for path in (PACKAGE / layer).rglob("*.py"):
            for module in imported_modules(path):
                if module.split(".")[0] in forbidden:
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {module}")
    assert offenders == []


def test_the_scan_sees_an_offending_import(tmp_path):
    """Guard against a scan that can never fail."""
    sample = tmp_path / "bad.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_headless_commands_do_not_load_qt():
    import subprocess
    import sys

    code = ("import sys, egov_modeler.cli as c; c.build_parser(); "
            "import egov_modeler.model, egov_modeler.storage.native; "
            "print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PACKAGE.parent, check=True)
    assert out.stdout.strip() == "False"
