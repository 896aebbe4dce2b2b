"""Save, load and the journal are linear in nodes per view and attributes per element
(issue 11: saving a 20,000-node view took 22.9 s). Counted, never timed: the number of
executed Python lines for a model twice as big is about twice as many; a quadratic step
(a scan of every node for each node) would make it four times. benchmarks/bench_native.py
prints the times."""

from __future__ import annotations

import sys
from collections.abc import Callable

from egov_modeler.model import Model
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.views import Connection, Node, View
from egov_modeler.storage.journal import Journal, model_base, recover
from egov_modeler.storage.native import loads, model_bytes


def model_of(size: int) -> Model:
    """One view of ``size`` nodes in bands of 10, each connected to the one before
    (connections listed so that half end at a connection listed after them), and one
    element with ``size`` properties."""
    model = Model("n", id="id-m")
    view = View("id-v", "v")
    model.load_view(view)
    previous = None
    for index in range(size):
        if index % 10 == 0:
            band = Node(f"id-b{index}", 0, 0, 900, 900, kind="container")
            view.nodes[band.id] = band
        element = Element(f"id-e{index}", "ApplicationComponent", f"e{index}")
        model.load_element(element)
        node = Node(f"id-n{index}", index, index, 10, 10, element_id=element.id,
                    parent=band.id)
        view.nodes[node.id] = node
        if previous is not None:
            rel = Relationship(f"id-r{index}", "Flow", previous.element_id, element.id)
            model.load_relationship(rel)
            view.connections[f"id-c{index}"] = Connection(
                f"id-c{index}", previous.id, node.id, relationship_id=rel.id)
        previous = node
    connections = list(view.connections.values())
    for index, conn in enumerate(connections[1:], start=1):  # lines on lines, backwards
        rel = Relationship(f"id-a{index}", "Association", conn.relationship_id,
                           connections[index - 1].relationship_id)
        model.load_relationship(rel)
        view.connections[f"id-x{index}"] = Connection(f"id-x{index}", conn.id,
                                                      connections[index - 1].id,
                                                      relationship_id=rel.id)
    model.load_element(Element("id-many", "DataObject", "many",
                               properties=[(f"k{i}", f"v{i}") for i in range(size)]))
    return model


def lines_run(action: Callable[[], object]) -> int:
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        action()
    finally:
        sys.settrace(None)
    return count


def growth(make: Callable[[int], Callable[[], object]]) -> float:
    small, big = lines_run(make(300)), lines_run(make(600))
    return big / small


def saving(size: int) -> Callable[[], object]:
    model = model_of(size)
    return lambda: model_bytes(model)


def loading(size: int) -> Callable[[], object]:
    raw = model_bytes(model_of(size))
    return lambda: loads(raw)


def test_saving_is_linear():
    assert growth(saving) < 2.3


def test_loading_is_linear():
    assert growth(loading) < 2.3


def test_loading_keeps_every_line_on_a_line():
    model = model_of(50)
    again = loads(model_bytes(model))
    assert again.load_report == []
    assert list(again.views[0].connections) == list(model.views[0].connections)


def test_journal_snapshot_and_recovery_are_linear(tmp_path):
    def make(n):
        model = model_of(n)

        def run():
            journal = Journal(tmp_path / f"j{n}.journal", model_base(Model("x", id="id-x")))
            journal.append_snapshot(model)
            journal.close(delete=False)
            recover(journal.path)

        return run

    assert growth(make) < 2.3
