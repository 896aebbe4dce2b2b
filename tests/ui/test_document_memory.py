"""A national-scale model is kept out of Python's cycle collector while it is open (the
collector's walks over half a million objects froze the window in the middle of edits,
issue 19), and let go of when another model replaces it: opening model after model does
not pile them up in memory."""

from __future__ import annotations

import gc
import weakref

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QCoreApplication, QEvent

from egov_modeler.model.model import Model
from tests.helpers.national_view_model import build_national_model


def settle(qtbot) -> None:
    """What the event loop does after a replacement: Qt deletes the old editor and
    diagrams, paints the new diagram, then runs what waited for that paint."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    qtbot.wait(200)


def test_an_open_national_model_is_frozen_and_released_when_replaced(window, qtbot):
    first = build_national_model(3000, 300)
    window.document.replace(first, None)
    settle(qtbot)
    one_model = gc.get_freeze_count()
    assert one_model > 50_000  # the model and its views are out of the collector's walks
    gone = weakref.ref(first.view(next(iter(v.id for v in first.views))))
    del first
    window.document.replace(build_national_model(3000, 300), None)
    settle(qtbot)
    # the collection waits for the new diagram's first paint, which a busy machine makes
    # later than the settling above: wait for it rather than for a time
    qtbot.waitUntil(lambda: gone() is None, timeout=10_000)  # collected, not frozen again
    assert gc.get_freeze_count() < one_model * 1.5  # one model frozen, not two
    window.document.replace(Model("Nhỏ"), None)  # a small model: nothing frozen
    settle(qtbot)
    assert gc.get_freeze_count() == 0


def test_opening_after_a_small_model_makes_no_full_collection(window, qtbot):
    """The template shown at start leaves little behind: opening a national model after
    it freezes the new model at once and makes no full collection over it after the
    first paint (a third of a second at 20,000 elements); replacing that model by
    another does, so the first is freed."""
    full: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    window.document.replace(Model("Mẫu nhỏ"), None)
    settle(qtbot)
    gc.callbacks.append(note)
    try:
        window.document.replace(build_national_model(3000, 300), None)
        settle(qtbot)
        assert full == []
        assert gc.get_freeze_count() > 50_000
        window.document.replace(build_national_model(3000, 300), None)
        settle(qtbot)
        qtbot.waitUntil(lambda: len(full) >= 1, timeout=10_000)  # after the first paint
    finally:
        gc.callbacks.remove(note)
