""""Generate overview" and "Re-layout view" on the national model, timed, with the quality
of the routes they draw.

Usage: python benchmarks/bench_relayout.py [--sizes 1000,2000] [--runs 1]
                                           [--dump FOLDER] [--compare FOLDER]

For each size N it builds ``tests/helpers/national_model.py``'s model of N elements (its
overview view holds min(2,000, N) element nodes) and times, as CPU seconds (median of R
runs): "Generate overview" of the whole inventory, and "Re-layout" of the big view; the
floor is the same boxes in a plain grid with straight lines. For each routed view it
prints what a reader of the diagram sees:

- crossings: pairs of segments of two different lines that cross;
- bends: bendpoints of all lines;
- through a box: lines with a segment through an element box other than their ends and
  what those are nested in, or through a band's label tab;
- on top: pairs of lines that run on top of each other for more than a few points (two
  lines of one type sharing their source or target, a fan, are left out: the router allows
  them);
- slanting: lines not drawn with right angles only (what the router gives a line with no
  clear route).

``--dump FOLDER`` writes every line's bendpoints (by relationship id) to JSON files there;
``--compare FOLDER`` says how many lines are routed differently from such a dump (run it on
two checkouts to see whether a change kept the routes). Tests never assert a time; this
script only prints.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.timing import median_cpu_seconds  # noqa: E402
from egov_modeler.diagram.notation import connection_points  # noqa: E402
from egov_modeler.diagram.overview_layout import generate_overview, relayout_command  # noqa: E402
from egov_modeler.diagram.routing import (  # noqa: E402
    _ancestors,
    _axis_aligned,
    _BoxIndex,
    container_tab,
)
from egov_modeler.diagram.segment_grid import SegmentGrid  # noqa: E402
from egov_modeler.model.ids import new_id  # noqa: E402
from egov_modeler.model.views import Connection, Node, View  # noqa: E402
from tests.helpers.national_model import BIG_VIEW, build_national_model  # noqa: E402


def grid_floor(model, view: View) -> View:
    """The floor: the view's element boxes in a plain grid, straight lines."""
    floor = View(new_id())
    nodes: dict[str, Node] = {}
    elements = [n for n in view.nodes.values() if n.element_id]
    for index, old in enumerate(elements):
        node = Node(new_id(), 40 + (index % 40) * 200, 40 + (index // 40) * 110, 170, 64,
                    element_id=old.element_id)
        floor.nodes[node.id] = node
        nodes.setdefault(old.element_id or "", node)
    for rel in model.relationships:
        if rel.source in nodes and rel.target in nodes:
            connection = Connection(new_id(), nodes[rel.source].id, nodes[rel.target].id,
                                    rel.id)
            floor.connections[connection.id] = connection
    return floor


def quality(model, view: View) -> dict[str, int]:
    """Crossings, bends, lines through a box, pairs on top, slanting lines."""
    types = {rel.id: rel.type for rel in model.relationships}
    lines = []
    for connection in view.connections.values():
        if connection.source not in view.nodes or connection.target not in view.nodes:
            continue
        s, t = view.nodes[connection.source], view.nodes[connection.target]
        points = connection_points(s.bounds, t.bounds, connection.bendpoints)
        lines.append((connection, types.get(connection.relationship_id or "", ""), points))
    boxes = _BoxIndex([(n.id, n.bounds) for n in view.nodes.values() if n.kind == "element"])
    tabs = _BoxIndex([(n.id, container_tab(n)) for n in view.nodes.values()
                      if n.kind == "container"])
    through = 0
    for connection, _kind, points in lines:
        allowed = (connection.source, connection.target, *_ancestors(view, connection.source),
                   *_ancestors(view, connection.target))
        through += any(boxes.blocks(a, b, 0, allowed) or tabs.blocks(a, b, 0, allowed)
                       for a, b in zip(points, points[1:], strict=False))
    grid = SegmentGrid()
    for k, (_c, _kind, points) in enumerate(lines):
        grid.add(k, points)
    crossings = on_top = 0
    for k, (connection, kind, points) in enumerate(lines):
        crossed, along = grid.meet(points)
        crossings += sum(n for j, n in crossed.items() if j > k)
        for j in along:
            other, other_kind, _points = lines[j]
            fan = kind == other_kind and (connection.source == other.source
                                          or connection.target == other.target)
            on_top += j > k and not fan
    return {"lines": len(lines), "crossings": crossings,
            "bends": sum(len(c.bendpoints) for c, _k, _p in lines),
            "through a box": through, "on top": on_top,
            "slanting": sum(not _axis_aligned(p) for _c, _k, p in lines)}


def routes(view: View) -> dict[str, list[list[int]]]:
    return {c.relationship_id or c.id: [list(map(int, p)) for p in c.bendpoints]
            for c in view.connections.values()}


def differing(mine: dict, theirs: dict) -> int:
    return sum(mine.get(key) != theirs.get(key) for key in set(mine) | set(theirs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    logging.getLogger("egov_modeler.diagram.routing").setLevel(logging.ERROR)
    for size in (int(s) for s in args.sizes.split(",") if s):
        model = build_national_model(size)
        big = model.view(BIG_VIEW)
        floor = median_cpu_seconds(lambda model=model, big=big: grid_floor(model, big), args.runs)
        results: dict[str, dict] = {}
        made: dict[str, View] = {}

        def overview(model=model, made=made) -> None:
            made["overview"] = generate_overview(model)[1]

        results["overview"] = {"cpu": median_cpu_seconds(overview, args.runs)}
        relayout = relayout_command(model, BIG_VIEW)
        results["re-layout"] = {"cpu": median_cpu_seconds(
            lambda model=model: relayout_command(model, BIG_VIEW), args.runs)}
        if relayout is not None:
            model.execute(relayout)
        made["re-layout"] = model.view(BIG_VIEW)
        for name, view in made.items():
            figures = quality(model, view)
            cpu = results[name]["cpu"]
            print(f"{size:>6} {name:<10} cpu {cpu:7.2f} s (floor {floor:5.2f} s, "
                  f"ratio {cpu / max(floor, 1e-9):6.1f})  "
                  + "  ".join(f"{k} {v}" for k, v in figures.items()), flush=True)
            mine = routes(view)
            if args.dump:
                args.dump.mkdir(parents=True, exist_ok=True)
                (args.dump / f"{size}-{name}.json").write_text(json.dumps(mine))
            if args.compare:
                theirs = json.loads((args.compare / f"{size}-{name}.json").read_text())
                print(f"{'':>6} {name:<10} {differing(mine, theirs)} of {len(mine)} lines "
                      f"routed differently from {args.compare}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
