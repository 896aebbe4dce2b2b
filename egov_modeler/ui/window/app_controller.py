"""What belongs to the program rather than the model: Help > About (version, framework
profiles, licences) and Edit > Preferences (the interface language)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..dialogs.about import AboutDialog
from ..dialogs.file_actions import Dialogs
from ..dialogs.preferences import LANGUAGE_NAMES, PreferencesDialog
from .actions import make_action


class AppController(QObject):
    """Help > About, Edit > Preferences."""

    def __init__(self, settings: QSettings, dialogs: Dialogs,
                 show_status: Callable[..., None], parent: QWidget) -> None:
        super().__init__(parent)
        self.settings = settings
        self.dialogs = dialogs
        self.show_status = show_status
        self._parent_widget = parent
        self.act_about = make_action(self, self.tr("&About egov-modeler"), self.about)
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_preferences = make_action(self, self.tr("&Preferences…"), self.preferences,
                                           QKeySequence.StandardKey.Preferences)
        self.act_preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    def fill_help_menu(self, menu: QMenu) -> None:
        menu.addAction(self.act_about)

    def about(self) -> None:
        dialog = AboutDialog(self._parent_widget)
        try:
            self.dialogs.run_dialog(dialog)
        finally:
            dialog.deleteLater()

    def preferences(self) -> bool:
        dialog = PreferencesDialog(self.settings, self._parent_widget)
        dialog.language_changed.connect(self._language_changed)
        try:
            return self.dialogs.run_dialog(dialog)
        finally:
            dialog.deleteLater()

    def _language_changed(self, language: str) -> None:
        self.show_status(self.tr("The interface will be in {language} when the program is "
                                 "started again").format(
            language=LANGUAGE_NAMES.get(language, language)))
