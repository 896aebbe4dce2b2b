"""Which inventory rows a model change touches: the ids of the elements and relationships
whose row may have to be worked out again, added or taken away.

Why: the Inventory dock used to read its three tables again after every edit, undo and
redo; at 20,000 elements, sorted or filtered, that was a third of a second after each one
(every row's sort key and search text made again). An edit touches a handful of rows, and
the model says which concepts changed (:mod:`egov_modeler.model.events`); this module
turns those events into the rows to look at again.

A row shows its own concept and, one relationship away, the names of others: a connection
shows its two ends' names (and is a row only while both ends are objects), a task its gaps,
the objects it realizes or is associated with and the agencies assigned to it. So a change
of an element touches its row, the rows of its relationships and the rows at their other
ends; a relationship added, changed or removed touches its row and its two ends' rows. A
removed relationship is gone from the model when its event comes, so its ends are kept
here, by id, from when the model was read.

The events carry ids only, and several may come for one edit (deleting an element sends
its relationships' removals first); the ids are gathered and handed over once the edit is
over. A change that may touch everything (another file loaded, the model's profile or
properties changed) asks for the tables to be read again instead.
"""

from __future__ import annotations

from ...model import events as ev
from ...model.model import Model

#: Events after which every row may differ: the tables are read again.
EVERYTHING = (ev.ModelReset, ev.ModelPropertiesChanged)


class TouchedRows:
    """The concept ids whose inventory rows the model's changes touched since the last
    :meth:`take`, or "everything"."""

    def __init__(self) -> None:
        self.model: Model | None = None
        #: Relationship id -> its (source, target), for the ends of a removed one.
        self._ends: dict[str, tuple[str, str]] = {}
        self._ids: dict[str, None] = {}
        self.everything = False

    def follow(self, model: Model) -> None:
        """Note the ends of ``model``'s relationships (the tables were just read from it)
        and forget what was noted before."""
        self.model = model
        self._ends = {rel.id: (rel.source, rel.target) for rel in model.relationships}
        self._ids = {}
        self.everything = False

    def pending(self) -> bool:
        return self.everything or bool(self._ids)

    def count(self) -> int:
        """How many ids are noted (what decides between updating rows and reading all)."""
        return len(self._ids)

    def take(self) -> list[str]:
        """The ids noted, in the order first touched; noted again from nothing."""
        ids = list(self._ids)
        self._ids = {}
        self.everything = False
        return ids

    def note(self, event: ev.ModelEvent) -> None:
        """Note what ``event`` touches (the model already holds the change)."""
        model = self.model
        if model is None or self.everything:
            return
        if isinstance(event, EVERYTHING):
            self.everything = True
            self._ids = {}
        elif isinstance(event, (ev.ElementAdded, ev.ElementChanged)):
            self._element(model, event.element_id)
        elif isinstance(event, ev.ElementRemoved):
            self._ids[event.element_id] = None
        elif isinstance(event, (ev.RelationshipAdded, ev.RelationshipChanged)):
            self._relationship(model, event.relationship_id)
        elif isinstance(event, ev.RelationshipRemoved):
            rel_id = event.relationship_id
            self._ids[rel_id] = None
            ends = self._ends.pop(rel_id, None)
            if ends is not None:
                self._ids.update(dict.fromkeys(ends))

    def _element(self, model: Model, element_id: str) -> None:
        ids = self._ids
        ids[element_id] = None
        for rel in model.relationships_of(element_id):
            ids[rel.id] = None
            ids[rel.target if rel.source == element_id else rel.source] = None

    def _relationship(self, model: Model, rel_id: str) -> None:
        ids = self._ids
        ids[rel_id] = None
        old = self._ends.pop(rel_id, None)
        if old is not None:  # the ends it had (a line reconnected leaves its old ends)
            ids.update(dict.fromkeys(old))
        if model.has_relationship(rel_id):
            rel = model.relationship(rel_id)
            self._ends[rel_id] = (rel.source, rel.target)
            ids[rel.source] = None
            ids[rel.target] = None
