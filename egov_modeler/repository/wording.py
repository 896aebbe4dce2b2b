"""Model changes and merge conflicts in words a user understands (never raw JSON).

The window's panels and the command line both call these functions, so a conflict reads the
same everywhere: "Element ‘Cổng dịch vụ công’ — name: yours ‘Cổng DVC tỉnh’, theirs ‘Cổng
DVC Gia Lai’".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..i18n import tr
from ..model.metamodel import ELEMENT_TYPES, RELATIONSHIP_TYPES
from .conflicts import (
    OURS,
    THEIRS,
    USE_ADDED,
    USE_CHANGED,
    Conflict,
    ConflictKind,
    other_side,
)
from .integrity import (
    CLEARED_FOLDER_ENTRY,
    CLEARED_VIEW_LINK,
    REMOVED_BY_RULES,
    REMOVED_MISSING,
    UNNESTED,
    Repair,
)
from .model_diff import ADDED, CHANGED, REMOVED, Change, ModelDiff
from .snapshot import (
    CONNECTION,
    ELEMENT,
    FOLDER,
    MODEL,
    NODE,
    RELATIONSHIP,
    VIEW,
    VIEW_FIELD,
    Obj,
    Snapshot,
)

_TEXT_LIMIT = 80
_USES_SHOWN = 5


def quoted(text: str) -> str:
    text = " ".join(str(text).split())
    if len(text) > _TEXT_LIMIT:
        text = text[:_TEXT_LIMIT - 1] + "…"
    return f"‘{text}’"


def type_label(type_name: str | None) -> str:
    if type_name in ELEMENT_TYPES:
        return ELEMENT_TYPES[type_name].label
    if type_name in RELATIONSHIP_TYPES:
        return RELATIONSHIP_TYPES[type_name].label
    return str(type_name or "")


def field_label(name: str) -> str:
    """A field (or field path such as ``names.en``) in words."""
    head, _, sub = name.partition(".")
    if head == "names":
        return tr("name in {language}", language=sub) if sub else tr("other names")
    if head in ("documentations",):
        return tr("documentation in {language}", language=sub) if sub else tr(
            "documentation in other languages")
    if head == "labels":
        return tr("label in {language}", language=sub) if sub else tr("other labels")
    if head == "properties":
        return tr("property {key}", key=quoted(sub)) if sub else tr("properties")
    if head == "style":
        return tr("style: {what}", what=_style_words().get(sub, sub)) if sub else tr("style")
    if head == "metadata":
        return tr("metadata {key}", key=quoted(sub)) if sub else tr("metadata")
    if head == "property_types":
        return tr("type of property {key}", key=quoted(sub)) if sub else tr("property types")
    return _field_words().get(head, head)


def _field_words() -> dict[str, str]:
    """Built at each call: the language may change while the program runs."""
    return {
        "name": tr("name"), "documentation": tr("documentation"), "type": tr("type"),
        "catalog_ref": tr("catalog component"), "layer": tr("framework layer"),
        "source": tr("source"), "target": tr("target"), "access_type": tr("access type"),
        "is_directed": tr("direction"), "modifier": tr("influence strength"),
        "position": tr("position"), "size": tr("size"), "parent": tr("nesting"),
        "label": tr("label"), "view_ref": tr("link to a view"), "bendpoints": tr("bends"),
        "element": tr("element shown"), "relationship": tr("relationship shown"),
        "viewpoint": tr("viewpoint"), "language": tr("language"), "refs": tr("contents"),
        "kind": tr("kind"), "id": tr("identifier"), "format_version": tr("format version"),
        "router": tr("line routing"), "connection_router": tr("line routing of the view"),
        "defaults": tr("default styles"), "specialization": tr("specialization"),
        "profiles": tr("specializations"), "concept_type": tr("type specialized"),
        "image_path": tr("image"), "@view": tr("view"),
    }


def _style_words() -> dict[str, str]:
    return {
        "fill": tr("fill colour"), "fill_alpha": tr("fill opacity"),
        "line_color": tr("line colour"), "line_alpha": tr("line opacity"),
        "line_width": tr("line width"), "font_name": tr("font"), "font_size": tr("font size"),
        "font_color": tr("text colour"), "font_style": tr("font style"),
        "text_alignment": tr("text alignment"), "text_position": tr("text position"),
    }


class Namer:
    """Names objects for people, looking them up in the given snapshots in turn."""

    def __init__(self, *snapshots: Snapshot) -> None:
        self.snapshots = snapshots

    def obj(self, key: str | None) -> Obj | None:
        if key is None:
            return None
        for snap in self.snapshots:
            found = snap.objects.get(key)
            if found is not None:
                return found
        return None

    def name(self, key: str | None) -> str:
        """A short name: ‘element name’, a view's name, a node's element or label."""
        obj = self.obj(key)
        if obj is None:
            return quoted(key or "?")
        if obj.kind in (ELEMENT, VIEW, MODEL):
            return quoted(obj.get("name") or type_label(obj.get("type")) or key or "")
        if obj.kind == RELATIONSHIP:
            return self.relationship(key)
        if obj.kind == NODE:
            if obj.get("element"):
                return self.name(obj.get("element"))
            return quoted(obj.get("label") or tr("group"))
        if obj.kind == CONNECTION:
            if obj.get("relationship"):
                return self.relationship(obj.get("relationship"))
            return tr("line from {source} to {target}", source=self.name(obj.get("source")),
                      target=self.name(obj.get("target")))
        if obj.kind == FOLDER:
            return quoted(obj.get("label") or "")
        return quoted(key or "")

    def relationship(self, key: str | None) -> str:
        obj = self.obj(key)
        if obj is None:
            return quoted(key or "?")
        text = tr("{type} from {source} to {target}", type=type_label(obj.get("type")),
                  source=self.name(obj.get("source")), target=self.name(obj.get("target")))
        if obj.get("name"):
            text = f"{quoted(obj.get('name'))} ({text})"
        return text

    def described(self, key: str | None) -> str:
        """The object with what it is: "element ‘X’", "view ‘V’", "‘X’ on view ‘V’"."""
        obj = self.obj(key)
        if obj is None:
            return quoted(key or "?")
        if obj.kind == ELEMENT:
            return tr("{type} {name}", type=type_label(obj.get("type")), name=self.name(key))
        if obj.kind == RELATIONSHIP:
            return tr("relationship {what}", what=self.relationship(key))
        if obj.kind == VIEW:
            return tr("view {name}", name=self.name(key))
        if obj.kind == NODE:
            return tr("{name} on view {view}", name=self.name(key),
                      view=self.name(obj.get(VIEW_FIELD)))
        if obj.kind == CONNECTION:
            return tr("line {what} on view {view}", what=self.name(key),
                      view=self.name(obj.get(VIEW_FIELD)))
        if obj.kind == FOLDER:
            return tr("folder {name}", name=self.name(key))
        return tr("the model")

    def value(self, path: str, value: Any) -> str:
        """A field's value in words."""
        head = path.partition(".")[0]
        if value is None:
            return tr("(empty)")
        if head == "position":
            return tr("at ({x}, {y})", x=value[0], y=value[1])
        if head == "size":
            return tr("{w} × {h}", w=value[0], h=value[1])
        if head == "type":
            return type_label(value)
        if head in ("parent",):
            return tr("inside {name}", name=self.name(value))
        if head in ("element", "relationship", "source", "target", "view_ref"):
            return self.name(value)
        if head == "bendpoints":
            return tr("{count} bends", count=len(value))
        if head == "refs":
            return tr("{count} entries", count=len(value))
        if isinstance(value, bool):
            return tr("yes") if value else tr("no")
        if isinstance(value, dict):
            return "; ".join(f"{field_label(f'{head}.{k}')}: {self.value(k, v)}"
                             for k, v in value.items())
        if isinstance(value, list):
            if value and all(isinstance(p, list) and len(p) == 2 for p in value):
                return "; ".join(f"{quoted(k)} = {quoted(v)}" for k, v in value)
            return ", ".join(self.value(head, v) for v in value)
        if isinstance(value, str):
            return quoted(value)
        return str(value)


