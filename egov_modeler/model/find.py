"""Find and replace across a model: names, documentation and property values of every
element, relationship and view, diacritics-insensitive by default.

Why in the model: a search must see the whole model (not only the open diagram), and a
replace is a set of ordinary commands, one per edited object, that the window runs as one
undo step (:func:`replace_command`). The window only shows the matches
(:mod:`egov_modeler.ui.docks.find_dock`).

A :class:`Match` says exactly where the text was found (which field, which language,
which property) and the span in the original text, so replacing "cong" in "Cổng Dịch vụ
công" replaces "Cổng" and "công", with their diacritics, and nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..i18n import tr
from .commands import (
    Command,
    CompoundCommand,
    RenameElementCommand,
    RenameViewCommand,
    SetElementFieldsCommand,
    SetPropertyCommand,
    SetRelationshipFieldsCommand,
    SetViewFieldsCommand,
)
from .concepts import Element
from .errors import ModelError
from .metamodel import ELEMENT_TYPES, ArchiMateLayer
from .model import Model
from .text_fold import fold_for_search, folded_with_map, original_span

ELEMENT, RELATIONSHIP, VIEW = "element", "relationship", "view"
NAME, DOCUMENTATION, PROPERTY = "name", "documentation", "property"
#: The type filter's name for views (concept types are ArchiMate names).
VIEW_TYPE = "View"


def layer_key(element: Element) -> str:
    """The layer an element is filed under: ``framework:<layer id>`` when it came from the
    framework, else ``archimate:<ArchiMate layer>`` of its type (the model tree groups by
    the same keys)."""
    if element.layer:
        return f"framework:{element.layer}"
    etype = ELEMENT_TYPES.get(element.type)
    return f"archimate:{etype.layer.value if etype else ArchiMateLayer.OTHER.value}"


@dataclass(frozen=True)
class FindOptions:
    """What to look for and where. Empty ``types``/``layers`` mean every type/layer; a
    layer filter keeps elements only (relationships and views have no layer)."""

    text: str
    match_case: bool = False
    match_diacritics: bool = False
    names: bool = True
    documentation: bool = True
    properties: bool = True
    types: frozenset[str] = frozenset()
    layers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    """One occurrence: in ``field`` of the ``kind`` object ``owner_id``; ``language`` is
    ``None`` for the main language, ``prop_index``/``prop_key`` name the property. ``text``
    is the whole field as it was, ``[start, end)`` the span found in it."""

    kind: str
    owner_id: str
    field: str
    text: str
    start: int
    end: int
    language: str | None = None
    prop_index: int = -1
    prop_key: str = ""

    @property
    def found(self) -> str:
        return self.text[self.start:self.end]


#: The text of one field of one object, and where it lives: (field, text, language,
#: property index, property key). A plain tuple: a 20,000-element model has some 200,000
#: fields, and a search looks at every one while the user types.
_Slot = tuple[str, str, str | None, int, str]


def _slots(obj: Any, options: FindOptions) -> Iterator[_Slot]:
    """The fields of ``obj`` the options search, those with a text only."""
    if options.names:
        if obj.name:
            yield NAME, obj.name, None, -1, ""
        for language, text in obj.names.items():
            if text:
                yield NAME, text, language, -1, ""
    if options.documentation:
        if obj.documentation:
            yield DOCUMENTATION, obj.documentation, None, -1, ""
        for language, text in obj.documentations.items():
            if text:
                yield DOCUMENTATION, text, language, -1, ""
    if options.properties:
        for index, (key, value) in enumerate(obj.properties):
            if value:
                yield PROPERTY, value, None, index, key


@lru_cache(maxsize=1 << 18)
def _folded(text: str, ignore_case: bool, ignore_marks: bool
            ) -> tuple[str, list[int] | None]:
    """:func:`fold_for_search` remembered per text: a search as the user types folds
    the same names and documentation again at every pause; a text is a value, so a
    remembered fold is never out of date (an edited field is another text)."""
    return fold_for_search(text, ignore_case, ignore_marks)


def _objects(model: Model, options: FindOptions) -> Iterator[tuple[str, Any]]:
    types, layers = options.types, options.layers
    for element in model.elements:
        if (not types or element.type in types) and (
                not layers or layer_key(element) in layers):
            yield ELEMENT, element
    if layers:
        return
    for rel in model.relationships:
        if not types or rel.type in types:
            yield RELATIONSHIP, rel
    if not types or VIEW_TYPE in types:
        for view in model.views:
            yield VIEW, view


def find(model: Model, options: FindOptions) -> list[Match]:
    """Every occurrence of ``options.text`` in the model, in model order (elements,
    relationships, views), several per field when it occurs several times."""
    ignore_case, ignore_marks = not options.match_case, not options.match_diacritics
    needle, _ = folded_with_map(options.text.strip(), ignore_case, ignore_marks)
    if not needle:
        return []
    matches: list[Match] = []
    for kind, obj in _objects(model, options):
        for field_name, text, language, prop_index, prop_key in _slots(obj, options):
            haystack, origin = _folded(text, ignore_case, ignore_marks)
            at = haystack.find(needle)
            while at >= 0:
                start, end = (at, at + len(needle)) if origin is None else original_span(
                    text, origin, at, at + len(needle))
                matches.append(Match(kind, obj.id, field_name, text, start, end,
                                     language, prop_index, prop_key))
                at = haystack.find(needle, at + len(needle))
    return matches


# ------------------------------------------------------------------------------- replace
def _owner(model: Model, kind: str, owner_id: str) -> Any:
    """The element, relationship or view a match is in (``UnknownIdError`` when gone)."""
    if kind == ELEMENT:
        return model.element(owner_id)
    if kind == RELATIONSHIP:
        return model.relationship(owner_id)
    return model.view(owner_id)


def _current_text(model: Model, match: Match) -> str | None:
    """The field's text now, ``None`` when the object or property is gone."""
    try:
        obj = _owner(model, match.kind, match.owner_id)
    except ModelError:  # removed since the search
        return None
    if match.field == PROPERTY:
        props = obj.properties
        if 0 <= match.prop_index < len(props) and props[match.prop_index][0] == match.prop_key:
            return str(props[match.prop_index][1])
        return None
    if match.field == NAME:
        return obj.name if match.language is None else obj.names.get(match.language)
    return obj.documentation if match.language is None else obj.documentations.get(
        match.language)


