"""The scene's and the model tree's subscription to the model ends safely, even twice."""

from __future__ import annotations

from egov_modeler.model.model import Model
from egov_modeler.ui.model_listener import ModelListener


def test_events_reach_the_callback_until_stopped_and_a_second_stop_is_harmless():
    model = Model()
    seen: list[object] = []
    listener = ModelListener()
    listener.follow(model, seen.append)
    model.add_element("BusinessActor", "Công dân")
    assert len(seen) >= 1 and listener.active
    listener.stop()
    listener.stop()  # a view removed, then its tab closed: must not raise
    count = len(seen)
    model.add_element("BusinessActor", "Doanh nghiệp")
    assert len(seen) == count and not listener.active


def test_following_another_model_stops_following_the_first():
    first, second = Model(), Model()
    seen: list[object] = []
    listener = ModelListener()
    listener.follow(first, seen.append)
    listener.follow(second, seen.append)
    first.add_element("BusinessActor", "Công dân")
    assert seen == []
    second.add_element("BusinessActor", "Công dân")
    assert len(seen) >= 1
