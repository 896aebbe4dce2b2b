"""Reading the profile sections of a catalog file: ``profile``, ``scope_levels``,
``terminology``, ``inventory_fields``, ``mapping_from`` and ``for_profiles``.

Same manners as :mod:`.reader`: every field is checked, a broken file raises
:class:`~.types.CatalogError` naming the file, the line and the field, and nothing is kept
from a file that fails (the caller builds the catalog only when everything parsed).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from ...i18n import tr
from ..metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from .profile import (
    DECISION_ROLES,
    FIELD_TYPES,
    NO_SUCCESSOR_REASONS,
    OVERVIEW_ORDERS,
    PROFILE_STATUSES,
    ComponentMap,
    Decision,
    InventoryField,
    LayerMap,
    NameRule,
    Profile,
    ProfileData,
    ProfileMapping,
    Rename,
    Retiring,
    ScopeLevel,
    Term,
)

if TYPE_CHECKING:
    from .reader import _Reader

_ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_PROFILE_FIELDS = {
    "id", "version", "framework_version", "title_vi", "title_en", "short_title_vi",
    "short_title_en", "status", "status_note_vi", "status_note_en", "decisions",
    "superseded_by_decisions", "valid_from", "valid_until", "succeeds", "superseded_by",
    "extends", "overview_order", "default_template", "templates", "model_date_properties",
    "retiring", "sources", "note"}
_DECISION_FIELDS = {"number", "date", "issuer_vi", "title_vi", "role", "sources", "inferred",
                    "note"}
_LEVEL_FIELDS = {"id", "value", "name_vi", "name_en", "order", "aliases", "valid_from",
                 "valid_until", "selectable", "sources", "inferred", "note"}
_FIELD_FIELDS = {"id", "property", "label_vi", "label_en", "type", "applies_to", "choices",
                 "sources", "inferred", "note"}
_TERM_SECTIONS = ("element_types", "relationship_types", "archimate_layers", "viewpoints")


def parse_date(reader: _Reader, raw: dict[str, Any], key: str, where: str,
               anchor: str | None) -> dt.date | None:
    """An ISO date (``YYYY-MM-DD``) or ``null``."""
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO.match(value):
        raise reader.fail(where, tr("'{field}' must be a date written YYYY-MM-DD, or null",
                                    field=key), anchor)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise reader.fail(where, tr("'{field}' is not a real date: {value}", field=key,
                                    value=value), anchor) from None


def _object(reader: _Reader, value: Any, where: str, anchor: str | None) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise reader.fail(where, tr("must be a JSON object"), anchor)
    return value


def _regex(reader: _Reader, pattern: Any, where: str, anchor: str | None) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise reader.fail(where, tr("'pattern' must be a text"), anchor)
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise reader.fail(where, tr("'pattern' is not a valid regular expression: {reason}",
                                    reason=str(exc)), anchor) from None


def parse_profile_data(reader: _Reader, data: dict[str, Any], layer_ids: set[str],
                       component_ids: set[str]) -> ProfileData:
    """The profile sections of ``data`` (each optional), checked against the file's own
    layers and components (``layer_ids``, ``component_ids``, including a base's)."""
    profile = None
    if "profile" in data:
        profile = _parse_profile(reader, _object(reader, data["profile"], "profile",
                                                 '"profile"'))
        top_id = data.get("id")
        if top_id is not None and top_id != profile.id:
            raise reader.fail("profile", tr(
                "'id' ({id}) must equal the top-level 'id' ({top})", id=profile.id,
                top=top_id), '"profile"')
    levels = _parse_scope_levels(reader, data.get("scope_levels"))
    terminology = _parse_terminology(reader, data.get("terminology"))
    fields, groups = _parse_inventory(reader, data.get("inventory_fields"), component_ids)
    mapping = None
    if data.get("mapping_from") is not None:
        mapping = _parse_mapping(reader, _object(reader, data["mapping_from"], "mapping_from",
                                                 '"mapping_from"'), layer_ids, component_ids)
    for_profiles = reader.strings(data, "for_profiles", "", '"for_profiles"')
    return ProfileData(profile=profile, scope_levels=levels, terminology=terminology,
                       inventory_fields=fields, inventory_groups=groups, mapping_from=mapping,
                       for_profiles=for_profiles)


# ------------------------------------------------------------------------------- profile
def _parse_profile(reader: _Reader, raw: dict[str, Any]) -> Profile:
    where, anchor = "profile", '"profile"'
    reader.unknown(raw, _PROFILE_FIELDS, where, anchor)
    profile_id = reader.string(raw, "id", where, anchor) or ""
    status = raw.get("status", "current")
    if status not in PROFILE_STATUSES:
        raise reader.fail(where, tr("'status' must be one of {values}",
                                    values=", ".join(PROFILE_STATUSES)), '"status"')
    order = raw.get("overview_order", "top_down")
    if order not in OVERVIEW_ORDERS:
        raise reader.fail(where, tr("'overview_order' must be one of {values}",
                                    values=", ".join(OVERVIEW_ORDERS)), '"overview_order"')
    note_vi = reader.string(raw, "status_note_vi", where, anchor, required=False) or ""
    if status == "superseded" and not note_vi:
        raise reader.fail(where, tr("a superseded profile needs 'status_note_vi' (what "
                                    "replaced it)"), '"status"')
    valid_from = parse_date(reader, raw, "valid_from", where, '"valid_from"')
    valid_until = parse_date(reader, raw, "valid_until", where, '"valid_until"')
    if valid_from and valid_until and valid_until <= valid_from:
        raise reader.fail(where, tr("'valid_until' must come after 'valid_from'"),
                          '"valid_until"')
    retiring = None
    if raw.get("retiring") is not None:
        rraw = _object(reader, raw["retiring"], "profile.retiring", '"retiring"')
        reader.unknown(rraw, {"property", "values", "note"}, "profile.retiring", '"retiring"')
        retiring = Retiring(
            property=reader.string(rraw, "property", "profile.retiring", '"retiring"') or "",
            values=reader.strings(rraw, "values", "profile.retiring", '"retiring"'),
            note=reader.string(rraw, "note", "profile.retiring", '"retiring"',
                               required=False) or "")
    dates = raw.get("model_date_properties", ["architecture_date", "dossier:date"])
    return Profile(
        id=profile_id,
        version=reader.string(raw, "version", where, anchor) or "",
        title_vi=reader.string(raw, "title_vi", where, anchor) or "",
        title_en=reader.string(raw, "title_en", where, anchor) or "",
        status=status,
        framework_version=reader.string(raw, "framework_version", where, anchor,
                                        required=False),
        short_title_vi=reader.string(raw, "short_title_vi", where, anchor,
                                     required=False) or "",
        short_title_en=reader.string(raw, "short_title_en", where, anchor,
                                     required=False) or "",
        status_note_vi=note_vi,
        status_note_en=reader.string(raw, "status_note_en", where, anchor,
                                     required=False) or "",
        decisions=_parse_decisions(reader, raw, "decisions"),
        superseded_by_decisions=_parse_decisions(reader, raw, "superseded_by_decisions"),
        valid_from=valid_from, valid_until=valid_until,
        succeeds=reader.string(raw, "succeeds", where, anchor, required=False),
        superseded_by=reader.string(raw, "superseded_by", where, anchor, required=False),
        extends=reader.string(raw, "extends", where, anchor, required=False),
        overview_order=order,
        default_template=reader.string(raw, "default_template", where, anchor,
                                       required=False),
        templates=reader.strings(raw, "templates", where, '"templates"'),
        model_date_properties=reader.strings({"d": dates}, "d", "profile.model_date_properties",
                                             '"model_date_properties"'),
        retiring=retiring,
        sources=reader.strings(raw, "sources", where, anchor),
        note=reader.string(raw, "note", where, anchor, required=False) or "",
    )


def _parse_decisions(reader: _Reader, raw: dict[str, Any], key: str) -> tuple[Decision, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list):
        raise reader.fail("profile", tr("'{field}' must be a list", field=key), f'"{key}"')
    decisions = []
    for index, item in enumerate(value, start=1):
        number = item.get("number") if isinstance(item, dict) else None
        anchor = f'"{number}"' if isinstance(number, str) else f'"{key}"'
        where = f"profile.{key} #{index}"
        item = _object(reader, item, where, anchor)
        reader.unknown(item, _DECISION_FIELDS, where, anchor)
        role = item.get("role", "framework")
        if role not in DECISION_ROLES:
            raise reader.fail(where, tr("'role' must be one of {values}",
                                        values=", ".join(DECISION_ROLES)), anchor)
        decisions.append(Decision(
            number=reader.string(item, "number", where, anchor) or "",
            date=parse_date(reader, item, "date", where, anchor),
            title_vi=reader.string(item, "title_vi", where, anchor, required=False) or "",
            issuer_vi=reader.string(item, "issuer_vi", where, anchor, required=False) or "",
            role=role,
            sources=reader.strings(item, "sources", where, anchor),
            inferred=reader.boolean(item, "inferred", where, anchor),
            note=reader.string(item, "note", where, anchor, required=False) or "",
        ))
    return tuple(decisions)


# -------------------------------------------------------------------------- scope levels
def _parse_scope_levels(reader: _Reader, raw: Any) -> tuple[ScopeLevel, ...]:
    if raw is None:
        return ()
    raw = _object(reader, raw, "scope_levels", '"scope_levels"')
    reader.unknown(raw, {"levels", "note"}, "scope_levels", '"scope_levels"')
    levels: list[ScopeLevel] = []
    seen: set[str] = set()
    for index, item in enumerate(reader.items(raw, "levels"), start=1):
        anchor = f'"{item.get("id")}"' if isinstance(item.get("id"), str) else None
        where = f"scope_levels #{index}"
        reader.unknown(item, _LEVEL_FIELDS, where, anchor)
        value = reader.string(item, "value", where, anchor) or ""
        if value in seen:
            raise reader.fail(where, tr("scope value '{value}' is listed twice",
                                        value=value), anchor)
        seen.add(value)
        order = item.get("order")
        if not isinstance(order, int) or isinstance(order, bool):
            raise reader.fail(where, tr("'order' must be a whole number"), anchor)
        levels.append(ScopeLevel(
            id=reader.string(item, "id", where, anchor) or "",
            value=value,
            name_vi=reader.string(item, "name_vi", where, anchor) or "",
            name_en=reader.string(item, "name_en", where, anchor) or "",
            order=order,
            aliases=reader.strings(item, "aliases", where, anchor),
            valid_from=parse_date(reader, item, "valid_from", where, anchor),
            valid_until=parse_date(reader, item, "valid_until", where, anchor),
            selectable=item.get("selectable", True) is not False,
            sources=reader.strings(item, "sources", where, anchor),
            inferred=reader.boolean(item, "inferred", where, anchor),
            note=reader.string(item, "note", where, anchor, required=False) or "",
        ))
    return tuple(levels)


# ---------------------------------------------------------------------------- terminology
def _parse_terminology(reader: _Reader, raw: Any) -> dict[str, dict[str, Term]]:
    if raw is None:
        return {}
    raw = _object(reader, raw, "terminology", '"terminology"')
    reader.unknown(raw, {"note", "sources", *_TERM_SECTIONS}, "terminology", '"terminology"')
    known = {"element_types": set(ELEMENT_TYPES), "relationship_types": set(RELATIONSHIP_TYPES)}
    out: dict[str, dict[str, Term]] = {}
    for section in _TERM_SECTIONS:
        entries = raw.get(section, {})
        entries = _object(reader, entries, f"terminology.{section}", f'"{section}"')
        terms: dict[str, Term] = {}
        for key, entry in entries.items():
            where = f"terminology.{section}.{key}"
            if section in known and key not in known[section]:
                raise reader.fail(where, tr("unknown ArchiMate name '{name}'", name=key),
                                  f'"{key}"')
            entry = _object(reader, entry, where, f'"{key}"')
            reader.unknown(entry, {"en", "vi", "tooltip_vi", "changed_from", "reason"}, where,
                           f'"{key}"')
            terms[key] = Term(
                en=reader.string(entry, "en", where, f'"{key}"') or "",
                vi=reader.string(entry, "vi", where, f'"{key}"') or "",
                tooltip_vi=reader.string(entry, "tooltip_vi", where, None, required=False) or "",
                changed_from=reader.string(entry, "changed_from", where, None,
                                           required=False) or "",
                reason=reader.string(entry, "reason", where, None, required=False) or "",
            )
        out[section] = terms
    return out


# ------------------------------------------------------------------------ inventory fields
def _parse_inventory(reader: _Reader, raw: Any, component_ids: set[str]
                     ) -> tuple[tuple[InventoryField, ...], dict[str, tuple[str, ...]]]:
    if raw is None:
        return (), {}
    raw = _object(reader, raw, "inventory_fields", '"inventory_fields"')
    reader.unknown(raw, {"note", "element_groups", "fields"}, "inventory_fields",
                   '"inventory_fields"')
    groups = _object(reader, raw.get("element_groups", {}), "inventory_fields.element_groups",
                     '"element_groups"')
    for name, members in groups.items():
        if not isinstance(members, list) or not all(
                m in ELEMENT_TYPES or m in RELATIONSHIP_TYPES for m in members):
            raise reader.fail(f"inventory_fields.element_groups.{name}", tr(
                "must be a list of ArchiMate element or relationship types"), f'"{name}"')
    fields: list[InventoryField] = []
    seen: set[str] = set()
    for index, item in enumerate(reader.items(raw, "fields"), start=1):
        anchor = f'"{item.get("id")}"' if isinstance(item.get("id"), str) else None
        where = tr("inventory field #{n}", n=index) + (
            f" (id '{item.get('id')}')" if anchor else "")
        prop = reader.string(item, "property", where, anchor) or ""
        if prop in seen:
            raise reader.fail(where, tr("property '{key}' is used by two fields", key=prop),
                              anchor)
        seen.add(prop)
        kind = item.get("type")
        if kind not in FIELD_TYPES:
            raise reader.fail(where, tr("'type' must be one of {values}",
                                        values=", ".join(FIELD_TYPES)), anchor)
        applies = reader.strings(item, "applies_to", where, anchor)
        for name in applies:
            if name not in groups and name not in ELEMENT_TYPES and name not in RELATIONSHIP_TYPES:
                raise reader.fail(where, tr("'applies_to' names unknown group or type '{name}'",
                                            name=name), anchor)
        choices = _choices(reader, item, where, anchor, component_ids) if kind == "choice" else ()
        options = {k: v for k, v in item.items() if k not in _FIELD_FIELDS}
        fields.append(InventoryField(
            id=reader.string(item, "id", where, anchor) or "",
            property=prop,
            label_vi=reader.string(item, "label_vi", where, anchor) or "",
            label_en=reader.string(item, "label_en", where, anchor) or "",
            type=kind, applies_to=applies, choices=choices, options=options,
            sources=reader.strings(item, "sources", where, anchor),
            inferred=reader.boolean(item, "inferred", where, anchor),
            note=reader.string(item, "note", where, anchor, required=False) or "",
        ))
    return tuple(fields), {name: tuple(members) for name, members in groups.items()}


def _choices(reader: _Reader, item: dict[str, Any], where: str, anchor: str | None,
             component_ids: set[str]) -> tuple[tuple[str, str, str], ...]:
    given = [k for k in ("choices", "choices_from", "choices_from_components") if k in item]
    if len(given) != 1:
        raise reader.fail(where, tr("a 'choice' field needs exactly one of 'choices', "
                                    "'choices_from' or 'choices_from_components'"), anchor)
    if "choices_from" in item and item["choices_from"] != "scope_levels":
        raise reader.fail(where, tr("'choices_from' can only be 'scope_levels'"), anchor)
    if "choices_from_components" in item and item["choices_from_components"] not in component_ids:
        raise reader.fail(where, tr("'choices_from_components' names unknown component '{id}'",
                                    id=item["choices_from_components"]), anchor)
    if "choices" not in item:
        return ()
    raw = item["choices"]
    if not isinstance(raw, list) or not raw:
        raise reader.fail(where, tr("'choices' must be a non-empty list"), anchor)
    out = []
    for choice in raw:
        if not (isinstance(choice, dict) and all(
                isinstance(choice.get(k), str) and choice.get(k) for k in ("id", "vi", "en"))):
            raise reader.fail(where, tr("each choice needs 'id', 'vi' and 'en'"), anchor)
        out.append((choice["id"], choice["vi"], choice["en"]))
    return tuple(out)


# ---------------------------------------------------------------------------------- mapping
def _parse_mapping(reader: _Reader, raw: dict[str, Any], layer_ids: set[str],
                   component_ids: set[str]) -> ProfileMapping:
    where = "mapping_from"
    reader.unknown(raw, {"profile", "note", "components", "layers", "agencies",
                         "administrative_units"}, where, '"mapping_from"')
    old_profile = reader.string(raw, "profile", where, '"mapping_from"') or ""
    components: dict[str, ComponentMap] = {}
    for old, entry in _object(reader, raw.get("components", {}), "mapping_from.components",
                              '"components"').items():
        here = f"mapping_from.components.{old}"
        components[old] = _component_map(reader, entry, here, f'"{old}"', component_ids)
    layers: dict[str, LayerMap] = {}
    for old, entry in _object(reader, raw.get("layers", {}), "mapping_from.layers",
                              '"layers"').items():
        here = f"mapping_from.layers.{old}"
        layers[old] = _layer_map(reader, entry, here, f'"{old}"', layer_ids)
    return ProfileMapping(
        profile=old_profile, components=components, layers=layers,
        agencies=_renames(reader, raw.get("agencies", {}), "mapping_from.agencies"),
        administrative_units=_renames(reader, raw.get("administrative_units", {}),
                                      "mapping_from.administrative_units"),
        note=reader.string(raw, "note", where, None, required=False) or "")


def _target(reader: _Reader, entry: dict[str, Any], where: str, anchor: str,
            known: set[str], what: str) -> str | None:
    to = entry.get("to")
    if to is None:
        reason = entry.get("reason")
        if reason not in NO_SUCCESSOR_REASONS:
            raise reader.fail(where, tr("'to' is null, so 'reason' must be one of {values}",
                                        values=", ".join(NO_SUCCESSOR_REASONS)), anchor)
        if not isinstance(entry.get("reason_vi"), str) or not entry["reason_vi"].strip():
            raise reader.fail(where, tr("'to' is null, so 'reason_vi' must say why"), anchor)
        return None
    if not isinstance(to, str) or to not in known:
        raise reader.fail(where, tr("'to' names unknown {what} '{id}'", what=what, id=to),
                          anchor)
    return to


def _component_map(reader: _Reader, entry: Any, where: str, anchor: str,
                   component_ids: set[str]) -> ComponentMap:
    if isinstance(entry, str):
        entry = {"to": entry}
    entry = _object(reader, entry, where, anchor)
    reader.unknown(entry, {"to", "by_name", "reason", "reason_vi", "note"}, where, anchor)
    to = _target(reader, entry, where, anchor, component_ids, tr("component"))
    rules = []
    by_name = entry.get("by_name", [])
    if not isinstance(by_name, list):
        raise reader.fail(where, tr("'by_name' must be a list"), anchor)
    for index, rule in enumerate(by_name, start=1):
        here = f"{where}.by_name #{index}"
        rule = _object(reader, rule, here, anchor)
        reader.unknown(rule, {"pattern", "to", "rename", "reason", "reason_vi"}, here, anchor)
        rename = rule.get("rename")
        if rename is not None and not isinstance(rename, str):
            raise reader.fail(here, tr("'rename' must be a text"), anchor)
        rules.append(NameRule(
            pattern=_regex(reader, rule.get("pattern"), here, anchor),
            to=_target(reader, rule, here, anchor, component_ids, tr("component")),
            rename=rename, reason=rule.get("reason"), reason_vi=rule.get("reason_vi") or ""))
    return ComponentMap(to=to, by_name=tuple(rules), reason=entry.get("reason"),
                        reason_vi=entry.get("reason_vi") or "", note=entry.get("note") or "")


def _layer_map(reader: _Reader, entry: Any, where: str, anchor: str,
               layer_ids: set[str]) -> LayerMap:
    if isinstance(entry, str):
        entry = {"to": entry}
    entry = _object(reader, entry, where, anchor)
    reader.unknown(entry, {"to", "by_type", "reason", "reason_vi", "note"}, where, anchor)
    to = _target(reader, entry, where, anchor, layer_ids, tr("layer"))
    by_type = _object(reader, entry.get("by_type", {}), where, anchor)
    for type_name, layer in by_type.items():
        if type_name not in ELEMENT_TYPES:
            raise reader.fail(where, tr("'by_type' names unknown ArchiMate type '{type}'",
                                        type=type_name), anchor)
        if layer not in layer_ids:
            raise reader.fail(where, tr("'to' names unknown {what} '{id}'", what=tr("layer"),
                                        id=layer), anchor)
    return LayerMap(to=to, by_type=dict(by_type), reason=entry.get("reason"),
                    reason_vi=entry.get("reason_vi") or "", note=entry.get("note") or "")


def _renames(reader: _Reader, raw: Any, where: str) -> dict[str, Rename]:
    out: dict[str, Rename] = {}
    for old, entry in _object(reader, raw, where, None).items():
        here, anchor = f"{where}.{old}", f'"{old}"'
        entry = _object(reader, entry, here, anchor)
        reader.unknown(entry, {"to", "effective", "sources", "inferred", "note"}, here, anchor)
        out[old] = Rename(
            to=reader.string(entry, "to", here, anchor) or "",
            effective=parse_date(reader, entry, "effective", here, anchor),
            sources=reader.strings(entry, "sources", here, anchor),
            inferred=reader.boolean(entry, "inferred", here, anchor),
            note=reader.string(entry, "note", here, anchor, required=False) or "")
    return out
