"""A file opened is judged beside the window while the progress shows, not on the GUI
thread after its first paint (a national model took a third of a second then, issue 19):
the window shows what that validator found and does not judge the whole model again."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("pytestqt")

from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.incremental_validation import IncrementalValidator
from egov_modeler.storage.native import save


def file_with_an_error(folder) -> str:
    """A model holding a relationship ArchiMate forbids (a file from another tool may)."""
    model = Model("Mô hình", id="id-m")
    model.load_elements([Element("id-data", "DataObject", "Dữ liệu dân cư"),
                         Element("id-citizen", "BusinessActor", "Người dân")])
    model.load_relationship(Relationship("id-bad", "Serving", "id-data", "id-citizen"))
    path = str(folder / "loi.egov")
    save(model, path)
    return path


def count_judging(monkeypatch) -> list[str]:
    """The names of the threads where a validator judged a whole model."""
    threads: list[str] = []
    judge_all = IncrementalValidator._judge_all

    def counted(self: IncrementalValidator) -> None:
        threads.append(threading.current_thread().name)
        judge_all(self)

    monkeypatch.setattr(IncrementalValidator, "_judge_all", counted)
    return threads


def flagged(window) -> set[str]:
    return {i for p in window.problems.problems for i in p.ids}


def test_the_model_is_judged_once_beside_the_window(window, qtbot, tmp_path, monkeypatch):
    path = file_with_an_error(tmp_path)
    threads = count_judging(monkeypatch)
    assert window.files.open_path(path, ask_to_save=False)
    qtbot.waitUntil(lambda: "id-bad" in flagged(window))
    assert threads == ["egov-long-work"]
    window.validate_now()  # nothing changed: asked again, nothing judged again
    assert threads == ["egov-long-work"]


def test_a_rule_failing_beside_the_window_does_not_stop_the_open(window, qtbot, tmp_path,
                                                                 monkeypatch):
    """The open goes on; the window judges the model itself, as before."""
    path = file_with_an_error(tmp_path)
    judge_all = IncrementalValidator._judge_all

    def fails_beside(self: IncrementalValidator) -> None:
        if threading.current_thread().name == "egov-long-work":
            raise RuntimeError("a broken rule")
        judge_all(self)

    monkeypatch.setattr(IncrementalValidator, "_judge_all", fails_beside)
    assert window.files.open_path(path, ask_to_save=False)
    assert window.current_model().has_relationship("id-bad")
    qtbot.waitUntil(lambda: "id-bad" in flagged(window))


def test_a_judged_validator_no_window_took_stops_listening_at_the_next_model(qtbot):
    """A document shown without a window (a script, a test) keeps no validator listening
    to a model it no longer shows."""
    from egov_modeler.ui.document import Document

    document = Document()
    first = Model("Một", id="id-m1")
    judged = IncrementalValidator(first)
    document.replace(first, None, judged=judged)
    assert document.judged is judged
    document.replace(Model("Hai", id="id-m2"), None)
    assert document.judged is None
    first.add_element("ApplicationComponent", "Hệ thống")  # no longer heard
    assert not judged._changes
