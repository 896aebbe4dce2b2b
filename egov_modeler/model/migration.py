"""Migrating a model from one framework profile to its successor (2.0 → 2025).

:func:`plan_migration` reads a model and returns what to do as **one**
:class:`~.commands.CompoundCommand` (the window pushes it as one undo step; the command
line applies it and saves) and a :class:`MigrationReport` that lists every change. The
model itself is not touched. What the plan does, driven by the new profile's
``mapping_from`` (``docs/profile-format.md``):

* each element from a catalog component gets the successor component (``by_name`` rules
  first: "Bộ phận Một cửa cấp huyện" has none, "… tỉnh, huyện, xã" loses "huyện, "), its
  layer, and the new component's catalog properties unless the user had edited them; an
  element still named and described as its old component takes the new one's name and
  description;
* what has no successor (district-level items, the 2.0 reference models) keeps its place
  and relationships, loses its ``catalog_ref``, records the old id in the property
  ``Thành phần khung 2.0`` and is flagged for a decision: nothing is deleted;
* agencies merged in 2025 are renamed in element names, owner properties, dossier fields
  and metadata (Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ);
* in every view with layer bands, the bands become the new profile's bands, in its order,
  and each node moves into the band of its element's new layer, keeping the order its rows
  had; bands that merged into another are removed once empty, line bendpoints through the
  moved boxes are dropped;
* the model records its new profile; then the result is validated under the new profile
  (on a copy) and every remaining problem is listed as a decision to take.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..i18n import tr
from .catalog import (
    ARCHITECTURE_DATE_KEY,
    PROFILE_KEY,
    PROFILE_VERSION_KEY,
    PROP_CODE,
    PROP_INFERRED,
    PROP_OWNER,
    PROP_REFERENCE_MODEL,
    PROP_SCOPE,
    PROP_SOURCE,
    Catalog,
    Component,
    ComponentMap,
    ProfileMapping,
    Rename,
    catalog_for,
    element_from_component,
    profile_catalog,
    profile_id_of,
)
from .commands import (
    Command,
    CompoundCommand,
    PlaceNodeCommand,
    ReparentNodeCommand,
    SetElementFieldsCommand,
    SetModelFieldsCommand,
    SetNodeBoundsCommand,
    SetNodeFieldsCommand,
    SetPropertyCommand,
)
from .commands.view import RemoveBendpointCommand, RemoveNodeCommand
from .concepts import Element
from .errors import ModelError
from .ids import new_id
from .problems import Problem, Severity
from .views import Node, View

if TYPE_CHECKING:
    from .model import Model

#: Property recording the 2.0 component of an element that has no successor.
PROP_OLD_COMPONENT = "Thành phần khung 2.0"
#: Properties that name an agency, renamed when the agency was merged.
AGENCY_PROPERTIES = (PROP_OWNER, "Đơn vị vận hành")
#: Dossier fields and metadata keys that name an agency.
AGENCY_MODEL_PROPERTIES = ("dossier:agency", "dossier:issuer", "dossier:prepared_by",
                           "dossier:approved_by")
AGENCY_METADATA = ("creator", "publisher")
#: Properties written by the catalog (replaced by the new component's unless edited).
CATALOG_PROPERTIES = (PROP_REFERENCE_MODEL, PROP_CODE, PROP_SCOPE, PROP_OWNER, PROP_SOURCE,
                      PROP_INFERRED)
#: Rule id of the migration's entries in the Problems panel.
MIGRATION_RULE = "migration"

# Band geometry (scene points), as the templates use it.
_TAB_AND_PAD = 48
_BOTTOM_PAD = 30
_ROW_GAP = 30
_BAND_GAP = 12
_ITEM_GAP = 20
_EMPTY_BAND = 90


class MigrationError(ModelError):
    """A model that cannot be migrated to the profile asked for (the message says why)."""


@dataclass(frozen=True)
class MigrationEntry:
    """One line of the report: what changed (or must be decided), about which ids."""

    kind: str
    message: str
    ids: tuple[str, ...] = ()
    decide: bool = False


@dataclass
class MigrationReport:
    """Every change of a migration, and what is left for the user to decide."""

    source_profile: str
    target_profile: str
    entries: list[MigrationEntry] = field(default_factory=list)

    def add(self, kind: str, message: str, ids: Iterable[str] = (), decide: bool = False,
            ) -> None:
        self.entries.append(MigrationEntry(kind, message, tuple(ids), decide))

    @property
    def changes(self) -> list[MigrationEntry]:
        return [e for e in self.entries if not e.decide]

    @property
    def decisions(self) -> list[MigrationEntry]:
        """The items flagged for a decision (no successor, merge candidates, remaining
        problems under the new profile)."""
        return [e for e in self.entries if e.decide]

    def problems(self) -> list[Problem]:
        """The decisions as warnings for the Problems panel."""
        return [Problem(Severity.WARNING, MIGRATION_RULE, e.message, e.ids)
                for e in self.decisions]

    def as_text(self) -> str:
        """The report as Markdown-like text (printed by the command line, saved with
        ``--report``)."""
        lines = [tr("Migration from {source} to {target}", source=self.source_profile,
                    target=self.target_profile), ""]
        lines.append(tr("Changes ({count}):", count=len(self.changes)))
        lines += [f"- {e.message}" for e in self.changes]
        lines += ["", tr("To decide ({count}):", count=len(self.decisions))]
        lines += [f"- {e.message}" for e in self.decisions]
        return "\n".join(lines) + "\n"


@dataclass
class MigrationPlan:
    """What :func:`plan_migration` returns: the one undoable command and the report."""

    command: CompoundCommand
    report: MigrationReport


# ------------------------------------------------------------------------------ helpers
def _prop(properties: Iterable[tuple[str, str]], key: str) -> str | None:
    for k, value in properties:
        if k == key:
            return value
    return None


def rename_agencies(text: str, agencies: dict[str, Rename]) -> str:
    """``text`` with every old agency name replaced by its successor, longest names first
    (so "Bộ Thông tin và Truyền thông (Cục Tin học hóa)" wins over its shorter prefix)."""
    result = text
    for old in sorted(agencies, key=len, reverse=True):
        if old in result:
            result = result.replace(old, agencies[old].to)
    return result


def _resolve(entry: ComponentMap, name: str) -> tuple[str | None, str | None, str | None,
                                                     str, bool]:
    """(new component, new name or None, reason, reason text, decided by name)."""
    for rule in entry.by_name:
        if rule.pattern.search(name):
            renamed = rule.pattern.sub(rule.rename, name) if rule.rename is not None else None
            reason_vi = rule.reason_vi or entry.reason_vi
            return rule.to, renamed, rule.reason or entry.reason, reason_vi, True
    return entry.to, None, entry.reason, entry.reason_vi, False


def _clone(model: Model) -> Model:
    """A copy of ``model`` that no window listens to (for validating the result)."""
    shallow = copy.copy(model)
    shallow._subscribers = []
    shallow._command_listeners = []
    return copy.deepcopy(shallow)


# ----------------------------------------------------------------------------- the plan
class _Planner:
    def __init__(self, model: Model, source: Catalog, target: Catalog,
                 mapping: ProfileMapping, report: MigrationReport) -> None:
        self.model, self.source, self.target = model, source, target
        self.mapping, self.report = mapping, report
        self.commands: list[Command] = []
        self.new_layer: dict[str, str | None] = {}   # element id -> its layer afterwards
        self.new_ref: dict[str, tuple[str, str]] = {}  # element id -> (old ref, new ref)

    # -- elements
    def elements(self) -> None:
        for element in self.model.elements:
            if element.catalog_ref:
                self._catalogued(element)
            else:
                self._plain(element)
        self._merge_candidates()

    def _mapped_entry(self, ref: str) -> tuple[str, ComponentMap] | None:
        """The mapping of ``ref``, or of its nearest catalog ancestor (a user's component
        whose ``parent`` is a 2.0 component)."""
        for ancestor in self.source.lineage(ref):
            if ancestor in self.mapping.components:
                return ancestor, self.mapping.components[ancestor]
        return None

    def _catalogued(self, element: Element) -> None:
        ref = element.catalog_ref or ""
        found = self._mapped_entry(ref)
        name = element.name
        if found is None:
            self._without_component(element)
            self.report.add("unmapped", tr(
                "‘{name}’: its component {id} is not in the mapping of {profile}; it keeps its "
                "place without a framework component", name=name, id=ref,
                profile=self.target.id), (element.id,), decide=True)
            return
        via, entry = found
        to, renamed, _reason, reason_vi, by_name = _resolve(entry, name)
        if to is None:
            self._without_component(element)
            self.report.add("unmapped", tr(
                "‘{name}’ ({id}) has no successor in {profile}: {reason}; kept without a "
                "framework component, decide whether to keep, rename or delete it",
                name=name, id=ref, profile=self.target.id, reason=reason_vi),
                (element.id,), decide=True)
            return
        old = self.source.find_component(ref)
        new = self.target.component(to)
        self.new_layer[element.id] = new.layer
        self.new_ref[element.id] = (via, to)
        changes: dict[str, Any] = {"catalog_ref": to, "layer": new.layer}
        changes.update(self._texts(element, old, new, renamed))
        self._set_fields(element, changes)
        self._catalog_properties(element, old, new)
        how = tr(" (by its name)") if by_name else ""
        self.report.add("mapped", tr("‘{name}’: component {old} → {new}{how}", name=name,
                                     old=ref, new=to, how=how), (element.id,))
        if entry.note:
            self.report.add("note", tr("‘{name}’: {note}", name=name, note=entry.note),
                            (element.id,))
        if ref != via:
            self.report.add("mapped", tr(
                "‘{name}’: its own component {id} is not in {profile}; it now refers to "
                "{new} (the successor of its catalog parent {parent})", name=name, id=ref,
                profile=self.target.id, new=to, parent=via), (element.id,))
        types = {new.archimate_type, new.archimate_alt}
        if element.type not in types:
            self.report.add("type", tr(
                "‘{name}’ keeps its ArchiMate type {type}; the new component is a {expected}",
                name=name, type=element.type, expected=new.archimate_type), (element.id,),
                decide=True)

    def _without_component(self, element: Element) -> None:
        """Keep the element where it is, without a framework component, its old component
        recorded in :data:`PROP_OLD_COMPONENT`."""
        self.new_layer[element.id] = self._layer_for(element)
        self._set_fields(element, {"catalog_ref": None, "layer": self.new_layer[element.id]})
        self._set(element.id, PROP_OLD_COMPONENT, element.catalog_ref)

    def _texts(self, element: Element, old: Component | None, new: Component,
               renamed: str | None) -> dict[str, Any]:
        """New name, English name and description when the element still has its old
        component's (a name the user gave is kept, after agency renaming)."""
        changes: dict[str, Any] = {}
        name = element.name
        if old is not None and name == old.name_vi and new.name_vi != name:
            changes["name"] = new.name_vi
        elif renamed is not None and renamed != name:
            changes["name"] = renamed
        else:
            agency = self._agency_name(element)
            if agency != name:
                changes["name"] = agency
        if "name" in changes:
            self.report.add("renamed", tr("‘{old}’ renamed ‘{new}’", old=name,
                                          new=changes["name"]), (element.id,))
        if old is not None and element.names.get("en") == old.name_en and new.name_en:
            changes["names"] = {**element.names, "en": new.name_en}
        if old is not None and element.documentation == old.description_vi:
            changes["documentation"] = new.description_vi
            if new.description_en:
                changes["documentations"] = {**element.documentations,
                                             "en": new.description_en}
        return changes

    def _agency_name(self, element: Element) -> str:
        if element.type in ("BusinessActor", "BusinessRole"):
            return rename_agencies(element.name, dict(self.mapping.agencies))
        return element.name

    def _catalog_properties(self, element: Element, old: Component | None,
                            new: Component) -> None:
        before = dict(element_from_component(old, catalog=self.source).properties) if old else {}
        after = dict(element_from_component(new, catalog=self.target).properties)
        agencies = dict(self.mapping.agencies)
        for key in CATALOG_PROPERTIES:
            current = _prop(element.properties, key)
            if current is not None and current != before.get(key):
                value: str | None = current  # the user's own value stays
                if key in AGENCY_PROPERTIES:
                    value = rename_agencies(current, agencies)
            else:
                value = after.get(key)
            if value != current:
                self._set(element.id, key, value)
        self._rename_agency_properties(element, skip=CATALOG_PROPERTIES)

    def _rename_agency_properties(self, element: Element, skip: tuple[str, ...] = ()) -> None:
        """The agency properties (owner, operator) with merged agencies renamed."""
        agencies = dict(self.mapping.agencies)
        for key in AGENCY_PROPERTIES:
            current = _prop(element.properties, key)
            if key not in skip and current and rename_agencies(current, agencies) != current:
                self._set(element.id, key, rename_agencies(current, agencies))

    def _plain(self, element: Element) -> None:
        layer = self._layer_for(element)
        self.new_layer[element.id] = layer
        changes: dict[str, Any] = {}
        if layer != element.layer:
            changes["layer"] = layer
        agency = self._agency_name(element)
        if agency != element.name:
            changes["name"] = agency
            self.report.add("renamed", tr("‘{old}’ renamed ‘{new}’", old=element.name,
                                          new=agency), (element.id,))
        if changes:
            self._set_fields(element, changes)
        if element.layer and layer != element.layer:
            if layer is None:
                self.report.add("layer", tr(
                    "‘{name}’: its layer {layer} has no counterpart; it has none now",
                    name=element.name, layer=element.layer), (element.id,), decide=True)
            else:
                self.report.add("layer", tr("‘{name}’: layer {old} → {new}", name=element.name,
                                            old=element.layer, new=layer), (element.id,))
        self._rename_agency_properties(element)

    def _layer_for(self, element: Element) -> str | None:
        """The new layer of an element judged by its old layer (``by_type`` first)."""
        old = element.layer
        if old is None and element.catalog_ref:
            component = self.source.find_component(element.catalog_ref)
            old = component.layer if component else None
        if old is None or old not in self.mapping.layers:
            return old if old and self.target.has_layer(old) else None
        entry = self.mapping.layers[old]
        return entry.by_type.get(element.type, entry.to)

    def _merge_candidates(self) -> None:
        by_new: dict[str, list[str]] = {}
        for element_id, (_old, new) in self.new_ref.items():
            by_new.setdefault(new, []).append(element_id)
        for new, ids in by_new.items():
            olds = {self.new_ref[i][0] for i in ids}
            if len(olds) > 1:
                names = ", ".join(f"‘{self.model.element(i).name}’" for i in ids)
                self.report.add("merge", tr(
                    "{names} now all are a {component}: merge them into one system, or keep "
                    "them apart on purpose", names=names,
                    component=self.target.component(new).name_vi), ids, decide=True)

    def _set_fields(self, element: Element, changes: dict[str, Any]) -> None:
        real = {k: v for k, v in changes.items() if getattr(element, k) != v}
        if real:
            self.commands.append(SetElementFieldsCommand(element.id, real))

    def _set(self, owner: str, key: str, value: str | None) -> None:
        self.commands.append(SetPropertyCommand(owner, key, value))

    # -- the model's own fields
    def model_fields(self, architecture_date: dt.date | None, today: dt.date) -> None:
        model, agencies = self.model, dict(self.mapping.agencies)
        profile = self.target.profile
        assert profile is not None
        self._set(model.id, PROFILE_KEY, profile.id)
        self._set(model.id, PROFILE_VERSION_KEY, profile.version)
        self.report.add("profile", tr("The model now follows {title} ({id} {version})",
                                      title=profile.title_vi, id=profile.id,
                                      version=profile.version))
        if architecture_date is not None:
            self._set(model.id, ARCHITECTURE_DATE_KEY, architecture_date.isoformat())
            self.report.add("profile", tr("Architecture date set to {date}",
                                          date=architecture_date.isoformat()))
        for key in AGENCY_MODEL_PROPERTIES:
            value = _prop(model.properties, key)
            if value and rename_agencies(value, agencies) != value:
                self._set(model.id, key, rename_agencies(value, agencies))
                self.report.add("agency", tr("{key}: ‘{old}’ → ‘{new}’", key=key, old=value,
                                             new=rename_agencies(value, agencies)))
        metadata = dict(model.metadata)
        for key in AGENCY_METADATA:
            value = metadata.get(key)
            if value and rename_agencies(value, agencies) != value:
                metadata[key] = rename_agencies(value, agencies)
                self.report.add("agency", tr("{key}: ‘{old}’ → ‘{new}’", key=key, old=value,
                                             new=metadata[key]))
        note = tr("Migrated from {source} to {target} on {date} (egov-modeler).",
                  source=self.source.id, target=profile.id, date=today.isoformat(),
                  language=model.language)
        documentation = (model.documentation + "\n\n" + note) if model.documentation else note
        self.commands.append(SetModelFieldsCommand(
            {"metadata": metadata, "documentation": documentation}))
        framework = _prop(model.properties, "framework")
        if framework:
            self.report.add("framework", tr(
                "The model property ‘framework’ still says ‘{value}’: write the decisions of "
                "the new framework there", value=framework), (), decide=True)
        for old, rename in self.mapping.administrative_units.items():
            mentions = [e.id for e in model.elements
                        if old in e.name or old in (_prop(e.properties, "Đơn vị hành chính cũ")
                                                    or "")]
            if mentions:
                self.report.add("unit", tr(
                    "{count} elements mention {old} (part of {new} from {date}): check their "
                    "names", count=len(mentions), old=old, new=rename.to,
                    date=rename.effective.isoformat() if rename.effective else "?"),
                    mentions, decide=True)

    # -- views
    def views(self) -> None:
        for view in self.model.views:
            _ViewLayout(self, view).plan()


