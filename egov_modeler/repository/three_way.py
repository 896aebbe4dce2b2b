"""The three-way model merge: base (the common ancestor), ours and theirs.

Each object (model, element, relationship, view, node, connection, folder) is compared with
its base version on both sides, field by field; dict fields (names in other languages, style)
and properties key by key. What only one side changed is taken; what both changed the same
way is taken once; the rest are :class:`~.conflicts.Conflict` s:

- the same field changed two ways (a node moved two ways is one conflict, not one per
  coordinate);
- an object deleted on one side while the other side changed it, or something deleted with
  it, or made something new that uses it. The deletion is counted once, at its root (the
  element "deleted from model", not each of its relationships and placements);
- an element's type changed on one side while the other side related it in a way the rules
  do not allow for the new type.

:meth:`ModelMerge.result` builds the merged model for a set of decisions; an integrity pass
(:mod:`.integrity`) then removes whatever a decision left without what it refers to, so the
merged model never holds a dangling reference.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model.rules import can_relate
from .conflicts import (
    OURS,
    THEIRS,
    USE_ADDED,
    USE_CHANGED,
    USE_REFERS,
    Conflict,
    ConflictKind,
    UndecidedConflicts,
    Use,
    other_side,
)
from .integrity import Repair, repair
from .ordering import merge_id_set, merge_order
from .snapshot import (
    DICT_FIELDS,
    ELEMENT,
    ID_LIST_FIELDS,
    NODE,
    PAIR_FIELDS,
    RELATIONSHIP,
    Obj,
    Snapshot,
    flatten,
    unflatten,
    uses,
)

log = logging.getLogger(__name__)

#: A field path: ``name``, ``names.en``, ``properties.owner``, ``style.fill``, ``position``.
Path = str
Chooser = Callable[[str, Path], str]

#: Node fields whose two-way change reads as "moved" (or resized), not "changed".
GEOMETRY_FIELDS = ("position", "size")

_MISSING: Any = None


def _norm(value: Any) -> Any:
    """Empty values (absent, "", [], {}, False) are one value: the writer leaves them out."""
    return None if value in (None, "", [], {}, False) else value


def _pairs_as_dict(value: Any) -> dict[str, Any] | None:
    """Properties as ``{key: value}`` when every key is unique, else ``None``."""
    pairs = value or []
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        return None
    return {k: v for k, v in pairs}


def _keys_of(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """Every key of the three, ours' order first."""
    return list(dict.fromkeys([*ours, *theirs, *base]))


def _one_sided(base: Any, ours: Any, theirs: Any) -> Any:
    """The merged value when at most one side changed it (or both the same way)."""
    return theirs if ours == base else ours


@dataclass
class MergedModel:
    """The merged model dict and what the integrity pass had to remove or clear."""

    model: dict[str, Any]
    repairs: list[Repair] = field(default_factory=list)
    #: The ids the merged model took from theirs (added or changed there), for highlighting.
    from_theirs: set[str] = field(default_factory=set)


