"""Preferences: the interface language, kept for the next start, and its precedence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from egov_modeler.ui.dialogs.preferences import PreferencesDialog
from egov_modeler.ui.settings import (
    LANGUAGE_KEY,
    preferred_language,
    set_preferred_language,
    startup_language,
)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _dialog(qtbot, settings, environ=None):
    dialog = PreferencesDialog(settings, environ=environ or {})
    qtbot.addWidget(dialog)
    return dialog


def test_choosing_english_is_kept_for_the_next_start(qtbot, settings, tmp_path):
    dialog = _dialog(qtbot, settings)
    assert dialog.language.currentText() == "Tiếng Việt"  # the running language
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    with qtbot.waitSignal(dialog.language_changed) as signal:
        dialog.accept()
    assert signal.args == ["en"]
    reread = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert preferred_language(reread) == "en"
    assert startup_language(None, {}, reread) == "en"


def test_cancel_keeps_nothing(qtbot, settings):
    dialog = _dialog(qtbot, settings)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.reject()
    assert preferred_language(settings) is None


def test_opens_on_the_stored_choice_and_says_nothing_when_it_is_kept(qtbot, settings):
    set_preferred_language(settings, "en")
    dialog = _dialog(qtbot, settings)
    assert dialog.chosen_language() == "en"
    with qtbot.assertNotEmitted(dialog.language_changed):
        dialog.accept()


def test_says_when_egov_lang_overrides_the_choice(qtbot, settings):
    assert _dialog(qtbot, settings).override_note.isHidden()
    overridden = _dialog(qtbot, settings, {"EGOV_LANG": "en"})
    assert not overridden.override_note.isHidden()
    assert "EGOV_LANG" in overridden.override_note.text()


@pytest.mark.parametrize(("cli", "env", "stored", "expected"), [
    (None, {}, None, "vi"),
    (None, {}, "en", "en"),
    (None, {"EGOV_LANG": "vi"}, "en", "vi"),
    ("en", {"EGOV_LANG": "vi"}, "vi", "en"),
    (None, {"EGOV_LANG": "fr"}, "en", "en"),  # an unknown value does not count
])
def test_precedence_is_command_line_then_environment_then_preferences(
        settings, cli, env, stored, expected):
    if stored:
        set_preferred_language(settings, stored)
    assert startup_language(cli, env, settings) == expected


def test_a_stored_value_this_version_does_not_know_is_ignored(settings):
    settings.setValue(LANGUAGE_KEY, "klingon")
    assert preferred_language(settings) is None
    with pytest.raises(ValueError):
        set_preferred_language(settings, "klingon")


def test_the_window_starts_in_the_preferred_language(qtbot, monkeypatch):
    """``run_app`` (what ``egov-modeler`` runs) applies Preferences when neither ``--lang``
    nor ``EGOV_LANG`` is given."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import egov_modeler.ui as ui
    from egov_modeler.i18n import current_language
    from egov_modeler.ui.app import run_app

    seen = []

    class Files:
        def offer_recovery(self):
            pass

    class Window:
        files = Files()

        def show(self):
            seen.append(current_language())

    monkeypatch.setattr(ui, "open_window", lambda path=None: Window())
    monkeypatch.delenv("EGOV_LANG", raising=False)
    set_preferred_language(QSettings(), "en")  # the test's own settings (conftest)
    try:
        QTimer.singleShot(0, QApplication.quit)
        assert run_app() == 0
        monkeypatch.setenv("EGOV_LANG", "vi")
        QTimer.singleShot(0, QApplication.quit)
        run_app()
        QTimer.singleShot(0, QApplication.quit)
        run_app(language="en")
    finally:
        from egov_modeler.i18n import set_language
        from egov_modeler.ui.translator import install_translator

        set_language("vi")
        install_translator("vi")  # the next tests' windows speak Vietnamese again
    assert seen == ["en", "vi", "en"]