class _ViewLayout:
    """Moves the nodes of one view into the new profile's bands (see the module docstring)."""

    def __init__(self, planner: _Planner, view: View) -> None:
        self.p, self.view = planner, view

    def _old_bands(self) -> list[Node]:
        return [n for n in self.view.nodes.values()
                if n.kind == "container" and n.layer and self.p.source.has_layer(n.layer)]

    def plan(self) -> None:
        bands = self._old_bands()
        if not bands:
            return
        p, view = self.p, self.view
        target_of = {b.id: self._band_target(b) for b in bands}
        survivors: dict[str, Node] = {}
        for band in sorted(bands, key=lambda b: (b.h > b.w, b.y, b.x)):
            layer = target_of[band.id]
            if layer is not None and layer not in survivors:
                survivors[layer] = band
        members: dict[str, list[Node]] = {layer: [] for layer in survivors}
        moves: list[tuple[Node, str]] = []
        for band in bands:
            for node in view.children(band.id):
                layer = self._node_target(node, target_of[band.id])
                if layer is None:
                    continue
                if layer not in survivors:
                    survivors[layer] = self._new_band(layer, band)
                    members[layer] = []
                members[layer].append(node)
                if survivors[layer].id != band.id:
                    moves.append((node, survivors[layer].id))
        self._clear_bendpoints({n.id for nodes in members.values() for n in nodes})
        for node, parent in moves:
            p.commands.append(ReparentNodeCommand(view.id, node.id, parent))
            element = p.model.element(node.element_id) if node.element_id else None
            p.report.add("view", tr("View ‘{view}’: ‘{name}’ moved to the band ‘{band}’",
                                    view=view.name, name=element.name if element else node.id,
                                    band=p.target.layer(self._layer_of(parent, survivors))
                                    .name_vi), (node.id,))
        for layer, band in survivors.items():
            target_layer = p.target.layer(layer)
            if band.layer != layer or band.label != target_layer.name_vi:
                p.commands.append(SetNodeFieldsCommand(view.id, band.id, {
                    "layer": layer, "label": target_layer.name_vi,
                    "labels": {**band.labels, "en": target_layer.name_en}}))
        self._geometry(survivors, members, bands)
        kept = {band.id for band in survivors.values()}
        for band in bands:
            if band.id in kept:
                continue
            if target_of[band.id] is None:
                p.commands.append(SetNodeFieldsCommand(view.id, band.id, {"layer": None}))
                p.report.add("view", tr(
                    "View ‘{view}’: the band ‘{band}’ has no counterpart; kept as a plain group",
                    view=view.name, band=band.label), (band.id,), decide=True)
                continue
            p.commands.append(RemoveNodeCommand(view.id, band.id))
            p.report.add("view", tr("View ‘{view}’: the band ‘{old}’ merged into ‘{new}’",
                                    view=view.name, old=band.label,
                                    new=p.target.layer(target_of[band.id] or "").name_vi),
                         (band.id,))

    @staticmethod
    def _layer_of(band_id: str, survivors: dict[str, Node]) -> str:
        return next(layer for layer, band in survivors.items() if band.id == band_id)

    def _band_target(self, band: Node) -> str | None:
        entry = self.p.mapping.layers.get(band.layer or "")
        return entry.to if entry is not None else None

    def _node_target(self, node: Node, band_target: str | None) -> str | None:
        """The band a node belongs in: its element's new layer when that is a band of the
        new profile, else where its band goes."""
        if node.element_id is not None:
            layer = self.p.new_layer.get(node.element_id)
            if layer is not None and self.p.target.has_layer(layer) and (
                    self.p.target.layer(layer).kind in ("overview", "external")):
                return layer
        return band_target

    def _new_band(self, layer: str, like: Node) -> Node:
        target_layer = self.p.target.layer(layer)
        node = Node(id=new_id(), x=like.x, y=like.y, w=like.w, h=_EMPTY_BAND,
                    kind="container", label=target_layer.name_vi,
                    labels={"en": target_layer.name_en}, layer=layer)
        self.p.commands.append(PlaceNodeCommand(self.view.id, node))
        self.p.report.add("view", tr("View ‘{view}’: new band ‘{band}’", view=self.view.name,
                                     band=node.label), (node.id,))
        return node

    def _clear_bendpoints(self, moved: set[str]) -> None:
        for conn in self.view.connections.values():
            if conn.bendpoints and (conn.source in moved or conn.target in moved):
                for index in reversed(range(len(conn.bendpoints))):
                    self.p.commands.append(RemoveBendpointCommand(self.view.id, conn.id, index))

    def _geometry(self, survivors: dict[str, Node], members: dict[str, list[Node]],
                  old_bands: list[Node]) -> None:
        """Stack the horizontal bands in the new profile's order and lay their nodes out
        row by row (each old row stays a row, in its old left-to-right order); the
        vertical bands span the stack, their nodes top to bottom in their old order."""
        target = self.p.target
        order = [layer.id for layer in target.layers]
        horizontal = [layer for layer in order if layer in survivors
                      and not target.layer(layer).cross_cutting
                      and target.layer(layer).kind == "overview"]
        vertical = [layer for layer in order if layer in survivors and layer not in horizontal]
        main = [b for b in old_bands if b.w >= b.h] or old_bands
        x0 = min(b.x for b in main)
        width = max(b.w for b in main)
        top = min(b.y for b in old_bands)
        y = top
        for layer in horizontal:
            band = survivors[layer]
            rows = self._rows(members[layer], x0, width)
            height = _TAB_AND_PAD + sum(h for h, _ in rows) + _ROW_GAP * max(
                0, len(rows) - 1) + _BOTTOM_PAD if rows else _EMPTY_BAND
            self._bounds(band, x0, y, width, height)
            row_y = y + _TAB_AND_PAD
            for row_h, placed in rows:
                for member, x in placed:
                    self._bounds(member, x, row_y, member.w, member.h)
                row_y += row_h + _ROW_GAP
            y += height + _BAND_GAP
        stack_h = max(y - _BAND_GAP - top, _EMPTY_BAND)
        right_x = x0 + width + _BAND_GAP
        for layer in vertical:
            band = survivors[layer]
            band_x = band.x
            if target.layer(layer).cross_cutting:  # side by side right of the stack
                band_x, right_x = right_x, right_x + band.w + _BAND_GAP
            nodes = sorted(members[layer], key=lambda n: (n.y, n.x))
            needed = _TAB_AND_PAD + sum(n.h + _ITEM_GAP for n in nodes) + _BOTTOM_PAD
            height = max(stack_h, needed)
            self._bounds(band, band_x, top, band.w, height)
            slot = (height - _TAB_AND_PAD - _BOTTOM_PAD) / max(1, len(nodes))
            for index, node in enumerate(nodes):
                node_y = int(top + _TAB_AND_PAD + slot * index + max(0, slot - node.h) / 2)
                node_x = band_x + max(0, (band.w - node.w) // 2)
                self._bounds(node, node_x, node_y, node.w, node.h)

    def _rows(self, nodes: list[Node], x0: int, width: int,
              ) -> list[tuple[int, list[tuple[Node, int]]]]:
        """The nodes of one band as rows: (height, [(node, x)]), keeping each old row."""
        rows: list[list[Node]] = []
        for node in sorted(nodes, key=lambda n: (self._band_rank(n), n.y, n.x)):
            last = rows[-1] if rows else None
            if last and self._band_rank(last[0]) == self._band_rank(node) and (
                    node.y < last[0].y + last[0].h and last[0].y < node.y + node.h):
                last.append(node)
            else:
                rows.append([node])
        out: list[tuple[int, list[tuple[Node, int]]]] = []
        for row in rows:
            row.sort(key=lambda n: n.x)
            band = self.view.nodes.get(row[0].parent or "")
            vertical = band is not None and band.h > band.w
            placed: list[tuple[Node, int]] = []
            x = x0 + _ITEM_GAP
            for member in row:
                if vertical or member.x < x or member.x + member.w > x0 + width:
                    node_x = x  # from a vertical band, or no longer fits: side by side
                else:
                    node_x = member.x
                if node_x + member.w > x0 + width and placed:  # wrap
                    out.append((max(n.h for n, _ in placed), placed))
                    placed, node_x = [], x0 + _ITEM_GAP
                placed.append((member, node_x))
                x = node_x + member.w + _ITEM_GAP
            out.append((max(n.h for n, _ in placed), placed))
        return out

    def _band_rank(self, node: Node) -> tuple[int, int]:
        """Old bands in their old top-to-bottom order (vertical ones after)."""
        band = self.view.nodes.get(node.parent or "")
        if band is None:
            return (2, 0)
        return (1 if band.h > band.w else 0, band.y)

    def _bounds(self, node: Node, x: int, y: int, w: int, h: int) -> None:
        if node.bounds != (x, y, w, h):
            self.p.commands.append(SetNodeBoundsCommand(self.view.id, node.id, x, y, w, h))


# ---------------------------------------------------------------------------- the entry
def plan_migration(model: Model, target_profile: str, *,
                   architecture_date: dt.date | None = None,
                   today: dt.date | None = None) -> MigrationPlan:
    """The migration of ``model`` to ``target_profile`` as one command and its report.

    Raises :class:`MigrationError` when the model already follows that profile or when the
    profile has no mapping from the model's profile.
    """
    source_id = profile_id_of(model)
    source = catalog_for(model)
    target = profile_catalog(target_profile)
    if target.profile is None:
        raise MigrationError(tr("{id} is not a framework profile", id=target_profile))
    if target.profile.id == source_id:
        raise MigrationError(tr("The model already follows {id}", id=source_id))
    mapping = target.mapping_from
    if mapping is None or mapping.profile != source_id:
        raise MigrationError(tr("{target} has no mapping from {source}", target=target.id,
                                source=source_id))
    report = MigrationReport(source_id, target.profile.id)
    planner = _Planner(model, source, target, mapping, report)
    planner.elements()
    planner.views()
    planner.model_fields(architecture_date, today or dt.date.today())
    command = CompoundCommand(tr("Migrate to {profile}", profile=target.profile.short_title()),
                              planner.commands)
    _check_result(model, command, report)
    return MigrationPlan(command, report)


def _check_result(model: Model, command: CompoundCommand, report: MigrationReport) -> None:
    """Apply the plan to a copy, validate it under the new profile, and list every
    problem left as a decision."""
    from .validation import validate_model

    clone = _clone(model)
    command_copy = copy.deepcopy(command)
    command_copy.apply(clone)
    for problem in validate_model(clone):
        report.add("problem", tr("{rule}: {message}", rule=problem.rule,
                                 message=problem.message), problem.ids, decide=True)


def migrate(model: Model, target_profile: str, **options: Any) -> MigrationReport:
    """Plan and apply the migration to ``model`` (the command line's way); returns the
    report."""
    plan = plan_migration(model, target_profile, **options)
    model.execute(plan.command)
    return plan.report
