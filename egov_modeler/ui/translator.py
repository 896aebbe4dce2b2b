"""Qt's side of translation: one ``QTranslator`` that reads the project's JSON tables.

Why not ``.qm`` files: the non-Qt parts translate with :func:`egov_modeler.i18n.tr` from
``resources/translations/<lang>/*.json``; the window looks its strings up in the very same
tables, so a string is translated once for the CLI, the PDF and the window alike. The Qt
context (the class name ``self.tr()`` passes) is ignored: source strings are unique English
sentences, not context-dependent keys.
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
        return self._table.get(source_text)


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
