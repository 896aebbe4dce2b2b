"""Starting the window: the QApplication, the translator, the bundled font.

``run_app`` is what ``egov-modeler [FILE]`` calls (see :mod:`egov_modeler.cli`);
:func:`prepare_application` is shared with :func:`egov_modeler.ui.open_window` so that
tests and scripts that make their own ``QApplication`` get the same set-up.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..i18n import set_language
from .app_icon import application_icon
from .qt_translations import install_qt_translations
from .settings import startup_language
from .translator import install_translator

log = logging.getLogger(__name__)

ORGANIZATION = "egov-modeler"
APPLICATION = "egov-modeler"

_font_family: str | None = None


def register_fonts() -> str:
    """Register the bundled Vietnamese-capable font with Qt; returns the family to use.

    The canvas uses the same TrueType files as the PDF (:mod:`egov_modeler.diagram.fonts`),
    so names wrap at the same places on screen and on paper. When the font package is
    missing the platform's default family is used and a warning is logged.
    """
    global _font_family
    if _font_family is not None:
        return _font_family
    family = QFont().defaultFamily()
    try:
        from ..diagram.fonts import FONT_FAMILY, FONT_WEIGHTS, font_path

        loaded = False
        for weight in FONT_WEIGHTS:
            if QFontDatabase.addApplicationFont(str(font_path(weight))) >= 0:
                loaded = True
        if loaded:
            family = FONT_FAMILY
        else:
            log.warning("the bundled font could not be registered; using %s", family)
    except Exception as exc:
        log.warning("bundled font unavailable (%s); using %s", exc, family)
    _font_family = family
    return family


def ui_font_family() -> str:
    """The family registered by :func:`register_fonts` (registering it if needed)."""
    return register_fonts()


def prepare_application(app: QCoreApplication | None = None) -> QCoreApplication:
    """Set names, translator and font on the running application (idempotent)."""
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create a QApplication before opening the window")
    if not app.organizationName():
        app.setOrganizationName(ORGANIZATION)
    if app.applicationName() in ("", "python", "python3") or not app.applicationName():
        app.setApplicationName(APPLICATION)
    install_translator()
    from ..i18n import current_language

    install_qt_translations(current_language())  # Qt's own buttons and menus too
    if isinstance(app, QApplication):
        app.setWindowIcon(application_icon())
        family = register_fonts()
        font = QFont(family)
        font.setPointSizeF(max(app.font().pointSizeF(), 9.0))
        app.setFont(font)
    return app


def run_app(path: str | None = None, language: str | None = None) -> int:
    """Open the main window on ``path`` (or the national template) and run until closed.

    ``language`` is ``--lang`` from the command line; without it ``EGOV_LANG`` and then the
    language chosen in Preferences apply (:func:`~egov_modeler.ui.settings.startup_language`).
    """
    app = QApplication.instance()
    if app is None:
        # Named before anything asks for a settings or data folder: started as
        # "python -m egov_modeler" Qt would otherwise call the program "__main__.py".
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        app = QApplication(sys.argv[:1])
    set_language(startup_language(language, os.environ, QSettings()))
    prepare_application(app)
    from . import open_window

    window = open_window(path)
    window.show()
    window.files.offer_recovery()  # edits a crash left unsaved (see ui/recovery.py)
    return int(app.exec())
