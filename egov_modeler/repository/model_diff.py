"""What changed between two versions of a model, in model terms.

Two model dicts are compared object by object (:mod:`.snapshot`): which elements,
relationships, views, placements and lines were added, removed or changed, and which fields.
The words ("3 elements added, 1 renamed, view ‘Sơ đồ tổng thể’ changed") are made by
:mod:`.wording`; :meth:`ModelDiff.highlight` gives the ids to select on a view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .snapshot import (
    CONNECTION,
    ELEMENT,
    NODE,
    RELATIONSHIP,
    VIEW,
    VIEW_FIELD,
    Obj,
    Snapshot,
    flatten,
)

ADDED = "added"
REMOVED = "removed"
CHANGED = "changed"


@dataclass(frozen=True)
class Change:
    """One object added, removed or changed; ``fields`` are the top-level fields that
    differ; ``view_id`` is the view a node or line is on (a view's own id for a view)."""

    key: str
    kind: str
    action: str
    fields: tuple[str, ...] = ()
    view_id: str | None = None


@dataclass
class ModelDiff:
    """The changes from ``old`` to ``new``, in a stable order (kind, then id)."""

    old: Snapshot
    new: Snapshot
    changes: list[Change] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.changes

    def of_kind(self, kind: str, action: str | None = None) -> list[Change]:
        return [c for c in self.changes
                if c.kind == kind and (action is None or c.action == action)]

    def changed_views(self) -> list[str]:
        """Views added, removed, or with anything on them changed, in the new order."""
        touched = {c.view_id for c in self.changes if c.view_id is not None}
        order = self.new.orders.get("views", []) + [
            v for v in self.old.orders.get("views", []) if v not in self.new.objects]
        return [v for v in order if v in touched]

    def highlight(self, view_id: str) -> list[str]:
        """Ids to select on ``view_id`` (as it is in the new version): the nodes and lines
        added or changed there, and those showing an element or relationship that
        changed."""
        concepts = {c.key for c in self.changes
                    if c.kind in (ELEMENT, RELATIONSHIP) and c.action != REMOVED}
        direct = {c.key for c in self.changes
                  if c.view_id == view_id and c.kind in (NODE, CONNECTION)
                  and c.action != REMOVED}
        found = []
        for key in self.new.orders.get(f"nodes:{view_id}", []) + self.new.orders.get(
                f"connections:{view_id}", []):
            obj = self.new.objects.get(key)
            if obj is None:
                continue
            shown = obj.get("element") if obj.kind == NODE else obj.get("relationship")
            if key in direct or shown in concepts:
                found.append(key)
        return found

    def concept_ids(self) -> list[str]:
        """Elements and relationships added or changed (for a view-independent reveal)."""
        return [c.key for c in self.changes
                if c.kind in (ELEMENT, RELATIONSHIP) and c.action != REMOVED]


_KIND_ORDER = {"model": 0, ELEMENT: 1, RELATIONSHIP: 2, VIEW: 3, NODE: 4, CONNECTION: 5,
               "folder": 6}


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> tuple[str, ...]:
    empty: tuple[Any, ...] = (None, "", [], {}, False)
    names = list(new) + [n for n in old if n not in new]
    return tuple(n for n in names
                 if old.get(n, None) != new.get(n, None)
                 and not (old.get(n) in empty and new.get(n) in empty))


def diff_snapshots(old: Snapshot, new: Snapshot) -> ModelDiff:
    """One pass over each snapshot in its own order (a pass over the union of their keys
    looked every object up in both, in hash order: most of a 20,000-element diff)."""
    changes = []
    before_of = old.objects
    after_of = new.objects
    for key, after in after_of.items():
        before = before_of.get(key)
        if before is None:
            changes.append(Change(key, after.kind, ADDED, view_id=_view_of(key, after)))
        elif before.fields != after.fields:
            fields = _changed_fields(before.fields, after.fields)
            if fields:
                changes.append(Change(key, after.kind, CHANGED, fields, _view_of(key, after)))
    for key, before in before_of.items():
        if key not in after_of:
            changes.append(Change(key, before.kind, REMOVED, view_id=_view_of(key, before)))
    changes.sort(key=lambda c: (_KIND_ORDER.get(c.kind, 9), c.key))
    return ModelDiff(old, new, changes)


def _view_of(key: str, obj: Obj) -> str | None:
    """The view a change shows on: a view's own id, a node's or line's view."""
    return key if obj.kind == VIEW else obj.get(VIEW_FIELD)


def diff_models(old: dict[str, Any], new: dict[str, Any]) -> ModelDiff:
    """The changes from the model dict ``old`` to ``new``."""
    return diff_snapshots(flatten(old), flatten(new))
