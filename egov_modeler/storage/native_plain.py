"""Elements and relationships of a ``.egov`` file that need no repair, read in one step.

Why: a 20,000-element model holds 60,000 concepts, nearly all of them plain (an id, a
type, a name, a few properties, two ends); reading each field through the
:class:`~egov_modeler.model.field_reader.FieldReader` made loading seven times slower than
parsing the JSON (issue 19). The functions here check exactly what the field reader checks
(each field's type and its length limit) with a few comparisons, and build the object
straight away. Anything else (a field of the wrong type, too long, a language map, an
unknown key) returns ``None``, and the caller reads that object through the field reader,
which repairs and reports as before. Only for texts already freed of unpaired surrogates
(``safe_json`` did it), so no text needs a second look.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from ..model import limits
from ..model.concepts import Element, Relationship
from ..model.serialization import ACCESS_TYPES
from ..model.views import NODE_ELEMENT, NODE_KINDS, Connection, Node

_NAME = limits.MAX_NAME_LENGTH
_TEXT = limits.MAX_TEXT_LENGTH
#: The fields a plain element may have; any other goes the careful way.
_ELEMENT_KEYS = frozenset(
    ("id", "type", "name", "documentation", "properties", "catalog_ref", "layer",
     "specialization"))
_RELATIONSHIP_KEYS = frozenset(
    ("id", "type", "source", "target", "name", "documentation", "properties",
     "access_type", "is_directed", "modifier", "specialization"))


_NODE_KEYS = frozenset(("id", "kind", "x", "y", "w", "h", "element", "parent"))
_CONNECTION_KEYS = frozenset(("id", "source", "target", "relationship"))
_COORDINATE = limits.MAX_COORDINATE
_SIZE = limits.MAX_NODE_SIZE
_LEAST_SIZE = limits.MIN_NODE_SIZE


def plain_properties(value: Any) -> list[tuple[str, str]] | None:
    """``[[name, value], ...]`` as pairs when every pair is two texts within the limits,
    else ``None``."""
    if type(value) is not list:
        return None
    out = []
    for pair in value:
        if (type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str
                or type(pair[1]) is not str or len(pair[0]) > _NAME or len(pair[1]) > _TEXT):
            return None
        out.append((pair[0], pair[1]))
    return out


def _optional(value: Any) -> tuple[bool, str | None]:
    """An optional short text: whether it is plain, and its value (``None`` for empty or
    absent)."""
    if value is None:
        return True, None
    if type(value) is not str or len(value) > _NAME:
        return False, None
    return True, value or None


def plain_element(raw: dict[str, Any], known: Container[str]) -> Element | None:
    """The element ``raw`` describes, when it needs no repair and its type is ``known``;
    ``None`` otherwise. The caller has claimed its id."""
    if not _ELEMENT_KEYS.issuperset(raw):
        return None
    get = raw.get
    kind = get("type")
    if type(kind) is not str or kind not in known:
        return None
    name = get("name", "")
    documentation = get("documentation", "")
    if (type(name) is not str or len(name) > _NAME or type(documentation) is not str
            or len(documentation) > _TEXT):
        return None
    properties = get("properties")
    if properties is None:
        properties = []
    else:
        properties = plain_properties(properties)
        if properties is None:
            return None
    ok_ref, catalog_ref = _optional(get("catalog_ref"))
    ok_layer, layer = _optional(get("layer"))
    ok_spec, specialization = _optional(get("specialization"))
    if not (ok_ref and ok_layer and ok_spec):
        return None
    return Element(raw["id"], kind, name, {}, documentation, {}, properties,
                   catalog_ref, layer, specialization)


def plain_relationship(raw: dict[str, Any], known: Container[str]) -> Relationship | None:
    """The relationship ``raw`` describes, when it needs no repair and its type is
    ``known``; ``None`` otherwise. The caller has claimed its id; its ends are checked
    against the model later, as for every relationship."""
    get = raw.get
    kind, source, target = get("type"), get("source"), get("target")
    if type(kind) is not str or kind not in known or type(source) is not str or (
            not source) or type(target) is not str or not target:
        return None
    if len(raw) == 4:  # its id, type and ends alone: most relationships of a model
        return Relationship(raw["id"], kind, source, target)
    if not _RELATIONSHIP_KEYS.issuperset(raw):
        return None
    name = get("name", "")
    documentation = get("documentation", "")
    if (type(name) is not str or len(name) > _NAME or type(documentation) is not str
            or len(documentation) > _TEXT):
        return None
    properties = get("properties")
    if properties is None:
        properties = []
    else:
        properties = plain_properties(properties)
        if properties is None:
            return None
    ok_spec, specialization = _optional(get("specialization"))
    access_type = get("access_type")
    is_directed = get("is_directed", False)
    modifier = get("modifier", "")
    if not ok_spec or (access_type is not None and access_type not in ACCESS_TYPES) or (
            type(is_directed) is not bool or type(modifier) is not str
            or len(modifier) > _NAME):
        return None
    return Relationship(raw["id"], kind, source, target, name, {}, documentation, {},
                        properties, access_type, is_directed, modifier, specialization)


def _reference(value: Any) -> tuple[bool, str | None]:
    """An optional reference: whether it is plain (absent, or a non-empty text), and it."""
    if value is None:
        return True, None
    return type(value) is str and value != "", value


def plain_node(raw: dict[str, Any]) -> Node | None:
    """The node ``raw`` describes when it is a box with whole-number bounds in range, an
    element or a parent and nothing else; ``None`` otherwise. The caller has claimed its
    id."""
    if not _NODE_KEYS.issuperset(raw):
        return None
    get = raw.get
    x, y, w, h = get("x"), get("y"), get("w"), get("h")
    if (type(x) is not int or type(y) is not int or type(w) is not int
            or type(h) is not int or not -_COORDINATE <= x <= _COORDINATE
            or not -_COORDINATE <= y <= _COORDINATE or not _LEAST_SIZE <= w <= _SIZE
            or not _LEAST_SIZE <= h <= _SIZE):
        return None
    kind = get("kind", NODE_ELEMENT)
    ok_element, element = _reference(get("element"))
    ok_parent, parent = _reference(get("parent"))
    if not (ok_element and ok_parent) or kind not in NODE_KINDS:
        return None
    return Node(raw["id"], x, y, w, h, kind, element, parent)


def plain_connection(raw: dict[str, Any]) -> Connection | None:
    """The connection ``raw`` describes when it has only its ends and its relationship;
    ``None`` otherwise. The caller has claimed its id."""
    if not _CONNECTION_KEYS.issuperset(raw):
        return None
    source, target = raw.get("source"), raw.get("target")
    ok, relationship = _reference(raw.get("relationship"))
    if not ok or type(source) is not str or not source or type(target) is not str or (
            not target):
        return None
    return Connection(raw["id"], source, target, relationship)


__all__ = ["plain_connection", "plain_element", "plain_node", "plain_properties",
           "plain_relationship"]
