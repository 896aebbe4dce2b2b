"""Qt's own words in the interface's language: context menus, standard buttons, the file,
print and print-preview dialogs.

Why: the program's strings are translated by :mod:`.translator`, but "Cancel" on a
button box, "&Copy" in a line edit's context menu or "Fit width" in the print preview are
Qt's, and stay English unless Qt's own translation is loaded. Qt ships it as
``qtbase_<lang>.qm`` in its translations folder. PySide6-Essentials has none for
Vietnamese (checked with 6.11: ``qtbase_vi.qm`` is absent), so for a language without
one the program's own table of Qt's strings is used
(``resources/translations/qt/<lang>.json``, keyed by Qt context as Qt asks), and a
``qtbase_<lang>.qm`` that a later PySide6 ships is preferred automatically.

``app.py`` calls :func:`install_qt_translations` with the interface language when the
application starts, after :func:`~.translator.install_translator`.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

log = logging.getLogger(__name__)

__all__ = ["QtTableTranslator", "install_qt_translations", "qt_translation_file"]


@cache
def _table(language: str) -> dict[str, dict[str, str]]:
    entry = resources.files("egov_modeler") / "resources" / "translations" / "qt" / (
        f"{language}.json")
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:  # a broken table must not stop the program
        log.warning("Qt translation table %s unreadable: %s", language, exc)
        return {}
    return {context: strings for context, strings in data.items()
            if isinstance(strings, dict)}


class QtTableTranslator(QTranslator):
    """Qt's own strings from the program's table, by context (Qt's "&Copy" in a line
    edit and in a text edit are asked for under different contexts)."""

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self.table_language = language  # not QTranslator.language(), which Qt asks
        self._table = _table(language)

    def isEmpty(self) -> bool:
        return not self._table

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if not source_text or not context:
            return None
        return self._table.get(context, {}).get(source_text)


def qt_translation_file(language: str) -> Path | None:
    """Qt's own ``qtbase_<language>.qm`` when this Qt has one."""
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    path = folder / f"qtbase_{language}.qm"
    return path if path.is_file() else None


_installed: list[QTranslator] = []


def install_qt_translations(language: str) -> list[QTranslator]:
    """Install Qt's translations for ``language`` (replacing earlier ones): Qt's own
    ``qtbase_<language>.qm`` when present, else the program's table. English installs
    nothing (Qt's strings are English). Returns the translators installed."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("a QApplication must exist before installing translations")
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    if language == "en":
        return []
    official = qt_translation_file(language)
    if official is not None:
        translator = QTranslator(app)
        if translator.load(str(official)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            log.debug("Qt translations from %s", official)
            return list(_installed)
    table = QtTableTranslator(language, app)
    if not table.isEmpty():
        QCoreApplication.installTranslator(table)
        _installed.append(table)
    else:
        log.info("no translation of Qt's own strings for %s", language)
    return list(_installed)
