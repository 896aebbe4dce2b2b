"""Vietnamese first: every message the library shows has a Vietnamese form.

Scans the source for ``tr("...")`` calls outside ``ui/`` (the window has its own check)
and looks each literal up in the merged Vietnamese tables.
"""

from __future__ import annotations

import ast
import json

from egov_modeler.i18n import tr, translation_table
from tests.helpers import paths

PACKAGE = paths.PACKAGE
TABLES = PACKAGE / "resources" / "translations" / "vi"


def tr_literals() -> dict[str, str]:
    """``{source string: file}`` for every literal passed to ``tr`` outside the UI."""
    found: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = str(path.relative_to(PACKAGE))
    return found


def test_every_library_message_has_a_vietnamese_translation():
    table = translation_table("vi")
    literals = tr_literals()
    assert len(literals) > 100  # the scan really finds the messages
    missing = sorted(f"{where}: {text!r}" for text, where in literals.items()
                     if text not in table)
    assert missing == []


def test_tables_do_not_contradict_each_other():
    """The per-area files are merged; one source string must not mean two things."""
    seen: dict[str, tuple[str, str]] = {}
    clashes = []
    for path in sorted(TABLES.glob("*.json")):
        for source, target in json.loads(path.read_text(encoding="utf-8")).items():
            if source in seen and seen[source][1] != target:
                clashes.append(f"{source!r}: {seen[source][0]} vs {path.name}")
            seen.setdefault(source, (path.name, target))
    assert clashes == []


def test_translations_keep_their_placeholders():
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    table = translation_table("vi")
    wrong = [source for source, target in table.items() if fields(source) != fields(target)]
    assert wrong == []


def test_english_is_the_source_and_vietnamese_the_default():
    assert tr("Move") == "Di chuyển"
    assert tr("Move", language="en") == "Move"
