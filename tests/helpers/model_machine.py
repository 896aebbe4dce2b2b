"""The random walk over edits used by tests/model/test_model_state_machine.py and the
journal tests: a random walk over edits, with the model's promises as invariants.

Adds, relates, places, moves, deletes, undoes and redoes at random, and checks after
every step: every relationship obeys the ArchiMate table, save-then-load gives an equal
model, export-then-import gives an equal model, and at the end undoing everything gives
the first model back. Ids are random UUIDs, so draws pick from insertion order, never from
id order (which would make Hypothesis replays differ).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from egov_modeler.exchange.oef_reader import read_exchange_bytes
from egov_modeler.exchange.oef_writer import exchange_bytes
from egov_modeler.model import History, Model, ModelError
from egov_modeler.model.commands import (
    AddConnectionCommand,
    AddElementCommand,
    DeleteElementCommand,
    MoveNodeCommand,
    PlaceNodeCommand,
    RelateCommand,
    RemoveNodeCommand,
    RenameElementCommand,
)
from egov_modeler.model.concepts import Element, Relationship
from egov_modeler.model.ids import new_id
from egov_modeler.model.metamodel import RELATIONSHIP_TYPES
from egov_modeler.model.rules import can_relate, concept_of
from egov_modeler.model.serialization import model_to_dict
from egov_modeler.model.views import Connection, Node
from egov_modeler.storage.native import load, save

TYPES = ["BusinessActor", "BusinessInterface", "ApplicationComponent", "ApplicationService",
         "DataObject", "Node", "CommunicationNetwork", "Requirement", "Grouping"]
NAMES = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạệữỹ ", min_size=1, max_size=12)


class ModelMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.model = Model("Máy trạng thái")
        self.view = self.model.add_view("Sơ đồ")
        self.history = History(self.model)
        self.first = model_to_dict(self.model)
        self.tmp = Path(tempfile.mkdtemp())

    def _do(self, command) -> None:
        before = model_to_dict(self.model)
        try:
            self.history.do(command)
        except ModelError:
            assert model_to_dict(self.model) == before, "a refused edit changed the model"

    @rule(kind=st.sampled_from(TYPES), name=NAMES)
    def add_element(self, kind, name):
        self._do(AddElementCommand(Element(new_id(), kind, name)))

    @precondition(lambda self: len(self.model.elements) >= 1)
    @rule(data=st.data(), rel_type=st.sampled_from(sorted(RELATIONSHIP_TYPES)))
    def relate(self, data, rel_type):
        ids = [e.id for e in self.model.elements] + [r.id for r in self.model.relationships]
        source = data.draw(st.sampled_from(ids))
        target = data.draw(st.sampled_from(ids))
        self._do(RelateCommand(Relationship(new_id(), rel_type, source, target)))

    @precondition(lambda self: len(self.model.elements) >= 1)
    @rule(data=st.data(), x=st.integers(-500, 2000), y=st.integers(-500, 2000))
    def place(self, data, x, y):
        element = data.draw(st.sampled_from(self.model.elements))
        nodes = list(self.view.nodes)
        parent = data.draw(st.sampled_from([None, *nodes])) if nodes else None
        self._do(PlaceNodeCommand(self.view.id, Node(new_id(), x, y, 120, 60,
                                                     element_id=element.id, parent=parent)))

    @precondition(lambda self: len(self.view.nodes) >= 1)
    @rule(data=st.data(), x=st.integers(-500, 2000), y=st.integers(-500, 2000))
    def move(self, data, x, y):
        node_id = data.draw(st.sampled_from(list(self.view.nodes)))
        self._do(MoveNodeCommand(self.view.id, node_id, x, y))

    @precondition(lambda self: len(self.model.elements) >= 1)
    @rule(data=st.data(), name=NAMES)
    def rename(self, data, name):
        element = data.draw(st.sampled_from(self.model.elements))
        self._do(RenameElementCommand(element.id, name))

    @precondition(lambda self: len(self.model.elements) >= 1)
    @rule(data=st.data())
    def delete_from_model(self, data):
        element = data.draw(st.sampled_from(self.model.elements))
        self._do(DeleteElementCommand(element.id))

    @precondition(lambda self: len(self.view.nodes) >= 1)
    @rule(data=st.data())
    def delete_from_view(self, data):
        self._do(RemoveNodeCommand(self.view.id, data.draw(st.sampled_from(list(
            self.view.nodes)))))

    @precondition(lambda self: len(self.model.relationships) >= 1)
    @rule(data=st.data())
    def draw_connection(self, data):
        rel = data.draw(st.sampled_from(self.model.relationships))
        sources = [n.id for n in self.view.nodes.values() if n.element_id == rel.source]
        targets = [n.id for n in self.view.nodes.values() if n.element_id == rel.target]
        if sources and targets:
            self._do(AddConnectionCommand(self.view.id, Connection(
                new_id(), data.draw(st.sampled_from(sources)), data.draw(st.sampled_from(targets)),
                relationship_id=rel.id, bendpoints=[(1, 2)])))

    @rule()
    def undo(self):
        self.history.undo()

    @rule()
    def redo(self):
        self.history.redo()

    @invariant()
    def every_relationship_is_allowed(self):
        for rel in self.model.relationships:
            assert can_relate(concept_of(self.model, rel.source), rel.type,
                              concept_of(self.model, rel.target)), rel

    @invariant()
    def placements_refer_to_existing_things(self):
        for node in self.view.nodes.values():
            assert node.element_id is None or self.model.has_element(node.element_id)
            assert node.parent is None or node.parent in self.view.nodes
        for conn in self.view.connections.values():
            assert conn.source in self.view.nodes and conn.target in self.view.nodes
            assert self.model.has_relationship(conn.relationship_id)

    @invariant()
    def save_then_load_gives_an_equal_model(self):
        path = self.tmp / "m.egov"
        save(self.model, path)
        assert model_to_dict(load(path)) == model_to_dict(self.model)

    @invariant()
    def export_then_import_gives_an_equal_model(self):
        again = read_exchange_bytes(exchange_bytes(self.model), "machine.xml")
        assert model_to_dict(again) == model_to_dict(self.model)

    def teardown(self):
        while self.history.undo():
            pass
        assert model_to_dict(self.model) == self.first
