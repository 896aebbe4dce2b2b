"""Qt's side of translation: one ``QTranslator`` that reads the project's JSON tables.

Why not ``.qm`` files: the non-Qt parts translate with :func:`egov_modeler.i18n.tr` from
``resources/translations/<lang>/*.json``; the window looks its strings up in the very same
tables, so a string is translated once for the CLI, the PDF and the window alike. The Qt
context (the class name ``self.tr()`` passes) is ignored: source strings are unique English
sentences, not context-dependent keys.

Counts (``self.tr("%n change(s)", "", n)``): Vietnamese has one form, the table's entry
("%n thay đổi"); English has two, written in the source as Qt's own convention, "(s)" after
the word, which becomes "1 change", "2 changes". Qt puts the number in place of ``%n``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from ..i18n import current_language, translation_table


class TableTranslator(QTranslator):
    """Translate every Qt string through :func:`egov_modeler.i18n.translation_table`."""

    def __init__(self, language: str, parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._table = translation_table(language)

    @property
    def table_language(self) -> str:
        """The language of the table (not QTranslator.language(), which Qt asks)."""
        return self._language

    def isEmpty(self) -> bool:
        return not self._table

    def translate(self, context, source_text, disambiguation=None, n=-1):
        """The table's translation, or ``None`` (a null string) so that Qt falls back to
        the next translator and finally to the English source."""
        if not source_text:
            return None
        found = self._table.get(source_text)
        if n >= 0 and found is None and ENGLISH_PLURAL in source_text:
            return english_count(source_text, n)
        return found


#: How a source string marks the English plural ending of a counted word.
ENGLISH_PLURAL = "(s)"


def english_count(text: str, n: int) -> str:
    """``text`` with each "(s)" as the English form for ``n`` wants it: "" for one,
    "s" for any other number (0 changes, 2 changes)."""
    return text.replace(ENGLISH_PLURAL, "" if n == 1 else "s")


_installed: TableTranslator | None = None


def install_translator(language: str | None = None) -> TableTranslator:
    """Install (or replace) the application's translator for ``language`` (default: current)."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("a QApplication must exist before installing the translator")
    wanted = language or current_language()
    if _installed is not None:
        if _installed.table_language == wanted:
            return _installed
        QCoreApplication.removeTranslator(_installed)
    _installed = TableTranslator(wanted, app)
    QCoreApplication.installTranslator(_installed)
    return _installed


def qtr(text: str) -> str:
    """Translate outside a QObject method (module-level strings, menus built from data)."""
    return QCoreApplication.translate("egov_modeler", text)