def _replaced(text: str, spans: list[tuple[int, int]], replacement: str) -> str:
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


@dataclass
class _Edit:
    """The new texts of one object's fields."""

    main_name: str | None = None
    names: dict[str, str] = field(default_factory=dict)
    documentation: str | None = None
    documentations: dict[str, str] = field(default_factory=dict)
    properties: dict[int, str] = field(default_factory=dict)


def replace_command(model: Model, matches: list[Match], replacement: str,
                    label: str = "") -> CompoundCommand | None:
    """One command replacing each match's span by ``replacement``: a rename or a fields
    edit per object, all as one undo step. Matches whose field changed since the search
    (an edit in between) are left alone; ``None`` when nothing is left to replace."""
    grouped: dict[tuple[str, str, str, str | None, int], list[Match]] = defaultdict(list)
    for match in matches:
        key = (match.kind, match.owner_id, match.field, match.language, match.prop_index)
        grouped[key].append(match)
    edits: dict[tuple[str, str], _Edit] = {}
    for (kind, owner_id, fld, language, prop_index), found in grouped.items():
        text = _current_text(model, found[0])
        if text is None or text != found[0].text:
            continue
        new = _replaced(text, [(m.start, m.end) for m in found], replacement)
        edit = edits.setdefault((kind, owner_id), _Edit())
        if fld == PROPERTY:
            edit.properties[prop_index] = new
        elif fld == NAME and language is None:
            edit.main_name = new
        elif fld == NAME:
            edit.names[language or ""] = new
        elif language is None:
            edit.documentation = new
        else:
            edit.documentations[language] = new
    commands: list[Command] = []
    for (kind, owner_id), edit in edits.items():
        commands.extend(_commands_for(model, kind, owner_id, edit))
    if not commands:
        return None
    return CompoundCommand(label or tr("Replace"), commands)


def _commands_for(model: Model, kind: str, owner_id: str, edit: _Edit) -> list[Command]:
    from .catalog import rename_element_command

    obj = _owner(model, kind, owner_id)
    commands: list[Command] = []
    changes: dict[str, Any] = {}
    # The main name first: renaming it drops the catalog's other-language names, and a
    # replacement in those names must come after, not be dropped.
    if edit.main_name is not None:
        if kind == ELEMENT:
            commands.append(rename_element_command(model, owner_id, edit.main_name))
        elif kind == VIEW:
            commands.append(RenameViewCommand(owner_id, edit.main_name))
        else:
            changes["name"] = edit.main_name
    if edit.names:
        if kind == RELATIONSHIP:
            changes["names"] = {**obj.names, **edit.names}
        else:
            rename = RenameElementCommand if kind == ELEMENT else RenameViewCommand
            commands.extend(rename(owner_id, text, language)
                            for language, text in edit.names.items())
    if edit.documentation is not None:
        changes["documentation"] = edit.documentation
    if edit.documentations:
        changes["documentations"] = {**obj.documentations, **edit.documentations}
    if edit.properties and kind == VIEW:  # a view's properties have their own command
        commands.extend(SetPropertyCommand(owner_id, obj.properties[i][0], text)
                        for i, text in sorted(edit.properties.items()))
    elif edit.properties:
        changes["properties"] = [(key, edit.properties.get(i, value))
                                 for i, (key, value) in enumerate(obj.properties)]
    if changes:
        fields_command = {ELEMENT: SetElementFieldsCommand,
                          RELATIONSHIP: SetRelationshipFieldsCommand,
                          VIEW: SetViewFieldsCommand}[kind]
        commands.append(fields_command(owner_id, changes))
    return commands
