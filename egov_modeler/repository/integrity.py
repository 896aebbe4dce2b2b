"""The integrity pass after a merge: nothing may refer to what is not there.

Two sides' edits can each be sound and still combine into something that is not: a node
nested in a group the other side deleted, a relationship whose end the user decided to
delete, two nodes each nested in the other. This pass removes (or, for a link to a view or a
folder entry, clears) what has lost what it refers to, breaks nesting cycles, and puts every
list in an order the loader accepts (a parent before its children, a line after its ends).
Each change is returned as a :class:`Repair`, so the user is told, never surprised.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .snapshot import (
    CONNECTION,
    ELEMENT,
    FOLDER,
    NODE,
    PARENT_FOLDER_FIELD,
    RELATIONSHIP,
    VIEW,
    VIEW_FIELD,
    VIEWS_ORDER,
    Obj,
    Snapshot,
    connections_order,
    folders_order,
    hard_references,
    nodes_order,
)

#: Why something was repaired.
REMOVED_MISSING = "missing"          # removed: it referred to ``ref``, which is gone
REMOVED_UNLOADABLE = "unloadable"    # removed: relationships that end only at each other
REMOVED_BY_RULES = "rules"           # removed: not allowed for the element type decided
CLEARED_VIEW_LINK = "view-link"      # a label's link to a view that is gone was cleared
CLEARED_FOLDER_ENTRY = "folder-entry"  # a folder entry for something gone was removed
UNNESTED = "nesting-cycle"           # taken out of its parent to break a nesting cycle


@dataclass(frozen=True)
class Repair:
    """One change the integrity pass made: to ``key`` (of ``kind``), why, and the
    reference that was missing when there is one."""

    key: str
    kind: str
    reason: str
    ref: str | None = None


def _broken_reference(snap: Snapshot, key: str) -> str | None:
    """The reference of ``key`` that does not resolve to an object of the right kind."""
    objects = snap.objects
    obj = objects[key]
    fields = obj.fields

    def kind(ref: str | None) -> str | None:
        target = objects.get(ref) if ref is not None else None
        return target.kind if target is not None else None

    def same_view(ref: str | None) -> bool:
        target = objects.get(ref) if ref is not None else None
        return target is not None and target.fields.get(VIEW_FIELD) == fields.get(VIEW_FIELD)

    if obj.kind == RELATIONSHIP:
        for ref in (fields.get("source"), fields.get("target")):
            if kind(ref) not in (ELEMENT, RELATIONSHIP):
                return ref
    elif obj.kind == NODE:
        if kind(fields.get(VIEW_FIELD)) != VIEW:
            return fields.get(VIEW_FIELD)
        if fields.get("element") and kind(fields["element"]) != ELEMENT:
            return fields["element"]
        parent = fields.get("parent")
        if parent and (kind(parent) != NODE or not same_view(parent)):
            return parent
    elif obj.kind == CONNECTION:
        if kind(fields.get(VIEW_FIELD)) != VIEW:
            return fields.get(VIEW_FIELD)
        for ref in (fields.get("source"), fields.get("target")):
            if kind(ref) not in (NODE, CONNECTION) or not same_view(ref):
                return ref
        if fields.get("relationship") and kind(fields["relationship"]) != RELATIONSHIP:
            return fields["relationship"]
    elif obj.kind == FOLDER:
        parent = fields.get(PARENT_FOLDER_FIELD)
        if parent and kind(parent) != FOLDER:
            return parent
    return None


class _Remover:
    """Removes objects and, in turn, whatever depended on them."""

    def __init__(self, snap: Snapshot, repairs: list[Repair]) -> None:
        self.snap = snap
        self.repairs = repairs
        self.dependents: dict[str, list[str]] = defaultdict(list)
        for key, obj in snap.objects.items():
            for ref in hard_references(obj):
                self.dependents[ref].append(key)

    def check(self, keys: Iterable[str]) -> None:
        work = list(keys)
        while work:
            key = work.pop()
            if key not in self.snap.objects:
                continue
            missing = _broken_reference(self.snap, key)
            if missing is not None:
                self.remove(key, REMOVED_MISSING, missing, work)

    def remove(self, key: str, reason: str, ref: str | None, work: list[str]) -> None:
        obj = self.snap.objects.pop(key)
        self.repairs.append(Repair(key, obj.kind, reason, ref))
        work.extend(self.dependents.get(key, ()))


def _unloadable_relationships(snap: Snapshot) -> list[str]:
    """Relationships the loader could never add: ends that are relationships which, in
    turn, end only at each other."""
    objects = snap.objects
    pending = [k for k, o in objects.items() if o.kind == RELATIONSHIP]
    loaded: set[str] = set()
    while pending:
        rest = []
        for key in pending:
            fields = objects[key].fields
            if all(objects[end].kind == ELEMENT or end in loaded
                   for end in (fields["source"], fields["target"])):
                loaded.add(key)
            else:
                rest.append(key)
        if len(rest) == len(pending):
            return rest
        pending = rest
    return []


def _break_nesting_cycles(snap: Snapshot, repairs: list[Repair]) -> None:
    objects = snap.objects
    for key in sorted(k for k, o in objects.items() if o.kind == NODE):
        seen: list[str] = []
        current: str | None = key
        while current is not None and current not in seen:
            seen.append(current)
            current = objects[current].fields.get("parent")
        if current is not None:  # back at a node already on the path: a cycle
            cycle = seen[seen.index(current):]
            breaker = min(cycle)
            objects[breaker] = Obj(NODE, {**objects[breaker].fields, "parent": None})
            repairs.append(Repair(breaker, NODE, UNNESTED))


def _dependencies_first(keys: list[str], depends_on: dict[str, list[str]]) -> list[str]:
    """``keys`` in their order, except that a key comes after the keys it depends on."""
    wanted = set(keys)
    placed: set[str] = set()
    waiting: dict[str, list[str]] = defaultdict(list)
    out: list[str] = []

    def place(key: str) -> None:
        stack = [key]
        while stack:
            current = stack.pop()
            out.append(current)
            placed.add(current)
            released = waiting.pop(current, [])
            for item in reversed(released):
                if all(d in placed or d not in wanted for d in depends_on.get(item, ())):
                    stack.append(item)

    for key in keys:
        blockers = [d for d in depends_on.get(key, ()) if d in wanted and d not in placed]
        if blockers:
            for blocker in blockers:
                waiting[blocker].append(key)
        else:
            place(key)
    out.extend(k for k in keys if k not in placed)  # only with a cycle, which is broken
    return out


def _complete_orders(snap: Snapshot) -> None:
    """Every object in its list exactly once, dependencies first."""
    objects = snap.objects
    by_view: dict[str, dict[str, list[str]]] = defaultdict(lambda: {NODE: [], CONNECTION: []})
    folders_by_parent: dict[str | None, list[str]] = defaultdict(list)
    views = []
    for key, obj in objects.items():
        if obj.kind == VIEW:
            views.append(key)
        elif obj.kind in (NODE, CONNECTION):
            by_view[obj.fields[VIEW_FIELD]][obj.kind].append(key)
        elif obj.kind == FOLDER:
            folders_by_parent[obj.fields.get(PARENT_FOLDER_FIELD)].append(key)

    given = dict(snap.orders)  # the merged orders, read before any is rewritten

    def ordered(name: str, members: list[str]) -> list[str]:
        member_set = set(members)
        listed = [k for k in dict.fromkeys(given.get(name, [])) if k in member_set]
        listed_set = set(listed)
        return listed + [k for k in members if k not in listed_set]

    snap.orders[VIEWS_ORDER] = ordered(VIEWS_ORDER, views)
    for name in [n for n in snap.orders if n.startswith(("nodes:", "connections:"))]:
        del snap.orders[name]  # a view that is gone keeps no order
    for view_id, members in by_view.items():
        nodes = ordered(nodes_order(view_id), members[NODE])
        parents = {k: [p] for k in nodes if (p := objects[k].fields.get("parent"))}
        snap.orders[nodes_order(view_id)] = _dependencies_first(nodes, parents)
        conns = ordered(connections_order(view_id), members[CONNECTION])
        ends = {k: [objects[k].fields["source"], objects[k].fields["target"]] for k in conns}
        snap.orders[connections_order(view_id)] = _dependencies_first(conns, ends)
    for parent, siblings in folders_by_parent.items():
        snap.orders[folders_order(parent)] = ordered(folders_order(parent), siblings)


def repair(snap: Snapshot) -> list[Repair]:
    """Make ``snap`` whole (in place) and say what was changed."""
    repairs: list[Repair] = []
    remover = _Remover(snap, repairs)
    remover.check(list(snap.objects))
    work: list[str] = []
    for key in _unloadable_relationships(snap):
        if key in snap.objects:
            remover.remove(key, REMOVED_UNLOADABLE, None, work)
    remover.check(work)
    _break_nesting_cycles(snap, repairs)
    objects = snap.objects
    # Objects may be shared with the merge's inputs: replace them, never change them.
    for key, obj in list(objects.items()):
        link = obj.fields.get("view_ref") if obj.kind == NODE else None
        if link and (objects.get(link) is None or objects[link].kind != VIEW):
            obj = objects[key] = Obj(NODE, {**obj.fields, "view_ref": None})
            repairs.append(Repair(key, NODE, CLEARED_VIEW_LINK, link))
        if obj.kind == FOLDER and obj.fields.get("refs"):
            kept = [r for r in obj.fields["refs"] if r in objects
                    and objects[r].kind in (ELEMENT, RELATIONSHIP, VIEW)]
            for ref in obj.fields["refs"]:
                if ref not in kept:
                    repairs.append(Repair(key, FOLDER, CLEARED_FOLDER_ENTRY, ref))
            if len(kept) != len(obj.fields["refs"]):
                objects[key] = Obj(FOLDER, {**obj.fields, "refs": kept})
    _complete_orders(snap)
    return repairs
