"""Save and load speed of the native .egov file on a big view, next to json alone.

Usage: python benchmarks/bench_native.py [--nodes N] [--attributes N] [--runs N]

Builds a model with one view of N nodes (default 20,000: bands holding elements, one
connection per pair) and one element with many properties (default 200,000), then prints
the median of N runs (default 3) of: json.dumps and json.loads of the same data (the
floor), our save (model to bytes, written atomically), our load (safe JSON, typed reading,
reference checks), a journal snapshot line and a journal recovery of it, and each one's
ratio to the floor. Both are linear: doubling --nodes roughly doubles every line (issue 11
measured 22.9 s for saving 20,000 nodes before).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.timing import median_seconds  # noqa: E402
from egov_modeler.model import Model  # noqa: E402
from egov_modeler.model.concepts import Element, Relationship  # noqa: E402
from egov_modeler.model.serialization import model_to_dict  # noqa: E402
from egov_modeler.model.views import Connection, Node, View  # noqa: E402
from egov_modeler.storage.journal import Journal, model_base, recover  # noqa: E402
from egov_modeler.storage.native import load, save  # noqa: E402


def big_model(nodes: int, attributes: int) -> Model:
    """One view of ``nodes`` nodes: a band per 100 elements, a Flow between neighbours."""
    model = Model("Bench")
    view = View("id-view", "Sơ đồ lớn")
    model.load_view(view)
    band = None
    previous = None
    for index in range(nodes):
        if index % 100 == 0:
            band = Node(f"id-band-{index}", 0, index, 5000, 200, kind="container",
                        label=f"Dải {index}")
            view.nodes[band.id] = band
            continue
        element = Element(f"id-e{index}", "ApplicationComponent", f"Hệ thống {index}")
        model.load_element(element)
        node = Node(f"id-n{index}", index % 5000, index % 20000, 120, 55,
                    element_id=element.id, parent=band.id if band else None)
        view.nodes[node.id] = node
        if previous is not None:
            rel = Relationship(f"id-r{index}", "Flow", previous[0], element.id)
            model.load_relationship(rel)
            view.connections[f"id-c{index}"] = Connection(f"id-c{index}", previous[1], node.id,
                                                          relationship_id=rel.id)
        previous = (element.id, node.id)
    model.load_element(Element("id-many", "DataObject", "Nhiều thuộc tính",
                               properties=[(f"k{i}", f"giá trị {i}") for i in range(attributes)]))
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=20_000)
    parser.add_argument("--attributes", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    model = big_model(args.nodes, args.attributes)
    data = model_to_dict(model)
    text = json.dumps(data, ensure_ascii=False, indent=1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.egov"
        save(model, path)
        journal = Journal(Path(folder) / "j.journal", model_base(Model("x")))
        journal.append_snapshot(model)
        journal.close(delete=False)
        floor_dump = median_seconds(lambda: json.dumps(data, ensure_ascii=False, indent=1),
                                    args.runs)
        floor_load = median_seconds(lambda: json.loads(text), args.runs)
        rows = [
            ("json.dumps (floor)", floor_dump, floor_dump),
            ("json.loads (floor)", floor_load, floor_load),
            ("save (native.save)", median_seconds(lambda: save(model, path), args.runs),
             floor_dump),
            ("load (native.load)", median_seconds(lambda: load(path), args.runs), floor_load),
            ("journal snapshot line",
             median_seconds(lambda: Journal(Path(folder) / "s.journal", {"model": {}})
                            .append_snapshot(model), args.runs), floor_dump),
            ("journal recovery", median_seconds(lambda: recover(journal.path), args.runs),
             floor_load),
        ]
    print(f"{args.nodes} nodes in one view, {len(model.relationships)} relationships, one "
          f"element with {args.attributes} properties; {len(text) / 1e6:.1f} MB; median of "
          f"{args.runs} runs")
    for label, seconds, floor in rows:
        print(f"  {label:28s} {seconds:7.3f} s   {seconds / floor:5.1f} x floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
