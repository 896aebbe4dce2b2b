"""What every part of one exchange export shares: the model, the language its texts are
written in, the property definitions met on the way, and the small pieces (texts in
several languages, property lists, ids) written as text.

Why one object: property definition ids are handed out in the order properties are met
in the file (model, elements, relationships, views), and the definitions section written
after them must list exactly those; the escapes of values met thousands of times (types,
property references) are worked out once per export.
"""

from __future__ import annotations

from operator import attrgetter

from ..model.model import Model
from . import oef_file_facts as facts
from .oef_vocabulary import xml_text
from .oef_xml_text import attribute, indent, plain, text


def _cleaned_text(value: str) -> str:
    return text(xml_text(value))


class TextWriter:
    """One export: the model, its language, the property definitions met on the way."""

    def __init__(self, model: Model) -> None:
        self.model = model
        #: The language main texts are written in; none for a model whose file named none.
        untagged = facts.text_fact(model, facts.META_UNTAGGED) == "true"
        self.lang = "" if untagged else model.language or ""
        #: Ids no property definition made here may take, besides the model's own (the
        #: specialization's, the imported file's definitions'; see :meth:`_taken`).
        self.reserved: set[str] = set()
        self._placement_ids: set[str] | None = None
        self.prop_ids: dict[str, str] = {}
        self._next_prop = 1
        #: The definitions the imported file had, by key (first one wins), their ids
        #: reserved so a new definition never takes one.
        self.file_definitions: dict[str, facts.PropertyDefinition] = {}
        #: Archi's specialization definition, when some concept is specialized and no
        #: object of the model already has that id (then it is an ordinary property).
        self.specialization_id: str | None = None
        self.specialized = False
        if not self._taken(facts.SPECIALIZATION_ID):
            self.reserved.add(facts.SPECIALIZATION_ID)
            self.specialization_id = facts.SPECIALIZATION_ID
        for definition in facts.definitions(model):
            if not self._taken(definition.identifier):
                self.file_definitions.setdefault(definition.key, definition)
                self.reserved.add(definition.identifier)
        #: `` xml:lang="…"`` of the texts in the model's language (empty when it has none).
        self.lang_attribute = f' xml:lang="{attribute(self.lang)}"' if self.lang else ""
        #: No id of the model holds a character to escape (one search over all of them):
        #: ids, ends and references are then written as they are.
        self.plain_ids = plain("".join(_all_ids(model))) and plain("".join(self.reserved))
        #: True once a text turned out to hold a character XML cannot carry: the file is
        #: then written again with every text freed of them (:func:`xml_text`, which logs
        #: what it drops). Searching every text for them first took a tenth of the export.
        self.cleaning = False
        #: A text as element content: escaped, and freed of those characters when
        #: :attr:`cleaning`.
        self.content = text
        #: The reference model of each catalog component met (see the concepts' writer).
        self.reference_models: dict[str, str | None] = {}
        #: Attribute values met many times (types, property references), escaped once.
        self._escaped: dict[str, str] = {}
        #: The opening lines of a property, by depth and key (see :meth:`property_lines`).
        self._property_openings: dict[int, dict[str, str]] = {}

    def clean_texts(self) -> None:
        """From now on, free every text of the characters XML cannot hold."""
        self.cleaning = True
        self.content = _cleaned_text

    def clean(self, value: str) -> str:
        """``value`` freed of the characters XML cannot hold when :attr:`cleaning`."""
        return xml_text(value) if self.cleaning else value

    def prop_id(self, key: str) -> str:
        """The propertyDefinition id of ``key``: the one the imported file gave it, else
        one made on first use, never clashing."""
        found = self.prop_ids.get(key)
        if found is None and key in self.file_definitions:
            found = self.prop_ids[key] = self.file_definitions[key].identifier
        if found is None:
            while self._taken(f"propid-{self._next_prop}"):
                self._next_prop += 1
            found = f"propid-{self._next_prop}"
            self._next_prop += 1
            self.prop_ids[key] = found
        return found

    def _taken(self, identifier: str) -> bool:
        """True when an object of the model or a definition already has ``identifier``:
        the model's own look-ups for its concepts and views, a set of the rest (nodes,
        connections, folders) made on the first question; not a set of every id."""
        model = self.model
        if (identifier in self.reserved or identifier == model.id
                or model.has_concept(identifier) or model.has_view(identifier)):
            return True
        if self._placement_ids is None:
            ids = {folder.id for folder in model.iter_folders() if folder.id}
            for view in model.views:
                ids.update(view.nodes)
                ids.update(view.connections)
            self._placement_ids = ids
        return identifier in self._placement_ids

    def ident(self, value: str) -> str:
        """An id (or a reference to one) as an attribute value."""
        return value if self.plain_ids else attribute(value)

    def repeated(self, value: str) -> str:
        """An attribute value that recurs (a type, a property reference), escaped."""
        found = self._escaped.get(value)
        if found is None:
            found = self._escaped[value] = attribute(value)
        return found

    # -------------------------------------------------------------- small pieces
    def lang_lines(self, out: list[str], depth: int, tag: str, main: str,
                   others: dict[str, str], required: bool = False) -> None:
        """``main`` in the model's language, then the other languages, sorted.

        An empty ``main`` is still written when other languages follow, so that the reader
        does not promote another language's text to the main one."""
        if others:
            others = {k: v for k, v in others.items() if k and k != self.lang}
        pad = indent(depth)
        content = self.content
        if main or required or others:
            out.append(f"{pad}<{tag}{self.lang_attribute}>{content(main)}</{tag}>\n")
        for language in sorted(others) if others else ():
            out.append(f'{pad}<{tag} xml:lang="{self.repeated(language)}">'
                       f"{content(others[language])}</{tag}>\n")

    def property_lines(self, out: list[str], depth: int, props: list[tuple[str, str]],
                       specialization: str | None = None) -> None:
        """``props`` in order, then a concept's ``specialization`` as Archi writes it, as
        ``<properties>`` ``depth`` levels below the root (nothing when there are none)."""
        if not props and not specialization:
            return
        openings, opening_of = self.property_openings(depth), self.property_opening
        content, closing = self.content, property_closing(depth)
        out.append(f"{indent(depth)}<properties>\n")
        for key, value in props:
            out.append(f"{openings.get(key) or opening_of(key, depth)}{content(value)}"
                       f"{closing}")
        if specialization:
            if self.specialization_id is not None:
                self.specialized = True
                opening = self._property_opening(self.specialization_id, depth)
            else:  # the id is taken by an object: an ordinary property then
                opening = self.property_opening(facts.SPECIALIZATION_NAME, depth)
            out.append(f"{opening}{content(specialization)}{closing}")
        out.append(f"{indent(depth)}</properties>\n")

    def property_openings(self, depth: int) -> dict[str, str]:
        """The opening text of a property ``depth`` levels below the root, by key, for the
        keys met so far (:meth:`property_opening` for a key not yet met)."""
        found = self._property_openings.get(depth)
        if found is None:
            found = self._property_openings[depth] = {}
        return found

    def property_opening(self, key: str, depth: int) -> str:
        """The ``<property>`` and ``<value>`` opening text of ``key`` (its definition id
        handed out now if it is the first met: keys must be met in the file's order)."""
        openings = self.property_openings(depth)
        found = openings.get(key)
        if found is None:
            found = openings[key] = self._property_opening(self.prop_id(key), depth)
        return found

    def _property_opening(self, ref: str, depth: int) -> str:
        return (f'{indent(depth + 1)}<property propertyDefinitionRef="{self.repeated(ref)}">'
                f"\n{indent(depth + 2)}<value{self.lang_attribute}>")


def property_closing(depth: int) -> str:
    """What closes a property's value ``depth`` levels below the root (the properties'
    own depth)."""
    return f"</value>\n{indent(depth + 1)}</property>\n"


def _all_ids(model: Model) -> list[str]:
    """Every id of the model, each list of them joined (what is written as an id or a
    reference to one)."""
    get_id = attrgetter("id")
    ids = [model.id, "".join(map(get_id, model.elements)),
           "".join(map(get_id, model.relationships))]
    for view in model.views:
        ids += (view.id, "".join(view.nodes), "".join(view.connections))
    ids += [f.id for f in model.iter_folders() if f.id]
    return ids
