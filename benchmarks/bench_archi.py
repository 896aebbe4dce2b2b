"""Open and save speed of Archi's ``.archimate`` files, next to lxml alone.

Usage: python benchmarks/bench_archi.py [FILE.archimate] [--elements N] [--views V] [--runs R]

Without a file, builds an Archi model of N elements (default 500), about 1.5 N
relationships and V views (default 30) of 40 figures each (nested in groups, half of the
connections with bendpoints), written by this program's Archi writer. Prints the median of
R runs (default 5) of: lxml parsing the bytes (the floor), opening the file
(``read_archi_bytes``: safe parse, ids, concepts, views with Archi's geometry), opening the
zip form, and saving (``archi_bytes``), each with its ratio to the floor. The target is
opening in under 1 s on the project's machines.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.timing import median_seconds  # noqa: E402
from egov_modeler.exchange.archi_reader import read_archi_bytes  # noqa: E402
from egov_modeler.exchange.archi_writer import archi_bytes  # noqa: E402
from egov_modeler.exchange.archi_zip import archive_bytes  # noqa: E402
from egov_modeler.model import Model  # noqa: E402
from egov_modeler.model.concepts import Element, Relationship  # noqa: E402
from egov_modeler.model.views import NODE_CONTAINER, Connection, Node, Style  # noqa: E402

TYPES = ("BusinessActor", "BusinessProcess", "ApplicationComponent", "ApplicationService",
         "DataObject", "Node", "TechnologyService", "Requirement")


def build(elements: int, views: int) -> Model:
    """A model shaped like a provincial architecture: layers of elements, flows between
    them, views of 40 figures in 4 groups."""
    model = Model("Kiến trúc số tỉnh (benchmark)")
    for i in range(elements):
        model.load_element(Element(f"id-e{i}", TYPES[i % len(TYPES)], f"Hệ thống số {i}",
                                   documentation="Mô tả " * 5,
                                   properties=[("Chủ quản", f"Sở {i % 20}")]))
    rels = []
    for i in range(elements * 3 // 2):
        source, target = f"id-e{i % elements}", f"id-e{(i * 7 + 1) % elements}"
        rel = Relationship(f"id-r{i}", "Association", source, target, name=f"luồng {i}")
        model.load_relationship(rel)
        rels.append(rel)
    by_source: dict[str, list[Relationship]] = {}
    for rel in rels:
        by_source.setdefault(rel.source, []).append(rel)
    for v in range(views):
        view = model.add_view(f"Sơ đồ {v}")
        placed: dict[str, str] = {}
        for g in range(4):
            group = f"id-v{v}-g{g}"
            model.load_node(view.id, Node(group, 20, 20 + g * 260, 1400, 240,
                                          kind=NODE_CONTAINER, label=f"Lớp {g}",
                                          style=Style(fill="#e0f0ff")))
            for k in range(10):
                index = (v * 40 + g * 10 + k) % elements
                node = f"id-v{v}-n{g * 10 + k}"
                model.load_node(view.id, Node(node, 40 + k * 135, 60 + g * 260, 120, 55,
                                              element_id=f"id-e{index}", parent=group))
                placed[f"id-e{index}"] = node
        for element_id, node_id in placed.items():
            for rel in by_source.get(element_id, []):
                if rel.target in placed:
                    bends = [(700, 10 + len(view.connections) % 900)] if len(
                        view.connections) % 2 else []
                    model.load_connection(view.id, Connection(
                        f"id-v{v}-c{len(view.connections)}", node_id, placed[rel.target],
                        relationship_id=rel.id, bendpoints=bends))
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", default=None)
    parser.add_argument("--elements", type=int, default=500)
    parser.add_argument("--views", type=int, default=30)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if args.file:
        data, name = Path(args.file).read_bytes(), Path(args.file).name
    else:
        data, _ = archi_bytes(build(args.elements, args.views))
        name = f"generated ({args.elements} elements, {args.views} views)"
    model = read_archi_bytes(data, name)
    xml = data if data.lstrip().startswith(b"<") else None
    zipped = archive_bytes(xml, {}) if xml is not None else data
    lxml_parser = etree.XMLParser(huge_tree=True)

    floor = median_seconds(lambda: etree.fromstring(xml or data, lxml_parser), args.runs) \
        if xml is not None else None
    rows = [
        ("open (read_archi_bytes)", median_seconds(lambda: read_archi_bytes(data), args.runs)),
        ("open the zip form", median_seconds(lambda: read_archi_bytes(zipped), args.runs)),
        ("save (archi_bytes)", median_seconds(lambda: archi_bytes(model), args.runs)),
    ]
    print(f"{name}: {len(data) / 1e6:.1f} MB, {len(model.elements)} elements, "
          f"{len(model.relationships)} relationships, {len(model.views)} views, "
          f"{sum(len(v.nodes) for v in model.views)} figures; median of {args.runs} runs")
    if floor is not None:
        print(f"  {'lxml parse (floor)':<28} {floor:7.3f} s")
    for label, seconds in rows:
        ratio = f"  ({seconds / floor:5.1f} x the floor)" if floor else ""
        print(f"  {label:<28} {seconds:7.3f} s{ratio}")
    print("  target: open in under 1 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
