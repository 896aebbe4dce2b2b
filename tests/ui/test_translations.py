"""Every string the window shows has a Vietnamese translation (the default language).

The window's strings go through Qt's ``tr()``/``translate()``; the translator looks them up
in the same JSON tables as the rest of the program. A string missing from the tables would
show in English to a Vietnamese user, so the sources are scanned for literal strings passed
to those functions.
"""

from __future__ import annotations

import ast
import unicodedata

import pytest

from tests.helpers import paths

UI = paths.PACKAGE / "ui"
OTHER_ENGINEERS = {"pdf_export_dialog.py"}  # has its own table and test


def ui_strings() -> list[tuple[str, str]]:
    found = []
    for path in sorted(UI.rglob("*.py")):
        if path.name in OTHER_ENGINEERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = node.args
            if name in ("tr", "_t", "qtr") and args:
                literal = args[0]
            elif name == "translate" and len(args) >= 2:
                literal = args[1]
            else:
                continue
            if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                found.append((f"{path.name}:{node.lineno}", literal.value))
    return found


def test_the_scan_finds_the_window_strings():
    texts = {text for _, text in ui_strings()}
    assert {"&File", "Palette", "Delete from model"} <= texts


def test_every_window_string_has_a_vietnamese_translation():
    from egov_modeler.i18n import translation_table

    table = translation_table("vi")
    missing = sorted({f"{where}: {text}" for where, text in ui_strings() if text not in table})
    assert not missing, "untranslated:\n" + "\n".join(missing)


def test_translations_keep_their_placeholders_and_are_nfc():
    import json
    import string

    path = UI.parents[0] / "resources" / "translations" / "vi" / "ui.json"
    table = json.loads(path.read_text(encoding="utf-8"))
    fields = string.Formatter()
    for source, target in table.items():
        assert unicodedata.normalize("NFC", target) == target, source
        names = {f for _, f, _, _ in fields.parse(source) if f}
        assert names == {f for _, f, _, _ in fields.parse(target) if f}, source


@pytest.mark.usefixtures("qtbot")
def test_the_qt_translator_uses_the_tables():
    from PySide6.QtCore import QCoreApplication

    from egov_modeler.ui.app import prepare_application

    prepare_application()
    assert QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
    assert QCoreApplication.translate("Any", "an untranslated sentence") == (
        "an untranslated sentence")
