"""PDF dossier and image speed.

Usage: python benchmarks/bench_pdf.py [--runs N] [--nodes N]

Prints the median of N runs (default 3) of:
- the provincial template (egov_modeler/resources/templates/provincial-2020.egov; built in memory
  from the catalog when the file is absent) to a full dossier PDF, A3 landscape (goal < 2 s);
- one generated view of 2,000 nodes (with connections) to a dossier PDF (goal < 10 s),
  fitted and tiled on A3, and to PNG and SVG.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from egov_modeler.export.images import write_png, write_svg  # noqa: E402
from egov_modeler.export.pdf.dossier import DossierOptions, write_dossier  # noqa: E402
from egov_modeler.model import Model  # noqa: E402
from egov_modeler.model.concepts import Element, Relationship  # noqa: E402
from egov_modeler.model.views import Connection, Node, View  # noqa: E402

TEMPLATE = REPO / "egov_modeler" / "resources" / "templates" / "provincial-2020.egov"
WORDS = ("Hệ thống thông tin giải quyết thủ tục hành chính Cổng Dịch vụ công quốc gia "
         "Trục liên thông văn bản Cơ sở dữ liệu dân cư đất đai doanh nghiệp tỉnh huyện xã").split()


def provincial() -> tuple[Model, str]:
    if TEMPLATE.is_file():
        from egov_modeler.storage.native import load

        return load(TEMPLATE), str(TEMPLATE.relative_to(REPO))
    try:
        from egov_modeler.resources.templates.build_templates import build

        return build("provincial"), "provincial template built in memory"
    except Exception:
        return generated(60), "generated 60-node model (no provincial template)"


def generated(count: int, seed: int = 7) -> Model:
    """A model with one view of ``count`` element nodes in a grid and ~count connections,
    built with the bulk primitives (this measures export, not model building)."""
    rng = random.Random(seed)
    model = Model("Mô hình thử nghiệm")
    view = View(id="id-view", name="Sơ đồ lớn")
    model._put_view(view)
    types = ("ApplicationComponent", "BusinessActor", "ApplicationService", "Node",
             "DataObject", "BusinessProcess", "TechnologyService", "Requirement")
    columns = max(1, int(count ** 0.5 * 1.4))
    for i in range(count):
        name = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9)))
        element = Element(id=f"id-e{i}", type=types[i % len(types)], name=name)
        model._put_element(element)
        node = Node(id=f"id-n{i}", x=20 + (i % columns) * 160, y=20 + (i // columns) * 100,
                    w=130, h=60, element_id=element.id)
        model._put_node(view.id, node)
    for i in range(1, count):
        j = i - 1 if i % columns else i - columns
        if j < 0:
            continue
        rel = Relationship(id=f"id-r{i}", type="Association", source=f"id-e{j}",
                           target=f"id-e{i}")
        model._put_relationship(rel)
        model._put_connection(view.id, Connection(id=f"id-c{i}", source=f"id-n{j}",
                                                  target=f"id-n{i}", relationship_id=rel.id))
    return model


def median_seconds(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nodes", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        model, source = provincial()
        write_dossier(model, out / "warm.pdf")  # font loading, imports
        seconds, pages = median_seconds(
            lambda: write_dossier(model, out / "provincial.pdf"), args.runs)
        print(f"provincial template ({source}): {len(model.elements)} elements, "
              f"{len(model.views)} views -> {pages} pages in {seconds:.2f} s (goal < 2 s)")

        big = generated(args.nodes)
        view = big.views[0]
        for label, options in (
                ("fitted, A3", DossierOptions(appendix=False)),
                ("tiled, A3", DossierOptions(appendix=False, tile=True)),
                ("with appendices, A3", DossierOptions())):
            seconds, pages = median_seconds(
                lambda o=options: write_dossier(big, out / "big.pdf", o), args.runs)
            print(f"{args.nodes}-node view to PDF ({label}): {pages} pages in "
                  f"{seconds:.2f} s (goal < 10 s)")
        seconds, size = median_seconds(
            lambda: write_png(big, view, out / "big.png", scale=1.0), 1)
        print(f"{args.nodes}-node view to PNG at 1 px/pt ({size[0]}x{size[1]}): "
              f"{seconds:.2f} s")
        seconds, _ = median_seconds(lambda: write_svg(big, view, out / "big.svg"), 1)
        print(f"{args.nodes}-node view to SVG: {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
