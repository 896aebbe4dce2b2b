"""Align, distribute and make-same-size, as pure geometry on ``(x, y, w, h)`` boxes.

An approval dossier's overview has 40–60 boxes; lining them up by dragging is slow and
never exact. Each operation here takes the selected boxes (in selection order: the first
is the reference for "same size") and returns their new boxes in the same order; the
window turns the changed ones into ``SetNodeBoundsCommand``s, one undo step.

Align works against the box around the selection (like PowerPoint and draw.io): align
left puts every left edge on the leftmost one. Distribute keeps the two outermost boxes
where they are and spaces the others so every gap is the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .commands import SetNodeBoundsCommand

if TYPE_CHECKING:
    from .model import Model

Box = tuple[int, int, int, int]

ALIGN_LEFT = "align_left"
ALIGN_RIGHT = "align_right"
ALIGN_TOP = "align_top"
ALIGN_BOTTOM = "align_bottom"
#: Centres on one vertical line (the same x centre).
ALIGN_CENTRE_H = "align_centre_h"
#: Centres on one horizontal line (the same y centre).
ALIGN_CENTRE_V = "align_centre_v"
DISTRIBUTE_H = "distribute_h"
DISTRIBUTE_V = "distribute_v"
SAME_WIDTH = "same_width"
SAME_HEIGHT = "same_height"
SAME_SIZE = "same_size"


def align(boxes: Sequence[Box], how: str) -> list[Box]:
    """Align ``boxes`` against the box around them; sizes never change."""
    if not boxes:
        return []
    left = min(x for x, _, _, _ in boxes)
    top = min(y for _, y, _, _ in boxes)
    right = max(x + w for x, _, w, _ in boxes)
    bottom = max(y + h for _, y, _, h in boxes)
    centre_x = (left + right) / 2
    centre_y = (top + bottom) / 2
    out: list[Box] = []
    for x, y, w, h in boxes:
        if how == ALIGN_LEFT:
            x = left
        elif how == ALIGN_RIGHT:
            x = right - w
        elif how == ALIGN_TOP:
            y = top
        elif how == ALIGN_BOTTOM:
            y = bottom - h
        elif how == ALIGN_CENTRE_H:
            x = round(centre_x - w / 2)
        elif how == ALIGN_CENTRE_V:
            y = round(centre_y - h / 2)
        else:
            raise ValueError(f"unknown alignment {how!r}")
        out.append((x, y, w, h))
    return out


def distribute(boxes: Sequence[Box], horizontal: bool = True) -> list[Box]:
    """Equal gaps between neighbours along one axis; the first and last box (by their
    centres) stay put. Gaps are whole points, so a remainder is spread one point at a
    time from the start."""
    if len(boxes) < 3:
        return list(boxes)
    pos, size = (0, 2) if horizontal else (1, 3)
    order = sorted(range(len(boxes)),
                   key=lambda i: (boxes[i][pos] + boxes[i][size] / 2, i))
    first, last = boxes[order[0]], boxes[order[-1]]
    start, end = first[pos], last[pos] + last[size]
    free = end - start - sum(b[size] for b in boxes)
    gaps = len(boxes) - 1
    base, extra = divmod(free, gaps)
    out = list(boxes)
    cursor = start
    for rank, index in enumerate(order):
        box = list(boxes[index])
        box[pos] = cursor
        out[index] = (box[0], box[1], box[2], box[3])
        cursor += box[size] + base + (1 if rank < extra else 0)
    return out


def same_size(boxes: Sequence[Box], width: bool = True, height: bool = True) -> list[Box]:
    """The first box's width and/or height for every box; top-left corners stay."""
    if not boxes:
        return []
    _, _, w0, h0 = boxes[0]
    return [(x, y, w0 if width else w, h0 if height else h) for x, y, w, h in boxes]


OPERATIONS: dict[str, Callable[[Sequence[Box]], list[Box]]] = {
    ALIGN_LEFT: lambda b: align(b, ALIGN_LEFT),
    ALIGN_RIGHT: lambda b: align(b, ALIGN_RIGHT),
    ALIGN_TOP: lambda b: align(b, ALIGN_TOP),
    ALIGN_BOTTOM: lambda b: align(b, ALIGN_BOTTOM),
    ALIGN_CENTRE_H: lambda b: align(b, ALIGN_CENTRE_H),
    ALIGN_CENTRE_V: lambda b: align(b, ALIGN_CENTRE_V),
    DISTRIBUTE_H: lambda b: distribute(b, horizontal=True),
    DISTRIBUTE_V: lambda b: distribute(b, horizontal=False),
    SAME_WIDTH: lambda b: same_size(b, width=True, height=False),
    SAME_HEIGHT: lambda b: same_size(b, width=False, height=True),
    SAME_SIZE: lambda b: same_size(b),
}


def minimum_selection(operation: str) -> int:
    """How many boxes ``operation`` needs to mean anything (distribute needs three)."""
    return 3 if operation in (DISTRIBUTE_H, DISTRIBUTE_V) else 2


def top_level(model: Model, view_id: str, node_ids: Sequence[str]) -> list[str]:
    """``node_ids`` without those nested (at any depth) in another of them: moving a
    parent moves its children, so arranging both would move a child twice."""
    view = model.view(view_id)
    chosen = set(node_ids)
    out = []
    for node_id in node_ids:
        if node_id not in view.nodes:
            continue
        parent, seen = view.nodes[node_id].parent, set()
        nested = False
        while parent is not None and parent in view.nodes and parent not in seen:
            if parent in chosen:
                nested = True
                break
            seen.add(parent)
            parent = view.nodes[parent].parent
        if not nested:
            out.append(node_id)
    return out


def arrange_commands(model: Model, view_id: str, node_ids: Sequence[str],
                     operation: str) -> list[SetNodeBoundsCommand]:
    """The ``SetNodeBoundsCommand``s that apply ``operation`` to the nodes (first one the
    reference), for the nodes that actually change; empty when nothing would move."""
    try:
        op = OPERATIONS[operation]
    except KeyError:
        raise ValueError(f"unknown arrange operation {operation!r}") from None
    ids = top_level(model, view_id, node_ids)
    if len(ids) < minimum_selection(operation):
        return []
    view = model.view(view_id)
    before = [view.nodes[i].bounds for i in ids]
    after = op(before)
    return [SetNodeBoundsCommand(view_id, node_id, *new)
            for node_id, old, new in zip(ids, before, after, strict=True) if new != old]


__all__ = [
    "ALIGN_BOTTOM", "ALIGN_CENTRE_H", "ALIGN_CENTRE_V", "ALIGN_LEFT", "ALIGN_RIGHT",
    "ALIGN_TOP", "DISTRIBUTE_H", "DISTRIBUTE_V", "OPERATIONS", "SAME_HEIGHT", "SAME_SIZE",
    "SAME_WIDTH", "Box", "align", "arrange_commands", "distribute", "minimum_selection",
    "same_size", "top_level",
]