# ---------------------------------------------------------------------------- the diff
def _concept_phrase(kind: str, action: str, n: int) -> str:
    """The first clause for a kind: "3 elements added" (English needs the plural)."""
    many = n != 1
    if kind == ELEMENT:
        if action == ADDED:
            return tr("{count} elements added", count=n) if many else tr(
                "{count} element added", count=n)
        if action == REMOVED:
            return tr("{count} elements removed", count=n) if many else tr(
                "{count} element removed", count=n)
        if action == RENAMED:
            return tr("{count} elements renamed", count=n) if many else tr(
                "{count} element renamed", count=n)
        return tr("{count} elements changed", count=n) if many else tr(
            "{count} element changed", count=n)
    if action == ADDED:
        return tr("{count} relationships added", count=n) if many else tr(
            "{count} relationship added", count=n)
    if action == REMOVED:
        return tr("{count} relationships removed", count=n) if many else tr(
            "{count} relationship removed", count=n)
    if action == RENAMED:
        return tr("{count} relationships renamed", count=n) if many else tr(
            "{count} relationship renamed", count=n)
    return tr("{count} relationships changed", count=n) if many else tr(
        "{count} relationship changed", count=n)


def _bare_phrase(action: str, n: int) -> str:
    """A following clause: "1 renamed" (the noun was said in the first)."""
    if action == ADDED:
        return tr("{count} added", count=n)
    if action == REMOVED:
        return tr("{count} removed", count=n)
    if action == RENAMED:
        return tr("{count} renamed", count=n)
    return tr("{count} changed", count=n)


