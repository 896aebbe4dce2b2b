"""Checking the rows of Archi's CSV files against a model, before anything changes: each
row becomes a planned creation or change, or a problem with its file and line. See
:mod:`.archi_csv_import`, which turns a plan without problems into one command."""

from __future__ import annotations

import copy
import re
from typing import Any

from ..i18n import tr
from ..model.concepts import Element, Profile, Relationship
from ..model.errors import ModelError
from ..model.ids import is_valid_id, new_id
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from ..model.model import Model
from ..model.rules import RELATIONSHIP_CONCEPT, check_relate
from .archi_csv_format import Record, is_header
from .archi_vocabulary import (
    CLASS_TO_ELEMENT,
    CLASS_TO_RELATIONSHIP,
    CSV_ACCESS_TYPE,
    CSV_ACCESS_TYPES,
    CSV_DIRECTED,
    CSV_ELEMENTS_HEADER,
    CSV_INFLUENCE_STRENGTH,
    CSV_JUNCTION_OR,
    CSV_JUNCTION_TYPE,
    CSV_MODEL_TYPE,
    CSV_PROPERTIES_HEADER,
    CSV_RELATIONS_HEADER,
    class_name,
)
from .oef_vocabulary import PROP_CATALOG_REF, PROP_LAYER

#: Archi accepts these characters in ids of CSV rows.
_ARCHI_ID = re.compile(r"^[A-Za-z0-9._-]+$")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\t")


def _normalise(text: str) -> str:
    """Names, keys and values on one line, as Archi stores them."""
    return _LINE_BREAKS.sub(" ", text)


