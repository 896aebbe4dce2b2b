"""Edit > Preferences: the interface language, kept in ``QSettings`` for the next start.

The dialog writes nothing until OK. The choice applies when the program starts again (see
:mod:`egov_modeler.ui.settings` for why and for the precedence of ``--lang`` and
``EGOV_LANG``); when one of those is in force the dialog says so, because the choice would
otherwise seem to do nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...i18n import current_language
from ..settings import (
    LANGUAGE_ENVIRONMENT,
    environment_language,
    preferred_language,
    set_preferred_language,
)

__all__ = ["LANGUAGE_NAMES", "PreferencesDialog"]

#: Each language under its own name, so a user who cannot read the current one finds theirs.
LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class PreferencesDialog(QDialog):
    """The language of the interface; emits :attr:`language_changed` when OK stores a new
    one."""

    language_changed = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None,
                 environ: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings if settings is not None else QSettings()
        self._stored = preferred_language(self.settings)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        shown = self._stored or current_language()
        self.language.setCurrentIndex(max(0, self.language.findData(shown)))
        note = QLabel(self.tr("The new language applies when the program is started again."),
                      self)
        note.setWordWrap(True)
        self.override_note = QLabel(self)
        self.override_note.setObjectName("override_note")
        self.override_note.setWordWrap(True)
        if environment_language(os.environ if environ is None else environ):
            self.override_note.setText(self.tr(
                "The environment variable {name} is set: it takes precedence over this "
                "choice until it is removed.").format(name=LANGUAGE_ENVIRONMENT))
        self.override_note.setVisible(bool(self.override_note.text()))
        form = QFormLayout()
        form.addRow(self.tr("Interface language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.override_note)
        layout.addWidget(buttons)

    def chosen_language(self) -> str:
        """The language selected in the dialog ("vi" or "en")."""
        return str(self.language.currentData())

    def accept(self) -> None:
        """Store the choice; tell listeners when it differs from what was stored."""
        chosen = self.chosen_language()
        set_preferred_language(self.settings, chosen)
        super().accept()
        if chosen != self._stored:
            self._stored = chosen
            self.language_changed.emit(chosen)