class ModelMerge:
    """A three-way merge of three model dicts, with its conflicts.

    The merge is computed once; :meth:`result` can then be asked for any set of decisions
    (the conflict panel shows the proposal, the user changes some, the merge commits).
    """

    def __init__(self, base: dict[str, Any], ours: dict[str, Any],
                 theirs: dict[str, Any]) -> None:
        self.base: Snapshot = flatten(base)
        self.sides: dict[str, Snapshot] = {OURS: flatten(ours), THEIRS: flatten(theirs)}
        self.conflicts: list[Conflict] = []
        self._field_conflicts: dict[tuple[str, Path], Conflict] = {}
        #: (deleting side, root key) -> conflict
        self._deletion_conflicts: dict[tuple[str, str], Conflict] = {}
        self._deleted: dict[str, set[str]] = {}
        self._roots: dict[str, dict[str, frozenset[str]]] = {OURS: {}, THEIRS: {}}
        self._changed_both: list[str] = []
        self._analyse()

    # ------------------------------------------------------------------ analysis
    @property
    def ours(self) -> Snapshot:
        return self.sides[OURS]

    @property
    def theirs(self) -> Snapshot:
        return self.sides[THEIRS]

    def _analyse(self) -> None:
        base, ours, theirs = self.base.objects, self.ours.objects, self.theirs.objects
        for key in ours.keys() & theirs.keys():
            o, t = ours[key], theirs[key]
            if o.fields == t.fields:
                continue
            b = base.get(key)
            if b is not None and (o.fields == b.fields or t.fields == b.fields):
                continue
            self._changed_both.append(key)
            self._field_merge(key, o.kind, b.fields if b else {}, o.fields, t.fields,
                              record=True)
        for side in (OURS, THEIRS):
            self._analyse_deletions(side)
        self._analyse_types()
        self.conflicts.sort(key=lambda c: (c.object_kind, c.key, c.field or "", c.id))

    def _add_field_conflict(self, key: str, kind: str, path: Path, base: Any, ours: Any,
                            theirs: Any) -> None:
        conflict_kind = (ConflictKind.MOVED_BOTH if kind == NODE and path in GEOMETRY_FIELDS
                         else ConflictKind.BOTH_CHANGED)
        conflict = Conflict(id=f"field:{key}:{path}", kind=conflict_kind, key=key,
                            object_kind=kind, field=path, base=base, ours=ours, theirs=theirs,
                            proposed=OURS)
        self._field_conflicts[(key, path)] = conflict
        self.conflicts.append(conflict)

    def _field_merge(self, key: str, kind: str, base: dict[str, Any], ours: dict[str, Any],
                     theirs: dict[str, Any], record: bool = False,
                     choose: Chooser | None = None) -> dict[str, Any]:
        """Merge two versions of one object's fields. With ``record`` the conflicts are
        noted; with ``choose`` they are settled by the side it names."""
        out: dict[str, Any] = {}
        for name in _keys_of(base, ours, theirs):
            b, o, t = _norm(base.get(name)), _norm(ours.get(name)), _norm(theirs.get(name))
            if o == t or o == b or t == b:
                value = _one_sided(b, o, t)
            elif name in DICT_FIELDS:
                value = self._merge_keyed(key, kind, name, b or {}, o or {}, t or {},
                                          record, choose)
            elif name in PAIR_FIELDS and None not in (
                    _pairs_as_dict(b), _pairs_as_dict(o), _pairs_as_dict(t)):
                merged = self._merge_keyed(key, kind, name, _pairs_as_dict(b) or {},
                                           _pairs_as_dict(o) or {}, _pairs_as_dict(t) or {},
                                           record, choose)
                order = merge_order([k for k, _ in b or []], [k for k, _ in o or []],
                                    [k for k, _ in t or []], merged)
                value = [[k, merged[k]] for k in order]
            elif name in ID_LIST_FIELDS:
                value = merge_id_set(b or [], o or [], t or [])
            else:
                if record:
                    self._add_field_conflict(key, kind, name, b, o, t)
                value = self._chosen(key, name, o, t, choose)
            if value is not None:
                out[name] = value
        return out

    def _merge_keyed(self, key: str, kind: str, name: str, base: dict[str, Any],
                     ours: dict[str, Any], theirs: dict[str, Any], record: bool,
                     choose: Chooser | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for sub in _keys_of(base, ours, theirs):
            b, o, t = base.get(sub), ours.get(sub), theirs.get(sub)
            if o == t or o == b or t == b:
                value = _one_sided(b, o, t)
            else:
                path = f"{name}.{sub}"
                if record:
                    self._add_field_conflict(key, kind, path, b, o, t)
                value = self._chosen(key, path, o, t, choose)
            if value is not None:
                out[sub] = value
        return out

    @staticmethod
    def _chosen(key: str, path: Path, ours: Any, theirs: Any, choose: Chooser | None) -> Any:
        if choose is None:
            return ours
        return theirs if choose(key, path) == THEIRS else ours

    def _roots_of(self, side: str, key: str) -> frozenset[str]:
        """The objects whose deletion on ``side`` took ``key`` with them (``key`` itself
        when nothing it depends on was deleted)."""
        memo = self._roots[side]
        if key in memo:
            return memo[key]
        deleted = self._deleted[side]
        # uses(), not only hard references: deleting a view deletes the labels linking to it
        deps = [r for r in uses(self.base.objects[key]) if r in deleted]
        roots: frozenset[str] = frozenset({key}) if not deps else frozenset().union(
            *(self._roots_of(side, d) for d in deps))
        memo[key] = roots
        return roots

    def _analyse_deletions(self, side: str) -> None:
        """Conflicts of what ``side`` deleted with what the other side did."""
        base = self.base.objects
        mine = self.sides[side].objects
        other = self.sides[other_side(side)].objects
        deleted = {k for k in base if k not in mine}
        self._deleted[side] = deleted
        if not deleted:
            return
        found: dict[str, list[Use]] = {}
        for key in deleted:
            obj = other.get(key)
            if obj is not None and obj.fields != base[key].fields:
                for root in self._roots_of(side, key):
                    found.setdefault(root, []).append(Use(key, USE_CHANGED))
        for key, obj in other.items():
            if key in deleted:
                continue
            before = base.get(key)
            if before is not None and before.fields == obj.fields:
                continue
            new_refs = set(uses(obj)) - set(uses(before) if before is not None else ())
            for ref in new_refs:
                if ref in deleted and ref in other:
                    how = USE_ADDED if before is None else USE_REFERS
                    for root in self._roots_of(side, ref):
                        found.setdefault(root, []).append(Use(key, how))
        for root, found_uses in found.items():
            unique = tuple(dict.fromkeys(found_uses))
            only_changes = all(u.how == USE_CHANGED for u in unique)
            conflict = Conflict(
                id=f"deleted:{side}:{root}",
                kind=ConflictKind.DELETED_CHANGED if only_changes else ConflictKind.DELETED_USED,
                key=root, object_kind=base[root].kind, deleted_by=side,
                uses=unique, proposed=other_side(side))  # keeping loses nobody's work
            self._deletion_conflicts[(side, root)] = conflict
            self.conflicts.append(conflict)

    # ------------------------------------------------------------------ element types
    def _forbidden_with(self, element: str, element_type: str, side: str) -> tuple[str, ...]:
        """Relationships of ``element`` that ``side`` added or changed and that the rules
        forbid when ``element`` has ``element_type``."""
        snap = self.sides[side].objects
        base = self.base.objects
        found = []
        for key, obj in snap.items():
            if obj.kind != RELATIONSHIP or element not in (obj.get("source"), obj.get("target")):
                continue
            before = base.get(key)
            if before is not None and before.fields == obj.fields:
                continue
            source_type = element_type if obj.get("source") == element else self._end_type(
                obj.get("source"))
            target_type = element_type if obj.get("target") == element else self._end_type(
                obj.get("target"))
            if source_type and target_type and not can_relate(source_type, obj.get("type"),
                                                              target_type):
                found.append(key)
        return tuple(sorted(found))

    def _end_type(self, key: str) -> str | None:
        for snap in (self.ours, self.theirs, self.base):
            obj = snap.objects.get(key)
            if obj is not None:
                return obj.get("type") if obj.kind == ELEMENT else "Relationship"
        return None

    def _analyse_types(self) -> None:
        base = self.base.objects
        for key, b in base.items():
            if b.kind != ELEMENT:
                continue
            o, t = self.ours.objects.get(key), self.theirs.objects.get(key)
            if o is None or t is None:
                continue
            o_type, t_type, b_type = o.get("type"), t.get("type"), b.get("type")
            if o_type == t_type:
                continue
            if o_type != b_type and t_type != b_type:  # a field conflict already
                conflict = self._field_conflicts[(key, "type")]
                conflict.drops = {OURS: self._forbidden_with(key, o_type, THEIRS),
                                  THEIRS: self._forbidden_with(key, t_type, OURS)}
                continue
            side = OURS if o_type != b_type else THEIRS
            new_type = o_type if side == OURS else t_type
            dropped = self._forbidden_with(key, new_type, other_side(side))
            if not dropped:
                continue
            conflict = Conflict(
                id=f"type:{key}", kind=ConflictKind.RETYPED_USED, key=key,
                object_kind=ELEMENT, field="type", base=b_type, ours=o_type, theirs=t_type,
                uses=tuple(Use(r, USE_ADDED) for r in dropped),
                drops={side: dropped, other_side(side): ()}, proposed=other_side(side))
            self._field_conflicts[(key, "type")] = conflict
            self.conflicts.append(conflict)

    # ------------------------------------------------------------------ decisions
    def conflict(self, conflict_id: str) -> Conflict:
        for conflict in self.conflicts:
            if conflict.id == conflict_id:
                return conflict
        raise KeyError(conflict_id)

    def proposed_decisions(self) -> dict[str, str]:
        """The program's proposal for every conflict (the user confirms or changes it)."""
        return {c.id: c.proposed for c in self.conflicts}

    def deleted_with(self, conflict: Conflict) -> list[str]:
        """Everything the deleting side removed together with the conflict's object."""
        side = conflict.deleted_by
        if side is None:
            return []
        return sorted(k for k in self._deleted[side]
                      if conflict.key in self._roots_of(side, k) and k != conflict.key)

    # ------------------------------------------------------------------ the result
    def result(self, decisions: Mapping[str, str] | None = None) -> MergedModel:
        """The merged model for ``decisions`` (``{conflict id: "ours" | "theirs"}``);
        without decisions, the proposals. Raises :class:`UndecidedConflicts` when a
        conflict has no decision."""
        if decisions is None:
            decisions = self.proposed_decisions()
        undecided = [c.id for c in self.conflicts if decisions.get(c.id) not in (OURS, THEIRS)]
        if undecided:
            raise UndecidedConflicts(undecided)

        def choose(key: str, path: Path) -> str:
            conflict = self._field_conflicts.get((key, path))
            return decisions[conflict.id] if conflict is not None else OURS

        kept = {side: self._kept_deletions(side, decisions) for side in (OURS, THEIRS)}
        base, ours, theirs = self.base.objects, self.ours.objects, self.theirs.objects
        objects: dict[str, Obj] = {}
        from_theirs: set[str] = set()
        for key in ours.keys() | theirs.keys():
            o, t = ours.get(key), theirs.get(key)
            b = base.get(key)
            if o is not None and t is not None:
                if o.fields == t.fields or (b is not None and t.fields == b.fields):
                    objects[key] = o
                elif b is not None and o.fields == b.fields:
                    objects[key] = t
                    from_theirs.add(key)
                else:
                    objects[key] = Obj(o.kind, self._field_merge(
                        key, o.kind, b.fields if b else {}, o.fields, t.fields, choose=choose))
                    from_theirs.add(key)
            elif o is not None:
                if b is None or key in kept[THEIRS]:
                    objects[key] = o
            elif t is not None and (b is None or key in kept[OURS]):
                objects[key] = t
                from_theirs.add(key)
        for conflict in self.conflicts:
            if conflict.kind is ConflictKind.RETYPED_USED and not conflict.drops[
                    decisions[conflict.id]] and conflict.key in objects:
                element = objects[conflict.key]  # the side that kept the type wins
                objects[conflict.key] = Obj(element.kind, {**element.fields,
                                                           "type": conflict.base})
        dropped = self._type_drops(decisions)
        for key in dropped:
            objects.pop(key, None)
        merged = Snapshot(objects=objects)
        for name in self.base.orders.keys() | self.ours.orders.keys() | self.theirs.orders.keys():
            merged.orders[name] = merge_order(self.base.orders.get(name, []),
                                              self.ours.orders.get(name, []),
                                              self.theirs.orders.get(name, []), objects)
        repairs = repair(merged)
        repairs[:0] = [Repair(key, RELATIONSHIP, "rules") for key in sorted(dropped)
                       if key in ours or key in theirs]
        return MergedModel(unflatten(merged), repairs, from_theirs & objects.keys())

    def _kept_deletions(self, side: str, decisions: Mapping[str, str]) -> set[str]:
        """What ``side`` deleted that the decisions bring back: every object whose
        deletion roots were all decided "keep"."""
        kept_roots = {root for (s, root), c in self._deletion_conflicts.items()
                      if s == side and decisions[c.id] != side}
        if not kept_roots:
            return set()
        return {key for key in self._deleted[side]
                if self._roots_of(side, key) <= kept_roots}

    def _type_drops(self, decisions: Mapping[str, str]) -> set[str]:
        dropped: set[str] = set()
        for conflict in self.conflicts:
            if conflict.drops:
                dropped.update(conflict.drops.get(decisions[conflict.id], ()))
        return dropped


def merge_models(base: dict[str, Any], ours: dict[str, Any],
                 theirs: dict[str, Any]) -> ModelMerge:
    """Merge three model dicts (the ``.egov`` JSON); see :class:`ModelMerge`."""
    return ModelMerge(base, ours, theirs)
