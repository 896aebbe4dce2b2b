"""Shared test set-up.

Qt must run offscreen: without it (and without a DISPLAY) pytest-qt aborts the whole run.
The reference data from the Open Group and Archi is read from ../shared at test time.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("EGOV_LANG", "vi")

from tests.helpers.paths import SHARED

if (SHARED / "archimate" / "xsd").is_dir():
    # The exchange import validates against the Open Group schemas when it has them; at
    # test time they come from ../shared (the program itself never reads ../shared).
    os.environ.setdefault("EGOV_MODELER_OEF_XSD_DIR", str(SHARED / "archimate" / "xsd"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"reference data not found at {SHARED}")
    return SHARED


@pytest.fixture(autouse=True)
def _vietnamese_by_default():
    """Every test starts in Vietnamese, the program's default language."""
    from egov_modeler.i18n import set_language

    set_language("vi")
    yield
    set_language("vi")


@pytest.fixture(autouse=True, scope="session")
def _empty_clipboard_before_qt_exits():
    """Qt (offscreen) crashes while tearing down a clipboard that still holds our data at
    interpreter exit — after every test passed, but the run then ends with a segfault. A
    test that copies or cuts leaves data there, so the session empties it last."""
    yield
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
            app.processEvents()


@pytest.fixture(autouse=True)
def _legacy_profile_active_again():
    """Commands that load a model make its framework profile the active one (the palette's);
    each test starts from the default again."""
    yield
    from egov_modeler.model.catalog import LEGACY_PROFILE, set_active_profile

    set_active_profile(LEGACY_PROFILE)
