"""Three-way merge of ordered lists of ids (views, a view's nodes in drawing order,
connections, sibling folders, the ids filed in a folder).

The order of one side is kept and what only the other side added is put after the item it
follows there. When only one side reordered what both have, that side's order is kept; when
both reordered, ours is kept (the program has no command that reorders today, so this only
decides between two writers' orders of the same items).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence


def _relative(items: Sequence[str], common: set[str]) -> list[str]:
    return [k for k in items if k in common]


def merge_order(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str],
                present: Collection[str]) -> list[str]:
    """The merged order of the ids in ``present`` (the ids the merged model keeps)."""
    common = set(base) & set(ours) & set(theirs)
    base_rel = _relative(base, common)
    ours_moved = _relative(ours, common) != base_rel
    theirs_moved = _relative(theirs, common) != base_rel
    primary, secondary = (theirs, ours) if theirs_moved and not ours_moved else (ours, theirs)
    placed = {k for k in primary if k in present}
    after: dict[str | None, list[str]] = {}
    for source in (secondary, base):
        last: str | None = None
        for key in source:
            if key in present and key not in placed:
                after.setdefault(last, []).append(key)
                placed.add(key)
            if key in placed:
                last = key
    result: list[str] = []

    def emit(key: str) -> None:
        stack = [key]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(after.get(current, ())))

    for key in after.get(None, ()):
        emit(key)
    for key in primary:
        if key in present:
            emit(key)
    return result


def merge_id_set(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> list[str]:
    """A list of ids merged as a set: kept when both keep it, added when one side added it,
    gone when one side removed it; in :func:`merge_order`'s order."""
    in_base = set(base)
    in_ours, in_theirs = set(ours), set(theirs)
    keep = {k for k in in_ours | in_theirs
            if (k in in_ours and k in in_theirs) or k not in in_base}
    return merge_order(base, ours, theirs, keep)
