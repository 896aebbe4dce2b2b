"""Long work runs off the GUI thread: the window keeps answering, a modal "please wait"
window says what is being done, and the result or the error comes back as if the work had
run in place."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from egov_modeler.ui import long_work
from egov_modeler.ui.long_work import WorkingDialog, run_long


def _shown_dialogs() -> list[WorkingDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, WorkingDialog) and w.isVisible()]


def test_quick_work_returns_its_result_and_shows_nothing(qtbot):
    seen_in: list[str] = []

    def work() -> int:
        seen_in.append(threading.current_thread().name)
        return 42

    assert run_long(None, "Đang ghi hồ sơ PDF…", work) == 42
    assert seen_in == ["egov-long-work"]
    assert not _shown_dialogs()


def test_slow_work_shows_what_it_does_and_the_window_keeps_answering(qtbot):
    """The work waits until the GUI thread, running its event loop, answers it: proof the
    window was not frozen. Meanwhile the progress window is up with the label, and Escape
    does not hide it."""
    release = threading.Event()
    seen: dict[str, object] = {}

    def look() -> None:
        dialogs = _shown_dialogs()
        seen["labels"] = [d.labelText() for d in dialogs]
        seen["modal"] = [d.windowModality() for d in dialogs]
        if dialogs:
            qtbot.keyClick(dialogs[0], Qt.Key.Key_Escape)
            seen["after_escape"] = dialogs[0].isVisible()
        seen["collector_paused"] = not gc.isenabled()
        release.set()

    QTimer.singleShot(int(long_work.QUICK * 1000) + 400, look)

    def work() -> str:
        if not release.wait(timeout=30):
            raise TimeoutError("the GUI thread never answered")
        return "xong"

    assert run_long(None, "Đang ghi hồ sơ PDF…", work) == "xong"
    [label] = seen["labels"]
    assert label.startswith("Đang ghi hồ sơ PDF…\n")
    assert seen["modal"] == [Qt.WindowModality.ApplicationModal]
    assert seen["after_escape"] is True
    assert seen["collector_paused"] is True
    assert gc.isenabled()
    qtbot.waitUntil(lambda: not _shown_dialogs())


def test_an_error_in_the_work_is_raised_where_it_was_asked_for(qtbot):
    def work() -> None:
        raise OSError("ổ đĩa đầy")

    with pytest.raises(OSError, match="ổ đĩa đầy"):
        run_long(None, "Đang ghi tệp trao đổi…", work)
    assert gc.isenabled()



@pytest.mark.parametrize("how", ["button", "escape"])
def test_stoppable_work_has_a_stop_button_and_stopping_raises_cancelled(qtbot, how):
    """Stop (or Escape) asks the work to stop; the window stays up saying so until the
    work reaches its next safe point, and the caller gets ``Cancelled``."""
    from PySide6.QtWidgets import QPushButton

    from egov_modeler.model.cancel import Cancelled, CancelToken

    token = CancelToken()
    asked = threading.Event()
    seen: dict[str, object] = {}

    def look() -> None:
        [dialog] = _shown_dialogs()
        button = dialog.findChild(QPushButton)
        seen["button"] = button.text() if button is not None else None
        if how == "button":
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        seen["label"] = dialog.labelText()
        seen["still_up"] = dialog.isVisible()
        seen["button_after"] = button.isEnabled()
        asked.set()

    QTimer.singleShot(int(long_work.QUICK * 1000) + 400, look)

    def work() -> str:
        while not asked.wait(timeout=0.05):  # busy until the user answers
            token.check()
        token.check()  # the next safe point
        return "written"

    with pytest.raises(Cancelled):
        run_long(None, "Đang ghi hồ sơ PDF…", work, cancel=token)
    assert seen["button"] == long_work._t("Stop")
    assert str(seen["label"]).startswith(long_work._t("Stopping…"))
    assert seen["still_up"] is True and seen["button_after"] is False
    qtbot.waitUntil(lambda: not _shown_dialogs())


def test_work_without_a_token_has_no_stop_button(qtbot):
    from PySide6.QtWidgets import QPushButton

    dialog = WorkingDialog("Đang mở…", None, 0.0)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton) is None


@pytest.mark.parametrize("paint_meanwhile", [True, False])
def test_painting_meanwhile_runs_the_windows_timers_before_the_progress_shows(
        qtbot, paint_meanwhile):
    """The work waits for a timer of the GUI thread. Painting meanwhile, the timer runs
    within the quick wait and no progress window is needed; the plain wait holds the GUI
    thread, so the timer runs only once the progress window is up."""
    ran = threading.Event()
    dialogs_then: list[list[WorkingDialog]] = []

    def tick() -> None:
        dialogs_then.append(_shown_dialogs())
        ran.set()

    QTimer.singleShot(30, tick)

    def work() -> str:
        if not ran.wait(timeout=30):
            raise TimeoutError("the GUI thread never ran its timer")
        return "xong"

    assert run_long(None, "Đang lưu…", work, paint_meanwhile=paint_meanwhile) == "xong"
    assert bool(dialogs_then[0]) is not paint_meanwhile
    assert gc.isenabled()
    qtbot.waitUntil(lambda: not _shown_dialogs())
