"""The model: elements and relationships, plus views and folders.

The model is the single source of truth for concepts. It keeps them in its own store:
the elements by id, the relationships by id, and for every concept at the end of a
relationship the relationships leaving it and those reaching it (a relationship may be
the end of another: ArchiMate allows an association to a relationship). Both orders are
the order concepts were added, which is the file's order for a model read from one.

Why not a networkx graph, as it once was: filling networkx's dictionaries (one per
relationship, one per pair of ends, each in both directions) took twice as long as
everything else of reading the relationships of a 20,000-element model, and the model
never used a networkx algorithm (issue 19). Layout still uses networkx, on a graph made
for it.

Public editing methods (:meth:`Model.add_element`, :meth:`Model.relate`) run commands, so
scripted edits, undo and the journal all take the same path. The underscore methods are
the primitive mutations the commands are made of; each emits one change event. File
readers use the ``load_*`` methods, which add what a file holds without judging it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ..i18n import tr
from . import events as ev
from .concepts import Element, Folder, Profile, Relationship
from .errors import DuplicateIdError, UnknownIdError
from .ids import new_id
from .views import Connection, Node, View

if TYPE_CHECKING:
    from .commands.base import Command

log = logging.getLogger(__name__)

Subscriber = Callable[[ev.ModelEvent], None]
CommandListener = Callable[["Command"], None]


class Model:
    """One architecture model: concepts, views, folders and model-level properties."""

    def __init__(self, name: str = "", language: str = "vi", id: str | None = None) -> None:
        self.id: str = id or new_id()
        self.name = name
        self.names: dict[str, str] = {}
        self.documentation = ""
        self.documentations: dict[str, str] = {}
        self.language = language
        self.properties: list[tuple[str, str]] = []
        self.property_types: dict[str, str] = {}
        self.metadata: dict[str, str] = {}
        self.folders: list[Folder] = []
        #: Specializations (Archi's profiles) that concepts name in ``specialization``.
        self.profiles: list[Profile] = []
        #: Image files the profiles refer to, by path (``images/abc.png``).
        self.images: dict[str, bytes] = {}
        self._elements: dict[str, Element] = {}
        self._relationships: dict[str, Relationship] = {}
        #: Concept id -> the relationships leaving it, and reaching it, by id; a concept
        #: no relationship touches has no entry.
        self._outgoing: dict[str, dict[str, Relationship]] = {}
        self._incoming: dict[str, dict[str, Relationship]] = {}
        self._views: dict[str, View] = {}
        self._subscribers: list[Subscriber] = []
        self._command_listeners: list[CommandListener] = []
        #: What the loader had to skip; filled by file readers, empty for a new model.
        self.load_report: list[str] = []

    # ------------------------------------------------------------------ reading
    # The lists are fresh copies each time (callers may change theirs): copying a dict's
    # values costs what copying a kept list did.
    @property
    def elements(self) -> list[Element]:
        """Every element, in the order they were added."""
        return list(self._elements.values())

    @property
    def relationships(self) -> list[Relationship]:
        """Every relationship, in the order they were added."""
        return list(self._relationships.values())

    @property
    def element_index(self) -> Mapping[str, Element]:
        """Every element by id, read-only (the model's own dict, for hot loops that look
        many ids up: validation asks it twice per relationship)."""
        return self._elements

    @property
    def views(self) -> list[View]:
        """Every view, in the order they were added."""
        return list(self._views.values())

    def has_element(self, element_id: str) -> bool:
        return element_id in self._elements

    def find_element(self, element_id: str) -> Element | None:
        """The element with ``element_id``, or ``None`` (one look-up, for hot loops)."""
        return self._elements.get(element_id)

    def related_ids(self, concept_id: str) -> list[str]:
        """The ids at the other end of ``concept_id``'s relationships, outgoing first;
        an id related several times is listed once per direction (``concept_id`` itself
        once, for a relationship from it to itself)."""
        outgoing = self._outgoing.get(concept_id, {})
        incoming = self._incoming.get(concept_id, {})
        return [*dict.fromkeys(rel.target for rel in outgoing.values()),
                *dict.fromkeys(rel.source for rel in incoming.values()
                               if rel.source != concept_id)]

    def has_relationship(self, relationship_id: str) -> bool:
        return relationship_id in self._relationships

    def has_view(self, view_id: str) -> bool:
        return view_id in self._views

    def find_view(self, view_id: str) -> View | None:
        """The view with ``view_id``, or ``None``."""
        return self._views.get(view_id)

    def has_concept(self, concept_id: str) -> bool:
        """True for an element or a relationship id."""
        return self.has_element(concept_id) or self.has_relationship(concept_id)

    def element(self, element_id: str) -> Element:
        element = self._elements.get(element_id)
        if element is None:
            raise UnknownIdError(tr("No element with id {id}", id=element_id))
        return element

    def relationship(self, relationship_id: str) -> Relationship:
        relationship = self._relationships.get(relationship_id)
        if relationship is None:
            raise UnknownIdError(tr("No relationship with id {id}", id=relationship_id))
        return relationship

    def view(self, view_id: str) -> View:
        try:
            return self._views[view_id]
        except KeyError:
            raise UnknownIdError(tr("No view with id {id}", id=view_id)) from None

    def view_by_name(self, name: str) -> View:
        """The first view called ``name`` (in any language)."""
        for view in self._views.values():
            if name == view.name or name in view.names.values():
                return view
        raise UnknownIdError(tr("No view named {name}", name=name))

    def concept_type(self, concept_id: str) -> str:
        """The ArchiMate type of an element or relationship id."""
        element = self._elements.get(concept_id)
        if element is not None:
            return element.type
        return self.relationship(concept_id).type

    def relationships_of(self, concept_id: str) -> list[Relationship]:
        """Every relationship that starts or ends at ``concept_id`` (outgoing first, each
        in the order added; one from it to itself once)."""
        outgoing = self._outgoing.get(concept_id)
        incoming = self._incoming.get(concept_id)
        if incoming is None:
            return [] if outgoing is None else list(outgoing.values())
        if outgoing is None:
            return list(incoming.values())
        return list({**outgoing, **incoming}.values())

    def ends_of(self, concept_id: str, types: Container[str], incoming: bool) -> list[str]:
        """The ids at the other end of ``concept_id``'s incoming (or outgoing)
        relationships of ``types``, once per relationship, without listing the
        relationships (the reachability walks pass through a platform hub with thousands
        of them, several times a validation, issue 19)."""
        if incoming:
            reaching = self._incoming.get(concept_id)
            return [] if reaching is None else [
                rel.source for rel in reaching.values() if rel.type in types]
        leaving = self._outgoing.get(concept_id)
        return [] if leaving is None else [
            rel.target for rel in leaving.values() if rel.type in types]

    def views_showing(self, concept_id: str) -> list[View]:
        """Every view with a node or connection for the element or relationship."""
        return [v for v in self._views.values() if v.shows(concept_id)]

    def index_views(self) -> None:
        """Build every view's index of its placements now (they are built on first use
        otherwise; a validator that will look placements up after each edit asks for this
        once, so the first edit does not pay for it)."""
        for view in self._views.values():
            view.shows("")

    def iter_folders(self) -> Iterator[Folder]:
        """Every folder of the tree, depth first."""
        stack = list(reversed(self.folders))
        while stack:
            folder = stack.pop()
            yield folder
            stack.extend(reversed(folder.folders))

    # ------------------------------------------------------------------ editing (API)
    def execute(self, command: Command) -> Command:
        """Apply ``command`` and tell the command listeners (history, journal). A failing
        listener is logged, never raised: the model has changed, and a caller that saw an
        exception would leave the edit off the undo stack (the next Undo would revert the
        wrong edit)."""
        command.apply(self)
        for listener in list(self._command_listeners):
            try:
                listener(command)
            except Exception:  # the edit is made: a listener must not make it look refused
                log.exception("command listener failed on %s", command.kind)
        return command

    def add_element(self, type: str, name: str, **fields: Any) -> Element:
        """Create an element of ArchiMate ``type`` (exchange-format name) and add it."""
        from .commands import AddElementCommand
        from .metamodel import element_type

        element_type(type)  # refuse unknown types before anything changes
        element = Element(id=fields.pop("id", None) or new_id(), type=type, name=name, **fields)
        self.execute(AddElementCommand(element))
        return element

    def relate(
        self, source_id: str, relationship_type: str, target_id: str, **fields: Any
    ) -> Relationship:
        """Relate two concepts; raises :class:`RelationshipNotAllowed` when the rules forbid."""
        from .commands import RelateCommand

        relationship = Relationship(
            id=fields.pop("id", None) or new_id(),
            type=relationship_type,
            source=source_id,
            target=target_id,
            **fields,
        )
        self.execute(RelateCommand(relationship))
        return relationship

    def add_view(self, name: str, **fields: Any) -> View:
        """Create an empty view and add it."""
        from .commands import CreateViewCommand

        view = View(id=fields.pop("id", None) or new_id(), name=name, **fields)
        self.execute(CreateViewCommand(view))
        return view

    # ------------------------------------------------------------------ subscribers
    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Receive every change event; returns a function that unsubscribes."""
        self._subscribers.append(subscriber)
        return lambda: self._subscribers.remove(subscriber)

    def add_command_listener(self, listener: CommandListener) -> Callable[[], None]:
        """Be told of every command executed through :meth:`execute`."""
        self._command_listeners.append(listener)
        return lambda: self._command_listeners.remove(listener)

    def emit(self, event: ev.ModelEvent) -> None:
        """Send ``event`` to every subscriber; one failing subscriber does not stop others.

        A node's parent or a line's ends change in place (commands set the field, then
        say so with this event): the view's index files it again first."""
        if isinstance(event, ev.NodeChanged) and event.view_id in self._views:
            self._views[event.view_id]._note_node_changed(event.node_id)
        elif isinstance(event, ev.ConnectionChanged) and event.view_id in self._views:
            self._views[event.view_id]._note_connection_changed(event.connection_id)
        for subscriber in list(self._subscribers):
            try:
                subscriber(event)
            except Exception:  # a broken listener must not corrupt the model
                log.exception("model subscriber failed on %s", event)

    # ------------------------------------------------------------------ bulk loading
    # File readers build a model with these. They check ids and references (a duplicate id
    # raises DuplicateIdError, a missing end UnknownIdError) but not the ArchiMate or
    # framework rules: a file from another tool may hold what the rules forbid, and
    # validation reports it instead of the reader dropping it. Edits go through commands.
    def load_element(self, element: Element) -> None:
        """Add an element read from a file."""
        self._put_element(element)

    def load_relationship(self, relationship: Relationship) -> None:
        """Add a relationship read from a file; its ends must already be in the model."""
        self._put_relationship(relationship)

    def load_elements(self, elements: Iterable[Element]) -> None:
        """Add elements read from a file, in order (one loop for the 20,000 of a large
        file; the checks of :meth:`load_element`)."""
        known, relationships, views = self._elements, self._relationships, self._views
        for element in elements:
            element_id = element.id
            if element_id in known or element_id in relationships or element_id in views:
                raise DuplicateIdError(tr("The id {id} is already used", id=element_id))
            known[element_id] = element
            if self._subscribers:
                self.emit(ev.ElementAdded(element_id))

    def load_relationships(self, relationships: Iterable[Relationship]) -> list[Relationship]:
        """Add relationships read from a file, in order: each whose two ends are in the
        model (an element, or a relationship added before it); the others are returned,
        in order, for the reader to add once their ends are (or to report). The checks of
        :meth:`load_relationship`, in one loop for the 40,000 of a large file."""
        elements, known, views = self._elements, self._relationships, self._views
        outgoing, incoming = self._outgoing, self._incoming
        waiting = []
        for rel in relationships:
            rel_id, source, target = rel.id, rel.source, rel.target
            if rel_id in known or rel_id in elements or rel_id in views:
                raise DuplicateIdError(tr("The id {id} is already used", id=rel_id))
            if (source not in elements and source not in known) or (
                    target not in elements and target not in known):
                waiting.append(rel)
                continue
            known[rel_id] = rel
            leaving = outgoing.get(source)
            if leaving is None:
                outgoing[source] = {rel_id: rel}
            else:
                leaving[rel_id] = rel
            reaching = incoming.get(target)
            if reaching is None:
                incoming[target] = {rel_id: rel}
            else:
                reaching[rel_id] = rel
            if self._subscribers:
                self.emit(ev.RelationshipAdded(rel_id))
        return waiting

    def load_view(self, view: View) -> None:
        """Add a view read from a file, with the nodes and connections it already holds."""
        self._put_view(view)

    def load_node(self, view_id: str, node: Node) -> None:
        """Add a node to a view; its element and its parent node must already be there."""
        self._put_node(view_id, node)

    def load_connection(self, view_id: str, connection: Connection) -> None:
        """Add a connection to a view; its end nodes or connections must already be there."""
        self._put_connection(view_id, connection)

    # ------------------------------------------------------------------ primitives
    def _check_new_id(self, object_id: str) -> None:
        if (object_id in self._elements or object_id in self._relationships
                or object_id in self._views):
            raise DuplicateIdError(tr("The id {id} is already used", id=object_id))

    def _is_related(self, concept_id: str) -> bool:
        """Whether a relationship starts or ends at ``concept_id``."""
        return concept_id in self._outgoing or concept_id in self._incoming

    # The primitives below make their event only for a model someone listens to: a reader
    # building a 20,000-element model adds 60,000 concepts before anyone subscribes.
    def _put_element(self, element: Element) -> None:
        self._check_new_id(element.id)
        self._elements[element.id] = element
        if self._subscribers:
            self.emit(ev.ElementAdded(element.id))

    def _drop_element(self, element_id: str) -> Element:
        element = self.element(element_id)
        if self._is_related(element_id):
            raise ValueError(f"element {element_id} still has relationships")
        del self._elements[element_id]
        self.emit(ev.ElementRemoved(element_id))
        return element

    def _element_changed(self, element_id: str) -> None:
        self.emit(ev.ElementChanged(element_id))

    def _put_relationship(self, relationship: Relationship) -> None:
        rel_id, source, target = relationship.id, relationship.source, relationship.target
        self._check_new_id(rel_id)
        for end in (source, target):
            if end not in self._elements and end not in self._relationships:
                raise UnknownIdError(tr("No element or relationship with id {id}", id=end))
        self._relationships[rel_id] = relationship
        self._outgoing.setdefault(source, {})[rel_id] = relationship
        self._incoming.setdefault(target, {})[rel_id] = relationship
        if self._subscribers:
            self.emit(ev.RelationshipAdded(rel_id))

    def _drop_relationship(self, relationship_id: str) -> Relationship:
        relationship = self.relationship(relationship_id)
        if self._is_related(relationship_id):
            raise ValueError(f"relationship {relationship_id} is still an end of another")
        del self._relationships[relationship_id]
        _unlink(self._outgoing, relationship.source, relationship_id)
        _unlink(self._incoming, relationship.target, relationship_id)
        self.emit(ev.RelationshipRemoved(relationship_id))
        return relationship

    def _relationship_changed(self, relationship_id: str) -> None:
        self.emit(ev.RelationshipChanged(relationship_id))

    def _put_view(self, view: View, index: int | None = None) -> None:
        self._check_new_id(view.id)
        if index is None or index >= len(self._views):
            self._views[view.id] = view
        else:
            items = list(self._views.items())
            items.insert(index, (view.id, view))
            self._views = dict(items)
        self.emit(ev.ViewAdded(view.id))

    def _drop_view(self, view_id: str) -> tuple[View, int]:
        view = self.view(view_id)
        index = list(self._views).index(view_id)
        del self._views[view_id]
        self.emit(ev.ViewRemoved(view_id))
        return view, index

    def _put_node(self, view_id: str, node: Node, index: int | None = None) -> None:
        """Add ``node`` at the end of the view's drawing order, or at ``index`` (undo puts
        a removed node back where it was, so what was on top stays on top)."""
        view = self.view(view_id)
        if node.id in view.nodes or node.id in view.connections:
            raise DuplicateIdError(tr("The id {id} is already used", id=node.id))
        if node.element_id is not None and not self.has_element(node.element_id):
            raise UnknownIdError(tr("No element with id {id}", id=node.element_id))
        if node.parent is not None and node.parent not in view.nodes:
            raise UnknownIdError(tr("No node with id {id}", id=node.parent))
        appended = _insert(view.nodes, node.id, node, index)
        view._note_node_put(node, appended)
        self.emit(ev.NodeAdded(view_id, node.id))

    def _drop_node(self, view_id: str, node_id: str) -> Node:
        view = self.view(view_id)
        node = self.node(view_id, node_id)
        if view.children(node_id) or view.connections_of_node(node_id):
            raise ValueError(f"node {node_id} still has children or connections")
        del view.nodes[node_id]
        view._note_node_dropped(node)
        self.emit(ev.NodeRemoved(view_id, node_id))
        return node

    def node(self, view_id: str, node_id: str) -> Node:
        try:
            return self.view(view_id).nodes[node_id]
        except KeyError:
            raise UnknownIdError(tr("No node with id {id}", id=node_id)) from None

    def connection(self, view_id: str, connection_id: str) -> Connection:
        try:
            return self.view(view_id).connections[connection_id]
        except KeyError:
            raise UnknownIdError(tr("No connection with id {id}", id=connection_id)) from None

    def _put_connection(self, view_id: str, connection: Connection,
                        index: int | None = None) -> None:
        """Add ``connection`` last in the view's order, or at ``index`` (undo)."""
        view = self.view(view_id)
        if connection.id in view.nodes or connection.id in view.connections:
            raise DuplicateIdError(tr("The id {id} is already used", id=connection.id))
        for end in (connection.source, connection.target):
            if end not in view.nodes and end not in view.connections:
                raise UnknownIdError(tr("No node with id {id}", id=end))
        if connection.relationship_id is not None and not self.has_relationship(
            connection.relationship_id
        ):
            raise UnknownIdError(
                tr("No relationship with id {id}", id=connection.relationship_id)
            )
        appended = _insert(view.connections, connection.id, connection, index)
        view._note_connection_put(connection, appended)
        self.emit(ev.ConnectionAdded(view_id, connection.id))

    def _drop_connection(self, view_id: str, connection_id: str) -> Connection:
        connection = self.connection(view_id, connection_id)
        view = self.view(view_id)
        if view.connections_of_node(connection_id):
            raise ValueError(f"connection {connection_id} is still an end of another")
        del view.connections[connection_id]
        view._note_connection_dropped(connection)
        self.emit(ev.ConnectionRemoved(view_id, connection_id))
        return connection


def _unlink(index: dict[str, dict[str, Relationship]], concept_id: str,
            relationship_id: str) -> None:
    """Take a relationship off a concept's entry in ``index``, and the entry away once
    empty (so an entry means "related")."""
    related = index[concept_id]
    del related[relationship_id]
    if not related:
        del index[concept_id]


def _insert(items: dict[str, Any], key: str, value: Any, index: int | None) -> bool:
    """Put ``key`` into the ordered dict ``items`` at ``index`` (``None``: at the end),
    in place, so every holder of the dict sees it; True when it went at the end."""
    if index is None or index >= len(items):
        items[key] = value
        return True
    # Keys and values in two lists, not a (key, value) tuple per entry: undoing the delete
    # of 200 nodes puts back about 600 objects into dicts of thousands, and a million new
    # tuples woke the cycle collector hundreds of times over a large model (issue 19).
    keys, values = list(items), list(items.values())
    keys.insert(index, key)
    values.insert(index, value)
    items.clear()
    items.update(zip(keys, values, strict=True))
    return False


def position(items: dict[str, Any], key: str) -> int | None:
    """Where ``key`` is in the ordered dict ``items`` (for putting it back there), or
    ``None`` when it is not there."""
    return list(items).index(key) if key in items else None