def _text(text: str) -> str:
    """Documentation with its line breaks as the model keeps them (LF only, as XML does)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _element_type(text: str) -> str | None:
    name = class_name(text.strip())
    if name == "Junction":
        return "AndJunction"
    return CLASS_TO_ELEMENT.get(name) or (name if name in ELEMENT_TYPES else None)


def _relationship_type(text: str) -> str | None:
    name = class_name(text.strip())
    return CLASS_TO_RELATIONSHIP.get(name) or (name if name in RELATIONSHIP_TYPES else None)


class RowPlan:
    """Everything one import would do, checked row by row before anything changes."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.problems: list[str] = []
        self.model_ids = {model.id}
        self.model_changes: dict[str, Any] = {}
        self.new_elements: dict[str, Element] = {}
        self.element_changes: dict[str, dict[str, Any]] = {}
        self.retypes: dict[str, str] = {}
        self.new_relationships: dict[str, tuple[Relationship, str, int]] = {}
        self.replaced: set[str] = set()
        self.relationship_changes: dict[str, dict[str, Any]] = {}
        #: Property lists as the import leaves them, by owner id (model, concept), and the
        #: keys each owner had before (only those are updated; other rows are added).
        self.props: dict[str, list[tuple[str, str]]] = {}
        self.old_keys: dict[str, set[str]] = {}
        self.profiles: list[Profile] = []
        self.seen_relations: set[str] = set()

    def problem(self, name: str, line: int, message: str) -> None:
        self.problems.append(tr("{name}, line {line}: {problem}", name=name, line=line,
                                problem=message))

    # -------------------------------------------------------------- shared
    def concept_id(self, raw: str, name: str, record: Record) -> str | None:
        """The model id of a row's id: a new one when empty, ``id-`` in front when Archi's
        id is not an XML name (as the ``.archimate`` reader does), ``None`` if refused."""
        raw = raw.strip()
        if not raw:
            return new_id()
        if not _ARCHI_ID.match(raw):
            self.problem(name, record.line, tr(
                "the id {id} has characters Archi does not allow (letters, digits, '.', '_' "
                "and '-' only)", id=raw))
            return None
        return raw if is_valid_id(raw) else f"id-{raw}"

    def ref_id(self, raw: str) -> str:
        raw = raw.strip()
        return raw if is_valid_id(raw) or not raw else f"id-{raw}"

    def specialization(self, name: str, concept_type: str) -> None:
        """Make sure a specialization ``name`` of ``concept_type`` exists after the import."""
        known = [*self.model.profiles, *self.profiles]
        if not any(p.name == name and p.concept_type == concept_type for p in known):
            self.profiles.append(Profile(new_id(), name, concept_type))

    def change(self, changes: dict[str, Any], current: Any, key: str, value: Any) -> None:
        if getattr(current, key) != value:
            changes[key] = value
        else:
            changes.pop(key, None)

    def header(self, records: list[Record], header: tuple[str, ...], name: str) -> int | None:
        """The number of columns, or ``None`` (with a problem) when the header is wrong."""
        if not records:
            self.problem(name, 1, tr("the file is empty"))
            return None
        if not is_header(records[0], header) or len(records[0].fields) < 4:
            self.problem(name, records[0].line, tr(
                "the first row must be the header {header}",
                header=", ".join(f'"{h}"' for h in header)))
            return None
        return len(records[0].fields)

    # -------------------------------------------------------------- elements.csv
    def elements(self, records: list[Record], name: str) -> None:
        width = self.header(records, CSV_ELEMENTS_HEADER, name)
        if width is None:
            return
        for record in records[1:]:
            fields = record.fields
            if len(fields) != width:
                self.problem(name, record.line, tr(
                    "the row has {found} columns, the header {expected}", found=len(fields),
                    expected=width))
                continue
            specialization = fields[4].strip() if width > 4 else ""
            if fields[1].strip() == CSV_MODEL_TYPE:
                if fields[0].strip():
                    self.model_ids.add(fields[0].strip())
                    self.model_ids.add(self.ref_id(fields[0]))
                self.model_changes["name"] = _normalise(fields[2])
                self.model_changes["documentation"] = _text(fields[3])
                continue
            kind = _element_type(fields[1])
            if kind is None:
                self.problem(name, record.line, tr("unknown element type {type}",
                                                   type=fields[1]))
                continue
            identifier = self.concept_id(fields[0], name, record)
            if identifier is None:
                continue
            values = {"name": _normalise(fields[2]), "documentation": _text(fields[3])}
            if specialization:
                values["specialization"] = specialization
                self.specialization(specialization, kind)
            self.element_row(identifier, kind, values, name, record)

    def element_row(self, identifier: str, kind: str, values: dict[str, Any], name: str,
                    record: Record) -> None:
        model = self.model
        if model.has_element(identifier):
            existing = model.element(identifier)
            same_class = existing.type == kind or {existing.type, kind} <= {
                "AndJunction", "OrJunction"}
            if not same_class:
                self.problem(name, record.line, tr(
                    "{id} is a {found} in the model, not a {expected}", id=identifier,
                    found=existing.type, expected=kind))
                return
            changes = self.element_changes.setdefault(identifier, {})
            for key, value in values.items():
                self.change(changes, existing, key, value)
        elif model.has_relationship(identifier) or model.has_view(identifier) or (
                identifier in self.model_ids or identifier in self.seen_relations):
            self.problem(name, record.line, tr(
                "the id {id} is already used by something that is not an element",
                id=identifier))
        elif identifier in self.new_elements:  # a second row for a new element updates it
            for key, value in values.items():
                setattr(self.new_elements[identifier], key, value)
        else:
            self.new_elements[identifier] = Element(id=identifier, type=kind, **values)

    # -------------------------------------------------------------- relations.csv
    def relations(self, records: list[Record], name: str) -> None:
        width = self.header(records, CSV_RELATIONS_HEADER, name)
        if width is None:
            return
        if width < 6:
            self.problem(name, records[0].line, tr(
                "the first row must be the header {header}",
                header=", ".join(f'"{h}"' for h in CSV_RELATIONS_HEADER)))
            return
        for record in records[1:]:
            fields = record.fields
            if len(fields) != width:
                self.problem(name, record.line, tr(
                    "the row has {found} columns, the header {expected}", found=len(fields),
                    expected=width))
                continue
            kind = _relationship_type(fields[1])
            if kind is None:
                self.problem(name, record.line, tr("unknown relationship type {type}",
                                                   type=fields[1]))
                continue
            identifier = self.concept_id(fields[0], name, record)
            if identifier is None:
                continue
            if identifier in self.seen_relations:
                self.problem(name, record.line, tr(
                    "the relationship {id} is in the file twice", id=identifier))
                continue
            self.seen_relations.add(identifier)
            specialization = fields[6].strip() if width > 6 else ""
            if specialization:
                self.specialization(specialization, kind)
            source, target = self.ref_id(fields[4]), self.ref_id(fields[5])
            values: dict[str, Any] = {"name": _normalise(fields[2]),
                                      "documentation": _text(fields[3])}
            if specialization:
                values["specialization"] = specialization
            self.relation_row(identifier, kind, source, target, values, name, record)

    def relation_row(self, identifier: str, kind: str, source: str, target: str,
                     values: dict[str, Any], name: str, record: Record) -> None:
        model = self.model
        if model.has_relationship(identifier):
            existing = model.relationship(identifier)
            if existing.type != kind:
                self.problem(name, record.line, tr(
                    "{id} is a {found} in the model, not a {expected}", id=identifier,
                    found=existing.type, expected=kind))
                return
            if (existing.source, existing.target) == (source, target):
                changes = self.relationship_changes.setdefault(identifier, {})
                for key, value in values.items():
                    self.change(changes, existing, key, value)
                return
            if model.relationships_of(identifier):
                self.problem(name, record.line, tr(
                    "the relationship {id} would connect other concepts, but relationships "
                    "end at it; change it in the model instead", id=identifier))
                return
            self.replaced.add(identifier)
            kept = {k: copy.deepcopy(getattr(existing, k)) for k in (
                "names", "documentations", "properties", "access_type", "is_directed",
                "modifier", "specialization")}
            values = {**kept, **values}
        elif model.has_element(identifier) or model.has_view(identifier) or (
                identifier in self.new_elements or identifier in self.model_ids):
            self.problem(name, record.line, tr(
                "the id {id} is already used by something that is not a relationship",
                id=identifier))
            return
        rel = Relationship(id=identifier, type=kind, source=source, target=target, **values)
        self.new_relationships[identifier] = (rel, name, record.line)

    def check_relationships(self) -> list[Relationship]:
        """Ends that exist and are allowed; the new relationships in an order where each
        one's ends come first."""
        model = self.model

        def end_type(end: str) -> str | None:
            if end in self.new_elements:
                return self.new_elements[end].type
            if model.has_element(end):
                return self.retypes.get(end, model.element(end).type)
            if end in self.new_relationships or model.has_relationship(end):
                return RELATIONSHIP_CONCEPT
            return None

        for rel, name, line in self.new_relationships.values():
            types = [end_type(rel.source), end_type(rel.target)]
            for end, found in zip((rel.source, rel.target), types, strict=True):
                if found is None:
                    self.problem(name, line, tr(
                        "the relationship {id} refers to {ref}, which is neither in the model "
                        "nor in the files", id=rel.id, ref=end or "-"))
            if None in types:
                continue
            try:
                check_relate(str(types[0]), rel.type, str(types[1]))
            except ModelError as exc:
                self.problem(name, line, tr("the relationship {id} is refused: {reason}",
                                            id=rel.id, reason=str(exc)))
        ordered: list[Relationship] = []
        done: set[str] = set()
        pending = [entry for entry in self.new_relationships.values()]
        while pending:
            rest = []
            for entry in pending:
                rel = entry[0]
                if all(e not in self.new_relationships or e in done
                       for e in (rel.source, rel.target)):
                    ordered.append(rel)
                    done.add(rel.id)
                else:
                    rest.append(entry)
            if len(rest) == len(pending):
                for rel, name, line in rest:
                    self.problem(name, line, tr(
                        "the relationship {id} and others end at each other", id=rel.id))
                break
            pending = rest
        return ordered

    # -------------------------------------------------------------- properties.csv
    def properties(self, records: list[Record], name: str) -> None:
        for index, record in enumerate(records):
            if index == 0 and is_header(record, CSV_PROPERTIES_HEADER):
                continue
            if len(record.fields) != 3:
                self.problem(name, record.line, tr(
                    "the row has {found} columns, the header {expected}",
                    found=len(record.fields), expected=3))
                continue
            raw, key, value = record.fields
            if not raw.strip():
                self.problem(name, record.line, tr("the row has no id"))
                continue
            self.property_row(self.ref_id(raw), raw.strip(), _normalise(key),
                              _normalise(value), name, record)

    def property_row(self, identifier: str, raw: str, key: str, value: str, name: str,
                     record: Record) -> None:
        model = self.model
        owner: Any
        if raw in self.model_ids or identifier in self.model_ids:
            self.set_property(model.id, model.properties, key, value)
            return
        if identifier in self.new_elements:
            owner = self.new_elements[identifier]
        elif identifier in self.new_relationships:
            owner = self.new_relationships[identifier][0]
        elif model.has_element(identifier):
            owner = model.element(identifier)
        elif model.has_relationship(identifier):
            owner = model.relationship(identifier)
        else:
            self.problem(name, record.line, tr(
                "{id} is not the model, an element or a relationship of the model or the "
                "files", id=raw))
            return
        fields = self.special(owner, key, value, name, record)
        if fields is None:
            return
        planned = self.new_relationships.get(owner.id)
        is_new = owner is self.new_elements.get(owner.id) or (
            planned is not None and owner is planned[0])
        if fields:
            if is_new:
                for field_name, field_value in fields.items():
                    setattr(owner, field_name, field_value)
            elif isinstance(owner, Element):
                if "type" in fields:
                    self.retypes[owner.id] = fields.pop("type")
                changes = self.element_changes.setdefault(owner.id, {})
                for field_name, field_value in fields.items():
                    self.change(changes, owner, field_name, field_value)
            else:
                changes = self.relationship_changes.setdefault(owner.id, {})
                for field_name, field_value in fields.items():
                    self.change(changes, owner, field_name, field_value)
        else:
            self.set_property(owner.id, owner.properties, key, value)

    def set_property(self, owner_id: str, current: list[tuple[str, str]], key: str,
                     value: str) -> None:
        """Archi's rule: a key the owner had before the import is updated in place (its
        first occurrence); any other row adds a property, so repeated rows of a new key
        give repeated properties, as in Archi."""
        if owner_id not in self.props:
            self.props[owner_id] = list(current)
            self.old_keys[owner_id] = {k for k, _ in current}
        props = self.props[owner_id]
        if key in self.old_keys[owner_id]:
            index = next(i for i, (k, _) in enumerate(props) if k == key)
            props[index] = (key, value)
        else:
            props.append((key, value))

    def special(self, owner: Element | Relationship, key: str, value: str, name: str,
                record: Record) -> dict[str, Any] | None:
        """The fields a pseudo-property sets ({} for an ordinary property, ``None`` when
        refused with a problem)."""
        kind = owner.type
        if key == CSV_INFLUENCE_STRENGTH and kind == "Influence":
            return {"modifier": value}
        if key == CSV_ACCESS_TYPE and kind == "Access":
            if value not in CSV_ACCESS_TYPES:
                self.problem(name, record.line, tr(
                    "unknown access type {value} (Write, Read, Access or ReadWrite)",
                    value=value))
                return None
            return {"access_type": None if value == "Access" else value}
        if key == CSV_DIRECTED and kind == "Association":
            return {"is_directed": value.strip().lower() == "true"}
        if key == CSV_JUNCTION_TYPE and kind in ("AndJunction", "OrJunction"):
            return {"type": "OrJunction" if value.strip() == CSV_JUNCTION_OR else "AndJunction"}
        if isinstance(owner, Element) and key == PROP_CATALOG_REF:
            return {"catalog_ref": value}
        if isinstance(owner, Element) and key == PROP_LAYER:
            return {"layer": value}
        return {}

    # -------------------------------------------------------------- commands