RENAMED = "renamed"


def _concept_clause(diff: ModelDiff, kind: str) -> str:
    counts = {ADDED: 0, REMOVED: 0, RENAMED: 0, CHANGED: 0}
    for change in diff.of_kind(kind):
        action = change.action
        if action == CHANGED and "name" in change.fields:
            action = RENAMED
        counts[action] += 1
    parts: list[str] = []
    for action, n in counts.items():
        if n:
            parts.append(_bare_phrase(action, n) if parts else _concept_phrase(kind, action, n))
    return ", ".join(parts)


def summary(diff: ModelDiff, views_named: int = 3) -> str:
    """One line: "3 elements added, 1 renamed; 2 relationships added; view ‘V’ changed"."""
    if diff.is_empty:
        return tr("no change")
    namer = Namer(diff.new, diff.old)
    clauses = [c for c in (_concept_clause(diff, ELEMENT), _concept_clause(diff, RELATIONSHIP))
               if c]
    views = diff.changed_views()
    if len(views) > views_named:
        clauses.append(tr("{count} views changed", count=len(views)))
    else:
        for view_id in views:
            if view_id not in diff.new.objects:
                clauses.append(tr("view {name} removed", name=namer.name(view_id)))
            elif view_id not in diff.old.objects:
                clauses.append(tr("view {name} added", name=namer.name(view_id)))
            else:
                clauses.append(tr("view {name} changed", name=namer.name(view_id)))
    if diff.of_kind(MODEL):
        clauses.append(tr("model details changed"))
    if diff.of_kind(FOLDER):
        clauses.append(tr("folders changed"))
    return "; ".join(clauses)


def change_line(diff: ModelDiff, change: Change) -> str:
    """One change in words, for a list."""
    namer = Namer(diff.new, diff.old) if change.action != REMOVED else Namer(diff.old)
    what = namer.described(change.key)
    if change.action == ADDED:
        return tr("Added: {what}", what=what)
    if change.action == REMOVED:
        return tr("Removed: {what}", what=what)
    if change.fields == ("name",):
        old_name = Namer(diff.old).name(change.key)
        return tr("Renamed: {what} (was {old})", what=what, old=old_name)
    if change.kind == NODE and set(change.fields) <= {"position", "size"}:
        moved = "position" in change.fields
        resized = "size" in change.fields
        if moved and resized:
            return tr("Moved and resized: {what}", what=what)
        return tr("Moved: {what}", what=what) if moved else tr("Resized: {what}", what=what)
    return tr("Changed: {what} ({fields})", what=what,
              fields=", ".join(field_label(f) for f in change.fields))


def change_lines(diff: ModelDiff) -> list[str]:
    return [change_line(diff, c) for c in diff.changes]


# ---------------------------------------------------------------------------- conflicts
@dataclass(frozen=True)
class ConflictText:
    """A conflict in words: the group it is listed under (a view or an element), what it
    is about, each side, and what is proposed."""

    group_key: str
    group: str
    title: str
    ours: str
    theirs: str
    proposed: str


def _group(namer: Namer, conflict: Conflict) -> tuple[str, str]:
    obj = namer.obj(conflict.key)
    kind = conflict.object_kind
    if kind in (NODE, CONNECTION) and obj is not None:
        view = obj.get(VIEW_FIELD)
        return f"view:{view}", tr("View {name}", name=namer.name(view))
    if kind == VIEW:
        return f"view:{conflict.key}", tr("View {name}", name=namer.name(conflict.key))
    if kind == ELEMENT:
        return f"element:{conflict.key}", tr("Element {name}", name=namer.name(conflict.key))
    if kind == RELATIONSHIP:
        return (f"relationship:{conflict.key}",
                tr("Relationship {what}", what=namer.relationship(conflict.key)))
    if kind == FOLDER:
        return "folders", tr("Folders")
    return "model", tr("The model")


