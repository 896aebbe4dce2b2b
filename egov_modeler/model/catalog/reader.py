"""Reading a catalog document: every field checked, every error pointing at the spot.

A broken catalog raises :class:`~.types.CatalogError` naming the file and the field (or the
JSON line and column), so a user can fix a hand-written catalog without guessing; the
format is described in ``docs/catalog-format.md``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ...i18n import tr
from .. import safe_json
from ..limits import MAX_NAME_LENGTH
from ..metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from .catalog import Catalog
from .types import (
    LAYER_KINDS,
    REFERENCE_MODELS,
    SEVERITIES,
    CatalogError,
    Component,
    FrameworkEdition,
    FrameworkRule,
    Layer,
    TypicalRelationship,
)

CATALOG_FORMAT = "egov-modeler-catalog"
CATALOG_FORMAT_VERSION = 1

_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_LAYER_FIELDS = {"id", "name_vi", "name_en", "order", "kind", "cross_cutting", "sources",
                 "inferred", "note"}
_COMPONENT_FIELDS = {"id", "name_vi", "name_en", "layer", "reference_model", "archimate_type",
                     "description_vi", "description_en", "sources", "inferred", "scope",
                     "owner", "code", "parent", "version", "archimate_alt", "note"}
_RELATIONSHIP_FIELDS = {"source", "type", "target", "sources", "inferred", "note"}
_RULE_FIELDS = {"id", "severity", "check", "message_vi", "message_en", "legal_source",
                "sources", "inferred", "note", "applies_from", "applies_until"}


class _Reader:
    """Checks one catalog document field by field, with messages that point at the spot."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text

    def fail(self, where: str, problem: str, anchor: str | None = None) -> CatalogError:
        line = self._line_of(anchor)
        place = tr("{file}, line {line}", file=self.name, line=line) if line else self.name
        return CatalogError(f"{place}: {where}: {problem}" if where else f"{place}: {problem}")

    def _line_of(self, anchor: str | None) -> int | None:
        if not anchor or not self.text:
            return None
        index = self.text.find(anchor)
        return self.text.count("\n", 0, index) + 1 if index >= 0 else None

    def string(self, raw: dict[str, Any], key: str, where: str, anchor: str | None,
               required: bool = True) -> str | None:
        value = raw.get(key)
        if value is None:
            if required:
                raise self.fail(where, tr("missing field '{field}'", field=key), anchor)
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            raise self.fail(where, tr("'{field}' must be a non-empty text", field=key), anchor)
        if len(value) > MAX_NAME_LENGTH:  # the bound every reader holds names to
            raise self.fail(where, tr("'{field}' is longer than {count} characters",
                                      field=key, count=MAX_NAME_LENGTH), anchor)
        if unicodedata.normalize("NFC", value) != value:
            value = unicodedata.normalize("NFC", value)  # normalise rather than refuse
        return value

    def boolean(self, raw: dict[str, Any], key: str, where: str, anchor: str | None) -> bool:
        value = raw.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(where, tr("'{field}' must be true or false", field=key), anchor)
        return value

    def strings(self, raw: dict[str, Any], key: str, where: str,
                anchor: str | None) -> tuple[str, ...]:
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, tr("'{field}' must be a list of texts", field=key), anchor)
        return tuple(unicodedata.normalize("NFC", v) for v in value)

    def unknown(self, raw: dict[str, Any], allowed: set[str], where: str,
                anchor: str | None) -> None:
        extra = sorted(set(raw) - allowed)
        if extra:
            raise self.fail(where, tr("unknown field '{field}'", field=extra[0]), anchor)

    def items(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail("", tr("'{field}' must be a list", field=key), f'"{key}"')
        for index, item in enumerate(value, start=1):
            if not isinstance(item, dict):
                raise self.fail("", tr("{field} #{n} must be an object", field=key, n=index),
                                f'"{key}"')
        return value


def parse_catalog(data: Any, name: str, text: str = "",
                  known: Catalog | None = None) -> Catalog:
    """Build a :class:`Catalog` from decoded JSON, checking every field.

    ``known`` is the catalog a user file extends: its layers and components may be named
    as ``layer``, ``parent`` and relationship ends. ``name`` and ``text`` (the raw file) let
    messages name the file and the line.
    """
    reader = _Reader(name, text)
    if not isinstance(data, dict):
        raise reader.fail("", tr("the catalog must be a JSON object"))
    if data.get("format", CATALOG_FORMAT) != CATALOG_FORMAT:
        raise reader.fail("", tr("'format' must be '{format}'", format=CATALOG_FORMAT),
                          '"format"')
    version = data.get("format_version", CATALOG_FORMAT_VERSION)
    if version != CATALOG_FORMAT_VERSION:
        raise reader.fail("", tr("unsupported format_version {version} (this program reads {ours})",
                                 version=version, ours=CATALOG_FORMAT_VERSION),
                          '"format_version"')
    layers = _parse_layers(reader, data, known)
    layer_ids = {layer.id for layer in layers} | (
        {layer.id for layer in known.layers} if known else set())
    components = _parse_components(reader, data, layer_ids, known, name)
    component_types = {c.id: c.archimate_type for c in components}
    if known:
        component_types.update({c.id: c.archimate_type for c in known.components})
    relationships = _parse_relationships(reader, data, component_types)
    rules = _parse_rules(reader, data, known)
    from .profile_reader import parse_profile_data

    profile_data = parse_profile_data(reader, data, layer_ids, set(component_types))
    levels = profile_data.scope_levels or (known.scope_levels if known else ())
    if levels:
        _check_scopes(reader, components, {level.value for level in levels})
    title_vi, title_en = (value if isinstance(value := data.get(key), str) else ""
                          for key in ("title_vi", "title_en"))
    raw_id = data.get("id")
    catalog_id = raw_id if isinstance(raw_id, str) else ""
    return Catalog(layers, components, relationships, rules, title_vi, title_en,
                   _parse_framework(data), id=catalog_id, data=profile_data)


def _parse_framework(data: dict[str, Any]) -> FrameworkEdition | None:
    """The optional ``framework`` block (version, decision, the decisions replacing it).

    Read leniently: it only informs the About box, and catalogs written before it was read
    may hold other things there; what is not text is left out rather than refused.
    """
    raw = data.get("framework")
    if not isinstance(raw, dict):
        return None
    version, decision = (unicodedata.normalize("NFC", value)
                         if isinstance(value := raw.get(key), str) else ""
                         for key in ("version", "decision"))
    replaced = raw.get("replaced_by", [])
    replaced = [replaced] if isinstance(replaced, str) else replaced
    return FrameworkEdition(version, decision, tuple(
        unicodedata.normalize("NFC", item) for item in replaced if isinstance(item, str)
    ) if isinstance(replaced, list) else ())


def _check_scopes(reader: _Reader, components: list[Component], values: set[str]) -> None:
    """Every part of a component's ``scope`` (``"bộ/tỉnh"``) must be a scope level."""
    for index, component in enumerate(components, start=1):
        for part in (component.scope or "").split("/") if component.scope else ():
            if part.strip() not in values:
                raise reader.fail(
                    tr("component #{n}", n=index) + f" (id '{component.id}')",
                    tr("'scope' part '{part}' is not a scope level of the profile ({values})",
                       part=part, values=", ".join(sorted(values))), f'"{component.id}"')


def _parse_layers(reader: _Reader, data: dict[str, Any], known: Catalog | None) -> list[Layer]:
    layers: list[Layer] = []
    seen: set[str] = set()
    for index, raw in enumerate(reader.items(data, "layers"), start=1):
        anchor = f'"{raw.get("id")}"' if isinstance(raw.get("id"), str) else None
        where = tr("layer #{n}", n=index) + (f" (id '{raw.get('id')}')" if anchor else "")
        reader.unknown(raw, _LAYER_FIELDS, where, anchor)
        layer_id = reader.string(raw, "id", where, anchor)
        assert layer_id is not None
        if not _ID.match(layer_id):
            raise reader.fail(where, tr("'id' may contain only letters, digits, _ . -"), anchor)
        if layer_id in seen or (known and known.has_layer(layer_id)):
            raise reader.fail(where, tr("layer id '{id}' is already defined", id=layer_id),
                              anchor)
        seen.add(layer_id)
        order = raw.get("order")
        if not isinstance(order, int) or isinstance(order, bool):
            raise reader.fail(where, tr("'order' must be a whole number"), anchor)
        kind = raw.get("kind", "overview")
        if kind not in LAYER_KINDS:
            raise reader.fail(where, tr("'kind' must be one of {values}",
                                        values=", ".join(LAYER_KINDS)), anchor)
        layers.append(Layer(
            id=layer_id,
            name_vi=reader.string(raw, "name_vi", where, anchor) or "",
            name_en=reader.string(raw, "name_en", where, anchor) or "",
            order=order, kind=kind,
            cross_cutting=reader.boolean(raw, "cross_cutting", where, anchor),
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            note=reader.string(raw, "note", where, anchor, required=False) or "",
            origin=reader.name,
        ))
    return layers


def _parse_components(reader: _Reader, data: dict[str, Any], layer_ids: set[str],
                      known: Catalog | None, name: str) -> list[Component]:
    components: list[Component] = []
    seen: set[str] = set()
    raws = reader.items(data, "components")
    all_ids = {r.get("id") for r in raws if isinstance(r.get("id"), str)} | (
        {c.id for c in known.components} if known else set())
    for index, raw in enumerate(raws, start=1):
        anchor = f'"{raw.get("id")}"' if isinstance(raw.get("id"), str) else None
        where = tr("component #{n}", n=index) + (f" (id '{raw.get('id')}')" if anchor else "")
        reader.unknown(raw, _COMPONENT_FIELDS, where, anchor)
        component_id = reader.string(raw, "id", where, anchor)
        assert component_id is not None
        if not _ID.match(component_id):
            raise reader.fail(where, tr("'id' may contain only letters, digits, _ . -"), anchor)
        if component_id in seen or (known and known.has_component(component_id)):
            raise reader.fail(where, tr("component id '{id}' is already defined",
                                        id=component_id), anchor)
        seen.add(component_id)
        layer = reader.string(raw, "layer", where, anchor) or ""
        if layer not in layer_ids:
            raise reader.fail(where, tr("'layer' names unknown layer '{layer}'", layer=layer),
                              anchor)
        reference_model = raw.get("reference_model", "overview")
        if reference_model not in REFERENCE_MODELS:
            raise reader.fail(where, tr("'reference_model' must be one of {values}",
                                        values=", ".join(REFERENCE_MODELS)), anchor)
        archimate_type = reader.string(raw, "archimate_type", where, anchor) or ""
        if archimate_type not in ELEMENT_TYPES:
            raise reader.fail(where, tr("'archimate_type' names unknown ArchiMate type '{type}'",
                                        type=archimate_type), anchor)
        alt = reader.string(raw, "archimate_alt", where, anchor, required=False)
        if alt is not None and alt not in ELEMENT_TYPES:
            raise reader.fail(where, tr("'archimate_alt' names unknown ArchiMate type '{type}'",
                                        type=alt), anchor)
        parent = reader.string(raw, "parent", where, anchor, required=False)
        if parent is not None and parent not in all_ids:
            raise reader.fail(where, tr("'parent' names unknown component '{id}'", id=parent),
                              anchor)
        description_vi = reader.string(raw, "description_vi", where, anchor, required=False)
        if description_vi and "\n" in description_vi:
            raise reader.fail(where, tr("'description_vi' must be one line"), anchor)
        components.append(Component(
            id=component_id,
            name_vi=reader.string(raw, "name_vi", where, anchor) or "",
            name_en=reader.string(raw, "name_en", where, anchor) or "",
            layer=layer, reference_model=reference_model, archimate_type=archimate_type,
            description_vi=description_vi or "",
            description_en=reader.string(raw, "description_en", where, anchor,
                                         required=False) or "",
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            scope=reader.string(raw, "scope", where, anchor, required=False),
            owner=reader.string(raw, "owner", where, anchor, required=False),
            code=reader.string(raw, "code", where, anchor, required=False),
            parent=parent,
            version=reader.string(raw, "version", where, anchor, required=False),
            archimate_alt=alt,
            note=reader.string(raw, "note", where, anchor, required=False),
            origin=name,
        ))
    return components


def _parse_relationships(reader: _Reader, data: dict[str, Any],
                         component_types: dict[str, str]) -> list[TypicalRelationship]:
    from ..rules import can_relate

    relationships: list[TypicalRelationship] = []
    for index, raw in enumerate(reader.items(data, "relationships"), start=1):
        where = tr("relationship #{n}", n=index)
        raw_source = raw.get("source")
        anchor = f'"source": "{raw_source}"' if isinstance(raw_source, str) else None
        reader.unknown(raw, _RELATIONSHIP_FIELDS, where, anchor)
        source = reader.string(raw, "source", where, anchor) or ""
        target = reader.string(raw, "target", where, anchor) or ""
        for key, end in (("source", source), ("target", target)):
            if end not in component_types:
                raise reader.fail(where, tr("'{field}' names unknown component '{id}'",
                                            field=key, id=end), anchor)
        rel_type = reader.string(raw, "type", where, anchor) or ""
        if rel_type not in RELATIONSHIP_TYPES:
            raise reader.fail(where, tr("'type' names unknown relationship type '{type}'",
                                        type=rel_type), anchor)
        if not can_relate(component_types[source], rel_type, component_types[target]):
            raise reader.fail(where, tr(
                "ArchiMate does not allow {relationship} from {source} to {target}",
                relationship=rel_type, source=component_types[source],
                target=component_types[target]), anchor)
        relationships.append(TypicalRelationship(
            source=source, type=rel_type, target=target,
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            note=reader.string(raw, "note", where, anchor, required=False),
        ))
    return relationships


def _parse_rules(reader: _Reader, data: dict[str, Any],
                 known: Catalog | None) -> list[FrameworkRule]:
    from ..framework_rules import CHECKS

    rules: list[FrameworkRule] = []
    seen = {r.id for r in known.rules} if known else set()
    for index, raw in enumerate(reader.items(data, "rules"), start=1):
        anchor = f'"{raw.get("id")}"' if isinstance(raw.get("id"), str) else None
        where = tr("rule #{n}", n=index) + (f" (id '{raw.get('id')}')" if anchor else "")
        rule_id = reader.string(raw, "id", where, anchor) or ""
        if rule_id in seen:
            raise reader.fail(where, tr("rule id '{id}' is already defined", id=rule_id), anchor)
        seen.add(rule_id)
        severity = raw.get("severity")
        if severity not in SEVERITIES:
            raise reader.fail(where, tr("'severity' must be one of {values}",
                                        values=", ".join(SEVERITIES)), anchor)
        check = reader.string(raw, "check", where, anchor) or ""
        if check not in CHECKS:
            raise reader.fail(where, tr("'check' names unknown check '{check}' (known: {known})",
                                        check=check, known=", ".join(sorted(CHECKS))), anchor)
        params = {k: v for k, v in raw.items() if k not in _RULE_FIELDS}
        problem = CHECKS[check].check_params(params)
        if problem:
            raise reader.fail(where, problem, anchor)
        from .profile_reader import parse_date

        applies_from = parse_date(reader, raw, "applies_from", where, anchor)
        applies_until = parse_date(reader, raw, "applies_until", where, anchor)
        if applies_from and applies_until and applies_until <= applies_from:
            raise reader.fail(where, tr("'applies_until' must come after 'applies_from'"),
                              anchor)
        rules.append(FrameworkRule(
            id=rule_id, severity=severity, check=check,
            message_vi=reader.string(raw, "message_vi", where, anchor) or "",
            message_en=reader.string(raw, "message_en", where, anchor) or "",
            legal_source=reader.string(raw, "legal_source", where, anchor,
                                       required=False) or "",
            sources=reader.strings(raw, "sources", where, anchor),
            inferred=reader.boolean(raw, "inferred", where, anchor),
            note=reader.string(raw, "note", where, anchor, required=False),
            params=params, applies_from=applies_from, applies_until=applies_until,
        ))
    return rules


def decode_catalog_json(text: str, name: str) -> Any:
    """The decoded JSON of ``text``; a :class:`CatalogError` with the line and column
    of a syntax error otherwise (``name`` is the file the message names)."""
    try:
        return safe_json.loads(text)
    except safe_json.UnsafeJSONError as exc:
        if not exc.lineno:  # too deep, a number too long, NaN or Infinity
            raise CatalogError(tr("{file}: not valid JSON: {reason}", file=name,
                                  reason=exc)) from None
        raise CatalogError(tr("{file}, line {line}, column {column}: not valid JSON: {reason}",
                              file=name, line=exc.lineno, column=exc.colno,
                              reason=exc)) from None