def _use_line(namer: Namer, key: str, how: str) -> str:
    what = namer.described(key)
    if how == USE_ADDED:
        return tr("added {what}", what=what)
    if how == USE_CHANGED:
        return tr("changed {what}", what=what)
    return tr("made {what} refer to it", what=what)


def _uses_text(namer: Namer, conflict: Conflict) -> str:
    lines = [_use_line(namer, u.key, u.how) for u in conflict.uses[:_USES_SHOWN]]
    more = len(conflict.uses) - _USES_SHOWN
    if more > 0:
        lines.append(tr("and {count} more", count=more))
    return "; ".join(lines)


def describe_conflict(merge: Any, conflict: Conflict) -> ConflictText:
    """``conflict`` of ``merge`` (a :class:`~.three_way.ModelMerge`) in words."""
    namer = Namer(merge.base, merge.ours, merge.theirs)  # named as before the edits
    group_key, group = _group(namer, conflict)
    subject = namer.described(conflict.key)
    if conflict.is_deletion:
        deleter = conflict.deleted_by
        assert deleter is not None
        keeper = other_side(deleter)
        taken = merge.deleted_with(conflict)
        deleted = tr("Deleted it") if not taken else tr(
            "Deleted it, and {count} things with it (relationships, placements, lines)",
            count=len(taken))
        kept = tr("Kept it and {uses}", uses=_uses_text(namer, conflict))
        texts = {deleter: deleted, keeper: kept}
        title = tr("{what}: deleted on one side, still used on the other", what=subject)
        proposal = (tr("Proposed: keep it, with the other side's changes (nothing is lost)")
                    if conflict.proposed == keeper else tr("Proposed: delete it"))
    elif conflict.kind is ConflictKind.RETYPED_USED:
        retyper = OURS if conflict.drops.get(OURS) else other_side(OURS)
        dropped = conflict.drops.get(retyper, ())
        texts = {
            retyper: tr("Changed its type to {type}; this removes {rels}",
                        type=type_label(getattr(conflict, retyper)),
                        rels="; ".join(namer.relationship(r) for r in dropped)),
            other_side(retyper): tr("Kept the type {type} and added {rels}",
                                    type=type_label(conflict.base),
                                    rels="; ".join(namer.relationship(r) for r in dropped)),
        }
        title = tr("{what}: type changed on one side, related on the other", what=subject)
        proposal = tr("Proposed: {side}", side=_proposal_words(conflict.proposed))
    else:
        path = conflict.field or ""
        texts = {side: namer.value(path, getattr(conflict, side)) for side in (OURS, THEIRS)}
        for side, drops in conflict.drops.items():
            if drops:
                texts[side] += " " + tr("(removes {rels})", rels="; ".join(
                    namer.relationship(r) for r in drops))
        if conflict.kind is ConflictKind.MOVED_BOTH:
            title = (tr("{what}: moved two ways", what=subject) if path == "position"
                     else tr("{what}: resized two ways", what=subject))
        else:
            title = tr("{what}: {field} changed two ways (was {before})", what=subject,
                       field=field_label(path), before=namer.value(path, conflict.base))
        proposal = tr("Proposed: {side}", side=_proposal_words(conflict.proposed))
    return ConflictText(group_key, group, title, texts[OURS], texts[THEIRS], proposal)


def _proposal_words(side: str) -> str:
    return tr("keep your version") if side == OURS else tr("take their version")


def decision_words(conflict: Conflict, side: str) -> str:
    """What choosing ``side`` means for ``conflict``, as a button or menu reads it."""
    if conflict.deleted_by is not None:
        return tr("Delete it") if side == conflict.deleted_by else tr("Keep it")
    return tr("Keep yours") if side == OURS else tr("Take theirs")


# ---------------------------------------------------------------------------- repairs
def repair_line(namer: Namer, repair: Repair) -> str:
    what = namer.described(repair.key)
    if repair.reason == REMOVED_MISSING:
        return tr("Removed {what}: it referred to {ref}, which the merge deleted",
                  what=what, ref=namer.described(repair.ref))
    if repair.reason == REMOVED_BY_RULES:
        return tr("Removed {what}: not allowed for the element type decided", what=what)
    if repair.reason == CLEARED_VIEW_LINK:
        return tr("Link of {what} to a deleted view cleared", what=what)
    if repair.reason == CLEARED_FOLDER_ENTRY:
        return tr("Entry for deleted {ref} removed from {what}", what=what,
                  ref=namer.described(repair.ref))
    if repair.reason == UNNESTED:
        return tr("{what} taken out of its group: the two sides nested it in each other",
                  what=what)
    return tr("Removed {what}: relationships that only end at each other", what=what)
